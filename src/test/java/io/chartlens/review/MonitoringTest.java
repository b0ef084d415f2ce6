package io.chartlens.review;

import static io.chartlens.overrides.FeedbackOutcome.ACCEPTED;
import static io.chartlens.overrides.FeedbackOutcome.OVERRIDDEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.ParseException;
import io.chartlens.overrides.CardType;
import io.chartlens.overrides.FeedbackOutcome;
import io.chartlens.overrides.PatientStrata;
import io.chartlens.testsupport.CapturedLog;
import io.chartlens.testsupport.Cleanups;
import io.chartlens.testsupport.WorkingTreeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** smart-config/review/monitoring.json and the alerts it raises, on H2 and PostgreSQL. */
class MonitoringTest {

    private static final Instant NOW = Instant.parse("2026-07-01T00:00:00Z");

    @TempDir
    Path dir;

    @RegisterExtension
    final Cleanups cleanups = new Cleanups();

    @Test
    void theCommittedFileHasDefaultsAndAPerRuleEntry() throws Exception {
        MonitoringThresholds t = committed();
        assertEquals(new RuleThresholds(30, 60, 30, 15, 20), t.defaults());
        assertEquals(new RuleThresholds(30, 75, 30, 15, 20), t.forRule(CardType.CARE_GAP, "flu"));
        assertEquals(t.defaults(), t.forRule(CardType.BUNDLE, "flu"), "the card type is part of the key");
    }

