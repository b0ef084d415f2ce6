package io.chartlens.review;

/** A version choice that was refused, with the {@link VersionChoiceFailure}; nothing was written. */
public class VersionChoiceException extends Exception {

    private static final long serialVersionUID = 1L;

    private final VersionChoiceFailure failure;

    public VersionChoiceException(VersionChoiceFailure failure, RuleKind kind, String ruleId) {
        super(kind + " " + ruleId + ": " + failure + " (" + failure.advice() + ")");
        this.failure = failure;
    }

    public VersionChoiceFailure failure() {
        return failure;
    }
}
