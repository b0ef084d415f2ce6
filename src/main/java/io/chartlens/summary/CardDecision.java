package io.chartlens.summary;

import io.chartlens.overrides.CardType;
import io.chartlens.overrides.FeedbackOutcome;
import io.chartlens.overrides.OverrideReasons;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A clinician's decision on one card as posted by its form, parsed and checked at the boundary: the CDS Hooks 2.0
 * feedback outcomes {@code accepted} and {@code overridden} (with an {@code overrideReason} from the configured list
 * and an optional {@code userComment}), plus {@code dismissed}.
 *
 * @param type       the kind of card
 * @param cardId     the card's id on the page
 * @param patientKey the pseudonymous key of the patient whose summary showed the card
 * @param outcome    accepted, overridden or dismissed
 * @param reason     the reason's code, or null (required to override)
 * @param comment    free text, or null
 * @param requestKey identifies this submission, so a double click records one decision
 */
public record CardDecision(CardType type, String cardId, String patientKey, FeedbackOutcome outcome, String reason,
                           String comment, String requestKey) {

    /** Most characters of a comment (the log's limit). */
    public static final int COMMENT_MAX = 2000;

    /** Why a posted decision was not accepted; the message says what to do. */
    public static final class InvalidException extends Exception {
        public InvalidException(String message) {
            super(message);
        }
    }

    /** The outcome's name on the form and in CDS Hooks ({@code accepted}, {@code overridden}, {@code dismissed}). */
    public static String formName(FeedbackOutcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the form fields {@code card}, {@code id}, {@code patient}, {@code outcome}, {@code reason},
     * {@code comment} and {@code requestKey}.
     */
    public static CardDecision parse(Map<String, String> form, OverrideReasons reasons) throws InvalidException {
        CardType type = switch (value(form, "card").orElse("")) {
            case "score" -> CardType.SCORE;
            case "care-gap" -> CardType.CARE_GAP;
            case "bundle" -> CardType.BUNDLE;
            case "ai-statement" -> CardType.AI_STATEMENT;
            default -> throw new InvalidException("The form does not say which kind of card it is about; reload the"
                    + " summary and try again.");
        };
        String cardId = value(form, "id").filter(v -> v.matches("[A-Za-z0-9._-]{1,100}"))
                .orElseThrow(() -> new InvalidException("The form does not name its card; reload the summary."));
        String patientKey = value(form, "patient").filter(v -> v.matches("[0-9a-f]{64}"))
                .orElseThrow(() -> new InvalidException("The form does not say whose summary it was on; reload the"
                        + " summary."));
        FeedbackOutcome outcome = switch (value(form, "outcome").orElse("")) {
            case "accepted" -> FeedbackOutcome.ACCEPTED;
            case "overridden" -> FeedbackOutcome.OVERRIDDEN;
            case "dismissed" -> FeedbackOutcome.DISMISSED;
            default -> throw new InvalidException("Choose accept, override or dismiss.");
        };
        Optional<String> reason = value(form, "reason");
        Optional<String> comment = value(form, "comment").map(c -> c.replace("\r\n", "\n"));
        if (comment.isPresent() && comment.get().length() > COMMENT_MAX) {
            throw new InvalidException("The comment is longer than " + COMMENT_MAX + " characters; shorten it.");
        }
        if (reason.isPresent()) {
            OverrideReasons.Reason r = reasons.byCode(reason.get()).orElseThrow(() -> new InvalidException(
                    "That reason is not in the list; choose one of the reasons offered."));
            if (r.requiresComment() && comment.isEmpty()) {
                throw new InvalidException("Say why in the comment when the reason is \"" + r.display() + "\".");
            }
        } else if (outcome == FeedbackOutcome.OVERRIDDEN) {
            throw new InvalidException("Choose a reason to override.");
        }
        String requestKey = value(form, "requestKey").filter(v -> v.matches("[A-Za-z0-9_-]{8,64}"))
                .orElseThrow(() -> new InvalidException("The form is incomplete; reload the summary."));
        return new CardDecision(type, cardId, patientKey, outcome, reason.orElse(null), comment.orElse(null),
                requestKey);
    }

    /** The card kind's name on the form. */
    public static String formName(CardType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Optional<String> value(Map<String, String> form, String name) {
        String v = form.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }
}
