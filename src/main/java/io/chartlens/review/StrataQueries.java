package io.chartlens.review;

import io.chartlens.overrides.PatientStrata;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;

/**
 * A rule's drill-down: totals, reasons, and one GROUP BY per {@link StratumDimension}, all on one connection. Each
 * stratum is compared with its complement (the rule's other rows: total minus stratum), as the issue asks, rather
 * than with the whole, which would include the stratum itself.
 */
final class StrataQueries {

    private final DataSource dataSource;

    StrataQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    DrillDown drillDown(RuleKey rule, TimeRange range, StrataThresholds thresholds) throws SQLException {
        SqlWhere where = LogFilter.forRule(rule, range).where();
        try (Connection c = dataSource.getConnection()) {
            DecisionCounts total = total(c, where);
            List<StratumRow> strata = new ArrayList<>();
            for (StratumDimension dimension : StratumDimension.values()) {
                strata.addAll(strata(c, where, dimension, total, thresholds));
            }
            return new DrillDown(rule, range, thresholds, total, reasons(c, rule, range), strata);
        }
    }

    private static DecisionCounts total(Connection c, SqlWhere where) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + DecisionSql.COUNTS + " FROM feedback_event"
                + where.sql())) {
            where.bind(q, 1);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return DecisionSql.read(rs, 1);
            }
        }
    }

    private static List<StratumRow> strata(Connection c, SqlWhere where, StratumDimension dimension,
                                           DecisionCounts total, StrataThresholds thresholds) throws SQLException {
        String column = dimension.column();
        List<StratumRow> rows = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT " + column + ", " + DecisionSql.COUNTS
                + " FROM feedback_event" + where.sql() + " GROUP BY " + column)) {
            where.bind(q, 1);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(StratumRow.of(dimension, rs.getString(1), DecisionSql.read(rs, 2), total, thresholds));
                }
            }
        }
        rows.sort(order(dimension));
        return rows;
    }

    private static List<ReasonCount> reasons(Connection c, RuleKey rule, TimeRange range) throws SQLException {
        SqlWhere where = LogFilter.forRule(rule, range).where()
                .condition("outcome IN ('OVERRIDDEN', 'DISMISSED')");
        List<ReasonCount> reasons = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT reason,"
                + " SUM(CASE WHEN outcome = 'OVERRIDDEN' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN outcome = 'DISMISSED' THEN 1 ELSE 0 END)"
                + " FROM feedback_event" + where.sql() + " GROUP BY reason")) {
            where.bind(q, 1);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    reasons.add(new ReasonCount(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        reasons.sort(Comparator.comparingLong((ReasonCount r) -> -(r.overridden() + r.dismissed()))
                .thenComparing(ReasonCount::label));
        return reasons;
    }

    /** Age bands youngest first, other values alphabetically; "not recorded" last. */
    private static Comparator<StratumRow> order(StratumDimension dimension) {
        Comparator<String> values = dimension == StratumDimension.AGE_BAND
                ? Comparator.comparingInt(v -> PatientStrata.AGE_BANDS.indexOf(v) < 0 ? Integer.MAX_VALUE
                        : PatientStrata.AGE_BANDS.indexOf(v))
                : Comparator.naturalOrder();
        return Comparator.comparing(StratumRow::value, Comparator.nullsLast(values.thenComparing(
                Comparator.naturalOrder())));
    }
}
