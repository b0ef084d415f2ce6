package io.chartlens.overrides;

import static io.chartlens.testsupport.Browserless.attributeOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.system.audit.ServerAuditRows;
import io.chartlens.testsupport.Browserless;
import io.chartlens.testsupport.Deployments;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Decisions on cards through the deployed app over loopback HTTP: 1,000 concurrent overrides are all saved and chain,
 * a double submit saves one, bad forms are refused with the form kept, and when the database cannot take the write
 * the clinician is told it was NOT saved and nothing is half-written.
 */
@ExtendWith(ArquillianExtension.class)
class CardDecisionIT {

    private static final String BASE = Deployments.baseUrl();
    private static final String DEANE = "873a0414-29f8-39cd-e03e-200af8af9b0f";
    private static final int WRITES = 1000;
    private static final int THREADS = 8;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.chartlens();
    }

    /** A launched session on Deane's summary with the risk section's form fields. */
    private record Session(Browserless browser, String ctx, String csrf, String patientKey) {
        Map<String, String> override(String requestKey) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("_csrf", csrf);
            form.put("ctx", ctx);
            form.put("patient", patientKey);
            form.put("card", "score");
            form.put("id", "news2");
            form.put("title", "NEWS2");
            form.put("outcome", "overridden");
            form.put("reason", "data-wrong");
            form.put("comment", "re-measured");
            form.put("requestKey", requestKey);
            return form;
        }

        HttpResponse<String> post(Map<String, String> form) {
            return browser.postForm(BASE + "/summary/decision", form);
        }
    }

    private static Session launch() {
        Browserless browser = new Browserless();
        HttpResponse<String> chart = browser.get(BASE + "/sandbox/launch?patient=" + DEANE);
        HttpResponse<String> summary = browser.follow(BASE + attributeOf(chart.body(), "chartlens-frame", "src"));
        String ctx = Browserless.query(summary.uri().toString()).get("ctx");
        String risk = browser.get(BASE + attributeOf(summary.body(), "risk", "data-fragment")).body();
        return new Session(browser, ctx, field(risk, "_csrf"), field(risk, "patient"));
    }

    @Test
    void thousandConcurrentOverridesAreAllSavedAndTheChainVerifies() throws Exception {
        Session session = launch();
        long before = rows();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int i = 0; i < WRITES; i++) {
            String key = "concurrent-" + i + "-" + System.nanoTime();
            pool.submit(() -> {
                HttpResponse<String> r = session.post(session.override(key));
                if (r.statusCode() != 200 || !r.body().contains("Saved in the feedback log")) {
                    failures.add(r.statusCode() + " " + r.body());
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(15, TimeUnit.MINUTES), "all writes answered");
        assertEquals(List.of(), List.copyOf(failures).subList(0, Math.min(3, failures.size())));
        assertEquals(before + WRITES, rows(), "none lost, none doubled");
        ChainVerification chain = verifier().verify();
        assertTrue(chain.ok(), chain.toString());
        // and the app's verification endpoint says the same
        HttpResponse<String> api = get(BASE + "/api/feedback/verification", "integration-test-api-token");
        assertEquals(200, api.statusCode(), api.body());
        assertTrue(api.body().startsWith("{\"intact\":true,\"rowsChecked\":"), api.body());
        assertEquals(401, get(BASE + "/api/feedback/verification", "wrong").statusCode());
    }

    private static HttpResponse<String> get(String url, String token) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDoubleSubmitSavesOneDecision() {
        Session session = launch();
        long before = rows();
        Map<String, String> form = session.override("double-click-" + System.nanoTime());
        HttpResponse<String> first = session.post(form);
        HttpResponse<String> second = session.post(form);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(200, second.statusCode());
        assertTrue(second.body().contains("Overridden (The data behind it are wrong or out of date): NEWS2"),
                second.body());
        assertEquals(before + 1, rows());
    }

    @Test
    void badFormsAreRefusedAndKeepWhatWasEntered() {
        Session session = launch();
        long before = rows();
        Map<String, String> noReason = session.override("no-reason-" + System.nanoTime());
        noReason.remove("reason");
        HttpResponse<String> r = session.post(noReason);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Choose a reason to override."), r.body());
        assertTrue(r.body().contains(">re-measured</textarea>"), "the comment is given back: " + r.body());

        Map<String, String> otherPatient = session.override("other-" + System.nanoTime());
        otherPatient.put("patient", "0".repeat(64));
        assertEquals(409, session.post(otherPatient).statusCode());

        Map<String, String> noCsrf = session.override("csrf-" + System.nanoTime());
        noCsrf.remove("_csrf");
        assertEquals(403, session.post(noCsrf).statusCode());

        Map<String, String> unknownCard = session.override("unknown-" + System.nanoTime());
        unknownCard.put("id", "apache-ii");
        HttpResponse<String> unknown = session.post(unknownCard);
        assertEquals(409, unknown.statusCode());
        assertTrue(unknown.body().contains("no longer on the summary"), unknown.body());
        Map<String, String> oldVersion = session.override("old-version-" + System.nanoTime());
        oldVersion.put("version", "0.0.1");
        HttpResponse<String> stale = session.post(oldVersion);
        assertEquals(409, stale.statusCode());
        assertTrue(stale.body().contains("no longer the active one"), stale.body());
        assertEquals(before, rows(), "nothing saved");
    }

    @Test
    void whenTheDatabaseCannotTakeTheWriteTheClinicianIsToldAndNothingIsHalfWritten() throws Exception {
        Session session = launch();
        long before = rows();
        // Another connection holds the chain head's lock, as a stuck or failing database would: the app's append
        // times out on the lock.
        try (Connection blocker = connect()) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.executeQuery("SELECT last_hash FROM feedback_chain_head WHERE id = 1 FOR UPDATE").close();
            }
            HttpResponse<String> r = session.post(session.override("db-down-" + System.nanoTime()));
            assertEquals(503, r.statusCode(), r.body());
            assertTrue(r.body().contains("Your decision was NOT saved"), r.body());
            assertTrue(Pattern.compile("value=\"overridden\"[^>]*checked").matcher(r.body()).find(),
                    "the choice is kept: " + r.body());
            assertTrue(Pattern.compile("value=\"data-wrong\"[^>]*selected").matcher(r.body()).find(),
                    "the reason is kept");
            blocker.rollback();
        }
        assertEquals(before, rows(), "nothing half-written");
        assertTrue(verifier().verify().ok());
        // and once the database is back, the same decision can be saved
        assertEquals(200, session.post(session.override("db-back-" + System.nanoTime())).statusCode());
        assertEquals(before + 1, rows());
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), name + " in " + html);
        return m.group(1);
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(ServerAuditRows.url(ServerAuditRows.itDatabaseDir()), "chartlens", "");
    }

    private static long rows() {
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement("select count(*) from feedback_event where patient_id = ?")) {
            s.setString(1, DEANE);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The app's own verification, on the integration server's database. */
    private static FeedbackLog verifier() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(ServerAuditRows.url(ServerAuditRows.itDatabaseDir()));
        ds.setUser("chartlens");
        ds.setPassword("");
        DataSource source = ds;
        return new FeedbackLog(new FeedbackStore(new FeedbackRepository(source,
                FeedbackRepository.Transactions.LOCAL)), PatientPseudonyms.fromConfig(Optional.empty(), true));
    }
}
