package io.chartlens.overrides;

/**
 * What the clinician did with a card. Stored by name (at most 20 characters), so never rename a constant.
 *
 * <p>{@link #ACCEPTED} and {@link #OVERRIDDEN} are the CDS Hooks 2.0 feedback outcomes ({@code accepted},
 * {@code overridden}); the other two are ChartLens's own.
 */
public enum FeedbackOutcome {
    /** The suggestion was taken (CDS Hooks {@code accepted}). */
    ACCEPTED,
    /** The suggestion was rejected, usually with a reason (CDS Hooks {@code overridden}). */
    OVERRIDDEN,
    /** The card was dismissed without a decision on its content. */
    DISMISSED,
    /** An input of a score was corrected in the what-if view (the payload holds old and new value). */
    INPUT_CORRECTED
}
