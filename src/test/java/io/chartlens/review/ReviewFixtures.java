package io.chartlens.review;

import io.chartlens.overrides.CardType;
import io.chartlens.overrides.FeedbackEntry;
import io.chartlens.overrides.FeedbackLog;
import io.chartlens.overrides.FeedbackOutcome;
import io.chartlens.overrides.PatientStrata;
import io.chartlens.overrides.StoredFeedback;
import io.chartlens.testsupport.Cleanups;
import io.chartlens.testsupport.MigratedDatabases;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/** Shared test support: migrated databases and a feedback log whose append times the test chooses. */
final class ReviewFixtures {

    static final String TEST_KEY_HEX = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    /** Marks the real patient id in fixtures, so a test can assert it never comes out. */
    static final String PATIENT_PREFIX = "REAL-PATIENT-ID-";
    static final PatientStrata OLD_WOMAN = new PatientStrata("85+", "female", "white", "not-hispanic-or-latino");
    static final PatientStrata MIDDLE_MAN = new PatientStrata("45-64", "male", "black-or-african-american",
            "hispanic-or-latino");

    private ReviewFixtures() {
    }

    /** A fresh migrated H2 file or PostgreSQL schema, removed by the cleanups. */
    static DataSource database(String kind, Path dir, Cleanups cleanups) throws SQLException {
        return MigratedDatabases.create(kind, dir, "review_test_", cleanups);
    }

    /** A decision with everything that matters to the review chosen, and markers in the fields it must not show. */
    static FeedbackEntry entry(CardType type, String rule, String version, FeedbackOutcome outcome, String reason,
                               String role, String ehr, PatientStrata strata) {
        return new FeedbackEntry("Practitioner/p1", role, ehr, PATIENT_PREFIX + rule, "ENCOUNTER-SECRET", type,
                rule, version, outcome, reason, null, "{\"inputs\":{\"PAYLOAD-SECRET\":1}}", "LAUNCH-SECRET", strata);
    }

    static FeedbackEntry entry(String rule, FeedbackOutcome outcome, PatientStrata strata) {
        return entry(CardType.SCORE, rule, "1.0.0", outcome, outcome == FeedbackOutcome.OVERRIDDEN ? "not-relevant"
                : null, "clinician", "sandbox", strata);
    }

    /** The production append path with a clock the test moves (it must never go backwards). */
    static final class Appender {

        private final MovableClock clock = new MovableClock();
        private final FeedbackLog log;

        Appender(DataSource ds) {
            log = FeedbackLog.onDataSource(ds, Optional.of(TEST_KEY_HEX), false, clock);
        }

        StoredFeedback at(Instant at, FeedbackEntry entry) {
            if (clock.at != null && at.isBefore(clock.at)) {
                throw new IllegalArgumentException("fixture times must not go backwards");
            }
            clock.at = at;
            return log.append(entry);
        }

        /** {@code n} copies of an entry at one time. */
        void times(int n, Instant at, FeedbackEntry entry) {
            for (int i = 0; i < n; i++) {
                at(at, entry);
            }
        }

        FeedbackLog log() {
            return log;
        }
    }

    private static final class MovableClock extends Clock {

        private Instant at;

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
            return at;
        }
    }
}
