package io.chartlens.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.fhir.RecordSection;
import io.chartlens.fhir.SectionStatus;
import io.chartlens.fhir.SectionStatus.Availability;
import io.chartlens.record.Code;
import io.chartlens.record.Demographics;
import io.chartlens.record.Entries.Problem;
import io.chartlens.record.Freshness;
import io.chartlens.record.PatientRecord;
import io.chartlens.record.ReferenceDate;
import io.chartlens.record.SandboxRecords;
import io.chartlens.summary.RecordStrip.Item;
import io.chartlens.summary.RecordStrip.Vital;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RecordStripTest {

    private static final Instant NOW = Instant.parse("2025-05-06T10:00:00Z");
    private static Freshness freshness;
    private static PatientRecord a05;

    @BeforeAll
    static void load() throws IOException {
        freshness = new Freshness(Files.readString(Path.of("smart-config/record/freshness.json"),
                StandardCharsets.UTF_8));
        a05 = SandboxRecords.assemble(SandboxRecords.A05, ReferenceDate.Mode.LAST_RECORD, NOW);
    }

    private static Vital vital(RecordStrip strip, String label) {
        return strip.vitals().stream().filter(v -> v.label().equals(label)).findFirst().orElseThrow();
    }

    /** A record with the given problems and section availabilities (all others COMPLETE). */
    private static PatientRecord record(ReferenceDate ref, List<Problem> problems,
                                        Map<RecordSection, Availability> availability) {
        List<SectionStatus> sections = new ArrayList<>();
        for (RecordSection s : RecordSection.values()) {
            Availability a = availability.getOrDefault(s, Availability.COMPLETE);
            sections.add(new SectionStatus(s, a, a == Availability.COMPLETE ? null : "the EHR did not answer in time",
                    1, 0));
        }
        return new PatientRecord("p1", new Demographics(null, Demographics.Sex.UNKNOWN, false, null), ref, List.of(),
                List.of(), List.of(), problems, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                sections, 13, 1, NOW);
    }

    private static ReferenceDate now() {
        return new ReferenceDate(NOW, ReferenceDate.Mode.NOW);
    }

    private static Problem problem(String code, String display, String onset, String id) {
        return new Problem(new Code(Code.SNOMED, code, display), onset == null ? null : OffsetDateTime.parse(onset),
                true, "active", "Condition/" + id);
    }

    @Test
    void showsBloodPressureAsSystolicOverDiastolicFromTheNewestPanel() {
        Observation newest = SandboxRecords.bundle(SandboxRecords.A05_FILE).getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Observation.class::isInstance).map(Observation.class::cast)
                .filter(o -> o.getComponent().stream().anyMatch(c -> Code.anyOf(c.getCode(), Code.LOINC,
                        List.of("8480-6"))))
                .max(Comparator.comparing(o -> o.getEffectiveDateTimeType().getValue())).orElseThrow();

        Vital bp = vital(RecordStrip.of(a05, freshness), "BP");

        assertEquals(plain(newest, "8480-6") + "/" + plain(newest, "8462-4") + " mm[Hg]", bp.value());
        assertEquals("Observation/" + newest.getIdElement().getIdPart().replaceFirst("^urn:uuid:", ""), bp.source());
        assertEquals("30 min ago", bp.age(), "panel 05:19:57, last record date 05:49:57");
        assertFalse(bp.stale());
    }

    private static String plain(Observation o, String loinc) {
        BigDecimal v = o.getComponent().stream().filter(c -> Code.anyOf(c.getCode(), Code.LOINC, List.of(loinc)))
                .findFirst().orElseThrow().getValueQuantity().getValue();
        return v.stripTrailingZeros().toPlainString();
    }

    @Test
    void showsAMissingVitalAsNotRecordedRatherThanNormal() {
        // gsd has no heart rate, respiratory rate or SpO2 at all (MANIFEST).
        RecordStrip strip = RecordStrip.of(a05, freshness);

        assertEquals(new Vital("Heart rate", null, null, false, null), vital(strip, "Heart rate"));
        assertEquals(new Vital("SpO2", null, null, false, null), vital(strip, "SpO2"));
        assertFalse(strip.vitalsUnavailable());
        assertEquals(List.of(), strip.unavailable());
    }

    @Test
    void saysNoneRecordedForAnEmptyListFromACompleteSection() {
        RecordStrip strip = RecordStrip.of(a05, freshness);

        assertEquals(List.of(), strip.allergies());
        assertEquals("No allergies recorded.", strip.allergiesNote());
        assertEquals(8, strip.problems().size());
        assertNull(strip.problemsNote());
    }

    @Test
    void saysWhatCouldBeLoadedForAnEmptyListFromAPartialSection() {
        RecordStrip strip = RecordStrip.of(record(now(), List.of(),
                Map.of(RecordSection.CONDITIONS, Availability.PARTIAL)), freshness);

        assertEquals("No active problems recorded in what could be loaded.", strip.problemsNote());
        assertEquals(List.of("Problems are incomplete: the EHR did not answer in time."), strip.unavailable());
    }

    @Test
    void saysWhenVitalSignsCouldNotBeLoaded() {
        RecordStrip strip = RecordStrip.of(record(now(), List.of(),
                Map.of(RecordSection.VITAL_SIGNS, Availability.UNAVAILABLE)), freshness);

        assertTrue(strip.vitalsUnavailable());
        assertEquals(List.of("Vital signs could not be loaded: the EHR did not answer in time. Nothing is shown for them."),
                strip.unavailable());
        assertEquals("No active problems recorded.", strip.problemsNote());
    }

    @Test
    void saysAnUnavailableSectionIsNotAvailable() {
        RecordStrip strip = RecordStrip.of(record(now(), List.of(),
                Map.of(RecordSection.MEDICATIONS, Availability.UNAVAILABLE)), freshness);

        assertEquals("Not available: the EHR did not answer in time.", strip.medicationsNote());
        assertFalse(strip.vitalsUnavailable());
    }

    @Test
    void listsTheSameProblemOnceWithItsEarliestOnset() {
        List<Problem> problems = List.of(
                problem("38341003", "Hypertension", "2015-03-01T10:00:00Z", "newer"),
                problem("49436004", "Atrial Fibrillation", "2012-01-01T10:00:00Z", "af"),
                problem("38341003", "Hypertension", "2010-06-01T10:00:00Z", "older"));

        RecordStrip strip = RecordStrip.of(record(now(), problems, Map.of()), freshness);

        assertEquals(List.of(new Item("Hypertension", "2010-06-01", "Condition/newer"),
                new Item("Atrial Fibrillation", "2012-01-01", "Condition/af")), strip.problems());
        assertNull(strip.problemsNote());
    }

    @Test
    void keepsAKnownOnsetWhenTheSameProblemIsAlsoUndated() {
        List<Problem> problems = List.of(
                problem("38341003", "Hypertension", "2015-03-01T10:00:00Z", "dated"),
                problem("38341003", "Hypertension", null, "undated"));

        RecordStrip strip = RecordStrip.of(record(now(), problems, Map.of()), freshness);

        assertEquals(List.of(new Item("Hypertension", "2015-03-01", "Condition/dated")), strip.problems());
    }

    @Test
    void showsTwelveProblemsAndSaysHowManyThereAre() {
        List<Problem> problems = IntStream.rangeClosed(1, 15)
                .mapToObj(i -> problem("1000" + i, "Problem " + i, "2020-01-01T00:00:00Z", "c" + i)).toList();

        RecordStrip strip = RecordStrip.of(record(now(), problems, Map.of()), freshness);

        assertEquals(12, strip.problems().size());
        assertEquals("Showing 12 of 15.", strip.problemsNote());
        assertEquals("Problem 1", strip.problems().get(0).text());
    }

    @Test
    void countsDistinctProblemsWhenSayingHowManyThereAre() {
        List<Problem> problems = new ArrayList<>(IntStream.rangeClosed(1, 12)
                .mapToObj(i -> problem("1000" + i, "Problem " + i, "2020-01-01T00:00:00Z", "c" + i)).toList());
        problems.add(problem("10001", "Problem 1", "2019-01-01T00:00:00Z", "again"));

        RecordStrip strip = RecordStrip.of(record(now(), problems, Map.of()), freshness);

        assertEquals(12, strip.problems().size());
        assertNull(strip.problemsNote(), "13 Conditions but 12 distinct problems");
    }

    @Test
    void saysWhetherAgesAreRelativeToNowOrToTheLastRecordDate() {
        RecordStrip wallClock = RecordStrip.of(record(now(), List.of(), Map.of()), freshness);
        RecordStrip lastRecord = RecordStrip.of(a05, freshness);

        assertEquals("Ages are relative to now (2025-05-06).", wallClock.referenceNote());
        assertEquals("Ages are relative to 2021-01-04, the last date in this record (sandbox setting), not to today.",
                lastRecord.referenceNote());
    }
}
