package io.chartlens.review;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * One ISO-8601 week (Monday to Sunday, UTC) of a rule's trend.
 *
 * @param weekStart the Monday the week starts on
 * @param counts    the outcomes in that week (all zero for a week without rows)
 */
public record WeekCounts(LocalDate weekStart, DecisionCounts counts) {

    /** The ISO week, e.g. {@code 2026-W09} (its year is the week-based year). */
    public String isoWeek() {
        return String.format("%d-W%02d", weekStart.get(IsoFields.WEEK_BASED_YEAR),
                weekStart.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public OverrideRate overrideRate() {
        return counts.overrideRate();
    }
}
