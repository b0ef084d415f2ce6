package io.chartlens.aisummary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.testsupport.CapturedLog;
import java.math.BigDecimal;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;

/** The verifier on a small record of real HAPI resources built here, so each number is known. */
class StatementVerifierTest {

    private static final String SODIUM = "Observation/sodium-1";
    private static final String BP = "Observation/bp-1";
    private static final String DIABETES = "Condition/dm-1";
    private static final String METFORMIN = "MedicationRequest/metformin-1";
    private static final String PATIENT = "Patient/p-1";
    private static final String CREATININE = "Observation/creatinine-1";

    private final EvidenceIndex index = EvidenceIndex.ofResources(List.of(sodium(), bloodPressure(), diabetes(),
            metformin(), patient(), creatinine()));
    private final StatementVerifier verifier = new StatementVerifier();

    @Test
    void keepsAStatementWhoseNumbersAreInItsCitation() {
        Verification v = verify("Sodium 132 mmol/L 12 d before, low.", SODIUM);
        assertTrue(v.allKept(), v.dropped().toString());
        assertEquals(1, v.kept().size());
    }

    @Test
    void matchesDecimalsWhateverTheirTrailingZeros() {
        // The resource says 132.00; the statement may write 132, 132.0 or 132.00.
        for (String written : List.of("132", "132.0", "132.00", "132.000")) {
            assertTrue(verify("Sodium " + written + " mmol/L", SODIUM).allKept(), written);
        }
        assertTrue(index.containsNumber(SODIUM, new BigDecimal("132")));
        assertTrue(index.numbers(SODIUM).contains(new BigDecimal("132")), index.numbers(SODIUM).toString());
        assertEquals(DropReason.UNSUPPORTED_NUMBER, reason(verify("Sodium 132.5 mmol/L", SODIUM)));
    }

    @Test
    void acceptsAValueRoundedToTwoOrMoreSignificantDigits() {
        // The resource records 1.5147929809227465 (as the gsd samples do).
        for (String written : List.of("1.5147929809227465", "1.515", "1.51", "1.5", "1.5148")) {
            assertTrue(verify("Creatinine " + written + " mg/dL", CREATININE).allKept(), written);
        }
        for (String written : List.of("2", "1.52", "1.6", "1.514", "1.50", "1.510")) {
            assertEquals(DropReason.UNSUPPORTED_NUMBER, reason(verify("Creatinine " + written + " mg/dL", CREATININE)),
                    written);
        }
        assertEquals(DropReason.UNSUPPORTED_NUMBER, reason(verify("Sodium 130 mmol/L", SODIUM)),
                "rounding never applies to a value recorded with fewer decimals");
    }

    @Test
    void dropsANumberThatIsNotInTheCitedResource() {
        Verification v = verify("Sodium 128 mmol/L 12 d before.", SODIUM);
        assertEquals(DropReason.UNSUPPORTED_NUMBER, reason(v));
        assertTrue(v.dropped().get(0).detail().startsWith("128 "), v.dropped().get(0).detail());
        assertTrue(v.kept().isEmpty());
    }

    @Test
    void dropsANumberThatIsInAnotherResourceOfTheRecordButNotInTheCitedOne() {
        assertEquals(DropReason.UNSUPPORTED_NUMBER, reason(verify("Systolic BP 132 mm[Hg]", BP)));
        assertTrue(verify("BP 128/84 mm[Hg], sodium 132 mmol/L", BP, SODIUM).allKept(), "numbers of either citation");
    }

    @Test
    void readsComponentsReferenceRangesAndDisplays() {
        assertTrue(verify("Blood pressure 128/84 mm[Hg]", BP).allKept(), "component values");
        assertTrue(verify("Sodium 132 mmol/L, below 135 to 145 mmol/L", SODIUM).allKept(), "reference range");
        assertTrue(verify("Started metformin hydrochloride 500 MG oral tablet", METFORMIN).allKept(), "display");
        assertEquals(DropReason.UNSUPPORTED_NUMBER, reason(verify("Started metformin 850 MG", METFORMIN)));
        assertTrue(verify("Active problem: Diabetes mellitus type 2 (disorder)", DIABETES).allKept(), "display");
    }

