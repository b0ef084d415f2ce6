package io.chartlens.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The weekly override rate as a server-drawn SVG line (no script): x is the week, y the rate from 0 to 100 %; a week
 * without decisions breaks the line instead of being drawn as 0 %. The page shows the same figures in a table, which
 * is what screen readers are pointed to.
 *
 * @param width   the drawing's width in SVG units
 * @param height  its height
 * @param lines   polyline point lists, one per run of weeks with decisions
 * @param points  the points, with the week's label for their titles
 * @param gridY   y positions of the 0, 25, 50, 75 and 100 % grid lines
 */
public record TrendChart(int width, int height, List<String> lines, List<Point> points, List<Double> gridY) {

    static final int WIDTH = 640;
    static final int HEIGHT = 160;
    private static final int PAD = 8;

    /** One week with decisions. */
    public record Point(double x, double y, String label) {
    }

    public static TrendChart of(List<WeekCounts> weeks) {
        List<String> lines = new ArrayList<>();
        List<Point> points = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int n = weeks.size();
        for (int i = 0; i < n; i++) {
            WeekCounts w = weeks.get(i);
            OverrideRate rate = w.overrideRate();
            if (!rate.defined()) {
                flush(run, lines);
                continue;
            }
            double x = n == 1 ? WIDTH / 2.0 : PAD + (WIDTH - 2.0 * PAD) * i / (n - 1);
            double y = PAD + (HEIGHT - 2.0 * PAD) * (1 - rate.rate());
            run.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            points.add(new Point(round(x), round(y), String.format(Locale.ROOT, "%s: %.0f %% of %d", w.isoWeek(),
                    rate.percent(), rate.decided())));
        }
        flush(run, lines);
        List<Double> grid = new ArrayList<>();
        for (int p = 0; p <= 100; p += 25) {
            grid.add(round(PAD + (HEIGHT - 2.0 * PAD) * (1 - p / 100.0)));
        }
        return new TrendChart(WIDTH, HEIGHT, lines, points, grid);
    }

    private static void flush(StringBuilder run, List<String> lines) {
        if (!run.isEmpty()) {
            lines.add(run.toString().strip());
            run.setLength(0);
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
