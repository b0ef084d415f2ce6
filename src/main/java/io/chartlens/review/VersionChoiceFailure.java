package io.chartlens.review;

/** Why a version choice was refused; each says what to do. */
public enum VersionChoiceFailure {
    /** The version asked for is already the active one; nothing was written. */
    ALREADY_ACTIVE("That version is already active."),
    /** There is no earlier chosen version to go back to (the rule has at most one choice on record). */
    NOTHING_TO_ROLL_BACK("There is no earlier version to roll back to; activate the version you want instead."),
    /** Someone else changed this rule's version at the same moment; nothing was written. */
    CONCURRENT_CHANGE("Someone else changed this rule's version just now. Reload the page and check before "
            + "trying again.");

    private final String advice;

    VersionChoiceFailure(String advice) {
        this.advice = advice;
    }

    public String advice() {
        return advice;
    }
}
