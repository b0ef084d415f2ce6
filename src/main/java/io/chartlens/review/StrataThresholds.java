package io.chartlens.review;

import java.math.BigDecimal;

/**
 * When a stratum's override rate is flagged as different from the rest of the rule's rows: the gap is larger than
 * {@code gapPoints} percentage points AND both the stratum and the rest have at least {@code minDecisions} decisions
 * (so small numbers are not over-read). The comparison is exact (integer arithmetic, no rounding): a gap of exactly
 * {@code gapPoints} is not flagged.
 *
 * @param gapPoints    0 to 100 percentage points
 * @param minDecisions at least 1
 */
public record StrataThresholds(double gapPoints, long minDecisions) {

    public StrataThresholds {
        if (!(gapPoints >= 0 && gapPoints <= 100)) {
            throw new IllegalArgumentException("gapPoints must be between 0 and 100");
        }
        if (minDecisions < 1) {
            throw new IllegalArgumentException("minDecisions must be at least 1");
        }
    }

    /** True when the group's rate differs from the rest's by more than {@link #gapPoints} and both are big enough. */
    public boolean flags(DecisionCounts group, DecisionCounts rest) {
        long dg = group.decided();
        long dr = rest.decided();
        if (dg < minDecisions || dr < minDecisions) {
            return false;
        }
        // |og/dg - or/dr| * 100 > gap  <=>  |og*dr - or*dg| * 100 > gap * dg * dr
        BigDecimal lhs = BigDecimal.valueOf(Math.abs(Math.multiplyExact(group.overridden(), dr)
                - Math.multiplyExact(rest.overridden(), dg))).multiply(BigDecimal.valueOf(100));
        BigDecimal rhs = BigDecimal.valueOf(gapPoints).multiply(BigDecimal.valueOf(dg))
                .multiply(BigDecimal.valueOf(dr));
        return lhs.compareTo(rhs) > 0;
    }

    /** The group's rate minus the rest's, in percentage points (0 when either has no decisions). */
    public static double gap(DecisionCounts group, DecisionCounts rest) {
        if (group.decided() == 0 || rest.decided() == 0) {
            return 0;
        }
        return (group.overrideRate().rate() - rest.overrideRate().rate()) * 100;
    }
}
