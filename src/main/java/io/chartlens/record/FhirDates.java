package io.chartlens.record;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.BaseDateTimeType;

/** FHIR date/dateTime values as {@link OffsetDateTime}, keeping the record's own offset (MANIFEST: "+00:00", "-04:00"). */
public final class FhirDates {

    private FhirDates() {
    }

    /** The value, or null when absent. A date without a time is the start of that day in UTC. */
    public static OffsetDateTime of(BaseDateTimeType value) {
        if (value == null || value.getValue() == null) {
            return null;
        }
        if (value.getPrecision().ordinal() <= TemporalPrecisionEnum.DAY.ordinal()) {
            // Read the calendar date as written: no time-zone shift of a date-only value.
            String text = value.getValueAsString();
            String day = text.length() >= 10 ? text.substring(0, 10)
                    : text.length() >= 7 ? text.substring(0, 7) + "-01" : text.substring(0, 4) + "-01-01";
            return java.time.LocalDate.parse(day).atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        TimeZone zone = value.getTimeZone();
        ZoneOffset offset = zone == null ? ZoneOffset.UTC
                : ZoneOffset.ofTotalSeconds(zone.getOffset(value.getValue().getTime()) / 1000);
        return OffsetDateTime.ofInstant(value.getValue().toInstant(), offset);
    }

    /** The later of two, either may be null. */
    public static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isAfter(b) ? a : b;
    }
}
