package io.chartlens.aisummary;

import java.util.List;

/**
 * The outcome of verifying a summary: the statements its citations support, in their original order, and the ones
 * dropped, each with its reason.
 *
 * @param kept    statements that passed every check; never null
 * @param dropped statements that failed a check; never null
 */
public record Verification(List<CitedStatement> kept, List<DroppedStatement> dropped) {

    public Verification {
        kept = List.copyOf(kept);
        dropped = List.copyOf(dropped);
    }

    /** True when nothing was dropped. */
    public boolean allKept() {
        return dropped.isEmpty();
    }
}
