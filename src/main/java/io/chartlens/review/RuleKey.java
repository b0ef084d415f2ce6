package io.chartlens.review;

import io.chartlens.overrides.CardType;
import java.util.Objects;

/**
 * What produced a card: its card type and rule id (a score, measure or PlanDefinition id; the type is part of the
 * key because ids repeat across catalogs, e.g. {@code statin} is both a measure and a bundle) and, optionally, the
 * rule's version.
 *
 * @param cardType    required
 * @param ruleId      required, at most 100 characters (as {@code feedback_event.rule_id})
 * @param ruleVersion one version, or null for all versions of the rule; at most 40 characters
 */
public record RuleKey(CardType cardType, String ruleId, String ruleVersion) {

    public RuleKey {
        Objects.requireNonNull(cardType, "cardType is required");
        if (ruleId == null || ruleId.isBlank() || ruleId.length() > 100) {
            throw new IllegalArgumentException("ruleId is required (at most 100 characters)");
        }
        ruleId = ruleId.strip();
        ruleVersion = ruleVersion == null || ruleVersion.isBlank() ? null : ruleVersion.strip();
        if (ruleVersion != null && ruleVersion.length() > 40) {
            throw new IllegalArgumentException("ruleVersion is longer than 40 characters");
        }
    }

    /** All versions of a rule. */
    public static RuleKey of(CardType cardType, String ruleId) {
        return new RuleKey(cardType, ruleId, null);
    }

    /** True when this key stands for every version of the rule. */
    public boolean allVersions() {
        return ruleVersion == null;
    }

    /** The same rule, every version. */
    public RuleKey withoutVersion() {
        return new RuleKey(cardType, ruleId, null);
    }

    /** E.g. {@code SCORE news2 1.0.0} or {@code SCORE news2 (all versions)}; no PHI. */
    @Override
    public String toString() {
        return cardType + " " + ruleId + " " + (ruleVersion == null ? "(all versions)" : ruleVersion);
    }
}
