package io.chartlens.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Decisions per card shown, and "not recorded" as something other than 0. */
class ResponseRateTest {

    @Test
    void decisionsWithoutCardsShownAreNotRecordedRatherThanZero() {
        ResponseRate history = new ResponseRate(12, 0);
        assertFalse(history.recorded());
        assertFalse(history.defined());
        assertEquals("not recorded", history.shownText());
        assertEquals("not recorded", history.text());
    }

    @Test
    void nothingShownAndNothingDecidedIsZero() {
        ResponseRate none = new ResponseRate(0, 0);
        assertTrue(none.recorded());
        assertEquals("0", none.shownText());
        assertEquals("–", none.text());
    }

    @Test
    void cardsShownWithoutDecisionsIsZeroPercent() {
        assertEquals("0 %", new ResponseRate(0, 7).text());
        assertEquals("7", new ResponseRate(0, 7).shownText());
    }

    @Test
    void isDecidedOverShownAndMayExceedAHundredPercent() {
        assertEquals(60.0, new ResponseRate(3, 5).percent(), 1e-12);
        assertEquals("60 %", new ResponseRate(3, 5).text());
        assertEquals("150 %", new ResponseRate(3, 2).text(), "a changed decision adds a decision, not a card");
    }
}
