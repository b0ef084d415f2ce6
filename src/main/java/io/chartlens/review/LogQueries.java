package io.chartlens.review;

import io.chartlens.overrides.CardType;
import io.chartlens.overrides.FeedbackOutcome;
import io.chartlens.overrides.PatientStrata;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The filtered log, paged by keyset ({@code id < cursor ORDER BY id DESC}): each page costs the same however deep it
 * is, and rows appended meanwhile do not shift the pages (unlike OFFSET). The columns read are
 * {@link #VIEW_COLUMNS}: never {@code patient_id}, {@code encounter_id}, {@code launch_id} or {@code payload}.
 */
final class LogQueries {

    static final int MAX_PAGE_SIZE = 500;

    /** The pseudonymous view of a row, in {@link LogRow}'s order. */
    static final String VIEW_COLUMNS = "id, occurred_at, actor, actor_role, ehr, patient_key, card_type, rule_id,"
            + " rule_version, outcome, reason, user_comment, patient_age_band, patient_sex, patient_race,"
            + " patient_ethnicity";

    private final DataSource dataSource;

    LogQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param before the {@link LogPage#nextBefore()} of the previous page, or null for the newest rows
     * @param size   1 to {@value #MAX_PAGE_SIZE}
     */
    LogPage page(LogFilter filter, Long before, int size) throws SQLException, InvalidFilterException {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidFilterException(FilterProblem.BAD_PAGE_SIZE, "size");
        }
        if (before != null && before < 1) {
            throw new InvalidFilterException(FilterProblem.BAD_CURSOR, "before");
        }
        SqlWhere where = filter.where().idBelow(before);
        List<LogRow> rows = new ArrayList<>(Math.min(size + 1, 64));
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("SELECT "
                + VIEW_COLUMNS + " FROM feedback_event" + where.sql() + " ORDER BY id DESC")) {
            where.bind(q, 1);
            q.setMaxRows(size + 1);
            q.setFetchSize(size + 1);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
        }
        if (rows.size() <= size) {
            return new LogPage(rows, null);
        }
        List<LogRow> page = rows.subList(0, size);
        return new LogPage(page, page.get(size - 1).id());
    }

    /** How many rows the filter matches. */
    long count(LogFilter filter) throws SQLException {
        SqlWhere where = filter.where();
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM feedback_event" + where.sql())) {
            where.bind(q, 1);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A row of {@link #VIEW_COLUMNS}. */
    static LogRow row(ResultSet rs) throws SQLException {
        return new LogRow(rs.getLong(1), OverviewQueries.instant(rs, 2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), CardType.valueOf(rs.getString(7)), rs.getString(8),
                rs.getString(9), FeedbackOutcome.valueOf(rs.getString(10)), rs.getString(11), rs.getString(12),
                new PatientStrata(rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16)));
    }
}
