package io.chartlens.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The Wilson score interval against figures computed by hand, z = 1.959964:
 * centre = (p + z²/2n) / (1 + z²/n), half = z·sqrt(p(1-p)/n + z²/4n²) / (1 + z²/n).
 */
class WilsonIntervalTest {

    private static final double EPS = 1e-6;

    @Test
    void noneOfTen() {
        // p = 0, z²/n = 0.384146: centre = 0.192073 / 1.384146 = 0.138767, half = 0.138767 -> [0, 0.277533]
        assertInterval(0.0, 0.277533, WilsonInterval.of(0, 10));
    }

    @Test
    void fiveOfTen() {
        // p = 0.5: centre 0.5, half = 1.959964 * sqrt(0.025 + 0.0096036) / 1.384146 = 0.263407 -> [0.236593, 0.763407]
        assertInterval(0.236593, 0.763407, WilsonInterval.of(5, 10));
    }

    @Test
    void tenOfTen() {
        // the mirror image of 0/10 -> [0.722467, 1]
        assertInterval(0.722467, 1.0, WilsonInterval.of(10, 10));
    }

    @Test
    void fortyFiveOfAHundred() {
        // p = 0.45, z²/n = 0.0384146: centre = 0.469207 / 1.038415 = 0.451850,
        // half = 1.959964 * sqrt(0.002475 + 0.0000960) / 1.038415 = 0.095705 -> [0.356145, 0.547554]
        assertInterval(0.356145, 0.547554, WilsonInterval.of(45, 100));
    }

    @Test
    void oneOfOneIsNotAPoint() {
        // the Wald interval would be [1, 1]; Wilson: [0.206549, 1]
        assertInterval(0.206549, 1.0, WilsonInterval.of(1, 1));
    }

    @Test
    void noTrialsIsUnknownAndBadCountsAreRefused() {
        assertEquals(WilsonInterval.UNKNOWN, WilsonInterval.of(0, 0));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(3, 2));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(-1, 2));
    }

    @Test
    void theOverrideRateLeavesInputCorrectionsOut() {
        DecisionCounts counts = new DecisionCounts(40, 45, 15, 500);
        assertEquals(100, counts.decided());
        OverrideRate rate = counts.overrideRate();
        assertEquals(0.45, rate.rate(), EPS);
        assertInterval(0.356145, 0.547554, rate.interval());
        assertEquals("35.6–54.8 %", rate.intervalText());

        OverrideRate none = new DecisionCounts(0, 0, 0, 7).overrideRate();
        assertFalse(none.defined());
        assertEquals("no decisions", none.intervalText());
        assertTrue(counts.overrideRate().defined());
    }

    private static void assertInterval(double lower, double upper, WilsonInterval actual) {
        assertEquals(lower, actual.lower(), EPS, "lower");
        assertEquals(upper, actual.upper(), EPS, "upper");
    }
}
