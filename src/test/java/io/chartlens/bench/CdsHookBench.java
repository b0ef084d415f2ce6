package io.chartlens.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import io.chartlens.cdshooks.CdsTestClient;
import io.chartlens.testsupport.Browserless;
import io.chartlens.testsupport.Deployments;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CDS Hooks latency (a benchmark, not a test: it asserts nothing and prints figures to
 * {@code target/bench/cds-hook.txt}): the {@code patient-view} hook of every sandbox patient, called over HTTP with a
 * fresh client JWT per call, the way an EHR calls it. With prefetch (read beforehand from the sandbox FHIR server, as
 * an EHR would) the call makes no FHIR request; without prefetch the service reads the record itself with
 * {@code fhirAuthorization}, each request delayed by {@code bench.latency-ms} (50 ms in the bench profile). Warm-up
 * rounds first, then p50/p95/max per patient and overall. Target: p95 of the hook with prefetch at most 300 ms warm.
 * Run with {@code mvn verify -Pbench}.
 */
@ExtendWith(ArquillianExtension.class)
class CdsHookBench {

    private static final String BASE = Deployments.baseUrl();
    private static final Pattern TIMING = Pattern.compile("(\\w+);(?:dur|desc)=([0-9.]+)");
    private static final int WARM_UP_ROUNDS = 3;
    private static final int ROUNDS = 10;
    private static final int FALLBACK_ROUNDS = 3;
    private static final long TARGET_P95_MS = 300;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.chartlens();
    }

    @Test
    void patientViewWithAndWithoutPrefetch() throws Exception {
        // measure the server as a load balancer would use it: once ready (the care-gap CQL translated), not while
        // it is still starting
        if (Deployments.awaitReady(java.time.Duration.ofMinutes(3)).statusCode() != 200) {
            throw new IllegalStateException("the server did not become ready");
        }
        long latency = Long.getLong("bench.latency-ms", 50);
        CdsTestClient cds = new CdsTestClient(BASE);
        FhirContext fhir = FhirContext.forR4();
        fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        fhir.getRestfulClientFactory().setSocketTimeout(120_000);
        Map<String, String> tokens = new LinkedHashMap<>();
        Map<String, String> prefetched = new LinkedHashMap<>();
        for (String patient : patients()) {
            String token = CdsTestClient.sandboxAccessToken(BASE, patient);
            IGenericClient client = fhir.newRestfulGenericClient(BASE + "/sandbox/fhir");
            client.registerInterceptor(new BearerTokenAuthInterceptor(token));
            tokens.put(patient, token);
            prefetched.put(patient, CdsTestClient.hookRequest(BASE + "/sandbox/fhir", null, patient, null,
                    CdsTestClient.prefetch(client, patient)));
        }
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (String patient : prefetched.keySet()) {
                call(cds, prefetched.get(patient));
            }
        }
        Map<String, List<Long>> perPatient = new LinkedHashMap<>();
        Map<String, List<Long>> cardsMs = new LinkedHashMap<>();
        List<Long> all = new ArrayList<>();
        Map<String, List<Long>> phases = new LinkedHashMap<>();
        int errors = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (String patient : prefetched.keySet()) {
                String request = renewInstance(prefetched.get(patient));
                long start = System.nanoTime();
                HttpResponse<String> response = cds.hook(request);
                long ms = (System.nanoTime() - start) / 1_000_000;
                errors += response.statusCode() == 200 ? 0 : 1;
                perPatient.computeIfAbsent(patient, k -> new ArrayList<>()).add(ms);
                cardsMs.computeIfAbsent(patient, k -> new ArrayList<>()).add(timing(response, "cards"));
                durations(response).forEach((phase, d) -> phases.computeIfAbsent(phase, k -> new ArrayList<>()).add(d));
                all.add(ms);
            }
        }
        List<Long> fallback = new ArrayList<>();
        int fallbackErrors = 0;
        for (int round = 0; round < FALLBACK_ROUNDS; round++) {
            for (String patient : tokens.keySet()) {
                String request = CdsTestClient.hookRequest(BASE + "/sandbox/fhir", tokens.get(patient), patient,
                        null, null);
                long start = System.nanoTime();
                HttpResponse<String> response = cds.hook(request);
                fallback.add((System.nanoTime() - start) / 1_000_000);
                fallbackErrors += response.statusCode() == 200 ? 0 : 1;
            }
        }
        StringBuilder out = new StringBuilder(String.format("CDS Hooks patient-view: %d patients, %d warm rounds"
                + " (after %d warm-up rounds), %d ms added per FHIR request, %s%n", perPatient.size(), ROUNDS,
                WARM_UP_ROUNDS, latency, Instant.now()));
        out.append(String.format("%-38s %10s %8s %8s %8s %9s%n", "patient", "body KiB", "p50 ms", "p95 ms", "max ms",
                "cards ms"));
        perPatient.forEach((patient, v) -> out.append(String.format("%-38s %10d %8d %8d %8d %9d%n", patient,
                prefetched.get(patient).length() / 1024, pct(v, 50), pct(v, 95), Collections.max(v),
                pct(cardsMs.get(patient), 50))));
        long p95 = pct(all, 95);
        out.append(String.format("With prefetch, all calls: p50 %d ms, p95 %d ms, max %d ms, %d errors; target p95"
                + " <= %d ms: %s%n", pct(all, 50), p95, Collections.max(all), errors, TARGET_P95_MS,
                p95 <= TARGET_P95_MS ? "met" : "NOT met"));
        out.append("Server-Timing phases with prefetch (p50 / p95 / max ms):");
        phases.forEach((phase, v) -> out.append(String.format(" %s %d / %d / %d;", phase, pct(v, 50), pct(v, 95),
                Collections.max(v))));
        out.append(String.format("%n"));
        out.append(String.format("Without prefetch (read with fhirAuthorization, %d ms per FHIR request): p50 %d ms,"
                + " p95 %d ms, max %d ms, %d errors%n", latency, pct(fallback, 50), pct(fallback, 95),
                Collections.max(fallback), fallbackErrors));
        System.out.println(out);
        Path file = Path.of(System.getProperty("it.build.dir", "target"), "bench", "cds-hook.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
    }

    private static void call(CdsTestClient cds, String request) throws Exception {
        cds.hook(renewInstance(request));
    }

    /** A new hookInstance for every call, as an EHR sends. */
    private static String renewInstance(String request) {
        return request.replaceFirst("\"hookInstance\":\"[0-9a-f-]{36}\"",
                "\"hookInstance\":\"" + java.util.UUID.randomUUID() + "\"");
    }

    /** The patients the sandbox lists, as EhrLaunchIT finds them. */
    private static List<String> patients() {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("/sandbox/launch\\?patient=([^\"&]+)").matcher(new Browserless()
                .get(BASE + "/sandbox/").body());
        while (m.find()) {
            if (!ids.contains(m.group(1))) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    /** Every {@code dur} of the response's Server-Timing, by name. */
    private static Map<String, Long> durations(HttpResponse<?> response) {
        Map<String, Long> found = new LinkedHashMap<>();
        for (String header : response.headers().allValues("Server-Timing")) {
            Matcher m = Pattern.compile("(\\w+);dur=([0-9.]+)").matcher(header);
            while (m.find()) {
                found.put(m.group(1), (long) Double.parseDouble(m.group(2)));
            }
        }
        return found;
    }

    private static long timing(HttpResponse<?> response, String name) {
        for (String header : response.headers().allValues("Server-Timing")) {
            Matcher m = TIMING.matcher(header);
            while (m.find()) {
                if (m.group(1).equals(name)) {
                    return (long) Double.parseDouble(m.group(2));
                }
            }
        }
        return -1;
    }

    private static long pct(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
