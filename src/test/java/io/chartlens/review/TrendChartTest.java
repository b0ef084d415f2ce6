package io.chartlens.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendChartTest {

    private static WeekCounts week(int day, long accepted, long overridden) {
        return new WeekCounts(LocalDate.of(2026, 1, 5).plusWeeks(day), new DecisionCounts(accepted, overridden, 0, 0),
                0);
    }

    @Test
    void aWeekWithCardsShownButNoDecisionsStillBreaksTheLine() {
        WeekCounts shownOnly = new WeekCounts(LocalDate.of(2026, 1, 12), DecisionCounts.NONE, 9);
        TrendChart chart = TrendChart.of(List.of(week(0, 1, 1), shownOnly, week(2, 0, 2)));
        assertEquals(2, chart.lines().size(), "the override rate is among decisions; cards shown are not decisions");
        assertEquals(2, chart.points().size());
    }

    @Test
    void aWeekWithoutDecisionsBreaksTheLineInsteadOfDrawingZero() {
        TrendChart chart = TrendChart.of(List.of(week(0, 1, 1), week(1, 0, 0), week(2, 0, 2), week(3, 2, 0)));
        assertEquals(2, chart.lines().size(), "two runs around the empty week");
        assertEquals(3, chart.points().size());
        // x from 8 to 632 over 4 weeks; y: 50 % -> 80, 100 % -> 8, 0 % -> 152
        assertEquals(new TrendChart.Point(8.0, 80.0, "2026-W02: 50 % of 2"), chart.points().get(0));
        assertEquals(new TrendChart.Point(424.0, 8.0, "2026-W04: 100 % of 2"), chart.points().get(1));
        assertEquals(new TrendChart.Point(632.0, 152.0, "2026-W05: 0 % of 2"), chart.points().get(2));
        assertEquals("424.0,8.0 632.0,152.0", chart.lines().get(1));
        assertEquals(List.of(152.0, 116.0, 80.0, 44.0, 8.0), chart.gridY(), "0 % at the bottom to 100 % at the top");
    }

    @Test
    void noDecisionsNoLine() {
        assertEquals(List.of(), TrendChart.of(List.of(week(0, 0, 0))).points());
        assertEquals(List.of(), TrendChart.of(List.of()).lines());
    }
}
