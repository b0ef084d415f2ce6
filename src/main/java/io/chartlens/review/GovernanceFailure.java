package io.chartlens.review;

/** Why an action on the admin page was refused before anything was written; each says what to do. */
public enum GovernanceFailure {
    /** The form named no action, or one other than activate and roll back. */
    UNKNOWN_ACTION(400, "The form asked for an action other than activate or roll back."),
    /** The form named a kind of rule that does not exist. */
    UNKNOWN_KIND(400, "The form named a kind of rule other than score, bundle, measure or prompt."),
    /** No rule of that kind has that id. */
    UNKNOWN_RULE(400, "There is no such rule. Reload the admin page and choose from it."),
    /** The version is not one of the rule's configured versions. */
    UNKNOWN_VERSION(400, "That version is not configured for this rule. Choose one of the versions the admin page"
            + " lists."),
    /** The version a rollback would go back to is no longer configured. */
    ROLLBACK_TARGET_UNKNOWN(409, "The version a rollback would go back to is no longer configured. Activate one of"
            + " the listed versions instead.");

    private final int status;
    private final String advice;

    GovernanceFailure(int status, String advice) {
        this.status = status;
        this.advice = advice;
    }

    public int status() {
        return status;
    }

    public String advice() {
        return advice;
    }
}
