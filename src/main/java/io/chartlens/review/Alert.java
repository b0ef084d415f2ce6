package io.chartlens.review;

import java.util.Locale;

/**
 * One monitoring alert on a rule version over the last {@code windowDays} days. Holds figures only: rule, version,
 * counts, rates, stratum labels (a group such as an age band, never a person).
 *
 * @param kind       what is wrong
 * @param rule       the rule and version
 * @param windowDays the window the figures cover
 * @param rate       the rule version's override rate in the window (for {@link AlertKind#OVERRIDE_RATE}), or the
 *                   stratum's (for {@link AlertKind#STRATUM_GAP})
 * @param threshold  the maximum that was exceeded: a rate in percent, or a gap in percentage points
 * @param stratum    the flagged stratum with its complement, for {@link AlertKind#STRATUM_GAP}; null otherwise
 */
public record Alert(AlertKind kind, RuleKey rule, int windowDays, OverrideRate rate, double threshold,
                    StratumRow stratum) {

    /** One line for the log and the page: rule, version and figures only (no PHI). */
    public String logLine() {
        String prefix = "Monitoring alert " + kind + " " + rule.cardType() + " " + rule.ruleId() + " "
                + rule.ruleVersion() + ": ";
        if (kind == AlertKind.OVERRIDE_RATE) {
            return prefix + String.format(Locale.ROOT, "override rate %.1f %% (95 %% CI %s) of %d decisions in %d "
                    + "days, above the maximum %.1f %%", rate.percent(), rate.intervalText(), rate.decided(),
                    windowDays, threshold);
        }
        OverrideRate rest = stratum.restOverrideRate();
        return prefix + String.format(Locale.ROOT, "%s %s override rate %.1f %% of %d decisions vs %.1f %% of %d "
                + "for the rest, gap %+.1f points in %d days, above the maximum %.1f points",
                stratum.dimension().label().toLowerCase(Locale.ROOT), stratum.label(), rate.percent(), rate.decided(),
                rest.percent(), rest.decided(), stratum.gapPoints(), windowDays, threshold);
    }
}
