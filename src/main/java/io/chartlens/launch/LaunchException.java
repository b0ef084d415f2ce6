package io.chartlens.launch;

import io.chartlens.system.ErrorPages;

/**
 * A launch step failed for a {@link LaunchFailure} reason. The detail is for the log and the page; it never
 * contains tokens, codes or patient data.
 */
public class LaunchException extends Exception {

    private final LaunchFailure failure;

    public LaunchException(LaunchFailure failure, String detail) {
        super(failure.name() + ": " + detail);
        this.failure = failure;
    }

    public LaunchException(LaunchFailure failure, String detail, Throwable cause) {
        super(failure.name() + ": " + detail, cause);
        this.failure = failure;
    }

    public LaunchFailure failure() {
        return failure;
    }

    /** This failure as a page; {@code continueUrl} may be null. */
    public ErrorPages.PageFailure toPage(String continueUrl) {
        return new ErrorPages.PageFailure(failure.status(), failure.name(), failure.message(), failure.action(),
                getMessage(), continueUrl);
    }
}
