package io.chartlens.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks every rule version against {@link MonitoringThresholds}: its override rate over its window, and each
 * stratum of {@link StratumDimension} against the rest of its rows. Per version, because a new version is what a
 * high rate should lead to, and its figures should not be blurred by the old one's.
 */
public final class Monitoring {

    private static final Logger LOG = Logger.getLogger(Monitoring.class.getName());

    private Monitoring() {
    }

    /**
     * The alerts as of {@code now}: rate alerts first, then stratum alerts, each in overview order. A rule version
     * is drilled into only when it has at least twice {@code minStratumDecisions} decisions (below that no stratum
     * and its complement can both reach the minimum).
     *
     * @throws ReviewUnavailableException if the log cannot be read
     */
    public static List<Alert> check(FeedbackReview review, MonitoringThresholds thresholds, Instant now) {
        List<Alert> rates = new ArrayList<>();
        List<Alert> gaps = new ArrayList<>();
        for (RuleOverview line : overviews(review, thresholds, now)) {
            RuleThresholds t = thresholds.forRule(line.rule().cardType(), line.rule().ruleId());
            if (t.rateAlerts(line.counts())) {
                rates.add(new Alert(AlertKind.OVERRIDE_RATE, line.rule(), t.windowDays(), line.overrideRate(),
                        t.maxOverrideRatePercent(), null));
            }
            if (line.counts().decided() >= 2 * t.minStratumDecisions()) {
                DrillDown drill = review.drillDown(line.rule(), TimeRange.lastDays(t.windowDays(), now), t.strata());
                for (StratumRow s : drill.flagged()) {
                    gaps.add(new Alert(AlertKind.STRATUM_GAP, line.rule(), t.windowDays(), s.overrideRate(),
                            t.maxStratumGapPoints(), s));
                }
            }
        }
        rates.addAll(gaps);
        return List.copyOf(rates);
    }

    /** Logs each alert as one WARNING line ({@link Alert#logLine()}: rule, version, figures; no PHI). */
    public static void log(List<Alert> alerts) {
        for (Alert alert : alerts) {
            LOG.log(Level.WARNING, alert.logLine());
        }
    }

    /** The overview lines of each rule over its own window (one overview query per distinct window length). */
    private static List<RuleOverview> overviews(FeedbackReview review, MonitoringThresholds thresholds,
                                                Instant now) {
        List<RuleOverview> lines = new ArrayList<>();
        Set<Integer> windows = new TreeSet<>();
        windows.add(thresholds.defaults().windowDays());
        thresholds.rules().values().forEach(t -> windows.add(t.windowDays()));
        for (int days : windows) {
            for (RuleOverview line : review.overview(TimeRange.lastDays(days, now))) {
                if (thresholds.forRule(line.rule().cardType(), line.rule().ruleId()).windowDays() == days) {
                    lines.add(line);
                }
            }
        }
        lines.sort(Comparator.comparing((RuleOverview l) -> l.rule().cardType())
                .thenComparing(l -> l.rule().ruleId()).thenComparing(l -> l.rule().ruleVersion()));
        return lines;
    }
}