    @Test
    void dropsAnInventedId() {
        assertEquals(DropReason.UNKNOWN_CITATION, reason(verify("Sodium 132 mmol/L", "Observation/made-up-1")));
        assertEquals(DropReason.UNKNOWN_CITATION, reason(verify("Sodium 132 mmol/L", SODIUM, "Observation/made-up-1")),
                "one invented citation drops the statement");
        assertEquals(DropReason.UNKNOWN_CITATION, reason(verify("Sodium 132 mmol/L", "the sodium result")));
        assertEquals(DropReason.UNKNOWN_CITATION, reason(verify("Sodium 132 mmol/L", "Observation/sodium-1/_history/1")));
    }

    @Test
    void dropsAStatementWithoutCitations() {
        assertEquals(DropReason.NO_CITATION, reason(verify("Sodium is low.")));
    }

    @Test
    void dropsBlankAndOverlongStatements() {
        assertEquals(DropReason.BLANK, reason(verify("   ", SODIUM)));
        String atLimit = "Sodium low" + " ".repeat(StatementVerifier.MAX_LENGTH - 20) + "sodium low";
        assertEquals(StatementVerifier.MAX_LENGTH, atLimit.length());
        assertTrue(verify(atLimit, SODIUM).allKept());
        assertEquals(DropReason.TOO_LONG, reason(verify(atLimit + "!", SODIUM)));
    }

    @Test
    void ignoresTimeSpansOrdinalsListMarkersAndDigitsInNames() {
        String text = "1. Sodium 132 mmol/L 3 d ago and 12 days before admission, the 2nd value within 30 days; "
                + "in 2 wk; over the last 12 months; NEWS2, CHA2DS2-VASc, SpO2, HbA1c, CMS130, COVID-19 and the "
                + "10-year risk are names.";
        assertTrue(verify(text, SODIUM).allKept(), verify(text, SODIUM).dropped().toString());
        assertEquals(DropReason.UNSUPPORTED_NUMBER, reason(verify("Sodium 132 mmol/L, 3 of 4 values low", SODIUM)),
                "a bare count is a value");
        assertEquals(DropReason.UNSUPPORTED_NUMBER, reason(verify("Sodium 129 mmol/L 3 d ago", SODIUM)),
                "only the span is exempt, not the value before it");
        assertEquals(DropReason.UNSUPPORTED_NUMBER, reason(verify("Sodium 132 mmol/L for 5 days", SODIUM)),
                "a duration that places nothing in time is a value");
    }

    @Test
    void checksIsoDatesAgainstTheCitedResourcesDates() {
        assertTrue(verify("Sodium 132 mmol/L on 2024-03-01", SODIUM).allKept());
        assertTrue(verify("Sodium 132 mmol/L on 2024-03-01T08:30:00Z", SODIUM).allKept());
        assertEquals(DropReason.UNSUPPORTED_DATE, reason(verify("Sodium 132 mmol/L on 2024-03-02", SODIUM)));
        assertEquals(DropReason.UNSUPPORTED_DATE, reason(verify("Sodium 132 mmol/L on 2024-13-45", SODIUM)));
    }

    @Test
    void doesNotReadIdentifiersOrNamesForNumbers() {
        assertEquals(DropReason.UNSUPPORTED_NUMBER, reason(verify("MRN 4455667", PATIENT)));
        assertEquals(DropReason.UNSUPPORTED_NUMBER, reason(verify("Lives at 42 Main Street", PATIENT)));
    }

    @Test
    void keepsTheOrderOfTheKeptStatements() {
        List<CitedStatement> statements = List.of(new CitedStatement("Sodium 132 mmol/L", List.of(SODIUM)),
                new CitedStatement("Sodium 1 mmol/L", List.of(SODIUM)),
                new CitedStatement("BP 128/84 mm[Hg]", List.of(BP)),
                new CitedStatement("Diabetes mellitus type 2", List.of(DIABETES)));
        Verification v = verifier.verify(statements, index);
        assertEquals(List.of(statements.get(0), statements.get(2), statements.get(3)), v.kept());
        assertEquals(statements.get(1), v.dropped().get(0).statement());
    }

