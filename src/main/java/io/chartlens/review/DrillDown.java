package io.chartlens.review;

import java.util.List;

/**
 * A rule's (or one version's) decisions broken down by override reason and by each {@link StratumDimension}, with
 * the strata whose override rate differs from the rest flagged.
 *
 * @param rule       the rule (version null = all versions)
 * @param range      the time range
 * @param thresholds the flagging thresholds used
 * @param total      the outcomes of all the rule's rows in the range
 * @param reasons    overrides and dismissals per reason, most frequent first
 * @param strata     every stratum of every dimension, in dimension order; within one, age bands youngest first,
 *                   other values alphabetically, "not recorded" last
 */
public record DrillDown(RuleKey rule, TimeRange range, StrataThresholds thresholds, DecisionCounts total,
                        List<ReasonCount> reasons, List<StratumRow> strata) {

    public DrillDown {
        reasons = List.copyOf(reasons);
        strata = List.copyOf(strata);
    }

    /** The strata of one dimension. */
    public List<StratumRow> strata(StratumDimension dimension) {
        return strata.stream().filter(s -> s.dimension() == dimension).toList();
    }

    /** The flagged strata, in the order of {@link #strata()}. */
    public List<StratumRow> flagged() {
        return strata.stream().filter(StratumRow::flagged).toList();
    }
}
