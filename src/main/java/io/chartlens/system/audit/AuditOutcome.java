package io.chartlens.system.audit;

/** How an access ended. Stored by name (at most 20 characters), so never rename a constant. */
public enum AuditOutcome {
    /** Every requested resource type was obtained. */
    SUCCESS,
    /** Some resource types were obtained and some were not (the detail says which, without PHI). */
    PARTIAL,
    /** Nothing was obtained or shown. */
    FAILURE
}
