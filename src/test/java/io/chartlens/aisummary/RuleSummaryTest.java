package io.chartlens.aisummary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules that turn facts into statements: grouping, order, budgets and the length limit. */
class RuleSummaryTest {

    @Test
    void putsAdmissionsAndLabsBeforeScoresGapsProblemsAndMedications() {
        List<SummaryFact> facts = List.of(
                new SummaryFact("MedicationRequest/m1", SummaryFacts.MEDICATION_STARTED,
                        "Medication started: Lisinopril 10 MG Oral Tablet, 20 d before"),
                new SummaryFact("Condition/c1", SummaryFacts.PROBLEM, "Active problem: Hypertension, onset 4015 d before"),
                new SummaryFact("Observation/o1", SummaryFacts.LAB, "HbA1c: 7.9 % 12 d before, high, higher than the "
                        + "previous value"),
                new SummaryFact("Observation/o0", SummaryFacts.LAB, "HbA1c: previous value 7.1 % 200 d before"),
                new SummaryFact("Encounter/e1", SummaryFacts.ADMISSION, "Inpatient admission: admitted 30 d before, "
                        + "discharged 26 d before"),
                new SummaryFact("Patient/p", SummaryFacts.CARE_GAP, "Open care gap: Colorectal cancer screening"),
                new SummaryFact("Condition/c2", SummaryFacts.SCORE,
                        "CHA2DS2-VASc band \"anticoagulation recommended\": input Hypertension = yes, Hypertension"));
        List<CitedStatement> s = RuleSummary.statements(facts);
        assertEquals(List.of(
                "Inpatient admission: admitted 30 d before, discharged 26 d before.",
                "HbA1c: 7.9 % 12 d before, high, higher than the previous value; previous value 7.1 % 6 mo before.",
                "CHA2DS2-VASc band \"anticoagulation recommended\": input Hypertension = yes, Hypertension.",
                "Open care gap: Colorectal cancer screening.",
                "Active problem: Hypertension, onset 10 y before.",
                "Medication started: Lisinopril 10 MG Oral Tablet, 20 d before."),
                s.stream().map(CitedStatement::text).toList());
        assertEquals(List.of("Observation/o1", "Observation/o0"), s.get(1).citations(), "a lab and its previous value");
    }

    @Test
    void joinsFactsOfOneTopicUnderAPluralHeadingAndCitesEach() {
        List<SummaryFact> facts = List.of(
                new SummaryFact("Condition/a", SummaryFacts.PROBLEM, "Active problem: Asthma, onset 800 d before"),
                new SummaryFact("Condition/b", SummaryFacts.PROBLEM, "Active problem: Hypertension, onset 90 d before"),
                new SummaryFact("Condition/b", SummaryFacts.PROBLEM, "Active problem: Hypertension, onset not recorded"));
        List<CitedStatement> s = RuleSummary.statements(facts);
        assertEquals(1, s.size());
        assertEquals("Active problems: Asthma, onset 2 y before; Hypertension, onset 2 mo before; Hypertension, onset "
                + "not recorded.", s.get(0).text());
        assertEquals(List.of("Condition/a", "Condition/b"), s.get(0).citations(), "each resource cited once");
    }

    @Test
    void keepsEveryStatementWithinTheVerifiersLengthAndTheSummaryWithinTwelveStatements() {
        List<SummaryFact> facts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            facts.add(new SummaryFact("Observation/lab" + i, SummaryFacts.LAB, "Lab " + (char) ('A' + i % 26) + i % 2
                    + ": value " + "x".repeat(60) + ", high"));
            facts.add(new SummaryFact("Condition/c" + i, SummaryFacts.PROBLEM, "Active problem: " + "y".repeat(90)));
            facts.add(new SummaryFact("Observation/s" + i, SummaryFacts.SCORE, "Score " + (char) ('A' + i % 26)
                    + " band \"high\": input x"));
            facts.add(new SummaryFact("Encounter/e" + i, SummaryFacts.ENCOUNTER, "Emergency visit: 3 d before"));
        }
        facts.add(new SummaryFact("Patient/p", SummaryFacts.CARE_GAP, "Open care gap: Colorectal cancer screening"));
        facts.add(new SummaryFact("Patient/p", SummaryFacts.CARE_GAP, "Care gap due soon: Influenza immunization"));
        facts.add(new SummaryFact("MedicationRequest/m1", SummaryFacts.MEDICATION_STARTED, "Medication started: A"));
        facts.add(new SummaryFact("MedicationRequest/m2", SummaryFacts.MEDICATION_STOPPED, "Medication stopped: B"));
        facts.add(new SummaryFact("AllergyIntolerance/a", SummaryFacts.ALLERGY, "Active allergy: Peanut"));
        List<CitedStatement> s = RuleSummary.statements(facts);
        assertEquals(RuleSummary.MAX_STATEMENTS, s.size());
        assertTrue(s.stream().allMatch(c -> c.text().length() <= StatementVerifier.MAX_LENGTH));
        assertEquals(4, s.stream().filter(c -> c.text().startsWith("Lab ")).count(), "lab budget");
        assertEquals(2, s.stream().filter(c -> c.text().startsWith("Score ")).count(), "score budget");
        CitedStatement problems = s.stream().filter(c -> c.text().startsWith("Active problems")).findFirst().orElseThrow();
        assertEquals(4, problems.citations().size(), "as many 90-character problems as fit in 400 characters");
        CitedStatement visits = s.stream().filter(c -> c.text().startsWith("Emergency visits")).findFirst().orElseThrow();
        assertEquals(RuleSummary.MAX_FACTS_PER_STATEMENT, visits.citations().size());
        assertEquals("Medication stopped: B.", s.get(11).text(), "allergies are the first to go");
        assertEquals(List.of(), RuleSummary.statements(List.of()));
        assertEquals(2, RuleSummary.statements(facts, 2).size());
        assertThrows(IllegalArgumentException.class, () -> RuleSummary.statements(facts, 0));
    }
}
