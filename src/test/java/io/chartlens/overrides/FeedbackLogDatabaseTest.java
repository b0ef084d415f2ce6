package io.chartlens.overrides;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.system.Migrations;
import io.chartlens.testsupport.Cleanups;
import io.chartlens.testsupport.MigratedDatabases;
import io.chartlens.testsupport.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link FeedbackLog} end to end on a real database, H2 2.x (a fresh file database with the server's URL options)
 * and PostgreSQL 15 (a throwaway schema; skipped off CI when PostgreSQL is not running, see {@link Postgres}),
 * migrated by the application's own {@link Migrations}.
 *
 * <p>The path under test is the production code: {@code FeedbackLog -> FeedbackStore -> FeedbackRepository}, the
 * same SQL, lock and hash. The one difference from Liberty is {@link FeedbackRepository.Transactions#LOCAL}: the
 * repository commits itself instead of a JTA transaction (and there is no {@code @Transactional} interceptor).
 */
class FeedbackLogDatabaseTest {

    private static final int APPENDS = 1000;
    private static final int THREADS = 16;

    @TempDir
    Path dir;

    @RegisterExtension
    final Cleanups cleanups = new Cleanups();

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void concurrentAppendsLoseNothingAndChain(String kind) throws Exception {
        DataSource ds = database(kind);
        FeedbackLog log = log(ds, FeedbackRepository.DEFAULT_PAGE_SIZE);
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<StoredFeedback> stored = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long began = System.nanoTime();
        try {
            for (int t = 0; t < THREADS; t++) {
                pool.submit(() -> {
                    start.await();
                    for (int n = next.getAndIncrement(); n < APPENDS; n = next.getAndIncrement()) {
                        try {
                            stored.add(log.append(Fixtures.entry("pat-" + (n % 25), "rule-" + (n % 7),
                                    FeedbackOutcome.values()[n % 4], n % 3 == 0 ? "reason " + n : null)));
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                    return null;
                });
            }
            start.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(5, TimeUnit.MINUTES), "appends did not finish");
        } finally {
            pool.shutdownNow();
        }
        long millis = (System.nanoTime() - began) / 1_000_000;
        System.out.println(kind + ": " + APPENDS + " appends from " + THREADS + " threads in " + millis + " ms");

        assertTrue(failures.isEmpty(), () -> failures.size() + " appends failed, first: " + failures.peek());
        assertEquals(APPENDS, stored.size());
        assertEquals(APPENDS, log.count());
        assertEquals(APPENDS, headCount(ds));

        // ids are unique and, sorted, form the chain: id order is chain order
        List<StoredFeedback> byId = new ArrayList<>(stored);
        byId.sort(Comparator.comparingLong(StoredFeedback::id));
        assertEquals(APPENDS, new HashSet<>(byId.stream().map(StoredFeedback::id).toList()).size());
        String prev = FeedbackChain.GENESIS;
        for (StoredFeedback s : byId) {
            assertEquals(prev, s.prevHash(), "row " + s.id());
            prev = s.rowHash();
        }

        ChainVerification result = log.verify();
        assertEquals(ChainVerification.intact(APPENDS), result);
        // and with pages that do not divide the row count
        assertEquals(ChainVerification.intact(APPENDS), log(ds, 7).verify());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void readsBackWhatWasWritten(String kind) throws Exception {
        DataSource ds = database(kind);
        FeedbackLog log = log(ds, FeedbackRepository.DEFAULT_PAGE_SIZE);
        assertEquals(ChainVerification.intact(0), log.verify());
        StoredFeedback first = log.append(Fixtures.entry());
        StoredFeedback other = log.append(Fixtures.entry("pat-2", "r", FeedbackOutcome.ACCEPTED, null));
        StoredFeedback second = log.append(new FeedbackEntry("Practitioner/123", null, "sandbox", "pat-1", "enc-9",
                CardType.SCORE, "ascvd-pce", "2013.1", FeedbackOutcome.INPUT_CORRECTED, null, null,
                FeedbackPayload.correction(Map.of("sbp", Map.of("id", "Observation/1", "value", 130)), "sbp", 130,
                        150, 9.8, 12.1), "L1"));
        assertEquals(FeedbackChain.GENESIS, first.prevHash());
        assertEquals(first.rowHash(), other.prevHash());
        assertTrue(first.id() < other.id() && other.id() < second.id());
        assertEquals(50, first.id(), "ids come from feedback_event_seq (START WITH 50 INCREMENT BY 50)");

        String key = log.patientKey("pat-1");
        assertEquals(Fixtures.PATIENT_KEY, key);
        List<StoredFeedback> recent = log.recent(key, 10);
        assertEquals(List.of(second, first), recent, "newest first, equal to what append returned");
        assertEquals(List.of(second), log.recent(key, 1));
        assertEquals(List.of(), log.recent("f".repeat(64), 10));
        assertThrows(IllegalArgumentException.class, () -> log.recent("pat-1", 10));
        assertEquals(ChainVerification.intact(3), log.verify());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void tamperingIsFoundAtTheRow(String kind) throws Exception {
        DataSource ds = database(kind);
        allowTampering(ds, kind);
        FeedbackLog log = log(ds, 3);
        List<StoredFeedback> rows = appendSome(log, 10);
        long target = rows.get(4).id();

        sql(ds, "UPDATE feedback_event SET reason = 'changed later' WHERE id = " + target);
        ChainVerification changed = log.verify();
        assertFalse(changed.ok());
        assertEquals(target, changed.firstBrokenId());
        assertEquals(5, changed.rowsChecked());
        assertTrue(changed.reason().contains("row_hash does not match"), changed.reason());

        // a forger who also recomputes the row's hash breaks the next row's link
        FeedbackEntry e = rows.get(4).entry();
        FeedbackEntry forged = new FeedbackEntry(e.actor(), e.actorRole(), e.ehr(), e.patientId(), e.encounterId(),
                e.cardType(), e.ruleId(), e.ruleVersion(), e.outcome(), "changed later", e.userComment(),
                e.payload(), e.launchId(), e.strata());
        String rehash = FeedbackChain.rowHash(rows.get(4).prevHash(), rows.get(4).occurredAt(),
                rows.get(4).patientKey(), forged);
        sql(ds, "UPDATE feedback_event SET row_hash = '" + rehash + "' WHERE id = " + target);
        ChainVerification relinked = log.verify();
        assertEquals(rows.get(5).id(), relinked.firstBrokenId());
        assertTrue(relinked.reason().contains("prev_hash"), relinked.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void deletionsAndForgedRowsAreFound(String kind) throws Exception {
        DataSource ds = database(kind);
        allowTampering(ds, kind);
        FeedbackLog log = log(ds, 4);
        List<StoredFeedback> rows = appendSome(log, 10);

        // a forged row at the end, not accounted for in the head
        StoredFeedback last = rows.get(9);
        sql(ds, "INSERT INTO feedback_event (id, occurred_at, actor, ehr, patient_key, patient_id, card_type,"
                + " rule_id, rule_version, outcome, payload, prev_hash, row_hash) SELECT id + 1, occurred_at, actor,"
                + " ehr, patient_key, patient_id, card_type, rule_id, rule_version, outcome, payload, row_hash, '"
                + "e".repeat(64) + "' FROM feedback_event WHERE id = " + last.id());
        ChainVerification forged = log.verify();
        assertFalse(forged.ok());
        assertEquals(last.id() + 1, forged.firstBrokenId());
        sql(ds, "DELETE FROM feedback_event WHERE id = " + (last.id() + 1));
        assertTrue(log.verify().ok());

        // a row in the middle
        sql(ds, "DELETE FROM feedback_event WHERE id = " + rows.get(3).id());
        ChainVerification middle = log.verify();
        assertFalse(middle.ok());
        assertEquals(rows.get(4).id(), middle.firstBrokenId());
        assertTrue(middle.reason().contains("deleted"), middle.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void deletingTheNewestRowIsFound(String kind) throws Exception {
        DataSource ds = database(kind);
        allowTampering(ds, kind);
        FeedbackLog log = log(ds, FeedbackRepository.DEFAULT_PAGE_SIZE);
        List<StoredFeedback> rows = appendSome(log, 5);
        sql(ds, "DELETE FROM feedback_event WHERE id = " + rows.get(4).id());
        ChainVerification result = log.verify();
        assertFalse(result.ok());
        assertNull(result.firstBrokenId());
        assertEquals(4, result.rowsChecked());
        assertTrue(result.reason().contains("only 4 were found"), result.reason());
    }

    @Test
    void onPostgresqlTheLogRefusesUpdateDeleteAndTruncateEvenToItsOwner() throws Exception {
        DataSource ds = database("postgresql");
        FeedbackLog log = log(ds, FeedbackRepository.DEFAULT_PAGE_SIZE);
        List<StoredFeedback> rows = appendSome(log, 3);
        for (String change : List.of("UPDATE feedback_event SET reason = 'x' WHERE id = " + rows.get(1).id(),
                "DELETE FROM feedback_event WHERE id = " + rows.get(1).id(), "TRUNCATE feedback_event")) {
            SQLException e = assertThrows(SQLException.class, () -> sql(ds, change), change);
            assertEquals("42501", e.getSQLState(), change + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
        }
        assertEquals(ChainVerification.intact(3), log.verify());
    }

    @Test
    void onPostgresqlTheAppRoleMayAppendButNotUpdateOrDelete() throws Exception {
        MigratedDatabases.AppRoleDatabase db = MigratedDatabases.postgresqlWithAppRole(dir, "feedback_test_", cleanups);
        DataSource app = db.app();

        FeedbackLog log = log(app, FeedbackRepository.DEFAULT_PAGE_SIZE);
        StoredFeedback row = log.append(Fixtures.withStrata(Fixtures.entry()));
        assertEquals(ChainVerification.intact(1), log.verify());
        assertEquals("65-74", log.recent(row.patientKey(), 1).get(0).entry().strata().ageBand());
        for (String change : List.of("UPDATE feedback_event SET reason = 'x'", "DELETE FROM feedback_event",
                "TRUNCATE feedback_event", "ALTER TABLE feedback_event DISABLE TRIGGER USER")) {
            SQLException e = assertThrows(SQLException.class, () -> sql(app, change), change);
            assertEquals("42501", e.getSQLState(), change + ": " + e.getMessage());
        }
        // a role that does not exist stops the migration instead of leaving the grants undone
        assertThrows(org.flywaydb.core.api.FlywayException.class, () -> Migrations.migrate(db.owner(),
                Migrations.class.getClassLoader(), db.role() + "_missing", db.schema()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void strataAreStoredHashedAndReadBack(String kind) throws Exception {
        DataSource ds = database(kind);
        allowTampering(ds, kind);
        FeedbackLog log = log(ds, FeedbackRepository.DEFAULT_PAGE_SIZE);
        StoredFeedback row = log.append(Fixtures.withStrata(Fixtures.entry()));
        assertEquals(row, log.recent(row.patientKey(), 1).get(0));
        sql(ds, "UPDATE feedback_event SET patient_sex = 'male' WHERE id = " + row.id());
        assertEquals(row.id(), log.verify().firstBrokenId(), "the strata are part of the hash");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aFailedAppendSavesNothingAndSaysSo(String kind) throws Exception {
        DataSource ds = database(kind);
        FeedbackLog log = log(ds, FeedbackRepository.DEFAULT_PAGE_SIZE);
        appendSome(log, 3);
        // the insert succeeds up to the head; a constraint makes it fail after the lock and the sequence fetch
        sql(ds, "ALTER TABLE feedback_event ADD CONSTRAINT poison CHECK (rule_id <> 'poison')");
        FeedbackUnavailableException e = assertThrows(FeedbackUnavailableException.class,
                () -> log.append(Fixtures.entry("pat-1", "poison", FeedbackOutcome.OVERRIDDEN, "r")));
        assertTrue(e.getMessage().contains("the decision was NOT saved"), e.getMessage());
        assertTrue(e.getMessage().contains("SQLState"), e.getMessage());
        assertFalse(e.getMessage().contains("pat-1"), "no PHI: " + e.getMessage());
        assertEquals(3, log.count());
        assertEquals(3, headCount(ds));
        assertEquals(ChainVerification.intact(3), log.verify());
        log.append(Fixtures.entry("pat-1", "fine", FeedbackOutcome.OVERRIDDEN, "r"));
        assertEquals(ChainVerification.intact(4), log.verify());
    }

    @Test
    void anUnreachableOrUnmigratedDatabaseIsReported() {
        JdbcDataSource missing = new JdbcDataSource();
        missing.setURL("jdbc:h2:file:" + dir.resolve("missing") + ";IFEXISTS=TRUE");
        FeedbackLog log = log(missing, FeedbackRepository.DEFAULT_PAGE_SIZE);
        FeedbackUnavailableException down = assertThrows(FeedbackUnavailableException.class,
                () -> log.append(Fixtures.entry()));
        assertTrue(down.getMessage().startsWith("The feedback log is unavailable: the decision was NOT saved"),
                down.getMessage());
        assertThrows(FeedbackUnavailableException.class, log::verify);
        assertThrows(FeedbackUnavailableException.class, log::count);

        JdbcDataSource empty = new JdbcDataSource();
        empty.setURL("jdbc:h2:mem:unmigrated-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        FeedbackUnavailableException unmigrated = assertThrows(FeedbackUnavailableException.class,
                () -> log(empty, 10).append(Fixtures.entry()));
        assertTrue(unmigrated.getMessage().contains("NOT saved"), unmigrated.getMessage());
    }

    @Test
    void withoutAKeyOutsideTheSandboxNothingIsSaved() {
        FeedbackLog log = new FeedbackLog();
        log.store = new FeedbackStore(new FeedbackRepository(new JdbcDataSource(),
                FeedbackRepository.Transactions.LOCAL));
        log.pseudonymKey = java.util.Optional.empty();
        log.sandboxEnabled = false;
        IllegalStateException direct = assertThrows(IllegalStateException.class, () -> log.patientKey("p"));
        assertTrue(direct.getMessage().contains("chartlens.pseudonym.key is not configured"));
        FeedbackUnavailableException e = assertThrows(FeedbackUnavailableException.class,
                () -> log.append(Fixtures.entry()));
        assertTrue(e.getMessage().contains("NOT saved") && e.getMessage().contains("chartlens.pseudonym.key"),
                e.getMessage());
    }

    // --- support ---

    private static FeedbackLog log(DataSource ds, int pageSize) {
        return new FeedbackLog(new FeedbackStore(new FeedbackRepository(ds, FeedbackRepository.Transactions.LOCAL,
                Clock.systemUTC(), pageSize)),
                PatientPseudonyms.fromConfig(java.util.Optional.of(Fixtures.TEST_KEY_HEX), false));
    }

    private static List<StoredFeedback> appendSome(FeedbackLog log, int n) {
        List<StoredFeedback> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(log.append(Fixtures.entry("pat-" + i, "rule-" + i, FeedbackOutcome.OVERRIDDEN, "r" + i)));
        }
        assertEquals(ChainVerification.intact(n), log.verify());
        return rows;
    }

    /** A fresh, migrated database of the given kind, removed after the test. */
    private DataSource database(String kind) throws SQLException {
        return MigratedDatabases.create(kind, dir, "feedback_test_", cleanups);
    }

    /** Stands for an owner who disables the PostgreSQL append-only triggers to tamper (H2 has none). */
    private static void allowTampering(DataSource ds, String kind) throws SQLException {
        if (kind.equals("postgresql")) {
            sql(ds, "ALTER TABLE feedback_event DISABLE TRIGGER USER");
        }
    }

    private static void sql(DataSource ds, String sql) throws SQLException {
        MigratedDatabases.sql(ds, sql);
    }

    private static long headCount(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT row_count FROM feedback_chain_head WHERE id = 1");
             ResultSet rs = q.executeQuery()) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

}
