package io.chartlens.review;

import io.chartlens.overrides.CardType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The cards shown ({@code card_impression}, migration V7), counted by the database: per rule version, per ISO week
 * of a rule, per source. Impressions are kept by UTC day, so a range counts every day it touches whole (see
 * {@link SqlWhere#days}).
 */
final class ShownQueries {

    private final DataSource dataSource;

    ShownQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Cards shown per card type, rule and version in the range. */
    Map<RuleKey, Long> perVersion(TimeRange range) throws SQLException {
        SqlWhere where = new SqlWhere().days(range);
        Map<RuleKey, Long> shown = new HashMap<>();
        query("SELECT card_type, rule_id, rule_version, COUNT(*) FROM card_impression" + where.sql()
                + " GROUP BY card_type, rule_id, rule_version", where, rs -> shown.put(new RuleKey(
                CardType.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)), rs.getLong(4)));
        return shown;
    }

    /** A rule's (or one version's) cards shown per ISO week (the Monday, UTC), weeks without any left out. */
    Map<LocalDate, Long> perWeek(RuleKey rule, TimeRange range) throws SQLException {
        SqlWhere where = forRule(rule).days(range);
        Map<LocalDate, Long> weeks = new TreeMap<>();
        query("SELECT shown_on, COUNT(*) FROM card_impression" + where.sql() + " GROUP BY shown_on", where,
                rs -> weeks.merge(day(rs, 1).with(java.time.DayOfWeek.MONDAY), rs.getLong(2), Long::sum));
        return weeks;
    }

    /** A rule's (or one version's) cards shown per source; sources without any left out. */
    Map<ImpressionSource, Long> perSource(RuleKey rule, TimeRange range) throws SQLException {
        SqlWhere where = forRule(rule).days(range);
        Map<ImpressionSource, Long> sources = new EnumMap<>(ImpressionSource.class);
        query("SELECT source, COUNT(*) FROM card_impression" + where.sql() + " GROUP BY source", where,
                rs -> sources.put(ImpressionSource.valueOf(rs.getString(1)), rs.getLong(2)));
        return sources;
    }

    /** The first day any card shown was recorded, or empty when none has been. */
    Optional<LocalDate> firstDay() throws SQLException {
        SqlWhere none = new SqlWhere();
        LocalDate[] first = new LocalDate[1];
        query("SELECT MIN(shown_on) FROM card_impression", none, rs -> first[0] = day(rs, 1));
        return Optional.ofNullable(first[0]);
    }

    private static SqlWhere forRule(RuleKey rule) {
        return new SqlWhere().equal("card_type", rule.cardType()).equal("rule_id", rule.ruleId())
                .equal("rule_version", rule.ruleVersion());
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, SqlWhere where, Row row) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            where.bind(q, 1);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }

    private static LocalDate day(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
