package io.chartlens.overrides;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The SQL of the feedback log, in plain JDBC: the same code runs inside Liberty (on the container's data source,
 * in the JTA transaction that {@link FeedbackStore} opens or joins) and in unit tests (on a plain H2 or PostgreSQL
 * data source, committing itself). Only {@link Transactions} differs.
 *
 * <p>The append: lock the head row ({@code SELECT ... FOR UPDATE}), fetch the id from the sequence and take the
 * time (both inside the lock, so id order is chain order and times follow it on one server), hash, insert, and
 * move the head with a guarded {@code UPDATE ... WHERE last_hash = ? AND row_count = ?} that must hit exactly one
 * row. Every statement runs before the method returns, so constraint violations surface inside the call.
 */
final class FeedbackRepository {

    /** Who demarcates the transaction of an append. */
    enum Transactions {
        /** Inside a JTA transaction (the container's): never touch auto-commit, commit or rollback. */
        CONTAINER,
        /** A plain data source (tests, tools): auto-commit off, commit on success, roll back on failure. */
        LOCAL
    }

    static final int DEFAULT_PAGE_SIZE = 1000;
    /** How long an append waits for the chain lock before it fails. */
    static final int LOCK_TIMEOUT_SECONDS = 10;

    private static final String COLUMNS = "id, occurred_at, actor, actor_role, ehr, patient_key, patient_id,"
            + " encounter_id, card_type, rule_id, rule_version, outcome, reason, user_comment, payload, launch_id,"
            + " patient_age_band, patient_sex, patient_race, patient_ethnicity, chain_version, prev_hash, row_hash";

    private final DataSource dataSource;
    private final Transactions transactions;
    private final Clock clock;
    private final int pageSize;
    private final io.chartlens.system.SequenceIds ids = new io.chartlens.system.SequenceIds("feedback_event_seq");

    FeedbackRepository(DataSource dataSource, Transactions transactions, Clock clock, int pageSize) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
        this.pageSize = pageSize;
    }

    FeedbackRepository(DataSource dataSource, Transactions transactions) {
        this(dataSource, transactions, Clock.systemUTC(), DEFAULT_PAGE_SIZE);
    }

    StoredFeedback append(FeedbackEntry entry, String patientKey) throws SQLException {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(patientKey, "patientKey");
        try (Connection c = dataSource.getConnection()) {
            if (transactions == Transactions.CONTAINER) {
                return appendOn(c, entry, patientKey);
            }
            c.setAutoCommit(false);
            try {
                StoredFeedback stored = appendOn(c, entry, patientKey);
                c.commit();
                return stored;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                try {
                    c.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // the connection is being closed anyway; the append's own outcome is what matters
                }
            }
        }
    }

    private StoredFeedback appendOn(Connection c, FeedbackEntry entry, String patientKey) throws SQLException {
        Head head = lockHead(c);
        long id = nextId(c);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = FeedbackChain.rowHash(head.lastHash(), at, patientKey, entry);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO feedback_event (" + COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            int i = 3;
            for (String value : FeedbackChain.contentOf(patientKey, entry)) {
                insert.setString(i++, value);
            }
            insert.setInt(i++, FeedbackChain.CURRENT_VERSION);
            insert.setString(i++, head.lastHash());
            insert.setString(i, hash);
            if (insert.executeUpdate() != 1) {
                throw new SQLException("feedback_event insert did not add exactly one row");
            }
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE feedback_chain_head SET last_hash = ?,"
                + " row_count = ? WHERE id = 1 AND last_hash = ? AND row_count = ?")) {
            update.setString(1, hash);
            update.setLong(2, head.rowCount() + 1);
            update.setString(3, head.lastHash());
            update.setLong(4, head.rowCount());
            if (update.executeUpdate() != 1) {
                throw new SQLException("feedback_chain_head changed while it was locked (is the database's row "
                        + "locking working?); the append was rolled back");
            }
        }
        return new StoredFeedback(id, at, patientKey, entry, head.lastHash(), hash);
    }

    private static Head lockHead(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT last_hash, row_count FROM feedback_chain_head WHERE id = 1 FOR UPDATE")) {
            q.setQueryTimeout(LOCK_TIMEOUT_SECONDS);
            return head(q);
        }
    }

    private static Head readHead(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT last_hash, row_count FROM feedback_chain_head WHERE id = 1")) {
            return head(q);
        }
    }

    private static Head head(PreparedStatement q) throws SQLException {
        try (ResultSet rs = q.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("feedback_chain_head has no row (is migration V2__feedback_log applied?)");
            }
            return new Head(rs.getString(1), rs.getLong(2));
        }
    }

    private long nextId(Connection c) throws SQLException {
        return ids.next(c);
    }

    /**
     * Reads the head, then the rows in id order a page at a time (keyset paging, one page in memory), then the
     * head again; see {@link FeedbackChain.Verifier}.
     */
    ChainVerification verify() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Head start = readHead(c);
            FeedbackChain.Verifier verifier = new FeedbackChain.Verifier(start.rowCount(), start.lastHash());
            long after = Long.MIN_VALUE;
            while (true) {
                int read = 0;
                try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS
                        + " FROM feedback_event WHERE id > ? ORDER BY id")) {
                    q.setLong(1, after);
                    q.setMaxRows(pageSize);
                    q.setFetchSize(pageSize);
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            FeedbackChain.Row row = row(rs);
                            read++;
                            after = row.id();
                            if (!verifier.accept(row)) {
                                return verifier.finish(start.rowCount(), start.lastHash());
                            }
                        }
                    }
                }
                if (read < pageSize) {
                    break;
                }
            }
            Head end = readHead(c);
            return verifier.finish(end.rowCount(), end.lastHash());
        }
    }

    /** Newest first; ties (same microsecond) broken by id. */
    List<StoredFeedback> recent(String patientKey, int max) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM feedback_event"
                     + " WHERE patient_key = ? ORDER BY occurred_at DESC, id DESC")) {
            q.setString(1, patientKey);
            q.setMaxRows(max);
            List<StoredFeedback> result = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    result.add(stored(row(rs)));
                }
            }
            return result;
        }
    }

    long count() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM feedback_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static FeedbackChain.Row row(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        Instant at = rs.getObject(2, OffsetDateTime.class).toInstant();
        List<String> content = new ArrayList<>(FeedbackChain.CONTENT_COLUMNS.size());
        for (int i = 0; i < FeedbackChain.CONTENT_COLUMNS.size(); i++) {
            content.add(rs.getString(3 + i));
        }
        int next = 3 + FeedbackChain.CONTENT_COLUMNS.size();
        return new FeedbackChain.Row(id, rs.getInt(next), at, content, rs.getString(next + 1),
                rs.getString(next + 2));
    }

    /** Rebuilds the entry; a row whose values no longer validate fails here (verify() names it). */
    private static StoredFeedback stored(FeedbackChain.Row row) {
        List<String> v = row.content();
        FeedbackEntry entry = new FeedbackEntry(v.get(0), v.get(1), v.get(2), v.get(4), v.get(5),
                CardType.valueOf(v.get(6)), v.get(7), v.get(8), FeedbackOutcome.valueOf(v.get(9)), v.get(10),
                v.get(11), v.get(12), v.get(13), new PatientStrata(v.get(14), v.get(15), v.get(16), v.get(17)));
        return new StoredFeedback(row.id(), row.occurredAt(), v.get(3), entry, row.prevHash(), row.rowHash());
    }

    private record Head(String lastHash, long rowCount) {
    }
}
