package io.chartlens.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.testsupport.Deployments;
import io.chartlens.testsupport.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A real headless Chromium opens the sandbox EHR, which frames ChartLens after a SMART EHR launch. */
@ExtendWith(ArquillianExtension.class)
class SummaryBrowserIT {

    private static final String BASE = Deployments.baseUrl();
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
    void sandboxLaunchShowsThePatientInTheFramedSummary() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(BASE + "/sandbox/");
        browser.findElement(By.cssSelector("a[href*='patient=f46d1649-8a02-4de8-8cff-f76fae267d3a']")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("chartlens-frame")));
        String name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("patient-name"))).getText();
        assertTrue(name.contains("Trey") && name.contains("Berge"), name);
        // The record section arrives after the page (progressive loading) and replaces its loading state.
        wait.until(ExpectedConditions.attributeToBe(By.id("record"), "aria-busy", "false"));
        String record = browser.findElement(By.id("record")).getText();
        assertTrue(record.contains("Latest vital signs") && record.contains("Active problems"), record);
        assertTrue(!record.contains("Loading the record"), "the loading state is gone");
        String clinician = browser.findElement(By.id("clinician-name")).getText();
        assertTrue(clinician.contains("Alex Rivera"), "clinician from the id_token: " + clinician);
        browser.switchTo().defaultContent();
        Path shots = Path.of(System.getProperty("it.build.dir", "target"), "screenshots");
        Files.createDirectories(shots);
        Files.write(shots.resolve("sandbox-launch-1280.png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void summaryIsReadableAt400PixelsWide() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(BASE + "/sandbox/launch?patient=907");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("chartlens-frame")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("patient-name")));
        String summaryUrl = (String) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return window.location.href;");
        // Open the framed page's own URL in a 400 px window, as an EHR side panel would show it.
        browser.switchTo().defaultContent();
        browser.manage().window().setSize(new Dimension(400, 800));
        browser.get(summaryUrl);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("patient-name")));
        waitForSections(wait);
        Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow <= 0, "no horizontal scrolling at 400 px, overflow " + overflow + " px");
        Path shots = Path.of(System.getProperty("it.build.dir", "target"), "screenshots");
        Files.createDirectories(shots);
        Files.write(shots.resolve("summary-400.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** Every progressive section has replaced its loading state (aria-busy false) and none shows a failure. */
    private static void waitForSections(WebDriverWait wait) {
        for (String id : java.util.List.of("alerts", "risk", "gaps", "summary", "bundles", "record")) {
            wait.until(ExpectedConditions.attributeToBe(By.id(id), "aria-busy", "false"));
            assertTrue(browser.findElements(By.cssSelector("#" + id + " .loading")).isEmpty(),
                    id + " left its loading state");
            assertTrue(browser.findElements(By.cssSelector("#" + id + " .section-failure, #" + id + " [role=alert]"))
                    .isEmpty(), id + " shows no failure: " + browser.findElement(By.id(id)).getText());
        }
    }

    @Test
    void fullSummaryOrdersWhatAHospitalistActsOnFirstAndShowsGapsAndTrends() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 900));
        // a06: the 6,828-resource record (CKD, diabetes): open care gaps, HbA1c and eGFR trends
        browser.get(BASE + "/sandbox/launch?patient=e1ca0a50-2f1b-d54e-b648-432e3490bcc4");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("chartlens-frame")));
        String summaryUrl = (String) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return window.location.href;");
        browser.switchTo().defaultContent();
        browser.get(summaryUrl);
        waitForSections(wait);
        java.util.List<String> order = browser.findElements(By.cssSelector("main > section")).stream()
                .map(e -> e.getAttribute("aria-labelledby")).toList();
        assertEquals(java.util.List.of("alerts-h", "scores-h", "gaps-h", "ai-h", "bundles-h", "record-h"), order);
        assertEquals(7, browser.findElements(By.cssSelector("#gaps article.gap")).size(), "one card per measure");
        assertTrue(!browser.findElements(By.cssSelector("#record svg.spark")).isEmpty(), "a trend is drawn");
        var statements = browser.findElements(By.cssSelector("#summary .statements li"));
        assertTrue(!statements.isEmpty(), "the summary has statements");
        for (var statement : statements) {
            assertTrue(!statement.findElements(By.cssSelector(".citations a[href*='/resource?']")).isEmpty(),
                    "every statement links its citations: " + statement.getText());
        }
        assertTrue(browser.findElement(By.id("summary")).getText().contains("Built by rules"),
                "the page says which summary it shows");
        String trendText = browser.findElement(By.cssSelector("#record .trends")).getAttribute("textContent");
        assertTrue(trendText.contains("oldest to newest"), "the trend's values are in text too: " + trendText);
        // keyboard: the first Tab reaches the skip link, and no control is taken out of the tab order
        browser.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        assertEquals("skip", browser.switchTo().activeElement().getAttribute("class"), "first Tab stop");
        Long untabbable = (Long) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.querySelectorAll('a[tabindex=\"-1\"], button[tabindex=\"-1\"], "
                        + "summary[tabindex=\"-1\"], input[tabindex=\"-1\"]').length;");
        assertEquals(0L, untabbable, "every link, button, disclosure and field is reachable by keyboard");
        Path shots = Path.of(System.getProperty("it.build.dir", "target"), "screenshots");
        Files.createDirectories(shots);
        Files.write(shots.resolve("summary-1280.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolations() {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(BASE + "/sandbox/launch?patient=873a0414-29f8-39cd-e03e-200af8af9b0f");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("chartlens-frame")));
        wait.until(ExpectedConditions.attributeToBe(By.id("record"), "aria-busy", "false"));
        wait.until(ExpectedConditions.attributeToBe(By.id("risk"), "aria-busy", "false"));
        String summaryUrl = (String) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return window.location.href;");
        browser.switchTo().defaultContent();
        java.util.List<String> problems = new java.util.ArrayList<>();
        for (String url : java.util.List.of(summaryUrl, BASE + "/sandbox/", BASE + "/start")) {
            browser.get(url);
            if (url.equals(summaryUrl)) {
                waitForSections(wait);
            }
            com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder()
                    .withTags(java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
            assertTrue(!results.getPasses().isEmpty(), "axe ran its checks on " + url);
            results.getViolations().stream()
                    .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                    .forEach(v -> problems.add(url + ": " + v.getId() + " (" + v.getImpact() + ", "
                            + v.getNodes().size() + " nodes): " + v.getHelp()));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
