package io.chartlens.review;

/**
 * How often one override reason was given for a rule.
 *
 * @param reason     the stored reason (a code from {@code smart-config/overrides/override-reasons.json}), or null
 *                   when none was given
 * @param overridden overrides with that reason
 * @param dismissed  dismissals with that reason
 */
public record ReasonCount(String reason, long overridden, long dismissed) {

    /** The reason, or "no reason given". */
    public String label() {
        return reason == null ? "no reason given" : reason;
    }
}
