package io.chartlens.summary;

import io.chartlens.record.Measurement;
import io.chartlens.record.PatientRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The last few values of one measurement as a small sparkline drawn on the server (an SVG polyline, no script),
 * with the same values in words for screen readers and for anyone who prefers numbers. Nothing is drawn for fewer
 * than two values: a single point is not a trend.
 *
 * @param label       what is measured, with its unit
 * @param points      the SVG polyline points ("x,y x,y …"), oldest first; empty when there is no trend to draw
 * @param description the values in words, oldest first, with their dates
 * @param latest      the latest value with its unit, or null when there is none
 * @param source      the latest value's FHIR resource, or null
 */
public record Trend(String label, String points, String description, String latest, String source) {

    static final int WIDTH = 120;
    static final int HEIGHT = 28;
    static final int PAD = 3;
    static final int MAX_POINTS = 8;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** Trends for blood pressure (systolic), HbA1c and eGFR: the ones a hospitalist reads as a trend. */
    public static List<Trend> of(PatientRecord record) {
        List<Trend> trends = new ArrayList<>();
        trend(record, "systolicBp", "Systolic BP").ifPresent(trends::add);
        trend(record, "hba1c", "HbA1c").ifPresent(trends::add);
        trend(record, "egfr", "eGFR").ifPresent(trends::add);
        return List.copyOf(trends);
    }

    static java.util.Optional<Trend> trend(PatientRecord record, String kind, String name) {
        List<Measurement> newestFirst = record.history(kind, MAX_POINTS).stream()
                .filter(m -> m.value() != null && m.effective() != null).toList();
        if (newestFirst.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<Measurement> values = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(values);
        Measurement last = newestFirst.get(0);
        String unit = last.unit() == null ? "" : " " + last.unit();
        List<String> words = new ArrayList<>();
        for (Measurement m : values) {
            words.add(plain(m.value()) + unit + " (" + DAY.format(m.effective()) + ")");
        }
        String description = name + ", oldest to newest: " + String.join(", ", words) + ".";
        return java.util.Optional.of(new Trend(name, points(values), description,
                plain(last.value()) + unit, last.source()));
    }

    /** Evenly spaced points scaled to the box; a flat series is drawn mid-height. */
    static String points(List<Measurement> values) {
        if (values.size() < 2) {
            return "";
        }
        BigDecimal min = values.stream().map(Measurement::value).min(BigDecimal::compareTo).orElseThrow();
        BigDecimal max = values.stream().map(Measurement::value).max(BigDecimal::compareTo).orElseThrow();
        double span = max.subtract(min).doubleValue();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            double x = PAD + (WIDTH - 2.0 * PAD) * i / (values.size() - 1);
            double y = span == 0 ? HEIGHT / 2.0
                    : PAD + (HEIGHT - 2.0 * PAD) * (1 - values.get(i).value().subtract(min).doubleValue() / span);
            if (i > 0) {
                out.append(' ');
            }
            out.append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        return out.toString();
    }

    private static String plain(BigDecimal v) {
        BigDecimal scaled = v.abs().compareTo(BigDecimal.TEN) >= 0 ? v.setScale(0, RoundingMode.HALF_UP)
                : v.setScale(1, RoundingMode.HALF_UP);
        return scaled.stripTrailingZeros().toPlainString();
    }
}
