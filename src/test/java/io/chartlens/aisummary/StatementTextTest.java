package io.chartlens.aisummary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which numbers of a text are values, and how values are compared and shown. */
class StatementTextTest {

    @Test
    void readsValuesButNotDigitsInsideNamesOrOrdinals() {
        assertEquals(values("7.9", "120", "80", "10", "3"),
                StatementText.values("HbA1c 7.9 %, BP 120/80 mm[Hg], CHA2DS2-VASc, NEWS2, SpO2, 3rd, 10*3/uL"));
        assertEquals(values("500"), StatementText.values("Metformin\u200B 500 MG, CMS130v12, COVID-19, kg/m2"));
        assertEquals(values("1", "200"), StatementText.values("1,200"));
    }

    @Test
    void aStatementsTimeSpansListMarkersAndDatesAreNotClaimedValues() {
        assertEquals(values("8.1"), StatementText.claimedValues(
                "2) HbA1c 8.1 % 12 d before, 3 days ago, in 30 d, within the last 6 months, past 2 y, a 10-year risk"));
        assertEquals(values("5"), StatementText.claimedValues("Admitted for 5 days"));
        assertEquals(List.of("2021-01-04"), StatementText.claimedDates("Seen on 2021-01-04T10:00:00Z."));
        assertEquals(List.of(), StatementText.claimedValues("Seen on 2021-01-04T10:00:00Z."));
    }

    @Test
    void normalisesSignAndTrailingZeros() {
        assertEquals(new BigDecimal("132"), StatementText.normalise(new BigDecimal("132.00")));
        assertEquals(new BigDecimal("132"), StatementText.normalise(new BigDecimal("-132.0")));
        assertEquals(new BigDecimal("1200"), StatementText.normalise(new BigDecimal("1.2E+3")));
        assertEquals(new BigDecimal("0"), StatementText.normalise(new BigDecimal("0.000")));
    }

    @Test
    void showsLongDecimalsRoundedToThreeSignificantDigits() {
        assertEquals("1.51", StatementText.readable(new BigDecimal("1.5147929809227465")));
        assertEquals("68.3", StatementText.readable(new BigDecimal("68.31953394776104")));
        assertEquals("1235", StatementText.readable(new BigDecimal("1234.5678")));
        assertEquals("7.25", StatementText.readable(new BigDecimal("7.25")));
        assertEquals("132.00", StatementText.readable(new BigDecimal("132.00")));
    }

    private static List<BigDecimal> values(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).map(StatementText::normalise).toList();
    }
}
