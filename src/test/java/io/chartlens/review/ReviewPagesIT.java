package io.chartlens.review;

import static io.chartlens.testsupport.Browserless.attributeOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.system.audit.ServerAuditRows;
import io.chartlens.testsupport.Browserless;
import io.chartlens.testsupport.Deployments;
import io.chartlens.testsupport.HeadlessChromium;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The informaticist's review pages through a real standalone SMART launch (provider, no patient): role gating,
 * the overview, drill-down, log and CSV export without patient ids, integrity, auditing, and axe-core on each page.
 */
@ExtendWith(ArquillianExtension.class)
class ReviewPagesIT {

    private static final String BASE = Deployments.baseUrl();
    private static final String DEANE = "873a0414-29f8-39cd-e03e-200af8af9b0f";
    private static WebDriver browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.chartlens();
    }

    @BeforeAll
    static void openBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aClinicianIsRefusedAndAnInformaticistSeesTheReviewPages() throws Exception {
        String comment = "review-it " + System.nanoTime();
        decideOnDeane(comment);

        // a clinician, through a real provider launch, gets a 403 page that says which role is needed
        Browserless clinician = new Browserless();
        HttpResponse<String> refused = providerLaunch(clinician, "sandbox-clinician");
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("ROLE_REQUIRED") && refused.body().contains("informaticists"),
                refused.body());

        Browserless informaticist = new Browserless();
        HttpResponse<String> overview = providerLaunch(informaticist, "sandbox-informaticist");
        assertEquals(200, overview.statusCode(), overview.body());
        String ctx = Browserless.query(overview.uri().toString()).get("ctx");
        assertTrue(overview.body().contains("data-rule=\"news2\""), "the overview lists the rule decided on");
        assertTrue(overview.body().contains("Wilson"), "the interval is named");
        assertTrue(overview.body().contains("Decided ÷ shown"), "the response rate is named apart from the rate");

        // decideOnDeane rendered the summary's risk section with its decision controls: its NEWS2 card counts as
        // shown. Impressions are written off the request thread, so give the writer a moment.
        long shown = shownOn(overview.body(), "news2");
        for (int i = 0; i < 50 && shown < 1; i++) {
            Thread.sleep(200);
            shown = shownOn(informaticist.get(BASE + "/review?ctx=" + ctx).body(), "news2");
        }
        assertTrue(shown >= 1, "the overview counts the NEWS2 card shown on Deane's summary");

        HttpResponse<String> log = informaticist.get(BASE + "/review/log?ctx=" + ctx + "&rule=news2");
        assertEquals(200, log.statusCode());
        assertTrue(log.body().contains(comment), "the decision is in the log");
        assertFalse(log.body().contains(DEANE), "no patient id on the page");

        HttpResponse<String> csv = informaticist.get(BASE + "/review/log.csv?ctx=" + ctx + "&rule=news2");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().contains(comment), "exported");
        assertFalse(csv.body().contains(DEANE), "no patient id in the export");

        HttpResponse<String> bad = informaticist.get(BASE + "/review/log?ctx=" + ctx + "&from=yesterday");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("TIME_NOT_ISO"), bad.body());

        HttpResponse<String> integrity = informaticist.get(BASE + "/review/integrity?ctx=" + ctx);
        assertTrue(integrity.body().contains("Intact: all"), integrity.body());
        assertTrue(reviewAudits() >= 4, "views and the export are audited");
        assertEquals(403, clinician.get(BASE + "/review/log?ctx="
                + Browserless.query(refused.uri().toString()).get("ctx")).statusCode());
    }

    @Test
    void everyReviewPagePassesAxe() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(BASE + "/start?ehr=sandbox&mode=provider");
        new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user"))))
                .selectByValue("sandbox-informaticist");
        browser.findElement(By.cssSelector("button[name=approve]")).click();
        wait.until(ExpectedConditions.urlContains("/review"));
        String ctx = Browserless.query(browser.getCurrentUrl()).get("ctx");
        List<String> problems = new ArrayList<>();
        for (String page : List.of("/review?ctx=" + ctx + "&days=0", "/review/rule?ctx=" + ctx
                + "&type=SCORE&rule=news2&days=0", "/review/log?ctx=" + ctx, "/review/integrity?ctx=" + ctx)) {
            browser.get(BASE + page);
            var results = new com.deque.html.axecore.selenium.AxeBuilder()
                    .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
            assertFalse(results.getPasses().isEmpty(), "axe ran on " + page);
            results.getViolations().stream()
                    .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                    .forEach(v -> problems.add(page + ": " + v.getId() + " (" + v.getImpact() + "): " + v.getHelp()));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** A standalone provider launch at the sandbox as {@code user}; returns the landing page. */
    private static HttpResponse<String> providerLaunch(Browserless browser, String user) {
        HttpResponse<String> toAuthorize = browser.get(BASE + "/start?ehr=sandbox&mode=provider");
        HttpResponse<String> picker = browser.get(Browserless.location(toAuthorize));
        Matcher requestId = Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"").matcher(picker.body());
        assertTrue(requestId.find(), picker.body());
        HttpResponse<String> toCallback = browser.postForm(BASE + "/sandbox/auth/authorize", Map.of(
                "request_id", requestId.group(1), "user", user, "approve", "approve"));
        assertEquals(302, toCallback.statusCode(), toCallback.body());
        return browser.followFrom(toCallback);
    }

    /** A clinician overrides NEWS2 on Deane's summary, so the review pages have a known row. */
    private static void decideOnDeane(String comment) {
        Browserless browser = new Browserless();
        HttpResponse<String> chart = browser.get(BASE + "/sandbox/launch?patient=" + DEANE);
        HttpResponse<String> summary = browser.follow(BASE + attributeOf(chart.body(), "chartlens-frame", "src"));
        String ctx = Browserless.query(summary.uri().toString()).get("ctx");
        String risk = browser.get(BASE + attributeOf(summary.body(), "risk", "data-fragment")).body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", field(risk, "_csrf"));
        form.put("ctx", ctx);
        form.put("patient", field(risk, "patient"));
        form.put("card", "score");
        form.put("id", "news2");
        form.put("outcome", "overridden");
        form.put("reason", "not-relevant");
        form.put("comment", comment);
        form.put("requestKey", "review-it-" + System.nanoTime());
        HttpResponse<String> saved = browser.postForm(BASE + "/summary/decision", form);
        assertEquals(200, saved.statusCode(), saved.body());
    }

    /**
     * The cards shown of a rule on the overview, over its versions; a version whose cell reads "not recorded" adds 0.
     */
    private static long shownOn(String overviewHtml, String rule) {
        Matcher row = Pattern.compile("<tr[^>]*data-rule=\"" + Pattern.quote(rule) + "\"[^>]*>(.*?)</tr>",
                Pattern.DOTALL).matcher(overviewHtml);
        long shown = 0;
        while (row.find()) {
            Matcher cell = Pattern.compile("<td class=\"shown[^\"]*\">\\s*(\\d+)\\s*</td>").matcher(row.group(1));
            if (cell.find()) {
                shown += Long.parseLong(cell.group(1));
            }
        }
        return shown;
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), name);
        return m.group(1);
    }

    private static long reviewAudits() throws Exception {
        try (Connection c = DriverManager.getConnection(ServerAuditRows.url(ServerAuditRows.itDatabaseDir()),
                "chartlens", "");
             PreparedStatement s = c.prepareStatement("select count(*) from audit_event where action in"
                     + " ('VIEW_REVIEW', 'EXPORT') and patient_id = ?")) {
            s.setString(1, ReviewAccess.NO_SINGLE_PATIENT);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
