package io.chartlens.risk;

import io.chartlens.launch.EhrRegistration;
import io.chartlens.launch.LaunchSession;
import io.chartlens.record.PatientRecord;
import io.chartlens.record.PatientRecords;
import io.chartlens.summary.LaunchPages;
import io.chartlens.system.CsrfTokens;
import io.chartlens.system.ErrorPages;
import io.chartlens.system.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /summary/whatif}: recalculates one score with the clinician's edits over the record's inputs and shows
 * before and after. Edits are marked as the clinician's, recorded as feedback, and never written to the EHR.
 */
@WebServlet("/summary/whatif")
public class WhatIfServlet extends HttpServlet {

    @Inject
    LaunchPages launchPages;
    @Inject
    PatientRecords records;
    @Inject
    ScoreRegistry scores;
    @Inject
    CsrfTokens csrf;
    @Inject
    Pages pages;
    @Inject
    ErrorPages errors;
    @Inject
    WhatIfFeedback feedback;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!csrf.isValid(request)) {
            errors.render(request, response, new ErrorPages.PageFailure(403, "CSRF_TOKEN_INVALID",
                    "This form was not sent from your ChartLens page, so it was not used.",
                    "Reload the summary and try again.", "missing or wrong _csrf", null));
            return;
        }
        Optional<LaunchSession> resolved = launchPages.resolve(request, response);
        if (resolved.isEmpty()) {
            return;
        }
        LaunchSession launch = resolved.get();
        Optional<RiskScore> score = scores.byId(String.valueOf(request.getParameter("score")));
        if (score.isEmpty() || launch.patient().isEmpty()) {
            errors.render(request, response, new ErrorPages.PageFailure(400, "UNKNOWN_SCORE", "There is no such score.",
                    "Go back to the summary.", "score parameter", "summary?ctx=" + launch.id()));
            return;
        }
        EhrRegistration registration = launchPages.registration(launch);
        PatientRecord record;
        try {
            record = records.recordFor(launch, registration).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            errors.render(request, response, new ErrorPages.PageFailure(502, "RECORD_UNAVAILABLE",
                    "The record could not be loaded, so the score cannot be recalculated.", "Reload the summary.",
                    e.getClass().getSimpleName(), "summary?ctx=" + launch.id()));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Map<String, RiskScore> byId = new HashMap<>();
        scores.all().forEach(s -> byId.put(s.id(), s));
        RiskInputs recorded = RiskInputs.from(record, score.get().definition(), records.freshness(), byId);
        Map<String, String> form = new HashMap<>();
        request.getParameterMap().forEach((k, v) -> form.put(k, v.length > 0 ? v[0] : null));
        WhatIf whatIf;
        try {
            whatIf = WhatIf.apply(score.get(), recorded, form);
        } catch (IllegalArgumentException e) {
            errors.render(request, response, new ErrorPages.PageFailure(400, "BAD_INPUT", e.getMessage(),
                    "Go back and correct the value.", "what-if input", "summary?ctx=" + launch.id()));
            return;
        }
        Optional<String> notSaved = whatIf.edits().isEmpty() ? Optional.empty()
                : feedback.record(launch, registration, score.get(), whatIf);
        Map<String, Object> model = new HashMap<>();
        model.put("ctx", launch.id());
        model.put("csrf", csrf.tokenFor(request.getSession()));
        model.put("name", score.get().definition().name());
        model.put("source", score.get().definition().source());
        model.put("before", RiskPanel.headline(whatIf.before()));
        model.put("after", RiskPanel.headline(whatIf.after()));
        model.put("afterResult", whatIf.after());
        model.put("edits", whatIf.edits());
        model.put("feedbackSaved", notSaved.isEmpty() && !whatIf.edits().isEmpty());
        model.put("feedbackError", notSaved.orElse(null));
        model.put("card", new RiskPanel.Card(score.get().id(), score.get().definition().name(),
                score.get().definition().version(), score.get().definition().source(), score.get().definition().meaning(),
                whatIf.after().status().json(), whatIf.after().status() == ScoreStatus.OK, RiskPanel.headline(whatIf.after()),
                whatIf.after().missing(), whatIf.after().warnings(), recorded.provenance(), java.util.List.of(),
                RiskPanel.form(score.get().definition(), whatIf.used().values()),
                RiskPanel.alerts(score.get().definition(), whatIf.after()), RiskPanel.finalBand(whatIf.after())));
        pages.render(request, response, "risk/whatif", model);
    }
}