    @Test
    void aBadFileFailsWithTheReason() {
        String defaults = "\"defaults\": {\"windowDays\": 30, \"maxOverrideRatePercent\": 60, \"minDecisions\": 30,"
                + " \"maxStratumGapPoints\": 15, \"minStratumDecisions\": 20}";
        assertFails("{\"defaults\": {\"windowDays\": 30}}", "review/monitoring.json: defaults needs "
                + "maxOverrideRatePercent");
        assertFails("{" + defaults.replace("60", "160") + "}", "review/monitoring.json: defaults: "
                + "maxOverrideRatePercent must be between 0 and 100");
        assertFails("{" + defaults.replace("30,", "30.5,") + "}", "review/monitoring.json: defaults: windowDays "
                + "must be a whole number");
        assertFails("{" + defaults + ", \"rules\": [{\"cardType\": \"SCORE\", \"ruleId\": \"x\", \"maxRate\": 1}]}",
                "review/monitoring.json: rule SCORE/x has unknown field \"maxRate\"");
        assertFails("{" + defaults + ", \"rules\": [{\"cardType\": \"ALERT\", \"ruleId\": \"x\"}]}",
                "review/monitoring.json: unknown cardType \"ALERT\"");
        assertFails("{" + defaults + ", \"rules\": [{\"cardType\": \"SCORE\", \"ruleId\": \"x\"},"
                + " {\"cardType\": \"SCORE\", \"ruleId\": \"x\"}]}", "review/monitoring.json: rule SCORE/x is listed "
                + "twice");
        assertFails("{" + defaults + ", \"rules\": [{\"cardType\": \"SCORE\", \"ruleId\": \"x\", \"minDecisions\":"
                + " \"ten\"}]}", "review/monitoring.json: rule SCORE/x: minDecisions must be a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void alertsOnHighRatesAndStrataGapsOnlyWithEnoughDecisions(String kind) throws Exception {
        DataSource ds = ReviewFixtures.database(kind, dir, cleanups);
        ReviewFixtures.Appender log = new ReviewFixtures.Appender(ds);
        Instant old = NOW.minus(Duration.ofDays(40));
        Instant recent = NOW.minus(Duration.ofDays(2));
        log.times(100, old, decision("hasbled", ACCEPTED, null));          // outside the 30-day window
        log.times(19, recent, decision("hasbled", OVERRIDDEN, null));      // 19/31 = 61.3 % > 60 %, n = 31
        log.times(12, recent, decision("hasbled", ACCEPTED, null));
        log.times(18, recent, decision("lace", OVERRIDDEN, null));         // 18/30 = exactly 60 %: no alert
        log.times(12, recent, decision("lace", ACCEPTED, null));
        log.times(29, recent, decision("qsofa", OVERRIDDEN, null));        // 100 % but only 29 decisions
        log.times(28, recent, ReviewFixtures.entry(CardType.CARE_GAP, "flu", "1.0.0", OVERRIDDEN,
                "patient-declined", "clinician", "sandbox", null));        // 70 %, under flu's own 75 %
        log.times(12, recent, ReviewFixtures.entry(CardType.CARE_GAP, "flu", "1.0.0", ACCEPTED, null,
                "clinician", "sandbox", null));
        log.times(14, recent, decision("news2", OVERRIDDEN, ReviewFixtures.OLD_WOMAN));   // 85+: 14/20 = 70 %
        log.times(6, recent, decision("news2", ACCEPTED, ReviewFixtures.OLD_WOMAN));
        log.times(8, recent, decision("news2", OVERRIDDEN, ReviewFixtures.MIDDLE_MAN));   // 45-64: 8/40 = 20 %
        log.times(32, recent, decision("news2", ACCEPTED, ReviewFixtures.MIDDLE_MAN));

        List<Alert> alerts = Monitoring.check(new FeedbackReview(ds), committed(), NOW);
        Alert rate = alerts.get(0);
        assertEquals(AlertKind.OVERRIDE_RATE, rate.kind());
        assertEquals(new RuleKey(CardType.SCORE, "hasbled", "1.0.0"), rate.rule());
        assertEquals("Monitoring alert OVERRIDE_RATE SCORE hasbled 1.0.0: override rate 61.3 % (95 % CI 43.8–76.3 %)"
                + " of 31 decisions in 30 days, above the maximum 60.0 %", rate.logLine());
        List<Alert> gaps = alerts.subList(1, alerts.size());
        assertTrue(gaps.stream().allMatch(a -> a.kind() == AlertKind.STRATUM_GAP
                && a.rule().ruleId().equals("news2")), alerts::toString);
        // 85+ and 45-64 split news2's rows in two, so each age band, sex, race and ethnicity pair is flagged
        assertEquals(8, gaps.size(), alerts::toString);
        Alert old85 = gaps.stream().filter(a -> a.stratum().label().equals("85+")).findFirst().orElseThrow();
        assertEquals("Monitoring alert STRATUM_GAP SCORE news2 1.0.0: age band 85+ override rate 70.0 % of 20 "
                + "decisions vs 20.0 % of 40 for the rest, gap +50.0 points in 30 days, above the maximum 15.0 "
                + "points", old85.logLine());

        // 19 decisions per age band would be too few
        MonitoringThresholds stricter = new MonitoringThresholds(new RuleThresholds(30, 60, 30, 15, 21),
                java.util.Map.of("CARE_GAP/flu", new RuleThresholds(30, 75, 30, 15, 21)));
        assertEquals(List.of(AlertKind.OVERRIDE_RATE), Monitoring.check(new FeedbackReview(ds), stricter, NOW)
                .stream().map(Alert::kind).toList());

        List<String> lines = capture(() -> Monitoring.log(alerts));
        assertEquals(alerts.stream().map(Alert::logLine).toList(), lines);
        for (String line : lines) {
            assertFalse(line.contains(ReviewFixtures.PATIENT_PREFIX) || line.contains("Practitioner/")
                    || line.contains("SECRET") || line.matches(".*[0-9a-f]{64}.*"), "no PHI or ids: " + line);
        }
    }

    private static io.chartlens.overrides.FeedbackEntry decision(String rule, FeedbackOutcome outcome,
                                                                 PatientStrata strata) {
        return ReviewFixtures.entry(rule, outcome, strata);
    }

    private static MonitoringThresholds committed() throws ParseException {
        return MonitoringThresholds.parse(WorkingTreeConfig.INSTANCE.read("review/monitoring.json"));
    }

    private static void assertFails(String json, String message) {
        ParseException e = assertThrows(ParseException.class, () -> MonitoringThresholds.parse(json));
        assertEquals(message, e.getMessage());
    }

    private static List<String> capture(Runnable action) {
        try (CapturedLog log = CapturedLog.of(Monitoring.class)) {
            action.run();
            return log.warnings();
        }
    }
}
