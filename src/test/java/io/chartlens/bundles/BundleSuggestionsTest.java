package io.chartlens.bundles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.caregaps.CareGapStatus;
import io.chartlens.record.Entries.MedicationEntry;
import io.chartlens.record.Measurement;
import io.chartlens.record.PatientRecord;
import io.chartlens.risk.RiskPanel;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Suggestions on real sandbox records (loaded by the real loader from the real sandbox FHIR server on loopback),
 * scored by the real calculators; care gaps use the real measure definitions with chosen statuses.
 */
class BundleSuggestionsTest {

    private static SandboxEhr ehr;
    /** Trey Berge: 107, atrial fibrillation, stroke, MI, hypertension, on warfarin and simvastatin. */
    private static PatientRecord a05;
    /** Deane Howell: 50-year-old woman with breast cancer, an inpatient stay. */
    private static PatientRecord a04;

    @BeforeAll
    static void load() throws Exception {
        ehr = SandboxEhr.start();
        a05 = ehr.record(SandboxEhr.A05);
        a04 = ehr.record(SandboxEhr.A04);
    }

    @AfterAll
    static void stop() throws Exception {
        ehr.close();
    }

    @Test
    void aChads2VascHighManOnWarfarinIsNotOfferedAnAnticoagulationReview() {
        BundleSuggestions suggestions = suggest(a05, Records.noGaps(a05), ExistingOrders.notRead("not read"));
        assertTrue(suggestions.suggested().stream().noneMatch(b -> b.definition().id().equals("stroke-prevention")),
                "not suggested: " + ids(suggestions));
        BundleSuggestions.Withheld withheld = suggestions.withheld().stream()
                .filter(w -> w.definition().id().equals("stroke-prevention")).findFirst().orElseThrow();
        MedicationEntry warfarin = a05.activeMedications().stream()
                .filter(m -> m.medication().display().startsWith("Warfarin")).findFirst().orElseThrow();
        assertEquals(warfarin.source(), withheld.shownBy());
        assertEquals("Not suggested: the medication list has Warfarin Sodium 5 MG Oral Tablet.", withheld.reason());
        assertEquals("cha2ds2vasc", withheld.why().get(0).score().orElseThrow().id());
    }

    @Test
    void withoutAnAnticoagulantTheSameManIsOfferedTheReviewWithTheScoreAndItsInputsAsTheReason() {
        PatientRecord offWarfarin = Records.withoutMedications(a05,
                m -> m.medication().display().toLowerCase().contains("warfarin"));
        SuggestedBundle stroke = bundle(suggest(offWarfarin, Records.noGaps(a05), ExistingOrders.notRead("x")),
                "stroke-prevention");
        SuggestedBundle.Why why = stroke.why().get(0);
        assertEquals(new BundleTrigger.ScoreBand("cha2ds2vasc",
                "anticoagulation recommended (ESC 2020 class I: score >= 2 in men)"), why.trigger());
        assertTrue(why.summary().startsWith("CHA2DS2-VASc: 6 points"), why.summary());
        SuggestedBundle.Fact af = why.facts().stream().filter(f -> f.label().startsWith("Atrial fibrillation"))
                .findFirst().orElseThrow();
        assertTrue(af.value().startsWith("yes"), af.value());
        assertTrue(af.source().startsWith("Condition/"), af.source());
        assertEquals(ItemStatus.SUGGESTED, stroke.item("anticoagulation-review").orElseThrow().status());
        assertEquals(4, stroke.items().size());
    }

    @Test
    void aStatinTheManAlreadyTakesIsShownAsOrderedWithItsMedicationRequest() {
        SuggestedBundle statin = bundle(suggest(a05, Records.gaps(a05, CareGapStatus.OPEN_GAP, "statin"),
                ExistingOrders.notRead("x")), "statin");
        SuggestedBundle.Item item = statin.item("statin-therapy").orElseThrow();
        assertEquals(ItemStatus.ALREADY_ORDERED, item.status());
        MedicationEntry simvastatin = a05.activeMedications().stream()
                .filter(m -> "312961".equals(m.medication().code())).findFirst().orElseThrow();
        assertEquals(simvastatin.source(), item.shownBy().orElseThrow().reference());
        assertEquals("active", item.shownBy().orElseThrow().status());
        assertFalse(statin.suggestedItems().contains(item));
        assertEquals("Statin therapy for cardiovascular disease: Open gap, due " + a05.referenceDate().value()
                .atOffset(ZoneOffset.UTC).toLocalDate(), statin.why().get(0).summary());
        assertTrue(statin.notes().contains("x"), "says the EHR's orders were not read: " + statin.notes());
    }

