package io.chartlens.review;

/**
 * How many feedback rows of each outcome a group holds. What-if input corrections ({@code INPUT_CORRECTED}) are
 * counted apart: they are corrections of a score's inputs, not decisions on a card.
 */
public record DecisionCounts(long accepted, long overridden, long dismissed, long inputCorrected) {

    public static final DecisionCounts NONE = new DecisionCounts(0, 0, 0, 0);

    public DecisionCounts {
        if (accepted < 0 || overridden < 0 || dismissed < 0 || inputCorrected < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /** Cards decided: accepted + overridden + dismissed. */
    public long decided() {
        return accepted + overridden + dismissed;
    }

    /** overridden / decided, with its Wilson interval. */
    public OverrideRate overrideRate() {
        return OverrideRate.of(overridden, decided());
    }

    public DecisionCounts plus(DecisionCounts other) {
        return new DecisionCounts(accepted + other.accepted, overridden + other.overridden,
                dismissed + other.dismissed, inputCorrected + other.inputCorrected);
    }

    /** These counts less a part of them (e.g. a group's complement: all rows less the group's). */
    public DecisionCounts minus(DecisionCounts part) {
        return new DecisionCounts(accepted - part.accepted, overridden - part.overridden,
                dismissed - part.dismissed, inputCorrected - part.inputCorrected);
    }
}
