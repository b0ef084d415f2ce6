package io.chartlens.review;

/**
 * One stratum of a drill-down: its counts, the counts of the rest of the rule's rows (its complement), the gap
 * between their override rates and whether {@link StrataThresholds} flags it.
 *
 * @param dimension what the rows are grouped by
 * @param value     the stored value, or null for "not recorded"
 * @param counts    the stratum's outcomes
 * @param rest      the outcomes of all other rows of the rule (same version filter and range)
 * @param gapPoints the stratum's override rate minus the rest's, in percentage points
 * @param flagged   true when the gap exceeds the threshold and both sides have enough decisions
 */
public record StratumRow(StratumDimension dimension, String value, DecisionCounts counts, DecisionCounts rest,
                         double gapPoints, boolean flagged) {

    /** The label of the stratum of rows without a value. */
    public static final String NOT_RECORDED = "not recorded";

    static StratumRow of(StratumDimension dimension, String value, DecisionCounts counts, DecisionCounts total,
                         StrataThresholds thresholds) {
        DecisionCounts rest = total.minus(counts);
        return new StratumRow(dimension, value, counts, rest, StrataThresholds.gap(counts, rest),
                thresholds.flags(counts, rest));
    }

    /** The value, or {@value #NOT_RECORDED}. */
    public String label() {
        return value == null ? NOT_RECORDED : value;
    }

    public OverrideRate overrideRate() {
        return counts.overrideRate();
    }

    public OverrideRate restOverrideRate() {
        return rest.overrideRate();
    }
}
