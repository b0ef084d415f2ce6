package io.chartlens.system;

import static io.chartlens.testsupport.Browserless.attributeOf;
import static io.chartlens.testsupport.Browserless.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.testsupport.Browserless;
import io.chartlens.testsupport.FakeEhr;
import io.chartlens.testsupport.LibertyInstance;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * ChartLens with OpenTelemetry switched on the way production does it, through the environment only
 * ({@code OTEL_SDK_DISABLED=false} and the exporters), on its own Liberty instance, with the logging exporters so
 * that spans and metrics land in messages.log. One EHR launch from {@link FakeEhr} and its summary page must produce
 * the launch, token, FHIR, record and care-gap spans, Liberty's HTTP server spans (their query string reduced to
 * parameter names) and its request metrics; and no span or metric line may carry the patient's id or name, a token,
 * the authorization code, the state, the launch parameter, the iss URL or a FHIR search.
 */
class TelemetryIT {

    private static final int PORT = 9380;
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** A LoggingSpanExporter line: {@code 'name' : <trace id> <span id> KIND [tracer: scope:version] attributes}. */
    private static final Pattern SPAN_LINE = Pattern.compile(
            "'([^']*)' : [0-9a-f]{32} [0-9a-f]{16} (INTERNAL|SERVER|CLIENT|PRODUCER|CONSUMER) \\[tracer: ");
    private static final String METRIC_LINE = "metric: ImmutableMetricData";

    @Test
    void aLaunchAndItsSummaryAreTracedWithoutPhi() throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CHARTLENS_BASE_URL", "http://localhost:" + PORT);
        // the fake EHR's registration is development-only, loaded only with the sandbox on
        env.put("CHARTLENS_SANDBOX_ENABLED", "true");
        env.put("OTEL_SDK_DISABLED", "false");
        env.put("OTEL_SERVICE_NAME", "chartlens-telemetry-it");
        env.put("OTEL_TRACES_EXPORTER", "logging");
        env.put("OTEL_METRICS_EXPORTER", "logging");
        env.put("OTEL_LOGS_EXPORTER", "none");
        env.put("OTEL_METRIC_EXPORT_INTERVAL", "2000");

        try (FakeEhr ehr = FakeEhr.start();
             LibertyInstance server = LibertyInstance.prepare("telemetryIT", PORT, env)) {
            server.start();
            Browserless browser = new Browserless();

            HttpResponse<String> toEhr = browser.get(server.baseUrl() + "/launch?launch=xyz&iss="
                    + URLEncoder.encode(ehr.iss(), StandardCharsets.UTF_8));
            assertEquals(302, toEhr.statusCode(), toEhr.body());
            HttpResponse<String> toCallback = browser.get(location(toEhr));
            assertEquals(302, toCallback.statusCode(), toCallback.body());
            String callback = location(toCallback);
            String state = Browserless.query(callback).get("state");
            String code = Browserless.query(callback).get("code");
            HttpResponse<String> toSummary = browser.get(callback);
            assertEquals(302, toSummary.statusCode(), "callback: " + toSummary.body());
            String summaryUrl = toSummary.uri().resolve(location(toSummary)).toString();
            String ctx = Browserless.query(summaryUrl).get("ctx");
            HttpResponse<String> summary = browser.get(summaryUrl);
            assertEquals(200, summary.statusCode(), summary.body());
            assertTrue(summary.body().contains("Fakeperson"), "the patient banner");
            for (String section : List.of("alerts", "risk", "gaps", "summary", "bundles")) {
                HttpResponse<String> fragment = browser.get(server.baseUrl()
                        + attributeOf(summary.body(), section, "data-fragment"));
                assertEquals(200, fragment.statusCode(), section + ": " + fragment.body());
            }

            List<String> wanted = List.of("'smart.launch.begin'", "'smart.launch.complete'", "'smart.token'",
                    "'GET Patient'", "'fhir.record.load'", "'care-gaps.evaluate'", "'cql.measure'", "'GET /callback'",
                    "'GET /summary/section'", "http.server.request.duration");
            List<String> lines = awaitTelemetry(server, wanted);

            String complete = line(lines, "'smart.launch.complete'");
            assertTrue(complete.contains("chartlens.ehr.id=fake-ehr") && complete.contains("chartlens.launch.type=EHR"),
                    complete);
            assertFalse(complete.contains("error.type"), complete);
            String token = line(lines, "'smart.token'");
            assertTrue(token.contains("chartlens.oauth.grant_type=authorization_code")
                    && token.contains("http.response.status_code=200"), token);
            String patient = line(lines, "'GET Patient'");
            assertTrue(patient.contains(" CLIENT ") && patient.contains("chartlens.fhir.resource_type=Patient")
                    && patient.contains("http.response.status_code=200")
                    && patient.contains("server.address=127.0.0.1"), patient);
            String callbackSpan = line(lines, "'GET /callback'");
            assertTrue(callbackSpan.contains("url.query=code=REDACTED&state=REDACTED"),
                    "the runtime's server span keeps the parameter names only: " + callbackSpan);

            for (String line : lines) {
                for (String secret : List.of(FakeEhr.PATIENT_ID, "Fakeperson", "Fiona", "fake-access-",
                        "fake-refresh-", code, state, ctx, "xyz", "eyJ", "patient=", "127.0.0.1:"
                        + System.getProperty("it.fake-ehr.port", "19443") + "/fhir", "Bearer")) {
                    assertFalse(line.contains(secret), () -> "telemetry carries \"" + secret + "\": " + line);
                }
            }
        }
    }

    /** The span and metric lines of messages.log, once every wanted text is among them (or the wait is over). */
    private static List<String> awaitTelemetry(LibertyInstance server, List<String> wanted) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        List<String> lines = List.of();
        while (Instant.now().isBefore(deadline)) {
            lines = server.messages().lines()
                    .filter(l -> SPAN_LINE.matcher(l).find() || l.contains(METRIC_LINE)).toList();
            List<String> found = lines;
            if (wanted.stream().allMatch(w -> found.stream().anyMatch(l -> l.contains(w)))) {
                return lines;
            }
            Thread.sleep(500);
        }
        List<String> found = lines;
        List<String> missing = wanted.stream().filter(w -> found.stream().noneMatch(l -> l.contains(w))).toList();
        String tail = server.messages().lines().skip(Math.max(0, server.messages().lines().count() - 40))
                .reduce("", (a, b) -> a + "\n" + b);
        throw new AssertionError("no telemetry for " + missing + " within " + WAIT + "; " + lines.size()
                + " span/metric lines; messages.log ends with:" + tail);
    }

    private static String line(List<String> lines, String name) {
        Optional<String> line = lines.stream().filter(l -> l.contains(name)).findFirst();
        return line.orElseThrow(() -> new AssertionError("no line for " + name));
    }
}
