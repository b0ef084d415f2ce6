package io.chartlens.caregaps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import io.chartlens.testsupport.Deployments;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /api/care-gaps/$evaluate} on the deployed app: memberships, status, due date, evidence; clear 4xx. */
@ExtendWith(ArquillianExtension.class)
class CareGapApiIT {

    private static final String BASE = Deployments.baseUrl();
    private static final String TOKEN = "integration-test-api-token";
    private static final String PERIOD = "periodStart=2024-01-01&periodEnd=2024-12-31";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.chartlens();
    }

    private static String json(TestPatient p) {
        return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(p.bundle);
    }

    @Test
    void aScreenedPatientHasAClosedColorectalGapWithItsEvidenceAndDueDate() throws Exception {
        TestPatient p = TestPatient.male(LocalDate.of(1964, 6, 1)).officeVisit(LocalDate.of(2024, 3, 1))
                .procedure(LocalDate.of(2016, 6, 1), TestPatient.SNOMED, "73761001");
        HttpResponse<String> r = post(PERIOD, json(p), TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        JSONObject colorectal = measure(r.body(), "colorectal");
        assertEquals("closed-gap", colorectal.get("status"), colorectal.toString());
        assertEquals("2026-06-01", colorectal.get("dueDate"));
        JSONObject populations = (JSONObject) ((JSONObject) ((JSONArray) colorectal.get("groups")).get(0)).get("populations");
        assertEquals(Boolean.TRUE, populations.get("initial-population"));
        assertEquals(Boolean.TRUE, populations.get("denominator"));
        assertEquals(Boolean.TRUE, populations.get("numerator"));
        assertEquals(Boolean.FALSE, populations.get("denominator-exclusion"));
        assertTrue(((JSONArray) colorectal.get("evidence")).stream().map(JSONObject.class::cast)
                .anyMatch(e -> "Procedure/procedure-2".equals(e.get("reference")) && "numerator".equals(e.get("role"))),
                colorectal.toString());
        assertEquals(7, ((JSONArray) parse(r.body()).get("measures")).size());
    }

    @Test
    void badInputGetsAnOperationOutcomeThatSaysWhy() throws Exception {
        TestPatient p = TestPatient.male(LocalDate.of(1964, 6, 1));
        assertOutcome(post(PERIOD, "not json", TOKEN), "not a FHIR JSON resource");
        assertOutcome(post(PERIOD, "{\"resourceType\":\"Patient\",\"id\":\"x\"}", TOKEN), "must be a FHIR Bundle");
        assertOutcome(post(PERIOD, "{\"resourceType\":\"Bundle\",\"type\":\"collection\"}", TOKEN), "exactly one Patient");
        assertOutcome(post("periodStart=2024-12-31&periodEnd=2024-01-01", json(p), TOKEN), "before it starts");
        assertOutcome(post("periodStart=2024-13-01&periodEnd=2024-12-31", json(p), TOKEN), "periodStart is not a date");
        assertOutcome(post("periodEnd=2024-12-31", json(p), TOKEN), "periodStart is required");
    }

    @Test
    void theApiIsNotOpenToTheWorld() throws Exception {
        TestPatient p = TestPatient.male(LocalDate.of(1964, 6, 1));
        assertEquals(401, post(PERIOD, json(p), null).statusCode());
        assertEquals(401, post(PERIOD, json(p), "wrong-token").statusCode());
    }

    static JSONObject measure(String body, String id) {
        JSONArray measures = (JSONArray) parse(body).get("measures");
        return measures.stream().map(JSONObject.class::cast).filter(m -> id.equals(m.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no measure " + id + " in " + body));
    }

    static JSONObject parse(String body) {
        try {
            return com.nimbusds.oauth2.sdk.util.JSONObjectUtils.parse(body);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new AssertionError("not a JSON object: " + body, e);
        }
    }

    private static void assertOutcome(HttpResponse<String> r, String text) {
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/fhir+json"));
        assertTrue(r.body().contains("\"resourceType\":\"OperationOutcome\""), r.body());
        assertTrue(r.body().contains(text), "expected '" + text + "' in " + r.body());
    }

    static HttpResponse<String> post(String query, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + "/api/care-gaps/$evaluate?" + query))
                .header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