    @Test
    void anOrderInTheEhrCarryingTheItemsDraftIdentifierIsAlreadyOrdered() {
        BundleDefinition screening = Config.catalog().bundle("preventive-screening").orElseThrow();
        String identifier = DraftOrders.identifierValue("Patient/" + a04.patientId(), screening, "screening-mammography");
        ExistingOrders orders = new ExistingOrders(List.of(new ExistingOrders.ExistingOrder("ServiceRequest/sr-1",
                new Concept(List.of(), "Screening mammogram"), "draft", Set.of(identifier), Optional.empty())), List.of());
        SuggestedBundle bundle = bundle(suggest(a04, Records.gaps(a04, CareGapStatus.OPEN_GAP, "breast"), orders),
                "preventive-screening");
        SuggestedBundle.Item mammogram = bundle.item("screening-mammography").orElseThrow();
        assertEquals(ItemStatus.ALREADY_ORDERED, mammogram.status());
        assertEquals("ServiceRequest/sr-1", mammogram.shownBy().orElseThrow().reference());
        assertTrue(bundle.notes().isEmpty(), bundle.notes().toString());
    }

    @Test
    void anItemWithItsOwnGapIsOfferedOnlyWhenThatGapIsOpen() {
        SuggestedBundle screening = bundle(suggest(a04, Records.gaps(a04, CareGapStatus.OPEN_GAP, "breast", "flu"),
                ExistingOrders.notRead("x")), "preventive-screening");
        assertEquals(List.of("screening-mammography", "influenza-vaccine"),
                screening.items().stream().map(SuggestedBundle.Item::id).toList());
        assertEquals(List.of(new BundleTrigger.GapStatus("breast", CareGapStatus.OPEN_GAP),
                new BundleTrigger.GapStatus("flu", CareGapStatus.OPEN_GAP)),
                screening.why().stream().map(SuggestedBundle.Why::trigger).toList());
        assertTrue(screening.why().get(0).gap().isPresent());
        BundleSuggestions closed = suggest(a04, Records.noGaps(a04), ExistingOrders.notRead("x"));
        assertTrue(closed.suggested().stream().noneMatch(b -> b.definition().id().equals("preventive-screening")));
    }

    @Test
    void news2AlreadyHighWithTheConsciousnessLevelMissingSuggestsTheDeteriorationBundleWithOutreach() {
        OffsetDateTime now = a04.referenceDate().value().atOffset(ZoneOffset.UTC);
        PatientRecord unwell = Records.withLatest(a04, List.of(
                vital("respiratoryRate", "Respiration rate", "26", "/min", now),
                vital("oxygenSaturation", "SpO2", "95", "%", now),
                vital("systolicBp", "Systolic BP", "105", "mm[Hg]", now),
                vital("heartRate", "Heart rate", "118", "/min", now),
                vital("bodyTemperature", "Temperature", "38.6", "Cel", now)));
        RiskPanel panel = Records.panel(unwell);
        RiskPanel.Card news2 = panel.cards().stream().filter(c -> c.id().equals("news2")).findFirst().orElseThrow();
        assertFalse(news2.final_(), "no consciousness level in the record: " + news2.headline());
        SuggestedBundle deterioration = bundle(BundleSuggestions.of(unwell, panel, Records.noGaps(a04),
                Config.catalog()), "deterioration");
        SuggestedBundle.Why why = deterioration.why().get(0);
        assertEquals(new BundleTrigger.ScoreBand("news2", "high (urgent or emergency response)"), why.trigger());
        assertTrue(why.summary().contains("at least high (urgent or emergency response)"), why.summary());
        assertTrue(why.facts().stream().anyMatch(f -> f.value().startsWith("26") && "Observation/rr".equals(f.source())),
                why.facts().toString());
        assertEquals(List.of("urgent-clinical-review", "observation-frequency", "critical-care-outreach"),
                deterioration.items().stream().map(SuggestedBundle.Item::id).toList());
        assertTrue(deterioration.items().stream().allMatch(i -> i.status() == ItemStatus.SUGGESTED));
        assertTrue(bundle(suggest(a04, Records.noGaps(a04), ExistingOrders.notRead("x")), "deterioration") == null,
                "the same woman with her recorded vital signs: no deterioration bundle");
    }

    private static Measurement vital(String kind, String label, String value, String unit, OffsetDateTime at) {
        String id = switch (kind) {
            case "respiratoryRate" -> "rr";
            case "oxygenSaturation" -> "spo2";
            case "systolicBp" -> "bp";
            case "heartRate" -> "hr";
            default -> "temp";
        };
        return new Measurement(kind, label, new BigDecimal(value), unit, at, Measurement.DateSource.EFFECTIVE_DATE_TIME,
                "Observation/" + id, new BigDecimal(value), unit, false);
    }

    private static BundleSuggestions suggest(PatientRecord record, io.chartlens.caregaps.CareGapReport gaps,
                                             ExistingOrders orders) {
        return BundleSuggestions.of(record, Records.panel(record), gaps, Config.catalog(), orders);
    }

    private static SuggestedBundle bundle(BundleSuggestions suggestions, String id) {
        return suggestions.suggested().stream().filter(b -> b.definition().id().equals(id)).findFirst().orElse(null);
    }

    private static List<String> ids(BundleSuggestions suggestions) {
        return suggestions.suggested().stream().map(b -> b.definition().id()).toList();
    }

}
