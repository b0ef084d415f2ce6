package io.chartlens.review;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The SQL that counts outcomes in a group, and reading those counts back. */
final class DecisionSql {

    /** Four columns: accepted, overridden, dismissed, input corrected (SUM of CASE, portable H2 / PostgreSQL). */
    static final String COUNTS = "SUM(CASE WHEN outcome = 'ACCEPTED' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN outcome = 'OVERRIDDEN' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN outcome = 'DISMISSED' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN outcome = 'INPUT_CORRECTED' THEN 1 ELSE 0 END)";

    private DecisionSql() {
    }

    /** The four {@link #COUNTS} columns starting at {@code first} (SUM over no rows is NULL, read as 0). */
    static DecisionCounts read(ResultSet rs, int first) throws SQLException {
        return new DecisionCounts(rs.getLong(first), rs.getLong(first + 1), rs.getLong(first + 2),
                rs.getLong(first + 3));
    }
}
