package io.chartlens.review;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code WHERE} clause over {@code feedback_event} (or {@code card_impression}) built from constant column names and
 * bound parameters (never values in the SQL text). Enum values are bound by name, instants as UTC
 * {@code OffsetDateTime}, days as {@code LocalDate}.
 */
final class SqlWhere {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    /** {@code column = ?}, or nothing when the value is null (any). */
    SqlWhere equal(String column, Object value) {
        if (value != null) {
            conditions.add(column + " = ?");
            values.add(value instanceof Enum<?> e ? e.name() : value);
        }
        return this;
    }

    SqlWhere range(TimeRange range) {
        if (range.from() != null) {
            conditions.add("occurred_at >= ?");
            values.add(range.from());
        }
        if (range.to() != null) {
            conditions.add("occurred_at < ?");
            values.add(range.to());
        }
        return this;
    }

    /**
     * {@code shown_on} (a UTC day) within the range: every day that overlaps [from, to), so a range that starts or
     * ends within a day counts that day whole.
     */
    SqlWhere days(TimeRange range) {
        if (range.from() != null) {
            conditions.add("shown_on >= ?");
            values.add(range.from().atOffset(ZoneOffset.UTC).toLocalDate());
        }
        if (range.to() != null) {
            conditions.add("shown_on <= ?");
            values.add(range.to().minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate());
        }
        return this;
    }

    /** {@code id < ?} (keyset paging, newest first). */
    SqlWhere idBelow(Long id) {
        if (id != null) {
            conditions.add("id < ?");
            values.add(id);
        }
        return this;
    }

    /** A condition without parameters (a constant of the caller). */
    SqlWhere condition(String sql) {
        conditions.add(sql);
        return this;
    }

    /** {@code ""} or {@code " WHERE a = ? AND b = ?"}. */
    String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Binds the values from parameter index {@code first}; returns the next free index. */
    int bind(PreparedStatement statement, int first) throws SQLException {
        int i = first;
        for (Object value : values) {
            if (value instanceof Instant at) {
                statement.setObject(i++, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            } else if (value instanceof LocalDate day) {
                statement.setObject(i++, day);
            } else if (value instanceof Long n) {
                statement.setLong(i++, n);
            } else {
                statement.setString(i++, (String) value);
            }
        }
        return i;
    }
}
