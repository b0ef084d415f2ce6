package io.chartlens.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The local PostgreSQL that tests run against ({@value #URL}, user {@value #USER}, trust authentication).
 *
 * <p>The rule: on CI (environment variable {@code CI=true}) PostgreSQL is part of the build, so an unreachable
 * server fails the test; on a developer machine it may simply not be installed, so the test is skipped (aborted
 * through JUnit Assumptions; see RequiredService) with a message that says how to run it.
 */
public final class Postgres {

    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String USER = "postgres";
    public static final String PASSWORD = "";

    private static final int TIMEOUT_SECONDS = 5;

    private Postgres() {
    }

    /**
     * A new connection (the caller closes it), or a skipped test when PostgreSQL is unreachable off CI, or a
     * failed test when it is unreachable on CI.
     */
    public static Connection connectOrSkip() {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", PASSWORD);
        props.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
        props.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
        props.setProperty("socketTimeout", "60");
        try {
            return DriverManager.getConnection(URL, props);
        } catch (SQLException e) {
            String reason = "PostgreSQL is unreachable at " + URL + " as user " + USER + " (" + e.getMessage() + ")";
            return RequiredService.unavailable(reason, "PostgreSQL is required: start it, create the database "
                    + "'test' and allow trust authentication for 127.0.0.1", e);
        }
    }
}
