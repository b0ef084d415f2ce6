package io.chartlens.risk;

/**
 * A published risk score: its definition (data, from {@code smart-config/scores/<id>.json}) and its arithmetic (this
 * Java). Implementations are pure functions of their inputs: no I/O, no clock, thread-safe.
 */
public interface RiskScore {

    /** The score id, e.g. {@code cha2ds2vasc}. */
    String id();

    /** The definition this calculator was built from (version, citation, input names, thresholds, bands). */
    ScoreDefinition definition();

    /**
     * Computes the score. Never throws for clinical data: missing, impossible or out-of-range inputs are a status.
     * Unknown input names are rejected earlier, by the API boundary, using {@link ScoreDefinition#inputNames()}.
     */
    ScoreResult compute(ScoreInputs inputs);
}
