package io.chartlens.review;

/** The kinds of configurable rule whose active version can be chosen. Stored by name, so never rename one. */
public enum RuleKind {
    /** A score of {@code smart-config/scores}. */
    SCORE,
    /** A care-gap Measure of {@code smart-config/measures}. */
    MEASURE,
    /** A bundle PlanDefinition of {@code smart-config/bundles}. */
    BUNDLE,
    /** An AI summary prompt. */
    PROMPT
}
