package io.chartlens.review;

import java.time.Duration;
import java.time.Instant;

/**
 * A half-open time range [from, to) over {@code feedback_event.occurred_at}; a null bound is open.
 *
 * @param from the first instant included, or null
 * @param to   the first instant excluded, or null
 */
public record TimeRange(Instant from, Instant to) {

    /** Everything. */
    public static final TimeRange ALL = new TimeRange(null, null);

    public TimeRange {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("the range's start must be before its end");
        }
    }

    /** The {@code days} days before {@code now}: [now - days, now). */
    public static TimeRange lastDays(int days, Instant now) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1");
        }
        return new TimeRange(now.minus(Duration.ofDays(days)), now);
    }
}
