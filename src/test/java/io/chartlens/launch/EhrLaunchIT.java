package io.chartlens.launch;

import static io.chartlens.testsupport.Browserless.attributeOf;
import static io.chartlens.testsupport.Browserless.location;
import static io.chartlens.testsupport.Browserless.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.testsupport.Browserless;
import io.chartlens.testsupport.Deployments;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The full EHR launch against the sandbox EHR: authorization server, token exchange, FHIR server, summary page. */
@ExtendWith(ArquillianExtension.class)
class EhrLaunchIT {

    private static final String BASE = Deployments.baseUrl();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.chartlens();
    }

    @Test
    void ehrLaunchFromTheSandboxEndsOnThePatientsSummary() {
        Browserless browser = new Browserless();
        HttpResponse<String> chart = browser.get(BASE + "/sandbox/launch?patient=907");
        assertEquals(200, chart.statusCode(), chart.body());
        String frameSrc = attributeOf(chart.body(), "chartlens-frame", "src");
        assertTrue(frameSrc.startsWith("/launch?iss="), frameSrc);

        HttpResponse<String> launch = browser.get(BASE + frameSrc);
        assertEquals(302, launch.statusCode(), launch.body());
        String authorize = location(launch);
        Map<String, String> request = query(authorize);
        assertTrue(authorize.startsWith(BASE + "/sandbox/auth/authorize?"), authorize);
        assertEquals("code", request.get("response_type"));
        assertEquals("chartlens-sandbox", request.get("client_id"));
        assertEquals(BASE + "/callback", request.get("redirect_uri"));
        assertEquals(BASE + "/sandbox/fhir", request.get("aud"));
        assertEquals("S256", request.get("code_challenge_method"));
        assertEquals(43, request.get("code_challenge").length(), "S256 challenge is 43 base64url chars");
        assertTrue(request.get("state").length() >= 43, "state carries at least 256 bits");
        assertTrue(request.get("nonce").length() >= 43);
        assertTrue(request.get("launch").length() >= 20);
        assertTrue(List.of(request.get("scope").split(" ")).containsAll(List.of("launch", "openid", "fhirUser")));
        String sessionBeforeLogin = browser.cookie("JSESSIONID").orElseThrow();

        HttpResponse<String> toCallback = browser.get(authorize);
        assertEquals(302, toCallback.statusCode(), toCallback.body());
        String callback = location(toCallback);
        assertTrue(callback.startsWith(BASE + "/callback?"), callback);
        assertEquals(request.get("state"), query(callback).get("state"));

        HttpResponse<String> toSummary = browser.get(callback);
        assertEquals(302, toSummary.statusCode(), toSummary.body());
        assertTrue(location(toSummary).contains("/summary?ctx="), location(toSummary));
        String rotated = browser.cookie("JSESSIONID").orElseThrow();
        assertNotEquals(sessionBeforeLogin, rotated, "session id is rotated after login");
        String setCookie = toSummary.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        for (String attribute : List.of("HttpOnly", "Secure", "SameSite=None", "Partitioned")) {
            assertTrue(setCookie.contains(attribute), "session cookie has " + attribute + ": " + setCookie);
        }

        HttpResponse<String> summary = browser.followFrom(toSummary);
        assertEquals(200, summary.statusCode(), summary.body());
        assertTrue(summary.body().contains("Baxter"), "patient name in banner");
        assertTrue(summary.body().contains("Alex Rivera"), "clinician name from the verified id_token");
        String csp = summary.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("frame-ancestors 'self'"), csp);
        assertFalse(summary.body().contains("eyJ"), "no JWT (token) in the page");
        String style = attributeOf(summary.body().replaceFirst("<link rel=\"stylesheet\" href=\"/style.css",
                "<link id=\"ehr-style\" rel=\"stylesheet\" href=\"/style.css"), "ehr-style", "href");
        HttpResponse<String> css = browser.get(BASE + style);
        assertEquals(200, css.statusCode());
        assertTrue(css.body().contains("--accent: #005ea2;"), "the sandbox EHR's smart_style_url is honoured: " + css.body());
    }

    @Test
    void everyCommittedSandboxPatientLaunches() {
        Browserless browser = new Browserless();
        HttpResponse<String> home = browser.get(BASE + "/sandbox/");
        assertEquals(200, home.statusCode());
        List<String> ids = java.util.regex.Pattern.compile("/sandbox/launch\\?patient=([^\"&]+)")
                .matcher(home.body()).results().map(m -> m.group(1)).distinct().toList();
        assertTrue(ids.size() >= 5, "the committed subset lists at least five patients: " + ids);
        for (String id : ids) {
            HttpResponse<String> chart = browser.get(BASE + "/sandbox/launch?patient=" + id);
            HttpResponse<String> summary = browser.follow(BASE + attributeOf(chart.body(), "chartlens-frame", "src"));
            assertEquals(200, summary.statusCode(), "patient " + id + ": " + summary.body());
            assertTrue(summary.body().contains("id=\"patient-name\""), "banner for " + id);
        }
    }

    @Test
    void healthReportsReady() throws InterruptedException {
        // ready once the care-gap CQL is translated, a few seconds after start: poll, do not time
        HttpResponse<String> ready = Deployments.awaitReady(java.time.Duration.ofSeconds(60));
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"UP\""), ready.body());
        assertTrue(ready.body().contains("care-gap-measures"), ready.body());
    }
}
