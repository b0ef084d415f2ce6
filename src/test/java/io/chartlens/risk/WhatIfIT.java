package io.chartlens.risk;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What-if: the clinician enters the inputs the record lacks, sees the recalculated score, and the edit is recorded. */
@ExtendWith(ArquillianExtension.class)
class WhatIfIT {

    private static final String BASE = Deployments.baseUrl();
    private static final String DEANE = "873a0414-29f8-39cd-e03e-200af8af9b0f";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.chartlens();
    }

    @Test
    void enteringTheMissingNews2InputsGivesATotalAndIsRecordedAsFeedback() throws Exception {
        Browserless browser = new Browserless();
        HttpResponse<String> chart = browser.get(BASE + "/sandbox/launch?patient=" + DEANE);
        HttpResponse<String> summary = browser.follow(BASE + attributeOf(chart.body(), "chartlens-frame", "src"));
        String ctx = Browserless.query(summary.uri().toString()).get("ctx");
        HttpResponse<String> risk = browser.get(BASE + attributeOf(summary.body(), "risk", "data-fragment"));
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(risk.body());
        assertTrue(csrf.find(), "every form carries a CSRF token");
        long before = feedbackRows(DEANE);

        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf.group(1));
        form.put("ctx", ctx);
        form.put("score", "news2");
        form.put("in.respiratoryRate", "24");
        form.put("in.oxygenSaturation", "95");
        form.put("in.onSupplementalOxygen", "false");
        form.put("in.systolicBp", "105");
        form.put("in.heartRate", "112");
        form.put("in.acvpu", "A");
        form.put("in.bodyTemperature", "38.4");
        form.put("in.hypercapnicRespiratoryFailure", "false");
        HttpResponse<String> page = browser.postForm(BASE + "/summary/whatif", form);
        assertEquals(200, page.statusCode(), page.body());
        // RCP 2017: RR 24 → 2, SpO2 95 (scale 1) → 1, air → 0, SBP 105 → 1, HR 112 → 2, A → 0, 38.4 °C → 1 = 7, high
        Matcher after = Pattern.compile("id=\"whatif-after\">([^<]+)<").matcher(page.body());
        assertTrue(after.find(), page.body());
        assertTrue(after.group(1).startsWith("7 points"), after.group(1));
        assertTrue(page.body().contains("not written to the EHR"));
        assertTrue(page.body().contains("Your correction was recorded as feedback"), page.body());
        assertTrue(feedbackRows(DEANE) > before, "the correction is in the feedback log");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        Browserless browser = new Browserless();
        HttpResponse<String> chart = browser.get(BASE + "/sandbox/launch?patient=" + DEANE);
        HttpResponse<String> summary = browser.follow(BASE + attributeOf(chart.body(), "chartlens-frame", "src"));
        String ctx = Browserless.query(summary.uri().toString()).get("ctx");
        HttpResponse<String> page = browser.postForm(BASE + "/summary/whatif",
                Map.of("ctx", ctx, "score", "news2", "in.heartRate", "150"));
        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("CSRF_TOKEN_INVALID"));
    }

    private static long feedbackRows(String patientId) throws Exception {
        try (Connection c = DriverManager.getConnection(ServerAuditRows.url(ServerAuditRows.itDatabaseDir()),
                "chartlens", "");
             PreparedStatement s = c.prepareStatement("select count(*) from feedback_event where patient_id = ?")) {
            s.setString(1, patientId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
