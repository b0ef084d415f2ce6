package io.chartlens.review;

import java.time.Instant;

/**
 * One line of the overview: a rule version's counts and override rate.
 *
 * @param rule    card type, rule id and version (never null)
 * @param counts  the outcomes
 * @param firstAt the earliest row in the range
 * @param lastAt  the latest row in the range
 */
public record RuleOverview(RuleKey rule, DecisionCounts counts, Instant firstAt, Instant lastAt) {

    public OverrideRate overrideRate() {
        return counts.overrideRate();
    }
}
