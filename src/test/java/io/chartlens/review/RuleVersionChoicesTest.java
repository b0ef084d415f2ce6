package io.chartlens.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.testsupport.Cleanups;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Active rule versions: activate, roll back, history, refusals and races, on H2 and PostgreSQL (migration V6). */
class RuleVersionChoicesTest {

    private static final Instant T = Instant.parse("2026-06-01T12:00:00.123456789Z");
    private static final String ADMIN = "Practitioner/admin-1";

    @TempDir
    Path dir;

    @RegisterExtension
    final Cleanups cleanups = new Cleanups();

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void activatesRollsBackStepByStepAndKeepsEveryChoice(String kind) throws Exception {
        RuleVersionChoices choices = new RuleVersionChoices(ReviewFixtures.database(kind, dir, cleanups),
                Clock.fixed(T, ZoneOffset.UTC));
        assertEquals(Optional.empty(), choices.active(RuleKind.SCORE, "news2"), "no choice: use the configured one");
        assertEquals(VersionChoiceFailure.NOTHING_TO_ROLL_BACK, assertThrows(VersionChoiceException.class,
                () -> choices.rollback(RuleKind.SCORE, "news2", ADMIN)).failure());

        VersionChoice first = choices.activate(RuleKind.SCORE, "news2", "1.0.0", ADMIN);
        assertEquals(new VersionChoice(first.id(), Instant.parse("2026-06-01T12:00:00.123456Z"), RuleKind.SCORE,
                "news2", "1.0.0", ADMIN, ChoiceNote.ACTIVATE, 1), first, "stored to the microsecond");
        assertEquals(VersionChoiceFailure.NOTHING_TO_ROLL_BACK, assertThrows(VersionChoiceException.class,
                () -> choices.rollback(RuleKind.SCORE, "news2", ADMIN)).failure(), "one choice: nothing before it");
        choices.activate(RuleKind.SCORE, "news2", "1.1.0", "Practitioner/informaticist-2");
        assertEquals(VersionChoiceFailure.ALREADY_ACTIVE, assertThrows(VersionChoiceException.class,
                () -> choices.activate(RuleKind.SCORE, "news2", "1.1.0", ADMIN)).failure());
        choices.activate(RuleKind.SCORE, "news2", "1.2.0", ADMIN);
        assertEquals(Optional.of("1.2.0"), choices.active(RuleKind.SCORE, "news2"));

        VersionChoice back = choices.rollback(RuleKind.SCORE, "news2", ADMIN);
        assertEquals("1.1.0", back.version());
        assertEquals(ChoiceNote.ROLLBACK, back.note());
        assertEquals(Optional.of("1.1.0"), choices.active(RuleKind.SCORE, "news2"));
        // a second rollback goes one choice further back, not back to 1.2.0
        assertEquals("1.0.0", choices.rollback(RuleKind.SCORE, "news2", ADMIN).version());
        assertEquals(VersionChoiceFailure.NOTHING_TO_ROLL_BACK, assertThrows(VersionChoiceException.class,
                () -> choices.rollback(RuleKind.SCORE, "news2", ADMIN)).failure());
        choices.activate(RuleKind.SCORE, "news2", "1.3.0", ADMIN);
        assertEquals("1.0.0", choices.rollback(RuleKind.SCORE, "news2", ADMIN).version());

        List<VersionChoice> history = choices.history(RuleKind.SCORE, "news2");
        assertEquals(List.of("activate 1.0.0", "activate 1.1.0", "activate 1.2.0", "rollback 1.1.0",
                "rollback 1.0.0", "activate 1.3.0", "rollback 1.0.0"), history.stream()
                .map(c -> c.note().code() + " " + c.version()).toList());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), history.stream().map(VersionChoice::seqNo).toList());
        assertEquals("Practitioner/informaticist-2", history.get(1).actor());

        // kinds and rules are separate histories (statin is both a measure and a bundle)
        choices.activate(RuleKind.MEASURE, "statin", "2.0.0", ADMIN);
        assertEquals(Optional.empty(), choices.active(RuleKind.BUNDLE, "statin"));
        assertEquals(1, choices.history(RuleKind.MEASURE, "statin").get(0).seqNo());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void concurrentChoicesOnOneRuleNeverShareAPlace(String kind) throws Exception {
        DataSource ds = ReviewFixtures.database(kind, dir, cleanups);
        RuleVersionChoices choices = new RuleVersionChoices(ds, Clock.systemUTC());
        ConcurrentLinkedQueue<VersionChoice> done = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> refused = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 40; i++) {
            String version = "1." + i + ".0";
            pool.submit(() -> {
                start.await();
                try {
                    done.add(choices.activate(RuleKind.BUNDLE, "sepsis", version, ADMIN));
                } catch (VersionChoiceException | RuntimeException e) {
                    refused.add(e);
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(2, TimeUnit.MINUTES));
        for (Throwable e : refused) {
            assertTrue(e instanceof VersionChoiceException v && v.failure() == VersionChoiceFailure.CONCURRENT_CHANGE,
                    () -> "unexpected failure: " + e);
        }
        List<VersionChoice> history = choices.history(RuleKind.BUNDLE, "sepsis");
        assertEquals(done.size(), history.size(), "every success was written, no refusal was");
        for (int i = 0; i < history.size(); i++) {
            assertEquals(i + 1, history.get(i).seqNo());
        }
        System.out.println(kind + ": 40 concurrent activations, " + refused.size() + " refused as concurrent");
    }

    @Test
    void refusesMalformedInputBeforeTheDatabase() {
        RuleVersionChoices choices = new RuleVersionChoices(new org.h2.jdbcx.JdbcDataSource(), Clock.systemUTC());
        assertEquals("ruleId must be 1 to 100 letters, digits and . - _", assertThrows(IllegalArgumentException.class,
                () -> choices.activate(RuleKind.SCORE, "news2; drop", "1", ADMIN)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> choices.activate(RuleKind.SCORE, "news2", " ", ADMIN));
        assertThrows(IllegalArgumentException.class, () -> choices.activate(RuleKind.SCORE, "news2", "1", null));
        assertThrows(NullPointerException.class, () -> choices.rollback(null, "news2", ADMIN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theTableRefusesUnknownKindsAndNotes(String kind) throws Exception {
        DataSource ds = ReviewFixtures.database(kind, dir, cleanups);
        for (String values : List.of("'RULE', 'x', '1', 'a', 'activate', 1", "'SCORE', 'x', '1', 'a', 'undo', 1",
                "'SCORE', 'x', '1', 'a', 'activate', 0")) {
            assertThrows(SQLException.class, () -> io.chartlens.testsupport.MigratedDatabases.sql(ds,
                    "INSERT INTO rule_version_choice (id, chosen_at, kind, rule_id, version, actor, note, seq_no)"
                            + " VALUES (1, CURRENT_TIMESTAMP, " + values + ")"), values);
        }
    }
}
