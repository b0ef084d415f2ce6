package io.chartlens.review;

import static io.chartlens.testsupport.Browserless.attributeOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.testsupport.Browserless;
import io.chartlens.testsupport.Deployments;
import io.chartlens.testsupport.HeadlessChromium;
import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Versioned rules (issue #9) through real launches: an administrator activates LACE 0.9.0 (no alert band) on the
 * admin page and a new patient launch computes with it; rolling back brings 1.0.0 back for the next launch; the
 * history says who and when; other roles are refused; the page passes axe-core.
 *
 * <p>It changes the shared IT database's active LACE version, and puts 1.0.0 back whatever happens, so the other
 * ITs see the default.
 */
@ExtendWith(ArquillianExtension.class)
class GovernanceIT {

    private static final String BASE = Deployments.baseUrl();
    /** The sandbox's Synthea practitioner that smart-config/roles.json makes an admin. */
    private static final String ADMIN_ID = "eaf1a0f2-5ade-33aa-8bae-a17e6b8bda54";
    private static final String READMISSION = "c01a0000-0000-4000-8000-000000000001";
    /** Deane47 Howell947 (a04), 50 on her last record date. */
    private static final String A04 = "873a0414-29f8-39cd-e03e-200af8af9b0f";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.chartlens();
    }

    @Test
    void rollbackChangesWhatANewLaunchComputes() {
        Browserless admin = new Browserless();
        HttpResponse<String> landing = providerLaunch(admin, ADMIN_ID);
        assertEquals(200, landing.statusCode(), landing.body());
        String ctx = Browserless.query(landing.uri().toString()).get("ctx");
        try {
            putLaceDefaultBack(admin, ctx);
            assertNewLaunchComputesLace("1.0.0", true);

            HttpResponse<String> activated = admin.followFrom(post(admin, ctx, "activate", "0.9.0"));
            assertEquals(200, activated.statusCode(), activated.body());
            assertEquals("0.9.0", attributeOf(activated.body(), "rule-SCORE-lace", "data-active"));
            assertTrue(activated.body().contains("version 0.9.0 is now active"), activated.body());
            assertNewLaunchComputesLace("0.9.0", false);

            HttpResponse<String> rolledBack = admin.followFrom(post(admin, ctx, "rollback", null));
            assertEquals(200, rolledBack.statusCode(), rolledBack.body());
            assertEquals("1.0.0", attributeOf(rolledBack.body(), "rule-SCORE-lace", "data-active"));
            assertNewLaunchComputesLace("1.0.0", true);

            String lace = lace(rolledBack.body());
            String history = lace.substring(lace.indexOf("governance-history"));
            assertTrue(history.contains("<td>Practitioner/" + ADMIN_ID + "</td>"), "who: " + history);
            assertTrue(Pattern.compile("<td>\\d{1,2} \\w{3} \\d{4} \\d{2}:\\d{2} UTC</td>").matcher(history).find(),
                    "when: " + history);
            assertTrue(history.contains("<td>activate</td>") && history.contains("<td>0.9.0</td>")
                    && history.contains("<td>1.0.0</td>"), "what: " + history);
        } finally {
            putLaceDefaultBack(admin, ctx);
        }
    }

    /**
     * Care-gap measures and the AI prompt are switched the same way: colorectal 0.9.0 (ages 51–75) leaves A04, who is
     * 50 on her last record date, out of the measure for the next launch, and rolling back brings 1.0.0 (46–75)
     * back; the prompt's active version follows activate and roll back. The IT server has no model, so what the
     * model is asked with is checked by ModelSummarizerTest and GovernanceActionsTest.
     */
    @Test
    void measureAndPromptVersionsAreSwitchedAndRolledBack() throws InterruptedException {
        assertEquals(200, Deployments.awaitReady(Duration.ofMinutes(3)).statusCode(), "the measures are translated");
        Browserless admin = new Browserless();
        String ctx = Browserless.query(providerLaunch(admin, ADMIN_ID).uri().toString()).get("ctx");
        try {
            putDefaultBack(admin, ctx, "MEASURE", "colorectal", "1.0.0");
            putDefaultBack(admin, ctx, "PROMPT", "ai-summary", "summary-v1");
            String applicable = newLaunchColorectal("1.0.0");
            assertFalse(applicable.equals("not-applicable") || applicable.equals("failed"), applicable);

            HttpResponse<String> activated = admin.followFrom(post(admin, ctx, "activate", "MEASURE", "colorectal",
                    "0.9.0"));
            assertEquals("0.9.0", attributeOf(activated.body(), "rule-MEASURE-colorectal", "data-active"));
            assertEquals("not-applicable", newLaunchColorectal("0.9.0"));

            HttpResponse<String> rolledBack = admin.followFrom(post(admin, ctx, "rollback", "MEASURE", "colorectal",
                    null));
            assertEquals("1.0.0", attributeOf(rolledBack.body(), "rule-MEASURE-colorectal", "data-active"));
            assertEquals(applicable, newLaunchColorectal("1.0.0"));

            HttpResponse<String> prompt = admin.followFrom(post(admin, ctx, "activate", "PROMPT", "ai-summary",
                    "summary-v2"));
            assertEquals("summary-v2", attributeOf(prompt.body(), "rule-PROMPT-ai-summary", "data-active"));
            prompt = admin.followFrom(post(admin, ctx, "rollback", "PROMPT", "ai-summary", null));
            assertEquals("summary-v1", attributeOf(prompt.body(), "rule-PROMPT-ai-summary", "data-active"));
        } finally {
            putDefaultBack(admin, ctx, "MEASURE", "colorectal", "1.0.0");
            putDefaultBack(admin, ctx, "PROMPT", "ai-summary", "summary-v1");
        }
    }

    /** A new clinician launch of A04: the colorectal card's status, after checking the version it shows. */
    private static String newLaunchColorectal(String version) {
        Browserless clinician = new Browserless();
        HttpResponse<String> chart = clinician.get(BASE + "/sandbox/launch?patient=" + A04);
        HttpResponse<String> summary = clinician.follow(BASE + attributeOf(chart.body(), "chartlens-frame", "src"));
        String gaps = clinician.get(BASE + attributeOf(summary.body(), "gaps", "data-fragment")).body();
        Matcher card = Pattern.compile("data-measure=\"colorectal\" data-status=\"([a-z-]+)\".*?measure v<span>([^<]+)"
                + "</span>", Pattern.DOTALL).matcher(gaps);
        assertTrue(card.find(), gaps);
        assertEquals(version, card.group(2), "the card carries the version that computed it");
        return card.group(1);
    }

    @Test
    void anUnknownVersionIsRefusedAndNothingToRollBackIsSaid() {
        Browserless admin = new Browserless();
        String ctx = Browserless.query(providerLaunch(admin, ADMIN_ID).uri().toString()).get("ctx");
        HttpResponse<String> unknown = post(admin, ctx, "activate", "0.8.0");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("UNKNOWN_VERSION"), unknown.body());

        Map<String, String> form = form(admin, ctx, "rollback", null);
        form.put("rule", "qsofa"); // one version only: there is never anything to roll back to
        HttpResponse<String> nothing = admin.postForm(BASE + "/review/admin", form);
        assertEquals(409, nothing.statusCode());
        assertTrue(nothing.body().contains("There is no earlier version to roll back to"), nothing.body());

        form.remove("_csrf");
        assertEquals(403, admin.postForm(BASE + "/review/admin", form).statusCode(), "no CSRF token: refused");
    }

    @Test
    void aClinicianAndAnInformaticistAreRefusedTheAdminPage() {
        Browserless informaticist = new Browserless();
        HttpResponse<String> overview = providerLaunch(informaticist, "sandbox-informaticist");
        assertEquals(200, overview.statusCode(), overview.body());
        HttpResponse<String> refused = informaticist.get(BASE + "/review/admin?ctx="
                + Browserless.query(overview.uri().toString()).get("ctx"));
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("ROLE_REQUIRED") && refused.body().contains("administrators"),
                refused.body());

        Browserless clinician = new Browserless();
        HttpResponse<String> landing = providerLaunch(clinician, "sandbox-clinician");
        assertEquals(403, clinician.get(BASE + "/review/admin?ctx="
                + Browserless.query(landing.uri().toString()).get("ctx")).statusCode());
    }

    @Test
    void theAdminPagePassesAxe() {
        WebDriver browser = HeadlessChromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get(BASE + "/start?ehr=sandbox&mode=provider");
            new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user")))).selectByValue(ADMIN_ID);
            browser.findElement(By.cssSelector("button[name=approve]")).click();
            wait.until(ExpectedConditions.urlContains("/review"));
            String ctx = Browserless.query(browser.getCurrentUrl()).get("ctx");
            browser.get(BASE + "/review/admin?ctx=" + ctx);
            assertTrue(browser.findElement(By.id("rule-SCORE-lace")).isDisplayed());
            var results = new com.deque.html.axecore.selenium.AxeBuilder()
                    .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
            assertFalse(results.getPasses().isEmpty(), "axe ran");
            List<String> problems = new ArrayList<>();
            results.getViolations().stream()
                    .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                    .forEach(v -> problems.add(v.getId() + " (" + v.getImpact() + "): " + v.getHelp()));
            assertTrue(problems.isEmpty(), String.join("\n", problems));
        } finally {
            browser.quit();
        }
    }

    /** A new clinician launch of the readmission demo patient (LACE 16, high): the LACE card's version and alert. */
    private static void assertNewLaunchComputesLace(String version, boolean alert) {
        Browserless clinician = new Browserless();
        HttpResponse<String> chart = clinician.get(BASE + "/sandbox/launch?patient=" + READMISSION);
        HttpResponse<String> summary = clinician.follow(BASE + attributeOf(chart.body(), "chartlens-frame", "src"));
        String risk = clinician.get(BASE + attributeOf(summary.body(), "risk", "data-fragment")).body();
        Matcher card = Pattern.compile("data-score=\"lace\".*?definition v<span>([^<]+)</span>", Pattern.DOTALL)
                .matcher(risk);
        assertTrue(card.find(), risk);
        assertEquals(version, card.group(1), "the card carries the version that computed it");
        String alerts = clinician.get(BASE + attributeOf(summary.body(), "alerts", "data-fragment")).body();
        assertEquals(alert, alerts.contains("data-alert=\"lace\""), alerts);
    }

    /** Activates LACE 1.0.0 unless it is already the active version. */
    private static void putLaceDefaultBack(Browserless admin, String ctx) {
        putDefaultBack(admin, ctx, "SCORE", "lace", "1.0.0");
    }

    /** Activates a rule's default version unless it is already the active one. */
    private static void putDefaultBack(Browserless admin, String ctx, String kind, String rule, String version) {
        String page = admin.get(BASE + "/review/admin?ctx=" + ctx).body();
        if (!version.equals(attributeOf(page, "rule-" + kind + "-" + rule, "data-active"))) {
            assertEquals(303, post(admin, ctx, "activate", kind, rule, version).statusCode());
        }
    }

    private static HttpResponse<String> post(Browserless admin, String ctx, String action, String version) {
        return post(admin, ctx, action, "SCORE", "lace", version);
    }

    private static HttpResponse<String> post(Browserless admin, String ctx, String action, String kind, String rule,
                                             String version) {
        Map<String, String> form = form(admin, ctx, action, version);
        form.put("kind", kind);
        form.put("rule", rule);
        return admin.postForm(BASE + "/review/admin", form);
    }

    private static Map<String, String> form(Browserless admin, String ctx, String action, String version) {
        String page = admin.get(BASE + "/review/admin?ctx=" + ctx).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(csrf.find(), page);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf.group(1));
        form.put("ctx", ctx);
        form.put("action", action);
        form.put("kind", "SCORE");
        form.put("rule", "lace");
        if (version != null) {
            form.put("version", version);
        }
        return form;
    }

    /** The LACE article of the admin page. */
    private static String lace(String page) {
        int start = page.indexOf("id=\"rule-SCORE-lace\"");
        assertTrue(start >= 0, page);
        return page.substring(start, page.indexOf("</article>", start));
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
}
