package io.chartlens.system.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.system.Migrations;
import io.chartlens.testsupport.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The Flyway migrations, run exactly as the application runs them ({@link Migrations#migrate}), on both databases
 * ChartLens supports: H2 2.x (a fresh file database, with the server's URL options) and PostgreSQL 15 (a throwaway
 * schema; skipped off CI when PostgreSQL is not running, see {@link Postgres}).
 */
class MigrationsTest {

    private static final ClassLoader APP = Migrations.class.getClassLoader();

    @TempDir
    Path dir;

    @Test
    void h2() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        // the same options as liberty/db/h2.xml
        ds.setURL("jdbc:h2:file:" + dir.resolve("chartlens") + ";DB_CLOSE_DELAY=-1;AUTO_SERVER=TRUE");
        ds.setUser("chartlens");
        ds.setPassword("");
        try {
            checkMigrations(ds, "H2");
            try (Connection c = ds.getConnection()) {
                checkSchema(c, "SELECT NEXT VALUE FOR audit_event_seq");
            }
        } finally {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }
    }

    @Test
    void postgresql() throws SQLException {
        String schema = "audit_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = Postgres.connectOrSkip()) {
            try (Statement s = admin.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            try {
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setURL(Postgres.URL);
                ds.setUser(Postgres.USER);
                ds.setPassword(Postgres.PASSWORD);
                checkMigrations(ds, "PostgreSQL", schema);
                try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                    s.execute("SET search_path TO " + schema);
                    checkSchema(c, "SELECT nextval('audit_event_seq')");
                }
            } finally {
                try (Statement s = admin.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    /**
     * Applies every migration once (V1 audit, V2 feedback log, V3 summary generations, V4 feedback strata, V5 CDS
     * cards, V6 rule versions, V7 card impressions; on PostgreSQL also V4.1 append-only triggers and the repeatable grants); a second
     * start applies nothing.
     */
    private static void checkMigrations(DataSource ds, String databaseType, String... schemas) {
        boolean pg = databaseType.equals("PostgreSQL");
        Migrations.Outcome first = Migrations.migrate(ds, APP, "", schemas);
        assertEquals(new Migrations.Outcome("7", pg ? 9 : 7, databaseType), first);
        Migrations.Outcome again = Migrations.migrate(ds, APP, "", schemas);
        assertEquals(new Migrations.Outcome("7", 0, databaseType), again);
        Migrations.flyway(ds, APP, "", schemas).validate();
    }

    private static void checkSchema(Connection c, String nextValue) throws SQLException {
        // the sequence hands out blocks of 50, matching allocationSize = 50
        long first = next(c, nextValue);
        assertEquals(50, first);
        assertEquals(100, next(c, nextValue));
        assertEquals(150, next(c, nextValue));

        assertEquals("TIMESTAMP WITH TIME ZONE", columnTypes(c).get("OCCURRED_AT"));
        Set<String> indexed = indexedColumns(c);
        assertTrue(indexed.contains("PATIENT_ID,OCCURRED_AT"), () -> "indexes: " + indexed);
        assertTrue(indexed.contains("ACTOR,OCCURRED_AT"), () -> "indexes: " + indexed);

        OffsetDateTime at = OffsetDateTime.of(2026, 3, 4, 5, 6, 7, 123_456_000, ZoneOffset.UTC);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_event (id, occurred_at, actor, ehr,"
                + " patient_id, encounter_id, action, resource_types, outcome, detail, request_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, 150);
            insert.setObject(2, at);
            insert.setString(3, "Practitioner/123");
            insert.setString(4, "sandbox");
            insert.setString(5, "pat-1");
            insert.setString(6, null);
            insert.setString(7, "READ_RECORD");
            insert.setString(8, "Condition,Observation");
            insert.setString(9, "PARTIAL");
            insert.setString(10, "Observation: HTTP 403");
            insert.setString(11, null);
            assertEquals(1, insert.executeUpdate());
        }
        try (PreparedStatement read = c.prepareStatement("SELECT id, occurred_at, actor, encounter_id, outcome,"
                + " detail FROM audit_event WHERE patient_id = ? ORDER BY occurred_at DESC")) {
            read.setString(1, "pat-1");
            try (ResultSet rs = read.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(150, rs.getLong("id"));
                assertEquals(at.toInstant(), rs.getObject("occurred_at", OffsetDateTime.class).toInstant());
                assertEquals("Practitioner/123", rs.getString("actor"));
                assertNull(rs.getString("encounter_id"));
                assertEquals("PARTIAL", rs.getString("outcome"));
                assertEquals("Observation: HTTP 403", rs.getString("detail"));
                assertFalse(rs.next());
            }
        }
    }

    private static long next(Connection c, String nextValue) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(nextValue)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    /** Column name (upper case) to SQL type name, as the database reports it. */
    private static Map<String, String> columnTypes(Connection c) throws SQLException {
        Map<String, String> types = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE lower(table_name) = 'audit_event' AND lower(table_schema) = lower(current_schema)")) {
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1).toUpperCase(Locale.ROOT), rs.getString(2).toUpperCase(Locale.ROOT));
                }
            }
        }
        assertEquals(11, types.size(), () -> "columns: " + types);
        return types;
    }

    /** Each non-unique index on audit_event as its column list, e.g. "PATIENT_ID,OCCURRED_AT". */
    private static Set<String> indexedColumns(Connection c) throws SQLException {
        Map<String, StringBuilder> byIndex = new HashMap<>();
        String table = c.getMetaData().storesUpperCaseIdentifiers() ? "AUDIT_EVENT" : "audit_event";
        try (ResultSet rs = c.getMetaData().getIndexInfo(null, c.getSchema(), table, false, false)) {
            while (rs.next()) {
                if (rs.getString("INDEX_NAME") == null || !rs.getBoolean("NON_UNIQUE")) {
                    continue;
                }
                StringBuilder columns = byIndex.computeIfAbsent(rs.getString("INDEX_NAME"), k -> new StringBuilder());
                columns.append(columns.isEmpty() ? "" : ",").append(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
            }
        }
        Set<String> result = new HashSet<>();
        byIndex.values().forEach(b -> result.add(b.toString()));
        return result;
    }
}
