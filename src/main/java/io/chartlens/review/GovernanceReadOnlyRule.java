package io.chartlens.review;

/**
 * A versioned rule whose version cannot be switched at run time (care-gap measures, the AI summary prompt), shown
 * read-only on the admin page with the reason.
 *
 * @param kind    measure or prompt
 * @param id      its id
 * @param name    its display name
 * @param version the version in use
 * @param reason  why it cannot be switched here, and how it changes instead
 */
public record GovernanceReadOnlyRule(RuleKind kind, String id, String name, String version, String reason) {
}
