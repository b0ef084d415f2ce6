package io.chartlens.bench;

import io.chartlens.caregaps.CareGapEvaluator;
import io.chartlens.caregaps.MeasureDefinition;
import io.chartlens.caregaps.MeasureFixtures;
import io.chartlens.caregaps.MeasurementPeriod;
import io.chartlens.caregaps.RecordBundle;
import io.chartlens.record.SampleManifest;
import io.chartlens.record.SandboxRecords;
import io.chartlens.system.telemetry.Telemetry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/**
 * Care-gap evaluation speed (a benchmark, not a test: it asserts nothing and prints figures to
 * {@code target/bench/care-gaps.txt}): CQL translation at start, then warm evaluations of every measure on each of
 * the 25 sample patients, per patient per measure (each on its own engine), and per patient for every measure on
 * one engine (as launches and CDS Hooks evaluate them), p50/p95/max. Target: warm within about 20 ms per measure.
 */
class CareGapBench {

    @Test
    void warmEvaluationPerPatientPerMeasure() throws Exception {
        CareGapEvaluator evaluator = CareGapEvaluator.onCqfEngine(MeasureFixtures.versions(), 60,
                Telemetry.noop().tracer());
        List<MeasureDefinition> measures = MeasureFixtures.defaults();
        long t0 = System.nanoTime();
        evaluator.prepare();
        long prepareMs = (System.nanoTime() - t0) / 1_000_000;
        List<Bundle> records = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (SampleManifest.Sample s : SampleManifest.load().samples()) {
            records.add(RecordBundle.of(SandboxRecords.loadSample(s.patientId())));
            ids.add(s.patientId());
        }
        MeasurementPeriod period = MeasurementPeriod.yearEndingOn(LocalDate.of(2021, 6, 30));
        for (int round = 0; round < 3; round++) { // warm-up rounds
            for (int i = 0; i < records.size(); i++) {
                evaluator.evaluate(records.get(i), ids.get(i), period);
            }
        }
        Map<String, List<Double>> perMeasure = new LinkedHashMap<>();
        List<Double> all = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < records.size(); i++) {
                for (MeasureDefinition m : measures) {
                    long s = System.nanoTime();
                    evaluator.evaluate(m, records.get(i), ids.get(i), period);
                    double ms = (System.nanoTime() - s) / 1e6;
                    perMeasure.computeIfAbsent(m.id(), k -> new ArrayList<>()).add(ms);
                    all.add(ms);
                }
            }
        }
        // what a launch and a CDS Hooks call do: every measure of the record on one engine
        List<Double> perRecord = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < records.size(); i++) {
                long s = System.nanoTime();
                evaluator.evaluate(records.get(i), ids.get(i), period);
                perRecord.add((System.nanoTime() - s) / 1e6);
            }
        }
        StringBuilder out = new StringBuilder("Care-gap evaluation (CQF engine 4.4, " + measures.size()
                + " measures, 25 sample patients, 5 warm rounds)\n");
        out.append("CQL translation of all libraries at start: ").append(prepareMs).append(" ms\n");
        out.append(String.format("%-12s %8s %8s %8s%n", "measure", "p50 ms", "p95 ms", "max ms"));
        perMeasure.forEach((id, v) -> out.append(String.format("%-12s %8.1f %8.1f %8.1f%n", id, pct(v, 50), pct(v, 95),
                Collections.max(v))));
        out.append(String.format("%-12s %8.1f %8.1f %8.1f%n", "all", pct(all, 50), pct(all, 95), Collections.max(all)));
        out.append(String.format("every measure of one record on one engine (as a launch evaluates them): p50 %.1f ms,"
                + " p95 %.1f ms, max %.1f ms%n", pct(perRecord, 50), pct(perRecord, 95), Collections.max(perRecord)));
        System.out.println(out);
        Path file = Path.of("target", "bench", "care-gaps.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
