package io.chartlens.record;

import java.util.List;
import java.util.Optional;

/**
 * What {@link ObservationReader} made of a patient's Observations.
 *
 * @param measurements quantities in canonical units, newest first; never null
 * @param coded        coded answers, newest first; never null
 * @param issues       Observations of known kinds that were not used, with the reason, in input order; never null
 */
public record Readings(List<Measurement> measurements, List<CodedValue> coded, List<ObservationIssue> issues) {

    public Readings {
        measurements = List.copyOf(measurements);
        coded = List.copyOf(coded);
        issues = List.copyOf(issues);
    }

    /** Every measurement of one kind, newest first. */
    public List<Measurement> measurements(String kind) {
        return measurements.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    /** The newest measurement of one kind. */
    public Optional<Measurement> latest(String kind) {
        return measurements.stream().filter(m -> m.kind().equals(kind)).findFirst();
    }

    /** The newest coded answer of one kind. */
    public Optional<CodedValue> latestCoded(String kind) {
        return coded.stream().filter(c -> c.kind().equals(kind)).findFirst();
    }
}
