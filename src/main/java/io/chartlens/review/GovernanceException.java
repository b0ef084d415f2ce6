package io.chartlens.review;

/** An admin-page action refused with a {@link GovernanceFailure}; nothing was written. */
public class GovernanceException extends Exception {

    private static final long serialVersionUID = 1L;

    private final GovernanceFailure failure;

    public GovernanceException(GovernanceFailure failure) {
        super(failure + ": " + failure.advice());
        this.failure = failure;
    }

    public GovernanceFailure failure() {
        return failure;
    }
}
