package io.chartlens.aisummary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.aisummary.ModelSummarizer.FailureKind;
import io.chartlens.aisummary.ModelSummarizer.ModelOutcome;
import io.chartlens.system.Migrations;
import io.chartlens.testsupport.Cleanups;
import io.chartlens.testsupport.MigratedDatabases;
import io.chartlens.testsupport.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link GenerationLog} on a real database, H2 2.x (a fresh file database with the server's URL options) and
 * PostgreSQL 15 (a throwaway schema; skipped off CI when PostgreSQL is not running, a failure on CI, see
 * {@link Postgres}), migrated by the application's own {@link Migrations}.
 */
class GenerationLogTest {

    private static final String SUBJECT = "3f1c0d6a9b8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a";
    private static final List<String> REFS = List.of("Condition/c-dm2", "Observation/o-a1c", "MedicationRequest/m-1");
    private static final List<CitedStatement> ANSWER = List.of(
            new CitedStatement("Type 2 diabetes with HbA1c 8.1 % 12 d before.",
                    List.of("Condition/c-dm2", "Observation/o-a1c")),
            new CitedStatement("HbA1c was 9.9 % last week.", List.of("Observation/o-a1c")),
            new CitedStatement("Chronic kidney disease stage 3.", List.of("Condition/not-given")));

    @TempDir
    Path dir;

    @RegisterExtension
    final Cleanups cleanups = new Cleanups();

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void recordsEveryGenerationOfAFallbackAndReadsThemBack(String kind) throws Exception {
        DataSource ds = database(kind);
        Instant now = Instant.parse("2026-03-01T10:15:30.123456789Z");
        GenerationLog log = new GenerationLog(ds, Clock.fixed(now, ZoneOffset.UTC));

        // a model answer that fails verification, then the deterministic summary that replaced it
        ModelOutcome answered = ModelOutcome.answered(ANSWER, "primary:test-model", "summary-v1",
                Duration.ofMillis(1234),
                List.of(new ModelOutcome.Attempt("primary:test-model", null, null, Duration.ofMillis(1234))));
        String failed = GenerationRecord.VERIFICATION_FAILED + ": 2 of 3 statements dropped";
        GenerationLogEntry model = log.record(GenerationRecord.ofModel(SUBJECT, "patient-summary", REFS, answered,
                1, 2, List.of("statement 2: 9.9 is in no cited fact", "statement 3: cites Condition/not-given, "
                        + "which is not an input"), failed));
        GenerationLogEntry deterministic = log.record(GenerationRecord.ofDeterministic(SUBJECT, "patient-summary",
                "rules-3", REFS, List.of(ANSWER.get(0)), 1, 0, List.of(), Duration.ofNanos(5_400_000), failed));

        assertEquals(50, model.id(), "ids come from summary_generation_seq (START WITH 50 INCREMENT BY 50)");
        assertEquals(100, deterministic.id());
        assertEquals(Instant.parse("2026-03-01T10:15:30.123456Z"), model.createdAt());
        assertEquals(Duration.ofMillis(5), deterministic.record().latency(), "whole milliseconds, as stored");

        List<GenerationLogEntry> recent = log.recent(10);
        assertEquals(List.of(deterministic, model), recent, "newest first (same time: by id), as recorded");
        assertEquals(List.of(deterministic), log.recent(1));

        GenerationRecord m = recent.get(1).record();
        assertEquals(GenerationRecord.Source.MODEL, m.source());
        assertEquals("summary-v1", m.promptVersion());
        assertEquals("primary:test-model", m.modelId());
        assertEquals(ANSWER, m.output());
        assertEquals(Duration.ofMillis(1234), m.latency());

        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT input_refs, output, verification, source, model_id, latency_ms,"
                     + " fallback_reason, prompt_version FROM summary_generation ORDER BY id")) {
            assertTrue(rs.next());
            assertEquals("Condition/c-dm2,Observation/o-a1c,MedicationRequest/m-1", rs.getString(1));
            assertTrue(rs.getString(2).contains("\"citations\":[\"Condition/c-dm2\",\"Observation/o-a1c\"]"),
                    rs.getString(2));
            assertTrue(rs.getString(3).startsWith("[\"statement 2: 9.9 is in no cited fact\""), rs.getString(3));
            assertEquals("model", rs.getString(4));
            assertEquals("primary:test-model", rs.getString(5));
            assertEquals(1234, rs.getLong(6));
            assertEquals(failed, rs.getString(7));
            assertEquals("summary-v1", rs.getString(8));
            assertTrue(rs.next());
            assertEquals("deterministic", rs.getString(4));
            assertEquals("deterministic", rs.getString(5));
            assertEquals("[]", rs.getString(3));
            assertFalse(rs.next());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aModelFailureIsLoggedOnTheDeterministicRow(String kind) throws Exception {
        GenerationLog log = new GenerationLog(database(kind), Clock.systemUTC());
        ModelOutcome timedOut = ModelOutcome.failed(FailureKind.TIMEOUT,
                "primary:test-model TIMEOUT (no answer within 8000 ms)", null, Duration.ofMillis(8003), List.of());
        assertThrows(IllegalArgumentException.class, () -> GenerationRecord.ofModel(SUBJECT, "patient-summary",
                REFS, timedOut, 0, 0, List.of(), null), "a failed outcome has no model row");

        log.record(GenerationRecord.ofDeterministic(SUBJECT, "patient-summary", null, REFS,
                List.of(ANSWER.get(0)), 1, 0, List.of(), Duration.ofMillis(3), timedOut.fallbackReason()));
        GenerationRecord stored = log.recent(5).get(0).record();
        assertEquals("TIMEOUT: primary:test-model TIMEOUT (no answer within 8000 ms)", stored.fallbackReason());
        assertEquals(null, stored.promptVersion());
        assertEquals(REFS, stored.inputRefs());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theSchemaRefusesAModelRowWithoutAModel(String kind) throws Exception {
        DataSource ds = database(kind);
        try (Connection c = ds.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO summary_generation (id, created_at, subject_key, task, prompt_version, model_id,"
                        + " input_refs, output, kept_count, dropped_count, verification, latency_ms, source)"
                        + " VALUES (1, CURRENT_TIMESTAMP, 'k', 't', 'summary-v1', 'deterministic', '', '[]', 0, 0,"
                        + " '[]', 0, 'model')")) {
            assertThrows(SQLException.class, insert::executeUpdate);
        }
    }

    @Test
    void anUnmigratedDatabaseIsReportedWithoutPhi() {
        JdbcDataSource empty = new JdbcDataSource();
        empty.setURL("jdbc:h2:mem:unmigrated-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        GenerationLog log = new GenerationLog(empty, Clock.systemUTC());
        GenerationLogException e = assertThrows(GenerationLogException.class, () -> log.record(
                GenerationRecord.ofDeterministic(SUBJECT, "patient-summary", null, REFS, ANSWER, 3, 0, List.of(),
                        Duration.ZERO, null)));
        assertTrue(e.getMessage().startsWith("The generation log is unavailable: the deterministic generation of "
                + "patient-summary was NOT saved ("), e.getMessage());
        assertTrue(e.getMessage().contains("[SQLState "), e.getMessage());
        assertFalse(e.getMessage().contains(SUBJECT) || e.getMessage().contains("diabetes"), e.getMessage());
        assertThrows(GenerationLogException.class, () -> log.recent(1));
        assertThrows(IllegalArgumentException.class, () -> log.recent(0));
    }

    @Test
    void aRecordKeepsPhiOutOfItsColumns() {
        assertThrows(IllegalArgumentException.class, () -> GenerationRecord.ofDeterministic(SUBJECT, "t", null,
                List.of("Observation/o-1", "Jane Doe, 1957-03-14"), ANSWER, 0, 0, List.of(), Duration.ZERO, null));
        assertThrows(IllegalArgumentException.class, () -> new GenerationRecord(SUBJECT, "t", "summary-v1",
                GenerationRecord.DETERMINISTIC_MODEL_ID, REFS, ANSWER, 0, 0, List.of(), Duration.ZERO,
                GenerationRecord.Source.MODEL, null));
        assertThrows(IllegalArgumentException.class, () -> new GenerationRecord(SUBJECT, "t", null, "primary:m",
                REFS, ANSWER, 0, 0, List.of(), Duration.ZERO, GenerationRecord.Source.MODEL, null));
        assertThrows(IllegalArgumentException.class, () -> GenerationRecord.ofDeterministic(" ", "t", null, REFS,
                ANSWER, 0, 0, List.of(), Duration.ZERO, null));
    }

    /** A fresh, migrated database of the given kind, removed after the test. */
    private DataSource database(String kind) throws SQLException {
        return MigratedDatabases.create(kind, dir, "generation_test_", cleanups);
    }

    private static void sql(DataSource ds, String sql) throws SQLException {
        MigratedDatabases.sql(ds, sql);
    }
}
