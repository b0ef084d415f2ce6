package io.chartlens.summary;

import io.chartlens.launch.EhrRegistration;
import io.chartlens.launch.LaunchSession;
import io.chartlens.overrides.FeedbackEntry;
import io.chartlens.overrides.FeedbackLog;
import io.chartlens.overrides.FeedbackPayload;
import io.chartlens.overrides.FeedbackUnavailableException;
import io.chartlens.overrides.OverrideReasonCatalog;
import io.chartlens.overrides.PatientStrata;
import io.chartlens.overrides.StoredFeedback;
import io.chartlens.record.PatientRecord;
import io.chartlens.system.CsrfTokens;
import io.chartlens.system.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@code POST /summary/decision}: records a clinician's accept, override (with a reason) or dismiss of one card in
 * the feedback log, with the inputs the card showed, before saying it was saved. When the log cannot save it, the
 * answer says so (503) and gives the form back with the clinician's choices, so nothing is silently lost.
 *
 * <p>Answers with an HTML fragment when the page's script posts it ({@code X-ChartLens-Fragment: 1}), else with a
 * whole page; the same template renders both.
 */
@WebServlet("/summary/decision")
public class CardDecisionServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(CardDecisionServlet.class.getName());

    @Inject
    LaunchPages launchPages;
    @Inject
    CsrfTokens csrf;
    @Inject
    Pages pages;
    @Inject
    FeedbackLog log;
    @Inject
    ShownCards shownCards;
    @Inject
    OverrideReasonCatalog reasons;
    @Inject
    DecisionForms forms;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> form = new HashMap<>();
        request.getParameterMap().forEach((k, v) -> form.put(k, v.length > 0 ? v[0] : null));
        if (!csrf.isValid(request)) {
            answer(request, response, 403, form, null, "This form was not sent from your ChartLens page, so it was"
                    + " not used. Reload the summary and decide again.");
            return;
        }
        Optional<LaunchSession> resolved = launchPages.resolve(request, response);
        if (resolved.isEmpty()) {
            return;
        }
        LaunchSession launch = resolved.get();
        form.put("ctx", launch.id());
        CardDecision decision;
        try {
            decision = CardDecision.parse(form, reasons.reasons());
        } catch (CardDecision.InvalidException e) {
            answer(request, response, 400, form, null, e.getMessage());
            return;
        }
        if (launch.patient().isEmpty() || !forms.patientKey(launch).equals(Optional.of(decision.patientKey()))) {
            answer(request, response, 409, form, null, "This card was shown for another patient than the one now"
                    + " open in this ChartLens window, so your decision was not recorded. Reload the summary.");
            return;
        }
        Optional<String> receipt = forms.receipt(request.getSession(), decision.requestKey());
        if (receipt.isPresent()) {
            answer(request, response, 200, form, receipt.get(), null);
            return;
        }
        EhrRegistration registration = launchPages.registration(launch);
        ShownCard card;
        PatientRecord record;
        try {
            record = shownCards.record(launch, registration);
            Optional<ShownCard> found = shownCards.find(launch, registration, decision.type(), decision.cardId());
            if (found.isEmpty()) {
                answer(request, response, 409, form, null, "This card is no longer on the summary (the record"
                        + " changed), so your decision was not recorded. Reload the summary and decide again.");
                return;
            }
            card = found.get();
            String shownVersion = form.get("version");
            if (shownVersion != null && !shownVersion.isBlank() && !shownVersion.equals(card.version())) {
                answer(request, response, 409, form, null, "This card was computed with a version of its rule that"
                        + " is no longer the active one (now " + card.version() + "), so your decision was not"
                        + " recorded. Reload the summary and decide on the current card.");
                return;
            }
        } catch (ShownCards.UnavailableException e) {
            answer(request, response, 503, form, null, "Your decision was NOT saved: " + e.getMessage());
            return;
        }
        FeedbackEntry entry = new FeedbackEntry(launch.user().orElse("unknown-user"), forms.roleOf(launch),
                registration.id(), launch.patient().get(), launch.encounter().orElse(null), card.type(), card.ruleId(),
                card.version(), decision.outcome(), decision.reason(), decision.comment(),
                FeedbackPayload.canonicalJson(card.shown()), launch.id(),
                PatientStrata.of(record.demographics(), record.referenceDate().value().atZone(ZoneOffset.UTC)
                        .toLocalDate()));
        StoredFeedback stored;
        try {
            stored = log.append(entry);
        } catch (FeedbackUnavailableException e) {
            LOG.severe("Card decision NOT saved (" + card.type() + " " + card.ruleId() + "): feedback log unavailable");
            answer(request, response, 503, form, null, "Your decision was NOT saved: the feedback log is"
                    + " unavailable. Your choices are kept below; try again in a moment.");
            return;
        }
        String saved = forms.confirmation(card, decision, stored);
        forms.remember(request.getSession(), decision.requestKey(), saved);
        answer(request, response, 200, form, saved, null);
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, int status, Map<String, String> form,
                        String saved, String error) throws IOException {
        Map<String, Object> model = new HashMap<>(forms.model(request, form));
        model.put("saved", saved);
        model.put("error", error);
        boolean fragment = "1".equals(request.getHeader("X-ChartLens-Fragment"));
        pages.render(request, response, status, fragment ? "summary/fragments/decision-result" : "summary/decision",
                model);
    }
}
