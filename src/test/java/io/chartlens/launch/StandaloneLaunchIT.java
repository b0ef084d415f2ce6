package io.chartlens.launch;

import static io.chartlens.testsupport.Browserless.location;
import static io.chartlens.testsupport.Browserless.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.testsupport.Browserless;
import io.chartlens.testsupport.Deployments;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Standalone launch: the user starts at ChartLens, picks the EHR, signs in there and picks a patient. */
@ExtendWith(ArquillianExtension.class)
class StandaloneLaunchIT {

    private static final String BASE = Deployments.baseUrl();
    private static final String TREY_BERGE = "f46d1649-8a02-4de8-8cff-f76fae267d3a";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.chartlens();
    }

    @Test
    void standaloneLaunchLetsTheUserPickAPatientAtTheEhr() {
        Browserless browser = new Browserless();
        HttpResponse<String> start = browser.get(BASE + "/start");
        assertEquals(200, start.statusCode());
        assertTrue(start.body().contains("ChartLens sandbox EHR"), start.body());

        HttpResponse<String> toAuthorize = browser.get(BASE + "/start?ehr=sandbox");
        assertEquals(302, toAuthorize.statusCode(), toAuthorize.body());
        Map<String, String> request = query(location(toAuthorize));
        assertFalse(request.containsKey("launch"), "a standalone launch sends no launch parameter");
        assertTrue(request.get("scope").contains("launch/patient"));
        assertEquals("S256", request.get("code_challenge_method"));

        HttpResponse<String> picker = browser.get(location(toAuthorize));
        assertEquals(200, picker.statusCode(), picker.body());
        Matcher requestId = Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"").matcher(picker.body());
        assertTrue(requestId.find(), picker.body());
        assertTrue(picker.body().contains(TREY_BERGE), "the patient picker lists sandbox patients");

        HttpResponse<String> toCallback = browser.postForm(BASE + "/sandbox/auth/authorize", Map.of(
                "request_id", requestId.group(1), "user", "sandbox-hospitalist", "patient", TREY_BERGE,
                "approve", "approve"));
        assertEquals(302, toCallback.statusCode(), toCallback.body());
        assertTrue(location(toCallback).startsWith(BASE + "/callback?"), location(toCallback));

        HttpResponse<String> summary = browser.followFrom(toCallback);
        assertEquals(200, summary.statusCode(), summary.body());
        assertTrue(summary.body().contains("Berge"), "the chosen patient");
        assertTrue(summary.body().contains("Sam Okafor"), "the chosen user");
    }

    @Test
    void unknownEhrOnTheStartPageIsExplained() {
        HttpResponse<String> page = new Browserless().get(BASE + "/start?ehr=nope");
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("UNKNOWN_EHR"));
    }
}
