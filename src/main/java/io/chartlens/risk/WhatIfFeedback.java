package io.chartlens.risk;

import io.chartlens.launch.EhrRegistration;
import io.chartlens.launch.LaunchSession;
import io.chartlens.overrides.CardType;
import io.chartlens.overrides.FeedbackEntry;
import io.chartlens.overrides.FeedbackLog;
import io.chartlens.overrides.FeedbackOutcome;
import io.chartlens.overrides.FeedbackPayload;
import io.chartlens.overrides.FeedbackUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Records a what-if correction in the feedback log, one row per changed input (who, which input, old → new, the score
 * before and after), before the page says it was recorded. A failure is returned, never swallowed.
 */
@ApplicationScoped
public class WhatIfFeedback {

    private static final Logger LOG = Logger.getLogger(WhatIfFeedback.class.getName());

    @Inject
    FeedbackLog log;
    @Inject
    io.chartlens.review.ReviewAccess access;

    /** Empty when every edit was recorded; otherwise why not (no PHI). */
    public Optional<String> record(LaunchSession launch, EhrRegistration registration, RiskScore score, WhatIf whatIf) {
        Map<String, Object> shown = new LinkedHashMap<>();
        try {
            for (WhatIf.Edit edit : whatIf.edits()) {
                String payload = FeedbackPayload.correction(shown, edit.input(), edit.recorded(), edit.entered(),
                        summary(whatIf.before()), summary(whatIf.after()));
                log.append(new FeedbackEntry(launch.user().orElse("unknown-user"), access.roleOf(launch).code(),
                        registration.id(),
                        launch.patient().orElseThrow(), launch.encounter().orElse(null), CardType.SCORE,
                        score.id(), score.definition().version(), FeedbackOutcome.INPUT_CORRECTED, null, null,
                        payload, launch.id()));
            }
            return Optional.empty();
        } catch (FeedbackUnavailableException e) {
            LOG.severe("What-if correction NOT recorded: " + e.getMessage());
            return Optional.of("the feedback store is unavailable.");
        }
    }

    private static String summary(ScoreResult r) {
        return r.status().json() + (r.value() != null ? " " + r.value().toPlainString() : "")
                + (r.band() != null ? " (" + r.band() + ")" : "");
    }
}
