package io.chartlens.review;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;

/**
 * The filtered log as CSV (RFC 4180), streamed: rows go from a forward-only cursor to the writer one at a time, so
 * a million rows never sit in memory. The columns are {@link LogQueries#VIEW_COLUMNS} (pseudonymous: no
 * {@code patient_id}, payload, encounter or launch).
 *
 * <p>Streaming needs help from each database: the PostgreSQL driver honours the fetch size only with auto-commit off
 * (otherwise it reads the whole result first), so auto-commit is turned off for the export if it was on, and the
 * read-only transaction is rolled back after it (inside a container transaction, where auto-commit is already off,
 * nothing is touched). H2 computes a whole result before returning its first row unless the session has
 * {@code LAZY_QUERY_EXECUTION}, which is switched on for the export and off again.
 *
 * <p>Cells: quoted when they hold a comma, quote, CR or LF (quotes doubled), records end in CRLF, NULL is an empty
 * cell. A cell starting with {@code = + - @}, TAB, CR or LF gets a leading {@code '} so a spreadsheet reads it as
 * text, not as a formula (OWASP, "CSV Injection"): comments and reasons are user-written.
 */
final class CsvExport {

    static final int FETCH_SIZE = 500;
    private static final String FORMULA_STARTS = "=+-@\t\r\n";

    private final DataSource dataSource;

    CsvExport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes the header and every matching row, newest first; returns the number of rows (without the header). */
    long export(LogFilter filter, Writer out) throws SQLException, IOException {
        SqlWhere where = filter.where();
        String sql = "SELECT " + LogQueries.VIEW_COLUMNS + " FROM feedback_event" + where.sql() + " ORDER BY id DESC";
        try (Connection c = dataSource.getConnection()) {
            boolean ownTransaction = c.getAutoCommit();
            boolean h2 = c.getMetaData().getDatabaseProductName().equals("H2");
            if (ownTransaction) {
                c.setAutoCommit(false);
            }
            long rows;
            try {
                if (h2) {
                    execute(c, "SET LAZY_QUERY_EXECUTION TRUE");
                }
                rows = stream(c, sql, where, out);
                out.flush();
            } catch (SQLException | IOException | RuntimeException e) {
                try {
                    restore(c, h2, ownTransaction);
                } catch (SQLException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
            restore(c, h2, ownTransaction);
            return rows;
        }
    }

    /** Undoes what {@link #export} changed on the connection (it may go back to a pool). */
    private static void restore(Connection c, boolean h2, boolean ownTransaction) throws SQLException {
        if (h2) {
            execute(c, "SET LAZY_QUERY_EXECUTION FALSE");
        }
        if (ownTransaction) {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    private static long stream(Connection c, String sql, SqlWhere where, Writer out)
            throws SQLException, IOException {
        try (PreparedStatement q = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            q.setFetchSize(FETCH_SIZE);
            where.bind(q, 1);
            try (ResultSet rs = q.executeQuery()) {
                List<String> header = List.of(LogQueries.VIEW_COLUMNS.split(",\\s*"));
                String[] cells = new String[header.size()];
                record(out, header.toArray(cells));
                long rows = 0;
                while (rs.next()) {
                    cells[0] = Long.toString(rs.getLong(1));
                    OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
                    cells[1] = at.toInstant().toString();
                    for (int i = 2; i < cells.length; i++) {
                        cells[i] = rs.getString(i + 1);
                    }
                    record(out, cells);
                    rows++;
                }
                return rows;
            }
        }
    }

    /** One CSV record, CRLF-terminated. */
    static void record(Writer out, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            cell(out, cells[i]);
        }
        out.write("\r\n");
    }

    /** One cell: neutralised against formulas, then quoted if needed; null is empty. */
    static void cell(Writer out, String value) throws IOException {
        if (value == null || value.isEmpty()) {
            return;
        }
        String text = FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0
                || text.indexOf('\n') >= 0;
        if (!quote) {
            out.write(text);
            return;
        }
        out.write('"');
        out.write(text.replace("\"", "\"\""));
        out.write('"');
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
