package io.chartlens.cdshooks;

import io.chartlens.overrides.OverrideReasonCatalog;
import io.chartlens.overrides.OverrideReasons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The override reasons on ChartLens's cards (CDS Hooks 2.0, Reasons for rejecting a card): the summary page's list
 * ({@code smart-config/overrides/override-reasons.json}), and the same form in the feedback log, so one code means
 * one thing there whichever way the decision arrived.
 */
@ApplicationScoped
public class CardOverrideReasons {

    @Inject
    OverrideReasonCatalog catalog;

    private OverrideReasons fixed;

    /** For CDI. */
    public CardOverrideReasons() {
    }

    /** For tests. */
    CardOverrideReasons(OverrideReasons reasons) {
        this.fixed = reasons;
    }

    private OverrideReasons reasons() {
        return fixed != null ? fixed : catalog.reasons();
    }

    /** The reasons as Codings for a card. */
    List<CdsCard.Coding> codings() {
        OverrideReasons r = reasons();
        return r.reasons().stream().map(reason -> new CdsCard.Coding(r.system(), reason.code(), reason.display()))
                .toList();
    }

    /**
     * A reason as the feedback log stores it: the code of one of ChartLens's own reasons, as the summary page stores
     * it (a reason without a system counts as one of them when its code is); another system's reason as
     * {@code system|code}, so that it cannot pass for one of ours. Null when the client sent only a comment.
     *
     * @throws CdsHooksException MALFORMED_REQUEST when one of our reasons that requires a comment comes without one
     */
    String forLog(FeedbackRequest.OverrideReason reason) throws CdsHooksException {
        if (reason.code() == null) {
            return null;
        }
        OverrideReasons r = reasons();
        Optional<OverrideReasons.Reason> own = reason.system() == null || reason.system().equals(r.system())
                ? r.byCode(reason.code()) : Optional.empty();
        if (own.isPresent()) {
            if (own.get().requiresComment() && reason.userComment() == null) {
                throw new CdsHooksException(CdsFailure.MALFORMED_REQUEST, "override reason " + reason.code()
                        + " requires a userComment");
            }
            return own.get().code();
        }
        return (reason.system() == null ? "" : reason.system() + "|") + reason.code();
    }
}
