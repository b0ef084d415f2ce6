package io.chartlens.review;

/** What a monitoring alert is about. */
public enum AlertKind {
    /** A rule version's override rate is above its maximum, with enough decisions. */
    OVERRIDE_RATE,
    /** A stratum's override rate differs from the rest of the rule version's rows by more than the maximum gap. */
    STRATUM_GAP
}
