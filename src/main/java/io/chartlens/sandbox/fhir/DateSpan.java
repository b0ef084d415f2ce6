package io.chartlens.sandbox.fhir;

import java.time.Instant;

/**
 * The time a resource's clinical date covers, for date searches, sorting and the record's last date.
 * A date with day precision covers the whole day, as FHIR search semantics require (R4 3.1.1.5.8).
 *
 * @param start  first instant covered (never null)
 * @param end    last instant covered, or null when open-ended (an in-progress Encounter)
 * @param latest the latest stated instant (the end if known, else the start), used for "last record date"
 */
public record DateSpan(Instant start, Instant end, Instant latest) {

    /** True when this span and the closed interval [lower, upper] share an instant; null bounds are unbounded. */
    boolean overlaps(Instant lower, Instant upper) {
        boolean afterLower = lower == null || end == null || !end.isBefore(lower);
        boolean beforeUpper = upper == null || !start.isAfter(upper);
        return afterLower && beforeUpper;
    }
}
