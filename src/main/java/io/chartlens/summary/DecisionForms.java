package io.chartlens.summary;

import io.chartlens.launch.LaunchSession;
import io.chartlens.overrides.FeedbackLog;
import io.chartlens.overrides.OverrideReasonCatalog;
import io.chartlens.overrides.OverrideReasons;
import io.chartlens.overrides.StoredFeedback;
import io.chartlens.system.CsrfTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the decision forms on the cards need (the CSRF token, the patient's pseudonymous key, the reasons), and the
 * per-session receipts that make a double submit record one decision.
 */
@ApplicationScoped
public class DecisionForms {

    static final String RECEIPTS = "chartlens.decision-receipts";
    private static final int RECEIPTS_MAX = 200;
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    CsrfTokens csrf;
    @Inject
    FeedbackLog log;
    @Inject
    OverrideReasonCatalog reasons;
    @Inject
    io.chartlens.review.ReviewAccess access;

    /** The pseudonymous key of the launch's patient, or empty when no patient or no pseudonym key is configured. */
    public Optional<String> patientKey(LaunchSession launch) {
        try {
            return launch.patient().map(log::patientKey);
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** The user's role for the log ({@code smart-config/roles.json}; users not listed have the default role). */
    public String roleOf(LaunchSession launch) {
        return access.roleOf(launch).code();
    }

    /** The variables the cards' decision forms read, for a section's model. */
    public Map<String, Object> sectionModel(HttpServletRequest request, LaunchSession launch) {
        Map<String, Object> model = formModel(request);
        Optional<String> key = patientKey(launch);
        model.put("patientKey", key.orElse(""));
        model.put("decisions", key.isPresent());
        return model;
    }

    /** The model of a decision's answer: the section variables plus the posted values, to give the form back. */
    Map<String, Object> model(HttpServletRequest request, Map<String, String> form) {
        Map<String, Object> model = formModel(request);
        model.put("patientKey", form.getOrDefault("patient", ""));
        model.put("decisions", true);
        model.put("ctx", form.getOrDefault("ctx", ""));
        model.put("values", form);
        return model;
    }

    /** What every decision form needs: the session's CSRF token and the override reasons. */
    private Map<String, Object> formModel(HttpServletRequest request) {
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", csrf.tokenFor(request.getSession()));
        model.put("reasons", reasons.reasons().reasons());
        return model;
    }

    /** What the clinician is told once the decision is saved. */
    String confirmation(ShownCard card, CardDecision decision, StoredFeedback stored) {
        OverrideReasons list = reasons.reasons();
        String outcome = switch (decision.outcome()) {
            case ACCEPTED -> "Accepted";
            case OVERRIDDEN -> "Overridden";
            case DISMISSED -> "Dismissed";
            case INPUT_CORRECTED -> "Corrected";
        };
        String reason = decision.reason() == null ? "" : " (" + list.byCode(decision.reason())
                .map(OverrideReasons.Reason::display).orElse(decision.reason()) + ")";
        return outcome + reason + ": " + card.title() + ". Saved in the feedback log " + AT.format(stored.occurredAt())
                + ".";
    }

    /** The confirmation of an earlier submission with this key in this session, if any. */
    Optional<String> receipt(HttpSession session, String requestKey) {
        synchronized (session) {
            return Optional.ofNullable(receipts(session).get(requestKey));
        }
    }

    void remember(HttpSession session, String requestKey, String confirmation) {
        synchronized (session) {
            LinkedHashMap<String, String> receipts = receipts(session);
            receipts.put(requestKey, confirmation);
            while (receipts.size() > RECEIPTS_MAX) {
                receipts.remove(receipts.keySet().iterator().next());
            }
            session.setAttribute(RECEIPTS, receipts);
        }
    }

    @SuppressWarnings("unchecked")
    private static LinkedHashMap<String, String> receipts(HttpSession session) {
        Object stored = session.getAttribute(RECEIPTS);
        return stored instanceof LinkedHashMap<?, ?> map ? (LinkedHashMap<String, String>) map : new LinkedHashMap<>();
    }
}
