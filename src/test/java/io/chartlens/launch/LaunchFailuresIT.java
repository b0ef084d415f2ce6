package io.chartlens.launch;

import static io.chartlens.testsupport.Browserless.attributeOf;
import static io.chartlens.testsupport.Browserless.location;
import static io.chartlens.testsupport.Browserless.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.chartlens.testsupport.Browserless;
import io.chartlens.testsupport.Deployments;
import io.chartlens.testsupport.FakeEhr;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every bad launch input gets a clear page with the right status, and no request goes to an unregistered EHR. */
@ExtendWith(ArquillianExtension.class)
class LaunchFailuresIT {

    private static final String BASE = Deployments.baseUrl();
    private static FakeEhr fakeEhr;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.chartlens();
    }

    @BeforeAll
    static void startFakeEhr() throws Exception {
        fakeEhr = FakeEhr.start();
    }

    @AfterAll
    static void stopFakeEhr() {
        fakeEhr.close();
    }

    @BeforeEach
    void resetFakeEhr() {
        fakeEhr.mode(FakeEhr.Mode.OK);
        fakeEhr.needPatientBanner(true);
        fakeEhr.accessTokenLifetime(3600);
        fakeEhr.clearRequests();
    }

    @Test
    void unregisteredIssIsRefusedWithoutContactingIt() throws Exception {
        AtomicInteger contacted = new AtomicInteger();
        HttpServer stranger = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stranger.createContext("/", exchange -> {
            contacted.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        stranger.start();
        try {
            String iss = "http://127.0.0.1:" + stranger.getAddress().getPort() + "/fhir";
            HttpResponse<String> page = new Browserless().get(BASE + "/launch?launch=abc&iss="
                    + URLEncoder.encode(iss, StandardCharsets.UTF_8));
            assertEquals(403, page.statusCode());
            assertTrue(page.body().contains("not registered"), page.body());
            assertTrue(page.body().contains("UNKNOWN_ISS"));
            assertEquals(0, contacted.get(), "no request may reach an unregistered iss");
        } finally {
            stranger.stop(0);
        }
    }

    @Test
    void launchWithoutIssSaysSo() {
        HttpResponse<String> page = new Browserless().get(BASE + "/launch?launch=abc");
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("MISSING_ISS"));
    }

    @Test
    void callbackWithoutStateIsRefused() {
        HttpResponse<String> page = new Browserless().get(BASE + "/callback?code=abc");
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("STATE_MISSING"), page.body());
    }

    @Test
    void callbackWithAStateFromNoLaunchIsRefused() {
        HttpResponse<String> page = new Browserless().get(BASE + "/callback?code=abc&state=forged-state-value");
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("STATE_MISMATCH"), page.body());
    }

    @Test
    void reusedStateIsRecognisedAndLeadsBackToTheSummary() {
        Browserless browser = new Browserless();
        HttpResponse<String> chart = browser.get(BASE + "/sandbox/launch?patient=907");
        HttpResponse<String> toCallback = browser.get(location(browser.get(BASE
                + attributeOf(chart.body(), "chartlens-frame", "src"))));
        String callback = location(toCallback);
        assertEquals(302, browser.get(callback).statusCode());

        HttpResponse<String> again = browser.get(callback);
        assertEquals(400, again.statusCode());
        assertTrue(again.body().contains("STATE_REUSED"), again.body());
        assertTrue(again.body().contains("/summary?ctx="), "offers the way back to the completed launch");
    }

    @Test
    void authorizationErrorFromTheEhrIsShown() {
        Browserless browser = new Browserless();
        HttpResponse<String> chart = browser.get(BASE + "/sandbox/launch?patient=907");
        String authorize = location(browser.get(BASE + attributeOf(chart.body(), "chartlens-frame", "src")));
        String state = query(authorize).get("state");
        HttpResponse<String> page = browser.get(BASE + "/callback?error=access_denied&error_description=User+said+no&state="
                + URLEncoder.encode(state, StandardCharsets.UTF_8));
        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("AUTHORIZATION_DENIED"), page.body());
        assertTrue(page.body().contains("access_denied"));
    }

    @Test
    void failedTokenExchangeIsShown() {
        fakeEhr.mode(FakeEhr.Mode.TOKEN_ERROR);
        HttpResponse<String> page = launchAtFakeEhr(new Browserless());
        assertEquals(502, page.statusCode());
        assertTrue(page.body().contains("TOKEN_EXCHANGE_FAILED"), page.body());
        assertTrue(page.body().contains("invalid_grant"));
    }

    @Test
    void badlySignedIdTokenIsRejected() {
        fakeEhr.mode(FakeEhr.Mode.BAD_ID_TOKEN_SIGNATURE);
        HttpResponse<String> page = launchAtFakeEhr(new Browserless());
        assertEquals(502, page.statusCode());
        assertTrue(page.body().contains("ID_TOKEN_INVALID"), page.body());
    }

    @Test
    void idTokenWithTheWrongNonceIsRejected() {
        fakeEhr.mode(FakeEhr.Mode.WRONG_NONCE);
        HttpResponse<String> page = launchAtFakeEhr(new Browserless());
        assertEquals(502, page.statusCode());
        assertTrue(page.body().contains("ID_TOKEN_INVALID"), page.body());
    }

    @Test
    void missingIdTokenIsRejected() {
        fakeEhr.mode(FakeEhr.Mode.NO_ID_TOKEN);
        HttpResponse<String> page = launchAtFakeEhr(new Browserless());
        assertEquals(502, page.statusCode());
        assertTrue(page.body().contains("ID_TOKEN_INVALID"), page.body());
    }

    @Test
    void brokenDiscoveryIsShown() {
        fakeEhr.mode(FakeEhr.Mode.DISCOVERY_FAILS);
        HttpResponse<String> page = new Browserless().get(BASE + "/launch?launch=xyz&iss="
                + URLEncoder.encode(fakeEhr.iss(), StandardCharsets.UTF_8));
        assertEquals(502, page.statusCode());
        assertTrue(page.body().contains("DISCOVERY_FAILED"), page.body());
    }

    @Test
    void expiredOrUnknownSessionAsksForARelaunch() {
        HttpResponse<String> page = new Browserless().get(BASE + "/summary?ctx=not-a-launch");
        assertEquals(401, page.statusCode());
        assertTrue(page.body().contains("SESSION_EXPIRED"), page.body());
        assertTrue(page.body().contains("relaunch"));
    }

    @Test
    void shortLivedTokensAreRefreshedBeforeUseAndTheFrameIsThatEhrs() {
        fakeEhr.accessTokenLifetime(30);
        HttpResponse<String> summary = launchAtFakeEhr(new Browserless());
        assertEquals(200, summary.statusCode(), summary.body());
        assertTrue(summary.body().contains("Fakeperson"));
        assertTrue(summary.body().contains("Dr Fake"), "the id_token names the clinician");
        assertTrue(fakeEhr.requests().contains("POST /auth/token refresh_token"), fakeEhr.requests().toString());
        String csp = summary.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("frame-ancestors http://127.0.0.1:"), csp);
    }

    @Test
    void textFromFhirIsEscaped() {
        HttpResponse<String> summary = launchAtFakeEhr(new Browserless());
        assertEquals(200, summary.statusCode(), summary.body());
        assertTrue(summary.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;Fiona"), summary.body());
        assertFalse(summary.body().contains("<script>alert(1)"), "FHIR text never reaches the page unescaped");
    }

    @Test
    void anEhrThatShowsItsOwnBannerGetsNone() {
        fakeEhr.needPatientBanner(false);
        HttpResponse<String> summary = launchAtFakeEhr(new Browserless());
        assertEquals(200, summary.statusCode(), summary.body());
        assertFalse(summary.body().contains("id=\"patient-name\""), "need_patient_banner=false hides the banner");
        assertTrue(summary.body().contains("Summary for"), "the page still names its subject for screen readers");
    }

    private HttpResponse<String> launchAtFakeEhr(Browserless browser) {
        return browser.follow(BASE + "/launch?launch=xyz&iss=" + URLEncoder.encode(fakeEhr.iss(), StandardCharsets.UTF_8));
    }
}
