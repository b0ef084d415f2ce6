package io.chartlens.review;

/**
 * The monitoring thresholds of one rule (or the defaults), see {@code smart-config/review/monitoring.json}.
 *
 * @param windowDays             how many days back the check looks (1 to 3660)
 * @param maxOverrideRatePercent alert when a rule version's override rate is above this (0 to 100)
 * @param minDecisions           ... and it has at least this many decisions in the window (at least 1)
 * @param maxStratumGapPoints    alert when a stratum's override rate differs from the rest's by more than this
 *                               many percentage points (0 to 100)
 * @param minStratumDecisions    ... and both the stratum and the rest have at least this many decisions
 */
public record RuleThresholds(int windowDays, double maxOverrideRatePercent, long minDecisions,
                             double maxStratumGapPoints, long minStratumDecisions) {

    public RuleThresholds {
        if (windowDays < 1 || windowDays > 3660) {
            throw new IllegalArgumentException("windowDays must be between 1 and 3660");
        }
        if (!(maxOverrideRatePercent >= 0 && maxOverrideRatePercent <= 100)) {
            throw new IllegalArgumentException("maxOverrideRatePercent must be between 0 and 100");
        }
        if (minDecisions < 1) {
            throw new IllegalArgumentException("minDecisions must be at least 1");
        }
        new StrataThresholds(maxStratumGapPoints, minStratumDecisions);
    }

    /** The stratum part, for {@link FeedbackReview#drillDown}. */
    public StrataThresholds strata() {
        return new StrataThresholds(maxStratumGapPoints, minStratumDecisions);
    }

    /**
     * True when the rate exceeds {@link #maxOverrideRatePercent} with at least {@link #minDecisions} decisions;
     * exact (overridden &times; 100 &gt; max &times; decided), so a rate of exactly the maximum does not alert.
     */
    public boolean rateAlerts(DecisionCounts counts) {
        return counts.decided() >= minDecisions && java.math.BigDecimal.valueOf(counts.overridden() * 100)
                .compareTo(java.math.BigDecimal.valueOf(maxOverrideRatePercent)
                        .multiply(java.math.BigDecimal.valueOf(counts.decided()))) > 0;
    }
}
