package io.chartlens.review;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * One ISO-8601 week (Monday to Sunday, UTC) of a rule's trend.
 *
 * @param weekStart the Monday the week starts on
 * @param counts    the outcomes in that week (all zero for a week without rows)
 * @param shown     the cards shown that week (0 also when none were recorded: see {@link #response()})
 */
public record WeekCounts(LocalDate weekStart, DecisionCounts counts, long shown) {

    /** The ISO week, e.g. {@code 2026-W09} (its year is the week-based year). */
    public String isoWeek() {
        return String.format("%d-W%02d", weekStart.get(IsoFields.WEEK_BASED_YEAR),
                weekStart.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Override rate among decisions. */
    public OverrideRate overrideRate() {
        return counts.overrideRate();
    }

    /** Decided / shown. */
    public ResponseRate response() {
        return new ResponseRate(counts.decided(), shown);
    }
}
