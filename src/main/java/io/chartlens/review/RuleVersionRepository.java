package io.chartlens.review;

import io.chartlens.system.SequenceIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The SQL of {@code rule_version_choice} (migration V6), in plain JDBC. A choice reads the rule's history and
 * appends one row with {@code seq_no} = last + 1 in one transaction: the container's JTA transaction
 * ({@code container = true}, never touching auto-commit) or its own (tests, tools).
 *
 * <p>The active version is a stack replayed from the history: {@code activate} pushes its version, {@code rollback}
 * pops the top, so rolling back twice goes back two choices (not back and forth between two versions).
 */
final class RuleVersionRepository {

    private static final String COLUMNS = "id, chosen_at, kind, rule_id, version, actor, note, seq_no";
    /** SQL:2003 unique violation, used by H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final boolean container;
    private final Clock clock;
    private final SequenceIds ids = new SequenceIds("rule_version_choice_seq");

    RuleVersionRepository(DataSource dataSource, boolean container, Clock clock) {
        this.dataSource = dataSource;
        this.container = container;
        this.clock = clock;
    }

    /** Appends a choice: {@code version} for activate, null for rollback (the previous version is looked up). */
    VersionChoice choose(RuleKind kind, String ruleId, String version, String actor)
            throws SQLException, VersionChoiceException {
        try (Connection c = dataSource.getConnection()) {
            if (container) {
                return chooseOn(c, kind, ruleId, version, actor);
            }
            c.setAutoCommit(false);
            try {
                VersionChoice chosen = chooseOn(c, kind, ruleId, version, actor);
                c.commit();
                return chosen;
            } catch (SQLException | VersionChoiceException | RuntimeException e) {
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
                    // the connection is being closed anyway; the choice's own outcome is what matters
                }
            }
        }
    }

    private VersionChoice chooseOn(Connection c, RuleKind kind, String ruleId, String version, String actor)
            throws SQLException, VersionChoiceException {
        List<VersionChoice> history = history(c, kind, ruleId);
        List<String> stack = stack(history);
        String top = stack.isEmpty() ? null : stack.get(stack.size() - 1);
        ChoiceNote note = version == null ? ChoiceNote.ROLLBACK : ChoiceNote.ACTIVATE;
        if (note == ChoiceNote.ROLLBACK) {
            if (stack.size() < 2) {
                throw new VersionChoiceException(VersionChoiceFailure.NOTHING_TO_ROLL_BACK, kind, ruleId);
            }
            version = stack.get(stack.size() - 2);
        } else if (version.equals(top)) {
            throw new VersionChoiceException(VersionChoiceFailure.ALREADY_ACTIVE, kind, ruleId);
        }
        int seqNo = history.isEmpty() ? 1 : history.get(history.size() - 1).seqNo() + 1;
        VersionChoice row = new VersionChoice(ids.next(c), clock.instant().truncatedTo(ChronoUnit.MICROS), kind,
                ruleId, version, actor, note, seqNo);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO rule_version_choice (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, row.id());
            insert.setObject(2, OffsetDateTime.ofInstant(row.chosenAt(), ZoneOffset.UTC));
            insert.setString(3, kind.name());
            insert.setString(4, ruleId);
            insert.setString(5, version);
            insert.setString(6, actor);
            insert.setString(7, note.code());
            insert.setInt(8, seqNo);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new VersionChoiceException(VersionChoiceFailure.CONCURRENT_CHANGE, kind, ruleId);
            }
            throw e;
        }
        return row;
    }

    /** The version of the newest row, if any. */
    Optional<String> active(RuleKind kind, String ruleId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("SELECT version"
                + " FROM rule_version_choice WHERE kind = ? AND rule_id = ? ORDER BY seq_no DESC")) {
            q.setString(1, kind.name());
            q.setString(2, ruleId);
            q.setMaxRows(1);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    List<VersionChoice> history(RuleKind kind, String ruleId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return history(c, kind, ruleId);
        }
    }

    /** Oldest first. */
    private static List<VersionChoice> history(Connection c, RuleKind kind, String ruleId) throws SQLException {
        List<VersionChoice> rows = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM rule_version_choice"
                + " WHERE kind = ? AND rule_id = ? ORDER BY seq_no")) {
            q.setString(1, kind.name());
            q.setString(2, ruleId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Instant at = rs.getObject(2, OffsetDateTime.class).toInstant();
                    rows.add(new VersionChoice(rs.getLong(1), at, RuleKind.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getString(5), rs.getString(6), ChoiceNote.ofCode(rs.getString(7)),
                            rs.getInt(8)));
                }
            }
        }
        return rows;
    }

    /** The versions still "on the stack" after replaying the history; the last is the active one. */
    static List<String> stack(List<VersionChoice> history) {
        List<String> stack = new ArrayList<>();
        for (VersionChoice row : history) {
            if (row.note() == ChoiceNote.ACTIVATE) {
                stack.add(row.version());
            } else if (!stack.isEmpty()) {
                stack.remove(stack.size() - 1);
            }
        }
        return stack;
    }
}
