package io.chartlens.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.junit.jupiter.api.Test;

class FhirDatesTest {

    @Test
    void readsAYearAsTheFirstOfJanuaryAtMidnightUtc() {
        assertEquals(OffsetDateTime.of(2019, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), FhirDates.of(new DateType("2019")));
    }

    @Test
    void readsAYearAndMonthAsTheFirstOfThatMonthAtMidnightUtc() {
        assertEquals(OffsetDateTime.of(2019, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC), FhirDates.of(new DateType("2019-03")));
    }

    @Test
    void readsADateAsThatDayAtMidnightUtcWithoutShifting() {
        assertEquals(OffsetDateTime.of(2019, 3, 5, 0, 0, 0, 0, ZoneOffset.UTC),
                FhirDates.of(new DateType("2019-03-05")));
    }

    @Test
    void readsADateOnlyDateTimeAsThatDayAtMidnightUtc() {
        assertEquals(OffsetDateTime.of(2019, 3, 5, 0, 0, 0, 0, ZoneOffset.UTC),
                FhirDates.of(new DateTimeType("2019-03-05")));
    }

    @Test
    void keepsTheOffsetOfADateTime() {
        OffsetDateTime read = FhirDates.of(new DateTimeType("2020-01-01T10:00:00-04:00"));

        assertEquals(OffsetDateTime.of(2020, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(-4)), read);
        assertEquals(ZoneOffset.ofHours(-4), read.getOffset());
        assertEquals(OffsetDateTime.parse("2020-01-01T14:00:00Z").toInstant(), read.toInstant());
    }

    @Test
    void keepsAUtcDateTimeInUtc() {
        assertEquals(OffsetDateTime.parse("2021-01-04T05:19:57Z"),
                FhirDates.of(new DateTimeType("2021-01-04T05:19:57+00:00")));
    }

    @Test
    void returnsNullForAnAbsentValue() {
        assertNull(FhirDates.of(null));
        assertNull(FhirDates.of(new DateTimeType()));
    }

    @Test
    void latestPicksTheLaterAndToleratesNull() {
        OffsetDateTime early = OffsetDateTime.parse("2020-01-01T00:00:00Z");
        OffsetDateTime late = OffsetDateTime.parse("2020-01-01T00:00:01Z");

        assertEquals(late, FhirDates.latest(early, late));
        assertEquals(late, FhirDates.latest(late, early));
        assertEquals(early, FhirDates.latest(null, early));
        assertEquals(early, FhirDates.latest(early, null));
        assertNull(FhirDates.latest(null, null));
    }
}
