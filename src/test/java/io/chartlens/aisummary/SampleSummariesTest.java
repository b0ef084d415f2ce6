package io.chartlens.aisummary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.caregaps.RecordBundle;
import io.chartlens.fhir.LoadedRecord;
import io.chartlens.record.PatientRecord;
import io.chartlens.record.SampleManifest;
import io.chartlens.record.SandboxRecords;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * The rule summary of each of the 25 shared sample patients, loaded by the real loader from the sandbox FHIR server
 * on loopback, with their real risk panels and care gaps: every statement passes the verifier, cites only resources
 * of that patient's record, and names no name, identifier or birth date.
 */
class SampleSummariesTest {

    @Test
    void everySampleSummaryPassesTheVerifierCitesOnlyItsRecordAndIsDeidentified() throws Exception {
        SampleManifest manifest = SampleManifest.load();
        assertEquals(25, manifest.samples().size());
        StatementVerifier verifier = new StatementVerifier();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> headings = new TreeMap<>();
        int statements = 0;
        for (SampleManifest.Sample sample : manifest.samples()) {
            LoadedRecord loaded = SandboxRecords.loadSample(sample.patientId());
            PatientRecord record = SummaryFixtures.assemble(loaded);
            EvidenceIndex index = EvidenceIndex.of(loaded);
            List<SummaryFact> facts = SummaryFacts.from(record, loaded, index, SummaryFixtures.risk(record),
                    SummaryFixtures.careGaps(loaded, record));
            List<CitedStatement> summary = RuleSummary.statements(facts);
            statements += summary.size();

            Verification v = verifier.verify(summary, index);
            v.dropped().forEach(d -> problems.add(sample.file() + ": dropped " + d.reason() + " " + d.detail()
                    + " :: " + d.statement().text()));
            Set<String> inRecord = inRecord(loaded);
            PatientIdentifiers identifiers = new PatientIdentifiers(loaded.patient().orElseThrow());
            if (summary.size() > RuleSummary.MAX_STATEMENTS) {
                problems.add(sample.file() + ": " + summary.size() + " statements");
            }
            for (CitedStatement s : summary) {
                headings.merge(s.text().replaceFirst(":.*", "").replaceFirst(" band .*", " band"), 1, Integer::sum);
                s.citations().stream().filter(c -> !inRecord.contains(c))
                        .forEach(c -> problems.add(sample.file() + " cites " + c + ", not in the record"));
                String found = identifiers.foundIn(s.text());
                if (found != null) {
                    problems.add(sample.file() + ": identifying text " + found + " in " + s.text());
                }
            }
            for (SummaryFact f : facts) {
                String found = identifiers.foundIn(f.text());
                if (found != null) {
                    problems.add(sample.file() + ": identifying text " + found + " in fact " + f.text());
                }
            }
            if (Boolean.getBoolean("summary.print") || sample.file().startsWith("a03") || sample.file().startsWith("a09")) {
                System.out.println("Rule summary of " + sample.file().substring(0, 3) + " (" + facts.size()
                        + " facts):");
                summary.forEach(s -> System.out.println("  - " + s.text() + " " + s.citations()));
            }
        }
        System.out.println("Rule summaries of the 25 samples: " + statements + " statements; headings " + headings);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        for (String expected : List.of("Inpatient admission", "Open care gap", "Active problem", "Emergency visit")) {
            assertTrue(headings.keySet().stream().anyMatch(h -> h.startsWith(expected)), expected + " in " + headings);
        }
        assertTrue(headings.keySet().stream().anyMatch(h -> h.endsWith(" band")), "a score: " + headings);
        assertTrue(headings.keySet().stream().anyMatch(h -> h.startsWith("Medication")), "a medication: " + headings);
    }

    /** The record's resources, read independently of the index (as the care-gap bundle holds them). */
    private static Set<String> inRecord(LoadedRecord loaded) {
        Set<String> refs = new HashSet<>();
        Bundle bundle = RecordBundle.of(loaded);
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            Resource r = e.getResource();
            refs.add(r.fhirType() + "/" + r.getIdElement().getIdPart());
        }
        refs.addAll(loaded.medications().keySet());
        return refs;
    }
}
