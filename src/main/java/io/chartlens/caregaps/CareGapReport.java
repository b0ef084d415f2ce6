package io.chartlens.caregaps;

import java.util.Comparator;
import java.util.List;

/**
 * All care gaps for one patient's record.
 *
 * @param period             the measurement period (the twelve months ending on the record's reference date)
 * @param gaps               one per configured measure, most urgent first
 * @param incompleteSections record sections that did not load completely: every status may be wrong, and the page
 *                           says so
 */
public record CareGapReport(MeasurementPeriod period, List<CareGap> gaps, List<String> incompleteSections) {

    public CareGapReport {
        gaps = gaps.stream().sorted(Comparator.comparingInt((CareGap g) -> g.status().urgency())).toList();
        incompleteSections = List.copyOf(incompleteSections);
    }

    public List<CareGap> withStatus(CareGapStatus status) {
        return gaps.stream().filter(g -> g.status() == status).toList();
    }

    public boolean complete() {
        return incompleteSections.isEmpty();
    }
}
