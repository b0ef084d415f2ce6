package io.chartlens.system;

import static io.chartlens.testsupport.Browserless.attributeOf;
import static io.chartlens.testsupport.Browserless.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.testsupport.Browserless;
import io.chartlens.testsupport.FakeEhr;
import io.chartlens.testsupport.LibertyInstance;
import io.chartlens.testsupport.Postgres;
import io.chartlens.testsupport.Redis;
import io.chartlens.testsupport.SharedStoreEnvironment;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two ChartLens instances on loopback behind a load balancer that this test plays (it sends each request to the
 * instance it chooses), configured only through the environment, sharing PostgreSQL and a session store: a launch
 * begun on A is completed on B, used on both, an override written through A is read back through B, and stopping
 * A does not log the user out on B. Run once with sessions in Redis and once with sessions in PostgreSQL.
 */
class ScaleOutIT {

    private static final String API_TOKEN = "integration-test-api-token";
    private static final Pattern FIELD = Pattern.compile("name=\"([^\"]+)\"\\s+value=\"([^\"]*)\"");

    @ParameterizedTest(name = "sessions in {0}")
    @ValueSource(strings = {"redis", "database"})
    void aLaunchSurvivesMovingBetweenInstancesAndLosingOne(String store) throws Exception {
        if (store.equals("redis")) {
            Redis.requireOrSkip();
        }
        int portA = 9180 + (store.equals("redis") ? 0 : 10);
        int portB = portA + 100;
        String database = "chartlens_scaleout_" + store;
        // the public URL is the balancer's; here A's, and the test routes each request to the instance it chooses
        Map<String, String> env = SharedStoreEnvironment.of(database, store, portA);

        try (FakeEhr ehr = FakeEhr.start();
             LibertyInstance a = LibertyInstance.prepare("scaleA-" + store, portA, env);
             LibertyInstance b = LibertyInstance.prepare("scaleB-" + store, portB, env)) {
            a.start();
            b.start();
            Browserless browser = new Browserless(); // the JDK client: it offers an h2c upgrade on every request

            // 1. the launch begins on A ...
            HttpResponse<String> toEhr = browser.get(a.baseUrl() + "/launch?launch=xyz&iss="
                    + URLEncoder.encode(ehr.iss(), StandardCharsets.UTF_8));
            assertEquals(302, toEhr.statusCode(), toEhr.body());
            HttpResponse<String> toCallback = browser.get(location(toEhr));
            assertEquals(302, toCallback.statusCode(), toCallback.body());
            // ... and the EHR's redirect back lands on B, which must find the state, the PKCE verifier and nonce
            HttpResponse<String> toSummary = browser.get(b.url(location(toCallback)));
            assertEquals(302, toSummary.statusCode(), "callback on B: " + toSummary.body());
            String summaryUrl = location(toSummary);
            assertTrue(summaryUrl.contains("/summary?ctx="), summaryUrl);

            // 2. the summary is served by either instance from the shared session
            HttpResponse<String> onB = browser.get(b.url(summaryUrl));
            assertEquals(200, onB.statusCode(), "summary on B, cookie " + browser.cookie("JSESSIONID"));
            assertTrue(onB.body().contains("Fakeperson"), "patient banner on B");
            HttpResponse<String> onA = browser.get(a.url(summaryUrl));
            assertEquals(200, onA.statusCode(), "summary on A, cookie " + browser.cookie("JSESSIONID"));
            assertTrue(onA.body().contains("Fakeperson"), "patient banner on A");

            // 3. an override written through A ...
            String riskUrl = a.baseUrl() + attributeOf(onA.body(), "risk", "data-fragment");
            HttpResponse<String> risk = browser.get(riskUrl);
            assertEquals(200, risk.statusCode(), risk.body());
            long rowsBefore = rowsChecked(b);
            Map<String, String> form = new LinkedHashMap<>();
            form.put("_csrf", field(risk.body(), "_csrf"));
            form.put("ctx", field(risk.body(), "ctx"));
            form.put("patient", field(risk.body(), "patient"));
            form.put("card", "score");
            form.put("id", "news2");
            form.put("title", "NEWS2");
            form.put("outcome", "overridden");
            form.put("reason", "data-wrong");
            form.put("comment", "written through A");
            form.put("requestKey", "scale-out-" + System.nanoTime());
            HttpResponse<String> saved = browser.postForm(a.baseUrl() + "/summary/decision", form);
            assertEquals(200, saved.statusCode(), saved.body());
            assertTrue(saved.body().contains("Saved in the feedback log"), saved.body());
            // ... is read back through B
            assertEquals(rowsBefore + 1, rowsChecked(b), "B sees the row A wrote, and the chain is intact");

            // 4. A goes away (a rolling deployment, a crash): the user is still signed in on B
            a.stop();
            HttpResponse<String> afterStop = browser.get(b.url(summaryUrl));
            assertEquals(200, afterStop.statusCode(), afterStop.body());
            assertTrue(afterStop.body().contains("Fakeperson"), "still in the chart on B after A stopped");
            HttpResponse<String> riskOnB = browser.get(b.url(riskUrl));
            assertEquals(200, riskOnB.statusCode(), riskOnB.body());
            // the same double-submitted decision is recognised on B from the session's receipts: one row only
            HttpResponse<String> again = browser.postForm(b.baseUrl() + "/summary/decision", form);
            assertEquals(200, again.statusCode(), again.body());
            assertEquals(rowsBefore + 1, rowsChecked(b), "the repeat on B saved nothing new");

            // the store holds the launch sealed: no token or patient id in the clear
            if (store.equals("database")) {
                assertNoTokenAtRest(database);
            } else {
                String stored = Redis.rawContents("com.ibm.ws.session.*");
                assertTrue(stored.contains("chartlens.launches"), "the sessions are in Redis");
                assertFalse(stored.contains("fake-access-") || stored.contains("fake-refresh-")
                        || stored.contains(FakeEhr.PATIENT_ID), "a token or patient id at rest in Redis");
            }
            assertFalse(b.messages().contains("fake-access-"), "no token in B's log");
        }
    }

    private static void assertNoTokenAtRest(String database) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/" + database, Postgres.USER, Postgres.PASSWORD);
             Statement sql = c.createStatement();
             ResultSet rows = sql.executeQuery("SELECT * FROM chartlens_http_sessions")) {
            int count = 0;
            while (rows.next()) {
                count++;
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    byte[] value = rows.getBytes(i);
                    if (value != null) {
                        String text = new String(value, StandardCharsets.ISO_8859_1);
                        assertFalse(text.contains("fake-access-") || text.contains("fake-refresh-")
                                || text.contains(FakeEhr.PATIENT_ID), "a token or patient id at rest in column " + i);
                    }
                }
            }
            assertTrue(count > 0, "sessions are in the database");
        }
    }

    private static long rowsChecked(LibertyInstance instance) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(instance.baseUrl() + "/api/feedback/verification"))
                .header("Authorization", "Bearer " + API_TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("{\"intact\":true"), r.body());
        Matcher m = Pattern.compile("\"rowsChecked\":(\\d+)").matcher(r.body());
        assertTrue(m.find(), r.body());
        return Long.parseLong(m.group(1));
    }

    private static String field(String html, String name) {
        Matcher m = FIELD.matcher(html);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return Browserless.unescape(m.group(2));
            }
        }
        throw new AssertionError("no field " + name + " in " + html);
    }
}
