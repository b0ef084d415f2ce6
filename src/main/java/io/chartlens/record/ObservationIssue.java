package io.chartlens.record;

/**
 * An Observation of a known kind that ChartLens did not use, and why. Observations of unknown codes are not issues:
 * they are ignored.
 *
 * @param source {@code Observation/{id}}; never null
 * @param kind   the {@link ObservationKind#kind()} id; null when the problem is not tied to one kind
 * @param reason plain words, for example "status entered-in-error" or "unit 'foo' is not a UCUM unit"; never null
 */
public record ObservationIssue(String source, String kind, String reason) {
}
