package io.chartlens.testsupport;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The rule for a service a test needs (PostgreSQL, Redis): on CI ({@code CI=true}) it is part of the build, so its
 * absence fails the test; on a developer machine it may not be installed, so the test is skipped with the reason.
 */
final class RequiredService {

    private RequiredService() {
    }

    /** Never returns: fails the test on CI, skips it elsewhere. */
    static <T> T unavailable(String problem, String onCi, Throwable cause) {
        if ("true".equals(System.getenv("CI"))) {
            return Assertions.fail(problem + "; CI=true, so " + onCi, cause);
        }
        return Assumptions.abort(problem + "; skipped because CI is not 'true' (set CI=true to make this a failure)");
    }
}
