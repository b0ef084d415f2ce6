package io.chartlens.record;

import static io.chartlens.testsupport.Browserless.attributeOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import io.chartlens.system.audit.ServerAuditRows;
import io.chartlens.testsupport.Browserless;
import io.chartlens.testsupport.Deployments;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * All 25 shared sample patients, loaded into the sandbox FHIR server, launched one by one: each record loads without
 * error, and what the page shows matches the bundles (latest BP) and the samples' manifest (active medications).
 */
@ExtendWith(ArquillianExtension.class)
class PatientRecordIT {

    private static final String BASE = Deployments.baseUrl();
    private static final Set<String> BP_PANELS = Set.of("85354-9", "55284-4", "96607-7");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.chartlens();
    }

    @Test
    void everySamplePatientLoadsAndTheStripMatchesTheBundles() throws Exception {
        SampleManifest manifest = SampleManifest.load();
        assertEquals(25, manifest.samples().size());
        List<String> problems = new ArrayList<>();
        for (SampleManifest.Sample sample : manifest.samples()) {
            Browserless browser = new Browserless();
            HttpResponse<String> chart = browser.get(BASE + "/sandbox/launch?patient=" + sample.patientId());
            assertEquals(200, chart.statusCode(), sample.file() + " is loaded in the sandbox");
            HttpResponse<String> summary = browser.follow(BASE + attributeOf(chart.body(), "chartlens-frame", "src"));
            assertEquals(200, summary.statusCode(), sample.file() + ": " + summary.body());
            String fragment = attributeOf(summary.body(), "record", "data-fragment");
            HttpResponse<String> record = browser.get(BASE + fragment);
            String html = record.body();
            if (record.statusCode() != 200 || !html.contains("record-strip")) {
                problems.add(sample.file() + ": HTTP " + record.statusCode() + " " + html);
                continue;
            }
            if (html.contains("could not be loaded") || html.contains("are incomplete")) {
                problems.add(sample.file() + ": a section did not load: " + html);
            }
            Optional<String> expectedBp = latestBloodPressure(sample);
            String shownBp = shownBloodPressure(html);
            if (!expectedBp.map(bp -> bp.equals(shownBp)).orElse(shownBp == null)) {
                problems.add(sample.file() + ": BP expected " + expectedBp.orElse("none") + " but shown " + shownBp);
            }
            for (String med : sample.activeMeds()) {
                if (!html.contains(escape(med))) {
                    problems.add(sample.file() + ": active medication missing: " + med);
                }
            }
            assertFalse(html.contains("(name not available)"), sample.file() + ": every medication name resolves");
            HttpResponse<String> risk = browser.get(BASE + attributeOf(summary.body(), "risk", "data-fragment"));
            long cards = Pattern.compile("data-score=\"").matcher(risk.body()).results().count();
            if (risk.statusCode() != 200 || cards != 9) {
                problems.add(sample.file() + ": risk scores HTTP " + risk.statusCode() + ", " + cards + " cards");
            }
            problems.addAll(careGapProblems(browser, sample, summary.body()));
            assertTrue(ServerAuditRows.count(sample.patientId()) >= 2,
                    sample.file() + ": the summary view and the record read are audited");
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertLogsCarryNoPhiOrTokens(manifest);
    }

    private static final Pattern GAP = Pattern.compile("data-measure=\"([a-z0-9-]+)\",? ?data-status=\"([a-z-]+)\"");
    private static final Pattern EVIDENCE = Pattern.compile("href=\"(/resource\\?ctx=[^\"]+&amp;ref=([A-Za-z]+(?:/|%2F)[^\"]+))\"");
    private static final java.util.Map<String, Integer> GAP_COUNTS = new java.util.TreeMap<>();
    private static final java.util.Map<String, Integer> BUNDLE_COUNTS = new java.util.TreeMap<>();

    /**
     * The care-gap section: every measure evaluates (none failed), and every piece of evidence it cites opens and
     * belongs to this patient.
     */
    private static List<String> careGapProblems(Browserless browser, SampleManifest.Sample sample, String summary) {
        List<String> problems = new ArrayList<>();
        HttpResponse<String> gaps = browser.get(BASE + attributeOf(summary, "gaps", "data-fragment"));
        if (gaps.statusCode() != 200) {
            return List.of(sample.file() + ": care gaps HTTP " + gaps.statusCode() + " " + gaps.body());
        }
        var statuses = GAP.matcher(gaps.body()).results().toList();
        if (statuses.size() != 7) {
            problems.add(sample.file() + ": " + statuses.size() + " care-gap cards, expected 7");
        }
        for (var m : statuses) {
            GAP_COUNTS.merge(m.group(1) + " " + m.group(2), 1, Integer::sum);
            if ("failed".equals(m.group(2))) {
                problems.add(sample.file() + ": measure " + m.group(1) + " failed: " + gaps.body());
            }
        }
        HttpResponse<String> summaryFragment = browser.get(BASE + attributeOf(summary, "summary", "data-fragment"));
        if (summaryFragment.statusCode() != 200 || !summaryFragment.body().contains("id=\"ai-summary\"")) {
            problems.add(sample.file() + ": summary HTTP " + summaryFragment.statusCode() + " " + summaryFragment.body());
        }
        HttpResponse<String> bundles = browser.get(BASE + attributeOf(summary, "bundles", "data-fragment"));
        if (bundles.statusCode() != 200 || !bundles.body().contains("id=\"bundle-list\"")) {
            problems.add(sample.file() + ": bundles HTTP " + bundles.statusCode() + " " + bundles.body());
        }
        BUNDLE_COUNTS.merge("bundles shown", (int) Pattern.compile("data-bundle=\"").matcher(bundles.body()).results()
                .count(), Integer::sum);
        List<java.util.regex.MatchResult> links = new ArrayList<>(EVIDENCE.matcher(gaps.body()).results().limit(40).toList());
        links.addAll(EVIDENCE.matcher(summaryFragment.body()).results().limit(40).toList());
        links.addAll(EVIDENCE.matcher(bundles.body()).results().limit(20).toList());
        for (var link : links) {
            HttpResponse<String> resource = browser.get(BASE + Browserless.unescape(link.group(1)));
            String body = resource.body();
            boolean thePatientItself = Browserless.unescape(link.group(2)).replace("%2F", "/")
                    .equals("Patient/" + sample.patientId());
            if (resource.statusCode() != 200 || !(thePatientItself || body.contains("Patient/" + sample.patientId() + "&quot;")
                    || body.contains("Patient/" + sample.patientId() + "\""))) {
                problems.add(sample.file() + ": cited " + link.group(2) + " does not open as this patient's: HTTP "
                        + resource.statusCode());
            }
        }
        return problems;
    }

    @org.junit.jupiter.api.AfterAll
    static void printGapCounts() {
        System.out.println("Care-gap statuses over the sample patients: " + GAP_COUNTS + "; " + BUNDLE_COUNTS);
    }

    /** After 25 launches, the server log names no patient (id or family name) and holds no token. */
    private static void assertLogsCarryNoPhiOrTokens(SampleManifest manifest) throws Exception {
        java.nio.file.Path log = java.nio.file.Path.of(System.getProperty("it.build.dir", "target"), "liberty", "wlp",
                "usr", "servers", System.getProperty("it.server.name", "chartlensIT"), "logs", "messages.log");
        List<String> lines = Files.readAllLines(log).stream()
                // the sandbox's own start-up lines name its synthetic sample files
                .filter(l -> !l.contains("io.chartlens.sandbox.fhir.StoreLoading")).toList();
        for (String line : lines) {
            assertFalse(line.contains("eyJ"), "a JWT in the log: " + line);
            assertFalse(Pattern.compile("(?i)bearer [A-Za-z0-9._~+/=-]{16,}").matcher(line).find(),
                    "a bearer token in the log: " + line);
            for (SampleManifest.Sample sample : manifest.samples()) {
                String family = sample.name().substring(sample.name().lastIndexOf(' ') + 1);
                assertFalse(sample.patientId().length() > 3 && line.contains(sample.patientId()),
                        "a patient id in the log: " + line);
                assertFalse(line.contains(family), "a patient name in the log: " + line);
            }
        }
    }

    /** "sys/dia" of the newest BP panel in the patient's own bundle file. */
    private static Optional<String> latestBloodPressure(SampleManifest.Sample sample) throws Exception {
        Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class,
                Files.readString(SampleManifest.folder().resolve(sample.file())));
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r instanceof Observation).map(Observation.class::cast)
                .filter(o -> o.getCode().getCoding().stream().anyMatch(c -> BP_PANELS.contains(c.getCode())))
                .filter(o -> o.hasEffectiveDateTimeType())
                .max(Comparator.comparing(o -> o.getEffectiveDateTimeType().getValue()))
                .map(o -> component(o, "8480-6") + "/" + component(o, "8462-4"));
    }

    private static String component(Observation o, String loinc) {
        return o.getComponent().stream()
                .filter(c -> c.getCode().getCoding().stream().anyMatch(cd -> loinc.equals(cd.getCode())))
                .map(c -> c.getValueQuantity().getValue().stripTrailingZeros().toPlainString())
                .findFirst().orElse("?");
    }

    private static String shownBloodPressure(String html) {
        Matcher m = Pattern.compile("fact-label\">BP</span>\\s*<a[^>]*>([0-9.?]+/[0-9.?]+) ").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

}
