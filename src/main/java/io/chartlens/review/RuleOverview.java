package io.chartlens.review;

import java.time.Instant;

/**
 * One line of the overview: a rule version's cards shown, decisions and override rate.
 *
 * @param rule    card type, rule id and version (never null)
 * @param counts  the outcomes ({@link DecisionCounts#NONE} for a version shown but not decided on)
 * @param shown   the cards shown in the range (0 also when none were recorded: see {@link #response()})
 * @param firstAt the earliest decision in the range, or null when none
 * @param lastAt  the latest decision in the range, or null when none
 */
public record RuleOverview(RuleKey rule, DecisionCounts counts, long shown, Instant firstAt, Instant lastAt) {

    /** Override rate among decisions: overridden / decided. */
    public OverrideRate overrideRate() {
        return counts.overrideRate();
    }

    /** Decided / shown, and whether "shown" was recorded at all. */
    public ResponseRate response() {
        return new ResponseRate(counts.decided(), shown);
    }
}
