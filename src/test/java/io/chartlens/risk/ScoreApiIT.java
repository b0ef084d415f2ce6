package io.chartlens.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.testsupport.Deployments;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The score JSON API on the deployed app: published examples, unit conversion, and clear 4xx answers. */
@ExtendWith(ArquillianExtension.class)
class ScoreApiIT {

    private static final String BASE = Deployments.baseUrl();
    private static final String TOKEN = "integration-test-api-token";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.chartlens();
    }

    /** Goff 2013 Table A: 55 y, TC 213, HDL 50, SBP 120 untreated, non-smoker, non-diabetic. */
    private static String goff(String sex, String race, String cholesterol) {
        return "{\"inputs\":{\"age\":{\"value\":55,\"unit\":\"a\"},\"sex\":\"" + sex + "\",\"race\":\"" + race + "\","
                + "\"totalCholesterol\":" + cholesterol + ",\"hdlCholesterol\":{\"value\":50,\"unit\":\"mg/dL\"},"
                + "\"systolicBp\":{\"value\":120,\"unit\":\"mm[Hg]\"},\"onHypertensionTreatment\":false,"
                + "\"smoker\":false,\"diabetes\":false,\"knownAscvd\":false}}";
    }

    @Test
    void pooledCohortEquationsMatchGoff2013TableA() throws Exception {
        String tc = "{\"value\":213,\"unit\":\"mg/dL\"}";
        assertValue(post("pce", goff("female", "white", tc), TOKEN), "2.1");
        assertValue(post("pce", goff("female", "african_american", tc), TOKEN), "3.0");
        // 5.3 % in the paper uses its rounded printed sum; the equation with Table A's coefficients gives 5.4 %.
        assertValue(post("pce", goff("male", "white", tc), TOKEN), "5.4");
        assertValue(post("pce", goff("male", "african_american", tc), TOKEN), "6.1");
    }

    @Test
    void cholesterolInMmolPerLitreIsConvertedWithUcum() throws Exception {
        // 213 mg/dL cholesterol = 5.5086 mmol/L (386.65 g/mol)
        HttpResponse<String> r = post("pce", goff("female", "white", "{\"value\":5.5086,\"unit\":\"mmol/L\"}"), TOKEN);
        assertValue(r, "2.1");
    }

    @Test
    void fahrenheitAndGramsPerLitreAreConvertedToTheDefinitionsUnits() throws Exception {
        // 101.3 °F = 38.5 °C: NEWS2 temperature 38.1–39.0 scores 1 (RCP 2017)
        HttpResponse<String> news2 = post("news2", "{\"inputs\":{\"bodyTemperature\":{\"value\":101.3,\"unit\":\"[degF]\"}}}",
                TOKEN);
        assertEquals(200, news2.statusCode(), news2.body());
        assertTrue(news2.body().contains("\"bodyTemperature\":1"), news2.body());
        // 115 g/L = 11.5 g/dL: HOSPITAL haemoglobin < 12 g/dL scores 1 (Donzé 2013)
        HttpResponse<String> hospital = post("hospital", "{\"inputs\":{\"hemoglobin\":{\"value\":115,\"unit\":\"g/L\"}}}",
                TOKEN);
        assertEquals(200, hospital.statusCode(), hospital.body());
        assertTrue(hospital.body().contains("\"hemoglobin\":1"), hospital.body());
    }

    @Test
    void missingInputsAreReportedNotAssumed() throws Exception {
        HttpResponse<String> r = post("news2", "{\"inputs\":{\"respiratoryRate\":{\"value\":26,\"unit\":\"/min\"}}}", TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"status\":\"incomplete\""), r.body());
        assertTrue(r.body().contains("\"value\":null"), r.body());
        assertTrue(r.body().contains("bodyTemperature"), "temperature listed as missing: " + r.body());
    }

    @Test
    void badRequestsGetAReason() throws Exception {
        assertEquals(400, post("pce", "not json", TOKEN).statusCode());
        HttpResponse<String> unknown = post("pce", "{\"inputs\":{\"colour\":true}}", TOKEN);
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("unknown input 'colour'"), unknown.body());
        HttpResponse<String> badUnit = post("pce", "{\"inputs\":{\"totalCholesterol\":{\"value\":5,\"unit\":\"furlong\"}}}",
                TOKEN);
        assertEquals(400, badUnit.statusCode(), badUnit.body());
        assertEquals(404, post("nope", "{\"inputs\":{}}", TOKEN).statusCode());
    }

    @Test
    void theApiIsNotOpenToTheWorld() throws Exception {
        assertEquals(401, post("pce", goff("female", "white", "{\"value\":213,\"unit\":\"mg/dL\"}"), null).statusCode());
        assertEquals(401, post("pce", "{\"inputs\":{}}", "wrong-token").statusCode());
    }

    private static void assertValue(HttpResponse<String> response, String value) {
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"status\":\"ok\""), response.body());
        assertTrue(response.body().contains("\"value\":" + value + ","), "expected " + value + ": " + response.body());
    }

    private static HttpResponse<String> post(String id, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + "/api/scores/" + id))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
