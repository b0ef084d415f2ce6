package io.chartlens.caregaps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.fhir.LoadedRecord;
import io.chartlens.record.SampleManifest;
import io.chartlens.record.SandboxRecords;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * The 25 shared sample patients, loaded by the real loader from the sandbox FHIR server on loopback: every measure
 * evaluates without error, every piece of evidence is a resource of that patient's record, and evaluating every
 * measure on one engine per record (as launches and CDS Hooks do) gives exactly the gaps of one engine per measure.
 */
class SampleCareGapsTest {

    @Test
    void everyMeasureEvaluatesOnEverySamplePatientAndCitesOnlyTheirResources() throws Exception {
        CareGapEvaluator evaluator = MeasureFixtures.evaluator();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        SampleManifest manifest = SampleManifest.load();
        assertEquals(25, manifest.samples().size());
        for (SampleManifest.Sample sample : manifest.samples()) {
            LoadedRecord loaded = SandboxRecords.loadSample(sample.patientId());
            Bundle bundle = RecordBundle.of(loaded);
            Set<String> inRecord = new HashSet<>();
            for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
                Resource r = e.getResource();
                inRecord.add(r.fhirType() + "/" + r.getIdElement().getIdPart());
            }
            LocalDate reference = lastDate(bundle);
            MeasurementPeriod period = MeasurementPeriod.yearEndingOn(reference);
            List<CareGap> together = evaluator.evaluate(bundle, sample.patientId(), period);
            List<CareGap> alone = new ArrayList<>();
            for (MeasureDefinition m : MeasureFixtures.defaults()) {
                alone.add(evaluator.evaluate(m, bundle, sample.patientId(), period));
            }
            if (!together.equals(alone)) {
                problems.add(sample.file() + ": one engine for the record gives other gaps than one per measure");
            }
            for (CareGap gap : together) {
                counts.merge(gap.measure().id() + " " + gap.status().code(), 1, Integer::sum);
                if (gap.status() == CareGapStatus.FAILED) {
                    problems.add(sample.file() + " " + gap.measure().id() + ": " + gap.reasons());
                }
                for (Evidence e : gap.evidence()) {
                    if (!inRecord.contains(e.reference())) {
                        problems.add(sample.file() + " " + gap.measure().id() + " cites " + e.reference()
                                + ", which is not in the record");
                    }
                }
            }
        }
        System.out.println("Care-gap statuses over the 25 sample patients (reference = last record date): " + counts);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(counts.keySet().stream().anyMatch(k -> k.endsWith(" open-gap")), "some gap is open: " + counts);
        assertTrue(counts.keySet().stream().anyMatch(k -> k.endsWith(" closed-gap")), "some gap is closed: " + counts);
    }

    /** The sandbox's reference date: the latest clinical date in the record (as the sandbox EHR registration uses). */
    static LocalDate lastDate(Bundle bundle) {
        LocalDate last = LocalDate.of(1900, 1, 1);
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            var d = CareGapAssessor.date(e.getResource());
            if (d.isPresent() && d.get().isAfter(last) && d.get().isBefore(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
                last = d.get();
            }
        }
        return last;
    }
}
