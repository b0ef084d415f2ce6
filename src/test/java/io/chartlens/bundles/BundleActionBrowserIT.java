package io.chartlens.bundles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.system.audit.ServerAuditRows;
import io.chartlens.testsupport.Deployments;
import io.chartlens.testsupport.HeadlessChromium;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A hospitalist in a real browser: opens the high-readmission-risk patient, writes two items of the readmission
 * bundle back as draft orders (twice: the second submit finds them already in the EHR, with the same ids), and
 * overrides the LACE card with a reason, which lands in the feedback log.
 */
@ExtendWith(ArquillianExtension.class)
class BundleActionBrowserIT {

    private static final String BASE = Deployments.baseUrl();
    /** c01: the fictitious sandbox patient with LACE 16 (high) after an 8-day emergency admission. */
    private static final String READMISSION = "c01a0000-0000-4000-8000-000000000001";
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
    void hospitalistWritesDraftOrdersOnceAndOverridesAScoreWithAReason() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        openSummary(wait);
        WebElement bundle = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#bundles article[data-bundle='readmission']")));
        assertTrue(bundle.getText().contains("LACE"), "the card says why: " + bundle.getText());
        List<String> items = List.of("med-reconciliation", "follow-up-7-days");
        List<String> first = writeDrafts(wait, items);
        assertEquals(2, first.size(), "one draft per item");
        assertTrue(browser.findElement(By.cssSelector("#bundles .draft-result")).getText().contains("draft written"));

        // the same launch, reloaded: the written items show as drafts in the EHR and are not offered again
        browser.navigate().refresh();
        wait.until(ExpectedConditions.attributeToBe(By.id("bundles"), "aria-busy", "false"));
        for (String item : items) {
            WebElement line = browser.findElement(By.cssSelector(
                    "#bundles article[data-bundle='readmission'] li[data-item='" + item + "']"));
            assertEquals("drafted", line.getAttribute("data-status"), line.getText());
            assertTrue(line.findElements(By.cssSelector("input[type=checkbox]")).isEmpty(), "not offered again");
            assertTrue(first.contains(line.findElement(By.tagName("a")).getText()), line.getText());
        }

        // a second submit of the same items (a new page, a new form) writes nothing new
        openSummary(wait);
        List<String> second = writeDrafts(wait, items);
        assertEquals(first, second, "the same drafts, not new ones");
        assertTrue(browser.findElement(By.cssSelector("#bundles .draft-result")).getText()
                .contains("already in the EHR"));
        for (String reference : first) {
            assertTrue(reference.startsWith("ServiceRequest/") || reference.startsWith("Task/"), reference);
        }

        // override the LACE card with a reason and a comment
        long before = feedbackRows("lace", "OVERRIDDEN");
        WebElement lace = browser.findElement(By.cssSelector("#risk article[data-score='lace']"));
        WebElement decision = lace.findElement(By.cssSelector("details.decision"));
        decision.findElement(By.tagName("summary")).click();
        decision.findElement(By.cssSelector("input[value='overridden']")).click();
        new Select(decision.findElement(By.name("reason"))).selectByValue("already-addressed");
        decision.findElement(By.name("comment")).sendKeys("Follow-up booked with her GP <b>already</b>");
        decision.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement saved = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#risk article[data-score='lace'] .decision-saved")));
        assertTrue(saved.getText().startsWith("Overridden (Already addressed or planned): LACE"), saved.getText());
        assertEquals(saved, browser.switchTo().activeElement(), "focus moves to the confirmation");
        assertEquals(before + 1, feedbackRows("lace", "OVERRIDDEN"), "the override is in the log");
        assertEquals("already-addressed", lastReason("lace"));
    }

    private static void openSummary(WebDriverWait wait) {
        browser.get(BASE + "/sandbox/launch?patient=" + READMISSION);
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("chartlens-frame")));
        String url = (String) ((JavascriptExecutor) browser).executeScript("return window.location.href;");
        browser.switchTo().defaultContent();
        browser.get(url);
        for (String id : List.of("risk", "bundles")) {
            wait.until(ExpectedConditions.attributeToBe(By.id(id), "aria-busy", "false"));
        }
    }

    /** Ticks the items on the readmission card, submits, and returns the references the result lists. */
    private static List<String> writeDrafts(WebDriverWait wait, List<String> items) {
        WebElement card = browser.findElement(By.cssSelector("#bundles article[data-bundle='readmission']"));
        for (String item : items) {
            card.findElement(By.cssSelector("input[name='item'][value='" + item + "']")).click();
        }
        card.findElement(By.cssSelector(".draft-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#bundles article[data-bundle='readmission'] .draft-outcomes")));
        return browser.findElements(By.cssSelector("#bundles article[data-bundle='readmission'] .draft-outcomes li a"))
                .stream().map(WebElement::getText).toList();
    }

    private static long feedbackRows(String rule, String outcome) throws Exception {
        try (Connection c = DriverManager.getConnection(ServerAuditRows.url(ServerAuditRows.itDatabaseDir()),
                "chartlens", "");
             PreparedStatement s = c.prepareStatement("select count(*) from feedback_event where patient_id = ?"
                     + " and rule_id = ? and outcome = ?")) {
            s.setString(1, READMISSION);
            s.setString(2, rule);
            s.setString(3, outcome);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static String lastReason(String rule) throws Exception {
        try (Connection c = DriverManager.getConnection(ServerAuditRows.url(ServerAuditRows.itDatabaseDir()),
                "chartlens", "");
             PreparedStatement s = c.prepareStatement("select reason, payload, patient_age_band from feedback_event"
                     + " where patient_id = ? and rule_id = ? order by id desc")) {
            s.setString(1, READMISSION);
            s.setString(2, rule);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                assertTrue(r.getString(2).contains("\"inputs\""), "the inputs shown are kept: " + r.getString(2));
                assertEquals("75-84", r.getString(3), "born 1948, reference date 2026-09-28");
                return r.getString(1);
            }
        }
    }
}
