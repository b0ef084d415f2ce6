package io.chartlens.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Ids from a database sequence created by a Flyway migration, in the SQL of whichever database is in use
 * (PostgreSQL {@code nextval}, H2 {@code NEXT VALUE FOR}); the statement is chosen on first use. Thread-safe.
 */
public final class SequenceIds {

    private final String sequence;
    private volatile String nextIdSql;

    /** @param sequence the sequence's name, a constant of the caller (never user input) */
    public SequenceIds(String sequence) {
        if (!sequence.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a sequence name: " + sequence);
        }
        this.sequence = sequence;
    }

    public long next(Connection c) throws SQLException {
        String sql = nextIdSql;
        if (sql == null) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            sql = product.contains("postgres") ? "SELECT nextval('" + sequence + "')"
                    : "SELECT NEXT VALUE FOR " + sequence;
            nextIdSql = sql;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new SQLException(sequence + " returned no value");
            }
            return rs.getLong(1);
        }
    }
}
