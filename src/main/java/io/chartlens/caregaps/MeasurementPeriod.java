package io.chartlens.caregaps;

import java.time.LocalDate;

/**
 * The measurement period of a quality measure, in whole days, both ends included.
 *
 * @param start first day
 * @param end   last day
 */
public record MeasurementPeriod(LocalDate start, LocalDate end) {

    public MeasurementPeriod {
        if (start == null || end == null) {
            throw new IllegalArgumentException("a measurement period needs a start and an end");
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("the measurement period ends (" + end + ") before it starts (" + start + ")");
        }
    }

    /** The twelve months that end on {@code lastDay}: care gaps are measured relative to the record's reference date. */
    public static MeasurementPeriod yearEndingOn(LocalDate lastDay) {
        return new MeasurementPeriod(lastDay.minusYears(1).plusDays(1), lastDay);
    }

    /** Parses {@code yyyy-mm-dd} ends, failing with a message that names the bad one. */
    public static MeasurementPeriod parse(String start, String end) {
        return new MeasurementPeriod(day("periodStart", start), day("periodEnd", end));
    }

    private static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required (yyyy-mm-dd)");
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is not a date (yyyy-mm-dd): " + value);
        }
    }
}
