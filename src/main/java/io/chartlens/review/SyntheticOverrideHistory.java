package io.chartlens.review;

import io.chartlens.overrides.ChainVerification;
import io.chartlens.overrides.FeedbackLog;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Seeds the sandbox feedback log with a realistic synthetic history of decisions (issue #9), so the review pages
 * have something to show: several thousand rows over several months, every rule of the catalogs with several
 * versions, every role and stratum, and planted signals (see {@link SyntheticRows}), with the cards shown behind the
 * decisions ({@link SyntheticImpressions}; in {@code card_impression}, outside the chain). Every row goes through
 * {@link FeedbackLog#append}, so the hash chain stays valid; times come from a clock that steps through the
 * history, never backwards, and the history must start after the newest row already in the log (seed an empty
 * log). Patient ids are synthetic ({@code synthetic-patient-NNN}); no real data are involved.
 *
 * <p>Command line: see {@link SeedCommand} ({@code main} here delegates to it).
 */
public final class SyntheticOverrideHistory {

    public static final long DEFAULT_SEED = 20260309L;
    public static final int DEFAULT_ROWS = 5000;
    public static final int DEFAULT_DAYS = 182;
    /** The score overridden far more often for patients in {@link #ELEVATED_AGE_BAND}. */
    public static final String ELEVATED_RULE = "news2";
    public static final String ELEVATED_AGE_BAND = "85+";
    /** The score whose override rate is above the default monitoring maximum in the last weeks. */
    public static final String HIGH_RATE_RULE = "hasbled";
    private static final int IMPRESSION_BATCH = 1000;

    private final SeedCatalog catalog;
    private final long seed;

    SyntheticOverrideHistory(SeedCatalog catalog, long seed) {
        this.catalog = catalog;
        this.seed = seed;
    }

    /**
     * What a seeding did.
     *
     * @param rows         rows appended
     * @param shown        cards shown recorded ({@code card_impression}), at least one per row
     * @param first        the time of the first
     * @param last         the time of the last
     * @param verification the whole chain's verification afterwards
     */
    public record Result(int rows, int shown, Instant first, Instant last, ChainVerification verification) {
    }

    /**
     * Appends {@code rows} rows with times spread over the {@code days} days before {@code end}.
     *
     * @param pseudonymKey   the patient-key HMAC key, or empty with {@code sandbox} for the development key
     * @throws IllegalStateException if the log already holds a row later than the history's start (times would go
     *                               backwards in id order), or no key is usable
     */
    Result seed(DataSource dataSource, Optional<String> pseudonymKey, boolean sandbox, int rows, Instant end,
                int days) throws SQLException {
        if (rows < 1 || days < 1) {
            throw new IllegalArgumentException("rows and days must be at least 1");
        }
        Instant start = end.minus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MICROS);
        try (Connection connection = dataSource.getConnection()) {
            Optional<Instant> newest = newest(connection);
            if (newest.isPresent() && newest.get().isAfter(start)) {
                throw new IllegalStateException("The feedback log already has rows up to " + newest.get() + ", after "
                        + "the synthetic history would start (" + start + "); times must not go backwards in id "
                        + "order. Seed an empty log: stop the server and delete the sandbox database folder "
                        + "(target/chartlens-db), start the server once, stop it, then seed.");
            }
            SteppingClock clock = new SteppingClock(start);
            FeedbackLog log = FeedbackLog.onDataSource(SeedConnections.single(connection), pseudonymKey, sandbox,
                    clock);
            SyntheticRows planned = new SyntheticRows(catalog, seed, start, end, rows);
            SyntheticImpressions impressions = new SyntheticImpressions(seed);
            ImpressionStore shownStore = new ImpressionStore(SeedConnections.single(connection));
            List<CardImpression> pending = new ArrayList<>();
            int shown = 0;
            Instant first = null;
            Instant last = null;
            for (int i = 0; planned.hasNext(); i++) {
                SyntheticRows.Row row = planned.next();
                clock.at = row.at();
                Instant stored = log.append(row.entry()).occurredAt();
                first = first == null ? stored : first;
                last = stored;
                pending.addAll(impressions.behind(row, i));
                if (pending.size() >= IMPRESSION_BATCH || !planned.hasNext()) {
                    shown += shownStore.insertIfAbsent(pending);
                    pending.clear();
                }
            }
            return new Result(rows, shown, first, last, log.verify());
        }
    }

    private static Optional<Instant> newest(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(occurred_at) FROM feedback_event")) {
            rs.next();
            OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
            return Optional.ofNullable(at).map(OffsetDateTime::toInstant);
        }
    }

    /** Seeds from the command line; see {@link SeedCommand}. */
    public static void main(String[] args) throws Exception {
        SeedCommand.run(args, System.out);
    }

    /** The time the next append is stamped with (set before each append; UTC). */
    private static final class SteppingClock extends Clock {

        private Instant at;

        SteppingClock(Instant at) {
            this.at = at;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the seeding clock is UTC only");
        }

        @Override
        public Instant instant() {
            return at;
        }
    }
}
