package io.chartlens.aisummary;

import io.chartlens.record.ReferenceDate;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as days relative to the record's reference date ("12 d before"), so that a summary names no calendar date of
 * the patient's care. The forms are time spans the {@link StatementVerifier} does not ask the resources for.
 */
final class RelativeDates {

    private static final Pattern DAYS = Pattern.compile("\\b(\\d+) d (before|after)\\b");

    private RelativeDates() {
    }

    /** "N d before", "N d after" or "on the reference date", counted in the calendar of the recorded time. */
    static String of(OffsetDateTime when, ReferenceDate reference) {
        LocalDate day = when.toLocalDate();
        return of(day, reference.value().atOffset(when.getOffset()).toLocalDate());
    }

    /** The same for a calendar date, the reference date read in UTC. */
    static String of(LocalDate day, ReferenceDate reference) {
        return of(day, reference.value().atOffset(ZoneOffset.UTC).toLocalDate());
    }

    /** Days from the reference date to {@code day}: negative before it. */
    static long daysFrom(LocalDate day, ReferenceDate reference) {
        return ChronoUnit.DAYS.between(reference.value().atOffset(ZoneOffset.UTC).toLocalDate(), day);
    }

    /** The reference date's calendar day in UTC. */
    static LocalDate day(ReferenceDate reference) {
        return reference.value().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /**
     * Long spans in coarser units for reading: 60 days or more in months, 730 days or more in years, rounded down
     * ("4015 d before" becomes "10 y before"). The result is still a time span.
     */
    static String readable(String text) {
        Matcher m = DAYS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long days = Long.parseLong(m.group(1));
            String span = days >= 730 ? (long) (days / 365.25) + " y"
                    : days >= 60 ? (long) (days / 30.44) + " mo" : days + " d";
            m.appendReplacement(out, span + " " + m.group(2));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String of(LocalDate day, LocalDate reference) {
        long days = ChronoUnit.DAYS.between(day, reference);
        return days == 0 ? "on the reference date" : days > 0 ? days + " d before" : -days + " d after";
    }
}
