package io.chartlens.risk;

/** The outcome of a computation. Only {@link #OK} has a final value; every other status says why not. */
public enum ScoreStatus {
    /** all inputs present and valid: the value is final */
    OK,
    /** an input needed for the final score is missing: partial points are shown with what is missing, no total */
    INCOMPLETE,
    /** an equation-based score (PCE) cannot be computed because a required input is missing */
    NOT_COMPUTABLE,
    /** inputs outside the score's validated ranges (PCE: age 40–79, TC 130–320, HDL 20–100, SBP 90–200) */
    OUT_OF_RANGE,
    /** a physiologically impossible value */
    INVALID_INPUT,
    /** the patient is outside the score's population (e.g. PCE with known ASCVD) */
    NOT_APPLICABLE;

    /** The JSON API's spelling: lower snake case. */
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
