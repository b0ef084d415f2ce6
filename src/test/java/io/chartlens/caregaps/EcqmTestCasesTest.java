package io.chartlens.caregaps;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * Our CQL measures against the published eCQM test cases (cqframework ecqm-content-qicore-2024, copied to
 * {@code src/test/resources/ecqm-cases/}): each case's expected population counts are facts to agree with. Every
 * case must agree unless it is listed, with its reason, in {@code known-disagreements.json}; a listed case that
 * starts agreeing fails too, so the list stays true. The agreement rate per measure is printed and written to
 * {@code target/ecqm-agreement.md} for the README.
 */
class EcqmTestCasesTest {

    static final Path CASES = Path.of("src/test/resources/ecqm-cases");

    @Test
    void ourMeasuresAgreeWithThePublishedTestCases() throws IOException {
        CareGapEvaluator evaluator = MeasureFixtures.evaluator();
        Map<String, String> known = knownDisagreements();
        List<String> problems = new ArrayList<>();
        Map<String, int[]> rates = new TreeMap<>();
        StringBuilder report = new StringBuilder("| measure | cases | agree | rate |\n|---|---|---|---|\n");
        List<String> disagreements = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(CASES)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String measureId = dir.getFileName().toString();
                if (!MeasureFixtures.versions().ids().contains(measureId)) {
                    throw new AssertionError("no measure " + measureId + " for the cases in " + dir);
                }
                MeasureDefinition measure = MeasureFixtures.versions().resolve(measureId, null).rule();
                int[] rate = rates.computeIfAbsent(measureId, k -> new int[2]);
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".json")
                            && !f.getFileName().toString().equals("cases.json")).sorted().toList()) {
                        String key = measureId + "/" + file.getFileName().toString().replace(".json", "");
                        String mismatch = compare(evaluator, measure, file);
                        rate[0]++;
                        if (mismatch.isEmpty()) {
                            rate[1]++;
                            if (known.containsKey(key)) {
                                problems.add(key + " now agrees: remove it from known-disagreements.json");
                            }
                        } else {
                            disagreements.add(key + ": " + mismatch);
                            if (!known.containsKey(key)) {
                                problems.add(key + ": " + mismatch);
                            }
                        }
                    }
                }
            }
        }
        rates.forEach((id, r) -> report.append("| ").append(id).append(" | ").append(r[0]).append(" | ")
                .append(r[1]).append(" | ").append(r[0] == 0 ? "-" : Math.round(100.0 * r[1] / r[0]) + " %")
                .append(" |\n"));
        report.append("\nDisagreements:\n");
        disagreements.forEach(d -> report.append("- ").append(d).append('\n'));
        System.out.println(report);
        Path out = Path.of(System.getProperty("chartlens.test.report-dir", "target"), "ecqm-agreement.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Empty when every population of every group agrees; else what differs. */
    static String compare(CareGapEvaluator evaluator, MeasureDefinition measure, Path file) throws IOException {
        Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, Files.readString(file));
        MeasureReport expected = null;
        Bundle data = new Bundle().setType(Bundle.BundleType.COLLECTION);
        String patientId = null;
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            Resource r = e.getResource();
            if (r instanceof MeasureReport mr) {
                expected = mr;
            } else if (r != null) {
                data.addEntry().setResource(r);
                if (r instanceof Patient p) {
                    patientId = p.getIdElement().getIdPart();
                }
            }
        }
        if (expected == null || patientId == null) {
            return "the case has no MeasureReport or no Patient";
        }
        MeasurementPeriod period = MeasurementPeriod.parse(expected.getPeriod().getStartElement().getValueAsString(),
                expected.getPeriod().getEndElement().getValueAsString());
        CareGap gap = evaluator.evaluate(measure, data, patientId, period);
        if (gap.status() == CareGapStatus.FAILED) {
            return "evaluation failed: " + gap.reasons();
        }
        List<String> diffs = new ArrayList<>();
        for (int g = 0; g < expected.getGroup().size() && g < gap.memberships().size(); g++) {
            PopulationMembership ours = gap.memberships().get(g);
            for (MeasureReport.MeasureReportGroupPopulationComponent p : expected.getGroup().get(g).getPopulation()) {
                String code = p.getCode().getCodingFirstRep().getCode();
                MeasurePopulation population = MeasurePopulation.byCode(code).orElse(null);
                if (population == null || !measure.groups().get(g).criteria().containsKey(population)) {
                    continue;
                }
                boolean want = p.getCount() > 0;
                if (ours.in(population) != want) {
                    diffs.add("group " + (g + 1) + " " + code + " expected " + (want ? 1 : 0) + " got "
                            + (ours.in(population) ? 1 : 0));
                }
            }
        }
        if (expected.getGroup().size() != gap.memberships().size()) {
            diffs.add("expected " + expected.getGroup().size() + " groups, measure has " + gap.memberships().size());
        }
        return String.join("; ", diffs);
    }

    static Map<String, String> knownDisagreements() throws IOException {
        Path file = CASES.resolve("known-disagreements.json");
        Map<String, String> known = new LinkedHashMap<>();
        if (Files.exists(file)) {
            Object parsed = net.minidev.json.JSONValue.parse(Files.readString(file));
            if (parsed instanceof net.minidev.json.JSONObject o) {
                o.forEach((key, value) -> known.put(key, String.valueOf(value)));
            }
        }
        return known;
    }

}
