package io.chartlens.summary;

import io.chartlens.launch.CurrentLaunch;
import io.chartlens.launch.EhrRegistration;
import io.chartlens.launch.LaunchException;
import io.chartlens.launch.LaunchSession;
import io.chartlens.record.PatientRecord;
import io.chartlens.record.PatientRecords;
import io.chartlens.risk.RiskPanel;
import io.chartlens.risk.ScoreRegistry;
import io.chartlens.system.FrameAncestors;
import io.chartlens.system.Pages;
import io.chartlens.system.audit.AuditUnavailableException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * {@code GET /summary/section?ctx=…&name=record}: one server-rendered section of the summary page, fetched by the
 * page after it arrives (progressive loading). A failure is a fragment that says what failed, never an empty one.
 * The decidable cards a section rendered are recorded as shown ({@link SectionImpressions}), off the request thread.
 */
@WebServlet("/summary/section")
public class SummarySectionServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(SummarySectionServlet.class.getName());
    static final long WAIT_SECONDS = 30;

    @Inject
    CurrentLaunch currentLaunch;
    @Inject
    PatientRecords records;
    @Inject
    ScoreRegistry scores;
    @Inject
    Pages pages;
    @Inject
    FrameAncestors frameAncestors;
    @Inject
    io.chartlens.caregaps.CareGaps careGaps;
    @Inject
    io.chartlens.aisummary.AiSummaries aiSummaries;
    @Inject
    io.chartlens.bundles.LaunchBundles launchBundles;
    @Inject
    DecisionForms decisionForms;
    @Inject
    SectionImpressions impressions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LaunchSession launch;
        EhrRegistration registration;
        try {
            launch = currentLaunch.require(request);
            registration = currentLaunch.registration(launch).orElseThrow(() ->
                    new LaunchException(io.chartlens.launch.LaunchFailure.SESSION_EXPIRED, "registration gone"));
        } catch (LaunchException e) {
            failure(request, response, e.failure().status(), e.failure().message() + " " + e.failure().action());
            return;
        }
        frameAncestors.apply(response, registration);
        String name = request.getParameter("name");
        if (!java.util.Set.of("record", "risk", "gaps", "alerts", "summary", "bundles").contains(String.valueOf(name))
                || launch.patient().isEmpty()) {
            failure(request, response, 404, "There is no such section.");
            return;
        }
        PatientRecord record;
        try {
            record = records.recordFor(launch, registration).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            failure(request, response, 504, "The record did not load within " + WAIT_SECONDS
                    + " s. Nothing is shown for it, which does not mean there is nothing to show. Reload to try again.");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure(request, response, 503, "Loading was interrupted. Reload to try again.");
            return;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuditUnavailableException) {
                LOG.severe("Record not shown: audit unavailable (" + e.getCause().getMessage() + ")");
                failure(request, response, 503, "ChartLens could not record this access in its audit log, so it does "
                        + "not show the record. Please try again shortly or contact support.");
            } else {
                LOG.severe("Record load failed: " + e.getCause().getClass().getName());
                failure(request, response, 502, "The record could not be loaded. Nothing is shown for it, which does "
                        + "not mean there is nothing to show. Reload to try again.");
            }
            return;
        }
        String timing = "requests;desc=" + record.requests() + ", critical;desc=" + record.criticalPathRequests();
        timing += records.metrics(launch).map(m -> ", fhir;dur=" + m.fhirMs() + ", audit;dur=" + m.auditMs()
                + ", assemble;dur=" + m.assembleMs()).orElse("");
        response.setHeader("Server-Timing", timing);
        if ("gaps".equals(name)) {
            renderGaps(request, response, launch, registration, record);
            return;
        }
        if ("bundles".equals(name)) {
            var suggestions = await(request, response, launchBundles.suggestions(launch, registration),
                    "the bundles", "No bundle is shown, which does not mean none applies.");
            if (suggestions.isPresent()) {
                Map<String, Object> model = decisionForms.sectionModel(request, launch);
                var panel = io.chartlens.bundles.BundlePanel.of(suggestions.get());
                model.put("panel", panel);
                model.put("ctx", launch.id());
                model.put("writeNote", io.chartlens.bundles.LaunchBundles.whyNoWrites(launch, registration)
                        .orElse(null));
                model.put("drafted", io.chartlens.bundles.DraftedItems.of(request.getSession(), launch.id()));
                pages.render(request, response, "summary/fragments/bundles-section", model);
                impressions.shown(launch, registration.id(), record, model,
                        to -> SectionImpressions.bundles(to, panel));
            }
            return;
        }
        if ("summary".equals(name)) {
            renderSummary(request, response, launch, registration, record);
            return;
        }
        if ("alerts".equals(name)) {
            renderAlerts(request, response, launch, record);
            return;
        }
        if ("risk".equals(name)) {
            Map<String, Object> model = decisionForms.sectionModel(request, launch);
            RiskPanel panel = RiskPanel.of(record, scores.all(), records.freshness());
            model.put("panel", panel);
            model.put("referenceNote", RecordStrip.referenceNote(record.referenceDate()));
            model.put("ctx", launch.id());
            pages.render(request, response, "summary/fragments/risk-section", model);
            impressions.shown(launch, registration.id(), record, model, to -> SectionImpressions.risk(to, panel));
            return;
        }
        pages.render(request, response, "summary/fragments/record-section",
                Map.of("strip", RecordStrip.of(record, records.freshness()), "trends", Trend.of(record),
                        "ctx", launch.id()));
    }

    private void renderSummary(HttpServletRequest request, HttpServletResponse response, LaunchSession launch,
            EhrRegistration registration, PatientRecord record) throws IOException {
        var summary = await(request, response, aiSummaries.forLaunch(launch), "the summary",
                "The sections below are complete without it.");
        if (summary.isPresent()) {
            Map<String, Object> model = decisionForms.sectionModel(request, launch);
            model.put("summary", summary.get());
            model.put("statementKeys", summary.get().statements().stream().map(ShownCards::statementKey).toList());
            model.put("ctx", launch.id());
            pages.render(request, response, "summary/fragments/ai-section", model);
            impressions.shown(launch, registration.id(), record, model,
                    to -> SectionImpressions.statements(to, summary.get()));
        }
    }

    /**
     * Waits for a section's background work; on failure renders a fragment that says what failed and returns empty.
     *
     * @param what      the section in words ("the care gaps")
     * @param meaning   what the failure does and does not mean, for the clinician
     */
    private <T> java.util.Optional<T> await(HttpServletRequest request, HttpServletResponse response,
            java.util.Optional<java.util.concurrent.CompletableFuture<T>> pending, String what, String meaning)
            throws IOException {
        if (pending.isEmpty()) {
            failure(request, response, 503, "Not available for this record yet: " + what + ". Reload to try again.");
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(pending.get().get(WAIT_SECONDS, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            failure(request, response, 504, "Not ready within " + WAIT_SECONDS + " s: " + what + ". " + meaning
                    + " Reload to try again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure(request, response, 503, "Loading " + what + " was interrupted. Reload to try again.");
        } catch (ExecutionException e) {
            LOG.severe("Section failed (" + what + "): " + e.getCause().getClass().getName());
            failure(request, response, 500, "Could not be produced: " + what + ". " + meaning);
        }
        return java.util.Optional.empty();
    }

    /** Scores in an alert band and open or due-soon care gaps: what a hospitalist acts on first. */
    private void renderAlerts(HttpServletRequest request, HttpServletResponse response, LaunchSession launch,
            PatientRecord record) throws IOException {
        java.util.List<io.chartlens.caregaps.CareGapPanel.Card> gapAlerts = java.util.List.of();
        String gapsNote = null;
        var pending = careGaps.forLaunch(launch);
        try {
            if (pending.isEmpty()) {
                gapsNote = "care gaps are not available yet";
            } else {
                var report = pending.get().get(WAIT_SECONDS, TimeUnit.SECONDS);
                gapAlerts = io.chartlens.caregaps.CareGapPanel.of(report).cards().stream()
                        .filter(c -> c.status().equals("open-gap") || c.status().equals("prospective-gap")).toList();
                if (!report.complete()) {
                    gapsNote = "not everything loaded, so a gap may be missing or wrongly open";
                }
            }
        } catch (TimeoutException | ExecutionException e) {
            gapsNote = "care gaps could not be evaluated";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            gapsNote = "care gaps could not be evaluated";
        }
        pages.render(request, response, "summary/fragments/alerts-section", Map.of(
                "scoreAlerts", RiskPanel.of(record, scores.all(), records.freshness()).alerts(),
                "gapAlerts", gapAlerts, "gapsNote", gapsNote == null ? "" : gapsNote, "ctx", launch.id()));
    }

    private void renderGaps(HttpServletRequest request, HttpServletResponse response, LaunchSession launch,
            EhrRegistration registration, PatientRecord record) throws IOException {
        var report = await(request, response, careGaps.forLaunch(launch), "the care gaps",
                "None is shown, which does not mean none is open.");
        if (report.isPresent()) {
            Map<String, Object> model = decisionForms.sectionModel(request, launch);
            var panel = io.chartlens.caregaps.CareGapPanel.of(report.get());
            model.put("panel", panel);
            model.put("ctx", launch.id());
            pages.render(request, response, "summary/fragments/gaps-section", model);
            impressions.shown(launch, registration.id(), record, model, to -> SectionImpressions.gaps(to, panel));
        }
    }

    private void failure(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        pages.render(request, response, status, "summary/fragments/failure", Map.of("message", message));
    }
}
