package io.chartlens.review;

import io.chartlens.overrides.CardType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The overview (decisions and cards shown per card type, rule and version) and a rule's weekly trend, aggregated by
 * the database (GROUP BY), so the JVM only holds one line per group. Cards shown come from {@link ShownQueries}.
 *
 * <p>Weeks are ISO-8601 weeks in UTC, Monday 00:00 to the next Monday: the bucket of a row is
 * {@code floor((epoch seconds - 345600) / 604800)}, 345600 s being 1970-01-05T00:00Z, the first Monday after the
 * epoch. {@code EXTRACT(EPOCH FROM timestamp with time zone)} means seconds since the epoch in UTC in both H2 2.x and
 * PostgreSQL, whatever the session time zone.
 */
final class OverviewQueries {

    /** Weeks of zeros are filled in between the range's bounds only up to this many weeks (20 years). */
    static final int MAX_FILLED_WEEKS = 1040;

    private static final LocalDate FIRST_MONDAY = LocalDate.of(1970, 1, 5);
    private static final Comparator<RuleOverview> ORDER = Comparator.comparing((RuleOverview l) ->
            l.rule().cardType().name()).thenComparing(l -> l.rule().ruleId())
            .thenComparing(l -> l.rule().ruleVersion());

    private final DataSource dataSource;

    OverviewQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One line per card type, rule id and version with decisions or cards shown in the range, ordered by those
     * three (in Java, so the order is the same on every database).
     */
    List<RuleOverview> overview(TimeRange range) throws SQLException {
        SqlWhere where = new SqlWhere().range(range);
        String sql = "SELECT card_type, rule_id, rule_version, " + DecisionSql.COUNTS + ", MIN(occurred_at),"
                + " MAX(occurred_at) FROM feedback_event" + where.sql()
                + " GROUP BY card_type, rule_id, rule_version";
        Map<RuleKey, Long> shown = new ShownQueries(dataSource).perVersion(range);
        List<RuleOverview> lines = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            where.bind(q, 1);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    RuleKey rule = new RuleKey(CardType.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3));
                    Long n = shown.remove(rule);
                    lines.add(new RuleOverview(rule, DecisionSql.read(rs, 4), n == null ? 0 : n, instant(rs, 8),
                            instant(rs, 9)));
                }
            }
        }
        shown.forEach((rule, n) -> lines.add(new RuleOverview(rule, DecisionCounts.NONE, n, null, null)));
        lines.sort(ORDER);
        return lines;
    }

    /**
     * The rule's decisions and cards shown per ISO week, oldest first. Weeks without either are included with zeros:
     * between the range's bounds when both are given (and span at most {@value #MAX_FILLED_WEEKS} weeks), otherwise
     * between the first and the last week with rows.
     */
    List<WeekCounts> trend(RuleKey rule, TimeRange range) throws SQLException {
        SqlWhere where = LogFilter.forRule(rule, range).where();
        String sql = "SELECT week, " + DecisionSql.COUNTS + " FROM (SELECT FLOOR((EXTRACT(EPOCH FROM occurred_at)"
                + " - 345600) / 604800) AS week, outcome FROM feedback_event" + where.sql() + ") weeks"
                + " GROUP BY week ORDER BY week";
        Map<LocalDate, DecisionCounts> byWeek = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            where.bind(q, 1);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    byWeek.put(FIRST_MONDAY.plusWeeks(rs.getLong(1)), DecisionSql.read(rs, 2));
                }
            }
        }
        return filled(byWeek, new ShownQueries(dataSource).perWeek(rule, range), range);
    }

    private static List<WeekCounts> filled(Map<LocalDate, DecisionCounts> byWeek, Map<LocalDate, Long> shown,
                                           TimeRange range) {
        LocalDate first = null;
        LocalDate last = null;
        if (range.from() != null && range.to() != null) {
            first = mondayOf(range.from());
            last = mondayOf(range.to().minus(1, ChronoUnit.MICROS));
            if (ChronoUnit.WEEKS.between(first, last) > MAX_FILLED_WEEKS) {
                first = null;
            }
        }
        if (first == null) {
            TreeSet<LocalDate> sorted = new TreeSet<>(byWeek.keySet());
            sorted.addAll(shown.keySet());
            if (sorted.isEmpty()) {
                return List.of();
            }
            first = sorted.first();
            last = sorted.last();
        }
        List<WeekCounts> weeks = new ArrayList<>();
        for (LocalDate monday = first; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            weeks.add(new WeekCounts(monday, byWeek.getOrDefault(monday, DecisionCounts.NONE),
                    shown.getOrDefault(monday, 0L)));
        }
        return weeks;
    }

    /** The Monday (UTC) of the ISO week holding an instant. */
    static LocalDate mondayOf(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate().with(DayOfWeek.MONDAY);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
