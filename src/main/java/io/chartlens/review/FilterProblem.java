package io.chartlens.review;

/** Why a review filter or page request was refused; each says what to fix. */
public enum FilterProblem {
    /** A time is neither a date (2026-03-01) nor an ISO-8601 instant (2026-03-01T08:00:00Z). */
    TIME_NOT_ISO("Give dates as YYYY-MM-DD or ISO-8601 UTC instants (e.g. 2026-03-01T08:00:00Z)."),
    /** The range ends before (or when) it starts. */
    RANGE_REVERSED("The end of the range must be after its start."),
    /** The card type is not SCORE, CARE_GAP, BUNDLE or AI_STATEMENT. */
    UNKNOWN_CARD_TYPE("Choose a card type from the list (SCORE, CARE_GAP, BUNDLE, AI_STATEMENT)."),
    /** The outcome is not ACCEPTED, OVERRIDDEN, DISMISSED or INPUT_CORRECTED. */
    UNKNOWN_OUTCOME("Choose an outcome from the list (ACCEPTED, OVERRIDDEN, DISMISSED, INPUT_CORRECTED)."),
    /** A text value is longer than the column it is compared with. */
    VALUE_TOO_LONG("Shorten the value: it is longer than any stored value can be."),
    /** The paging cursor is not a positive row id. */
    BAD_CURSOR("Start again from the first page: the page link is not valid."),
    /** The page size is out of range. */
    BAD_PAGE_SIZE("Ask for between 1 and " + LogQueries.MAX_PAGE_SIZE + " rows per page.");

    private final String advice;

    FilterProblem(String advice) {
        this.advice = advice;
    }

    /** What the user should do, for the page. */
    public String advice() {
        return advice;
    }
}
