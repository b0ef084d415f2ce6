package io.chartlens.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped {@code smart-config/record/freshness.json}, read from the working directory (the repository). */
class FreshnessTest {

    private static final Path FILE = Path.of("smart-config/record/freshness.json");
    private static String json;
    private static Freshness freshness;

    @BeforeAll
    static void readShippedFile() throws IOException {
        json = Files.readString(FILE, StandardCharsets.UTF_8);
        freshness = new Freshness(json);
    }

    private static ReferenceDate at(String instant) {
        return new ReferenceDate(Instant.parse(instant), ReferenceDate.Mode.NOW);
    }

    private static OffsetDateTime t(String text) {
        return OffsetDateTime.parse(text);
    }

    @Test
    void readsTheVersion() {
        assertEquals("1.0.0", freshness.version());
    }

    @Test
    void aVitalSignIsFreshFor24Hours() {
        OffsetDateTime taken = t("2021-01-04T05:00:00Z");

        assertFalse(freshness.isStale("systolicBp", taken, at("2021-01-05T04:00:00Z")), "23 h");
        assertFalse(freshness.isStale("systolicBp", taken, at("2021-01-05T05:00:00Z")), "exactly 24 h");
        assertTrue(freshness.isStale("systolicBp", taken, at("2021-01-05T06:00:00Z")), "25 h");
        assertTrue(freshness.isStale("heartRate", taken, at("2021-01-05T06:00:00Z")), "25 h");
    }

    @Test
    void comparesInstantsWhateverTheOffset() {
        OffsetDateTime taken = t("2021-01-04T05:00:00-04:00"); // 09:00Z

        assertFalse(freshness.isStale("systolicBp", taken, at("2021-01-05T08:00:00Z")), "23 h");
        assertTrue(freshness.isStale("systolicBp", taken, at("2021-01-05T10:00:00Z")), "25 h");
    }

    @Test
    void aOneYearLabLimitIsACalendarYear() {
        // 2019-06-01 + P1Y = 2020-06-01; 366 days because 2020 is a leap year.
        OffsetDateTime taken = t("2019-06-01T00:00:00Z");

        assertFalse(freshness.isStale("hba1c", taken, at("2020-05-31T12:00:00Z")), "more than 365 days, within P1Y");
        assertFalse(freshness.isStale("hba1c", taken, at("2020-06-01T00:00:00Z")), "exactly P1Y");
        assertTrue(freshness.isStale("hba1c", taken, at("2020-06-01T00:00:01Z")), "one second over P1Y");
    }

    @Test
    void anUnknownKindUsesTheDefaultLimit() {
        OffsetDateTime taken = t("2019-06-01T00:00:00Z");

        assertFalse(freshness.isStale("notAKind", taken, at("2020-06-01T00:00:00Z")));
        assertTrue(freshness.isStale("notAKind", taken, at("2020-06-01T00:00:01Z")));
    }

    @Test
    void aValueWithoutDateIsStale() {
        assertTrue(freshness.isStale("systolicBp", null, at("2021-01-05T04:00:00Z")));
        assertTrue(freshness.isStale("totalCholesterol", null, at("2021-01-05T04:00:00Z")));
    }

    @Test
    void describesAges() {
        ReferenceDate ref = at("2021-01-04T12:00:00Z");

        assertEquals("just now", Freshness.age(t("2021-01-04T11:59:30Z"), ref));
        assertEquals("just now", Freshness.age(t("2021-01-04T12:00:00Z"), ref));
        assertEquals("5 min ago", Freshness.age(t("2021-01-04T11:55:00Z"), ref));
        assertEquals("59 min ago", Freshness.age(t("2021-01-04T11:00:01Z"), ref));
        assertEquals("3 h ago", Freshness.age(t("2021-01-04T09:00:00Z"), ref));
        assertEquals("47 h ago", Freshness.age(t("2021-01-02T13:00:00Z"), ref));
        assertEquals("4 d ago", Freshness.age(t("2020-12-31T12:00:00Z"), ref));
        assertEquals("7 mo ago", Freshness.age(t("2020-06-04T12:00:00Z"), ref));
        assertEquals("2 y ago", Freshness.age(t("2018-11-04T12:00:00Z"), ref));
        assertEquals("date unknown", Freshness.age(null, ref));
    }

    @Test
    void describesAgesAcrossOffsets() {
        ReferenceDate ref = at("2021-01-04T12:00:00Z");

        assertEquals("3 h ago", Freshness.age(t("2021-01-04T05:00:00-04:00"), ref));
    }

    @Test
    void saysWhenADateIsAfterTheReference() {
        ReferenceDate ref = at("2021-01-04T12:00:00Z");

        assertEquals("dated after the reference date", Freshness.age(t("2021-01-10T12:00:00Z"), ref));
        assertEquals("just now", Freshness.age(t("2021-01-04T12:03:00Z"), ref), "clock skew of a few minutes");
    }

    @Test
    void refusesAnInvalidDurationAtConstructionNamingTheFile() {
        String broken = json.replace("\"systolicBp\": \"PT24H\"", "\"systolicBp\": \"24 hours\"");
        assertNotEquals(json, broken, "the shipped file has systolicBp PT24H");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Freshness(broken));

        assertTrue(e.getMessage().startsWith("record/freshness.json is invalid: "), e.getMessage());
    }

    @Test
    void refusesAnInvalidDefaultLimit() {
        String broken = json.replace("\"defaultLimit\": \"P1Y\"", "\"defaultLimit\": \"one year\"");
        assertNotEquals(json, broken);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Freshness(broken));

        assertTrue(e.getMessage().startsWith("record/freshness.json is invalid: "), e.getMessage());
    }
}