    @Test
    void logsEachDropWithItsReasonAndCitationsButNeverTheText() {
        List<LogRecord> records;
        try (CapturedLog log = CapturedLog.of(StatementVerifier.class)) {
            verifier.verify(List.of(
                    new CitedStatement("Hyponatraemia, sodium 118 mmol/L", List.of(SODIUM)),
                    new CitedStatement("Sodium 132 mmol/L", List.of(SODIUM, "Observation/Jane-Doe-1959")),
                    new CitedStatement("Sodium 132 mmol/L", List.of(SODIUM))), index);
            records = log.records();
        }
        assertEquals(2, records.size());
        SimpleFormatter formatter = new SimpleFormatter();
        String first = formatter.formatMessage(records.get(0));
        String second = formatter.formatMessage(records.get(1));
        assertTrue(records.stream().allMatch(r -> r.getLevel() == Level.INFO));
        assertTrue(first.contains("UNSUPPORTED_NUMBER") && first.contains(SODIUM), first);
        assertFalse(first.contains("118") || first.toLowerCase().contains("hyponatraemia"), first);
        assertTrue(second.contains("UNKNOWN_CITATION") && second.contains(SODIUM), second);
        assertFalse(second.contains("Jane") || second.contains("1959"), "an invented citation is not logged: " + second);
    }

    private Verification verify(String text, String... citations) {
        return verifier.verify(List.of(new CitedStatement(text, List.of(citations))), index);
    }

    private static DropReason reason(Verification v) {
        assertEquals(1, v.dropped().size(), "dropped: " + v.dropped() + ", kept: " + v.kept());
        return v.dropped().get(0).reason();
    }

    private static Observation sodium() {
        Observation o = new Observation();
        o.setId("sodium-1");
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(new CodeableConcept(new Coding("http://loinc.org", "2951-2", "Sodium")));
        o.setEffective(new DateTimeType("2024-03-01T08:30:00Z"));
        o.setValue(new Quantity().setValue(new BigDecimal("132.00")).setUnit("mmol/L")
                .setSystem("http://unitsofmeasure.org").setCode("mmol/L"));
        o.addReferenceRange().setLow(new Quantity().setValue(135).setUnit("mmol/L"))
                .setHigh(new Quantity().setValue(145).setUnit("mmol/L"));
        return o;
    }

    private static Observation creatinine() {
        Observation o = new Observation();
        o.setId("creatinine-1");
        o.setCode(new CodeableConcept(new Coding("http://loinc.org", "2160-0", "Creatinine")));
        o.setEffective(new DateTimeType("2021-03-28"));
        o.setValue(new Quantity().setValue(new BigDecimal("1.5147929809227465")).setUnit("mg/dL"));
        return o;
    }

    private static Observation bloodPressure() {
        Observation o = new Observation();
        o.setId("bp-1");
        o.setCode(new CodeableConcept(new Coding("http://loinc.org", "85354-9", "Blood pressure panel")));
        o.setEffective(new DateTimeType("2024-03-01"));
        o.addComponent().setCode(new CodeableConcept(new Coding("http://loinc.org", "8480-6", "Systolic")))
                .setValue(new Quantity().setValue(128).setCode("mm[Hg]"));
        o.addComponent().setCode(new CodeableConcept(new Coding("http://loinc.org", "8462-4", "Diastolic")))
                .setValue(new Quantity().setValue(84).setCode("mm[Hg]"));
        return o;
    }

    private static Condition diabetes() {
        Condition c = new Condition();
        c.setId("dm-1");
        c.setCode(new CodeableConcept(new Coding("http://snomed.info/sct", "44054006",
                "Diabetes mellitus type 2 (disorder)")));
        c.setOnset(new DateTimeType("2015-06-01"));
        return c;
    }

    private static MedicationRequest metformin() {
        MedicationRequest m = new MedicationRequest();
        m.setId("metformin-1");
        m.setMedication(new CodeableConcept(new Coding("http://www.nlm.nih.gov/research/umls/rxnorm", "861007",
                "Metformin hydrochloride 500 MG Oral Tablet")));
        m.setAuthoredOnElement(new DateTimeType("2024-02-20"));
        return m;
    }

    private static Patient patient() {
        Patient p = new Patient();
        p.setId("p-1");
        p.addIdentifier().setSystem("http://hospital.example/mrn").setValue("4455667");
        p.addName().setFamily("Doe").addGiven("Jane");
        p.addAddress().addLine("42 Main Street");
        p.setGender(Enumerations.AdministrativeGender.FEMALE);
        return p;
    }
}
