package io.chartlens.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.record.Freshness;
import io.chartlens.record.PatientRecord;
import io.chartlens.record.ReferenceDate;
import io.chartlens.record.SandboxRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scores computed from real sandbox records: every score answers, and the record's facts reach the inputs. */
class RiskPanelTest {

    private static List<RiskScore> scores;
    private static Freshness freshness;

    @BeforeAll
    static void load() throws Exception {
        scores = List.copyOf(ScoreRegistryTest.loadFromRepo().values());
        freshness = new Freshness(Files.readString(Path.of("smart-config/record/freshness.json")));
    }

    @Test
    void everyScoreAnswersForEveryCommittedSandboxPatient() {
        for (String patient : List.of(SandboxRecords.A04, SandboxRecords.A05, SandboxRecords.P907)) {
            PatientRecord record = SandboxRecords.assemble(patient, ReferenceDate.Mode.LAST_RECORD, Instant.now());
            RiskPanel panel = RiskPanel.of(record, scores, freshness);
            assertEquals(9, panel.cards().size());
            for (RiskPanel.Card card : panel.cards()) {
                assertNotNull(card.headline(), card.id());
                assertTrue(card.source() != null && card.source().matches(".*(19|20)\\d\\d.*"),
                        card.id() + " cites its source with a year: " + card.source());
                if (!card.final_()) {
                    assertFalse(card.headline().matches("^\\d.*"), card.id() + ": no total without all inputs");
                }
            }
        }
    }

    @Test
    void cha2ds2VascForTheVeryOldManWithAfStrokeAndMiCountsHisCodedHistory() {
        PatientRecord record = SandboxRecords.assemble(SandboxRecords.A05, ReferenceDate.Mode.LAST_RECORD, Instant.now());
        RiskPanel.Card card = card(RiskPanel.of(record, scores, freshness), "cha2ds2vasc");
        Map<String, String> inputs = new java.util.HashMap<>();
        card.inputs().forEach(i -> inputs.put(i.name(), i.value()));
        assertTrue(inputs.get("atrialFibrillation").startsWith("yes"), inputs.toString());
        assertTrue(inputs.get("hypertension").startsWith("yes"), inputs.toString());
        assertEquals("107 years", inputs.get("age"), "born 1913-01-13, reference date 2021-01-04");
        assertEquals("male", inputs.get("sex"));
        assertTrue(card.final_(), card.headline() + " " + card.missing());
        // By hand (Lip 2010): hypertension 1 + age >= 75 2 + stroke/TIA 2 + vascular disease (MI) 1 + male 0 = 6
        assertTrue(card.headline().startsWith("6 points"), card.headline() + " " + inputs);
    }

    @Test
    void news2IsIncompleteWithoutConsciousnessAndOxygenAndShowsNoTotal() {
        PatientRecord record = SandboxRecords.assemble(SandboxRecords.A04, ReferenceDate.Mode.LAST_RECORD, Instant.now());
        RiskPanel.Card card = card(RiskPanel.of(record, scores, freshness), "news2");
        assertEquals("incomplete", card.status());
        assertTrue(card.headline().startsWith("Incomplete"), card.headline());
        assertFalse(card.missing().isEmpty());
    }

    @Test
    void laceIsComputedFromTheLastInpatientStay() {
        PatientRecord record = SandboxRecords.assemble(SandboxRecords.A04, ReferenceDate.Mode.LAST_RECORD, Instant.now());
        var stay = StayInputs.indexStay(record).orElseThrow();
        long days = java.time.temporal.ChronoUnit.DAYS.between(stay.start().toLocalDate(), stay.end().toLocalDate());
        RiskPanel.Card charlson = card(RiskPanel.of(record, scores, freshness), "charlson");
        assertTrue(charlson.final_(), charlson.headline() + " " + charlson.missing() + " " + charlson.warnings());
        RiskPanel.Card lace = card(RiskPanel.of(record, scores, freshness), "lace");
        Map<String, String> inputs = new java.util.HashMap<>();
        lace.inputs().forEach(i -> inputs.put(i.name(), i.value()));
        assertEquals(days + " d", inputs.get("lengthOfStayDays"));
        assertTrue(inputs.get("charlsonIndex").endsWith("points"), inputs.toString());
        assertTrue(lace.final_(), lace.headline() + " missing " + lace.missing() + " " + inputs);
        RiskPanel.Card hospital = card(RiskPanel.of(record, scores, freshness), "hospital");
        assertTrue(hospital.missing().contains("Discharge from an oncology service"), hospital.missing().toString());
    }

    @Test
    void pooledCohortRiskForTheFiftyYearOldWomanUsesHerLatestLabsSmokingStatusAndRace() {
        PatientRecord record = SandboxRecords.assemble(SandboxRecords.A04, ReferenceDate.Mode.LAST_RECORD, Instant.now());
        RiskPanel.Card pce = card(RiskPanel.of(record, scores, freshness), "pce");
        Map<String, String> inputs = new java.util.HashMap<>();
        pce.inputs().forEach(i -> inputs.put(i.name(), i.value()));
        assertEquals(record.latest("totalCholesterol").orElseThrow().value().stripTrailingZeros().toPlainString()
                + " mg/dL", inputs.get("totalCholesterol"));
        assertEquals(record.latest("hdlCholesterol").orElseThrow().value().stripTrailingZeros().toPlainString()
                + " mg/dL", inputs.get("hdlCholesterol"));
        assertEquals("female", inputs.get("sex"));
        assertTrue(inputs.get("smoker") != null, "smoking status read from LOINC 72166-2: " + inputs);
        assertTrue(pce.final_() || pce.status().equals("out_of_range"), pce.headline() + " " + pce.missing() + inputs);
    }

    private static RiskPanel.Card card(RiskPanel panel, String id) {
        return panel.cards().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void laceIsHighForTheReadmissionDemoPatient() {
        // c01: fictitious, written for the bundles demo. van Walraven 2010: L 8 d -> 5, A emergent (ED the same
        // morning) -> 3, C Charlson 5 (CHF 1 + COPD 1 + diabetes 1 + CKD stage 4 2) -> 5, E 3 ED visits in the
        // 6 months before -> 3; total 16, high (>= 10)
        PatientRecord record = SandboxRecords.assemble("c01a0000-0000-4000-8000-000000000001",
                ReferenceDate.Mode.LAST_RECORD, Instant.now());
        RiskPanel.Card charlson = card(RiskPanel.of(record, scores, freshness), "charlson");
        assertTrue(charlson.final_(), charlson.headline() + " " + charlson.missing() + " " + charlson.warnings());
        RiskPanel.Card lace = card(RiskPanel.of(record, scores, freshness), "lace");
        assertTrue(lace.final_(), lace.headline() + " " + lace.missing());
        assertTrue(lace.headline().startsWith("16 points"), lace.headline());
        assertEquals("high (LACE >= 10)", lace.band());
        assertTrue(lace.alert());
    }
}
