package io.chartlens.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chartlens.record.Measurement;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendTest {

    static Measurement m(String value, String day) {
        return new Measurement("hba1c", "HbA1c", new BigDecimal(value), "%", OffsetDateTime.parse(day + "T00:00:00Z"),
                Measurement.DateSource.values()[0], "Observation/" + day, null, null, false);
    }

    @Test
    void pointsSpanTheBoxWithTheHighestValueAtTheTop() {
        String points = Trend.points(List.of(m("6.0", "2024-01-01"), m("9.0", "2024-06-01"), m("7.5", "2024-12-01")));
        assertEquals("3.0,25.0 60.0,3.0 117.0,14.0", points);
    }

    @Test
    void aSingleValueIsNotATrend() {
        assertEquals("", Trend.points(List.of(m("6.0", "2024-01-01"))));
    }

    @Test
    void aFlatSeriesIsDrawnMidHeight() {
        assertEquals("3.0,14.0 117.0,14.0", Trend.points(List.of(m("7", "2024-01-01"), m("7", "2024-02-01"))));
    }
}
