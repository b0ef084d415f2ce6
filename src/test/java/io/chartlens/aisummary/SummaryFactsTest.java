package io.chartlens.aisummary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.fhir.LoadedRecord;
import io.chartlens.record.PatientRecord;
import io.chartlens.record.SandboxRecords;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Facts of the committed sandbox patient A05 (gsd, a man of 107 with atrial fibrillation, hypertension, stroke and
 * MI; reference date 2021-01-04), loaded by the real loader, with his real risk panel and care gaps.
 */
class SummaryFactsTest {

    private static final List<String> KINDS = List.of(SummaryFacts.ADMISSION, SummaryFacts.LAB, SummaryFacts.SCORE,
            SummaryFacts.CARE_GAP, SummaryFacts.ENCOUNTER, SummaryFacts.PROBLEM, SummaryFacts.MEDICATION_STARTED,
            SummaryFacts.MEDICATION_STOPPED, SummaryFacts.ALLERGY);

    private static LoadedRecord loaded;
    private static PatientRecord record;
    private static EvidenceIndex index;
    private static List<SummaryFact> facts;

    @BeforeAll
    static void load() {
        loaded = SandboxRecords.load(SandboxRecords.A05);
        record = SummaryFixtures.assemble(loaded);
        index = EvidenceIndex.of(loaded);
        facts = SummaryFacts.from(record, loaded, index, SummaryFixtures.risk(record),
                SummaryFixtures.careGaps(loaded, record));
    }

    @Test
    void eachFactCitesOneResourceOfTheRecordAndReadsTopicColonDetail() {
        assertFalse(facts.isEmpty());
        for (SummaryFact f : facts) {
            assertTrue(index.contains(f.reference()), f.reference());
            assertTrue(KINDS.contains(f.kind()), f.kind());
            assertTrue(f.text().matches("[^:]+: .+"), f.text());
            assertTrue(StatementVerifier.check(new CitedStatement(f.text(), List.of(f.reference())), index).isEmpty(),
                    f.text());
        }
    }

    @Test
    void comeMostImportantKindFirst() {
        List<Integer> ranks = facts.stream().map(f -> KINDS.indexOf(f.kind())).toList();
        assertEquals(ranks.stream().sorted().toList(), ranks, facts.toString());
    }

    @Test
    void listTheActiveProblemsWithTheirOnsetRelativeToTheReferenceDate() {
        List<String> problems = facts.stream().filter(f -> f.kind().equals(SummaryFacts.PROBLEM))
                .map(SummaryFact::text).toList();
        assertTrue(problems.stream().anyMatch(t -> t.startsWith("Active problem: Atrial Fibrillation, onset ")
                && t.matches(".*, onset \\d+ d before")), problems.toString());
        assertEquals(record.activeProblems().stream().map(p -> p.code().code()).distinct().count(), problems.size());
    }

    @Test
    void citeTheInputsOfAScoreInARaisedBand() {
        // RiskPanelTest: CHA2DS2-VASc is 6 for this man, "anticoagulation recommended (ESC 2020 class I ...)".
        List<SummaryFact> cha = facts.stream().filter(f -> f.kind().equals(SummaryFacts.SCORE)
                && f.text().startsWith("CHA2DS2-VASc band \"anticoagulation recommended\": input ")).toList();
        assertFalse(cha.isEmpty(), facts.toString());
        assertTrue(cha.stream().anyMatch(f -> f.text().contains("input Atrial fibrillation (population) = yes, "
                + "Atrial Fibrillation")), cha.toString());
        assertTrue(cha.stream().noneMatch(f -> f.reference().startsWith("Patient/")),
                "age and sex, from the Patient, are not listed when conditions are cited");
    }

    @Test
    void nameNoIdentifierOrBirthDate() {
        PatientIdentifiers identifiers = new PatientIdentifiers(loaded.patient().orElseThrow());
        assertFalse(identifiers.isEmpty());
        for (SummaryFact f : facts) {
            assertNull(identifiers.foundIn(f.text()), f.text());
            assertFalse(f.text().matches(".*\\b(19|20)\\d\\d-\\d\\d-\\d\\d.*"), "no calendar date: " + f.text());
        }
    }

    @Test
    void leaveOutScoresAndGapsWhenTheyAreNotAvailable() {
        List<SummaryFact> without = SummaryFacts.from(record, loaded, null, null);
        assertTrue(without.stream().noneMatch(f -> f.kind().equals(SummaryFacts.SCORE)
                || f.kind().equals(SummaryFacts.CARE_GAP)));
        assertEquals(facts.stream().filter(f -> !f.kind().equals(SummaryFacts.SCORE)
                && !f.kind().equals(SummaryFacts.CARE_GAP)).toList(), without);
    }

    @Test
    void refuseATypedRecordOfAnotherPatient() {
        LoadedRecord other = SandboxRecords.load(SandboxRecords.A04);
        assertThrows(IllegalArgumentException.class, () -> SummaryFacts.from(record, other, null, null));
    }
}
