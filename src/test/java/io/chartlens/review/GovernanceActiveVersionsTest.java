package io.chartlens.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chartlens.testsupport.Cleanups;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ActiveVersions}: the choices the scores and bundles read on every page load are cached, a change made in
 * this JVM is seen at once, another instance's change once the cache expires, and a database outage keeps the last
 * choices read.
 */
class GovernanceActiveVersionsTest {

    private static final String ADMIN = "Practitioner/admin-1";
    private static final List<String> SCORES = List.of("news2", "lace");

    @TempDir
    Path dir;

    @RegisterExtension
    final Cleanups cleanups = new Cleanups();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));

    @Test
    void aChangeInThisJvmIsSeenAtOnceAndAnotherInstancesWhenTheCacheExpires() throws Exception {
        RuleVersionChoices choices = new RuleVersionChoices(ReviewFixtures.database("h2", dir, cleanups), clock);
        ActiveVersions active = new ActiveVersions(choices, clock);
        assertEquals(Map.of(), active.chosenScoreVersions(SCORES), "no choice: every score uses its default");

        choices.activate(RuleKind.SCORE, "lace", "0.9.0", ADMIN);
        assertEquals(Map.of(), active.chosenScoreVersions(SCORES), "another instance's change: not yet seen");
        clock.advance(ActiveVersions.TTL);
        assertEquals(Map.of("lace", "0.9.0"), active.chosenScoreVersions(SCORES), "seen once the cache expires");

        choices.activate(RuleKind.SCORE, "lace", "1.0.0", ADMIN);
        active.changed(RuleKind.SCORE);
        assertEquals(Map.of("lace", "1.0.0"), active.chosenScoreVersions(SCORES), "this JVM's change: seen at once");
        assertEquals(Map.of(), active.chosenBundleVersions(List.of("readmission")), "kinds are kept apart");
    }

    @Test
    void aDatabaseOutageKeepsTheLastChoicesReadAndRetriesSoon() throws Exception {
        DataSource database = ReviewFixtures.database("h2", dir, cleanups);
        RuleVersionChoices choices = new RuleVersionChoices(database, clock);
        ActiveVersions active = new ActiveVersions(choices, clock);
        choices.activate(RuleKind.SCORE, "lace", "0.9.0", ADMIN);
        assertEquals(Map.of("lace", "0.9.0"), active.chosenScoreVersions(SCORES));

        sql(database, "ALTER TABLE rule_version_choice RENAME TO rule_version_choice_away");
        active.changed(RuleKind.SCORE);
        assertEquals(Map.of("lace", "0.9.0"), active.chosenScoreVersions(SCORES), "kept, not silently the default");

        sql(database, "ALTER TABLE rule_version_choice_away RENAME TO rule_version_choice");
        choices.activate(RuleKind.SCORE, "lace", "1.0.0", ADMIN);
        assertEquals(Map.of("lace", "0.9.0"), active.chosenScoreVersions(SCORES), "until the retry is due");
        clock.advance(ActiveVersions.RETRY);
        assertEquals(Map.of("lace", "1.0.0"), active.chosenScoreVersions(SCORES));
    }

    @Test
    void withoutAnyChoiceReadTheOutageMeansTheDefaults() throws Exception {
        DataSource database = ReviewFixtures.database("h2", dir, cleanups);
        sql(database, "ALTER TABLE rule_version_choice RENAME TO rule_version_choice_away");
        ActiveVersions active = new ActiveVersions(new RuleVersionChoices(database, clock), clock);
        assertEquals(Map.of(), active.chosenScoreVersions(SCORES));
    }

    private static void sql(DataSource database, String statement) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
