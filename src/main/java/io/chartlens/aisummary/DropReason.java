package io.chartlens.aisummary;

/** Why the {@link StatementVerifier} dropped a statement. */
public enum DropReason {
    /** The text is empty or only whitespace. */
    BLANK("the statement is blank"),
    /** The text is longer than {@link StatementVerifier#MAX_LENGTH} characters. */
    TOO_LONG("the statement is longer than " + StatementVerifier.MAX_LENGTH + " characters"),
    /** The statement cites nothing. */
    NO_CITATION("the statement cites no resource"),
    /** A citation is not {@code Type/id} of a resource in the patient's record (an invented or foreign id). */
    UNKNOWN_CITATION("a citation is not a resource of this record"),
    /** A number in the text is in none of the cited resources. */
    UNSUPPORTED_NUMBER("a number is not in the cited resources"),
    /** An ISO date in the text is in none of the cited resources. */
    UNSUPPORTED_DATE("a date is not in the cited resources");

    private final String description;

    DropReason(String description) {
        this.description = description;
    }

    /** Plain words, for logs and developer pages. */
    public String description() {
        return description;
    }
}
