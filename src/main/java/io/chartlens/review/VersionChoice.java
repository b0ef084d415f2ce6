package io.chartlens.review;

import java.time.Instant;

/**
 * One row of the active-version history ({@code rule_version_choice}).
 *
 * @param id       the row id
 * @param chosenAt when (UTC, microseconds)
 * @param kind     the kind of rule
 * @param ruleId   the rule
 * @param version  the version that became active
 * @param actor    who chose it (fhirUser reference)
 * @param note     activate or rollback
 * @param seqNo    1, 2, 3... within the rule
 */
public record VersionChoice(long id, Instant chosenAt, RuleKind kind, String ruleId, String version, String actor,
                            ChoiceNote note, int seqNo) {
}
