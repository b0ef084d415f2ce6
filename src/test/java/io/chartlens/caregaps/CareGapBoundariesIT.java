package io.chartlens.caregaps;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import io.chartlens.testsupport.Deployments;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;
import net.minidev.json.JSONValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every measure's population boundaries ({@link MeasureBoundaryCases}) through {@code POST /api/care-gaps/$evaluate}
 * on the deployed app: the measure's status, its first group's population booleans and its due date. One request
 * per case; every mismatch is collected into one failure. (The response is read with json-smart: the test client has
 * only the Jakarta JSON API, provided by the server, and no JSON-P implementation.)
 */
@ExtendWith(ArquillianExtension.class)
class CareGapBoundariesIT {

    private static final String BASE = Deployments.baseUrl();
    private static final String TOKEN = "integration-test-api-token";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.chartlens();
    }

    private static String json(TestPatient p) {
        return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(p.bundle);
    }

    private static String query(MeasurementPeriod period) {
        return "periodStart=" + period.start() + "&periodEnd=" + period.end();
    }

    @Test
    void everyMeasureBoundaryHoldsThroughTheApi() throws Exception {
        List<MeasureBoundaryCases.Case> cases = MeasureBoundaryCases.all();
        HttpClient client = HttpClient.newHttpClient();
        List<String> mismatches = new ArrayList<>();
        for (MeasureBoundaryCases.Case c : cases) {
            HttpResponse<String> r = post(client, query(c.period()), json(c.patient()), TOKEN);
            if (r.statusCode() != 200) {
                mismatches.add(c + ": HTTP " + r.statusCode() + " " + r.body());
                continue;
            }
            JSONObject measure = measure(r.body(), c.measureId());
            if (measure == null) {
                mismatches.add(c + ": no measure " + c.measureId() + " in " + r.body());
                continue;
            }
            List<String> problems = new ArrayList<>();
            if (!c.expected().code().equals(measure.get("status"))) {
                problems.add("status " + measure.get("status") + ", expected " + c.expected().code());
            }
            if (!(measure.get("groups") instanceof JSONArray groups) || groups.isEmpty()) {
                problems.add("no groups");
            } else {
                JSONObject populations = (JSONObject) ((JSONObject) groups.get(0)).get("populations");
                for (MeasurePopulation p : c.expectedPopulations()) {
                    if (!populations.containsKey(p.code())) {
                        problems.add("expected " + p.code() + ", which the group does not have");
                    }
                }
                for (String code : populations.keySet()) {
                    boolean expected = MeasurePopulation.byCode(code).map(c.expectedPopulations()::contains)
                            .orElse(false);
                    if (!Boolean.valueOf(expected).equals(populations.get(code))) {
                        problems.add(code + " " + populations.get(code) + ", expected " + expected);
                    }
                }
            }
            if (c.expectedDue() != null && !c.expectedDue().toString().equals(measure.get("dueDate"))) {
                problems.add("dueDate " + measure.get("dueDate") + ", expected " + c.expectedDue());
            }
            if (!problems.isEmpty()) {
                mismatches.add(c + ": " + String.join("; ", problems) + " (reasons " + measure.get("reasons") + ")");
            }
        }
        assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + cases.size() + " boundary cases differ:\n"
                + String.join("\n", mismatches));
    }

    /** The measure with the id in an {@code $evaluate} response, or null. */
    private static JSONObject measure(String body, String id) {
        Object parsed = JSONValue.parse(body);
        if (!(parsed instanceof JSONObject response) || !(response.get("measures") instanceof JSONArray measures)) {
            return null;
        }
        return measures.stream().filter(JSONObject.class::isInstance).map(JSONObject.class::cast)
                .filter(m -> id.equals(m.get("id"))).findFirst().orElse(null);
    }

    private static HttpResponse<String> post(HttpClient client, String query, String body, String token)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + "/api/care-gaps/$evaluate?" + query))
                .header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
