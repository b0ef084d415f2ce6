package io.chartlens.review;

import static io.chartlens.overrides.FeedbackOutcome.ACCEPTED;
import static io.chartlens.overrides.FeedbackOutcome.DISMISSED;
import static io.chartlens.overrides.FeedbackOutcome.INPUT_CORRECTED;
import static io.chartlens.overrides.FeedbackOutcome.OVERRIDDEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.overrides.CardType;
import io.chartlens.overrides.FeedbackEntry;
import io.chartlens.overrides.FeedbackOutcome;
import io.chartlens.overrides.PatientStrata;
import io.chartlens.testsupport.Cleanups;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Drill-downs by reason and strata, and when a stratum is flagged, on H2 and PostgreSQL. */
class DrillDownTest {

    private static final StrataThresholds FIFTEEN_POINTS_TWENTY = new StrataThresholds(15, 20);
    private static final PatientStrata CHILD = new PatientStrata("0-17", "female", "white", "not-hispanic-or-latino");

    @TempDir
    Path dir;

    @RegisterExtension
    final Cleanups cleanups = new Cleanups();

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void flagsABigEnoughStratumThatDiffersAndNotASmallOne(String kind) throws Exception {
        DataSource ds = ReviewFixtures.database(kind, dir, cleanups);
        ReviewFixtures.Appender log = new ReviewFixtures.Appender(ds);
        Instant t = Instant.parse("2026-01-05T08:00:00Z");
        // 85+: 30 decisions, 21 overridden (70 %)
        log.times(21, t, decision(OVERRIDDEN, "goals-of-care", "hospitalist", ReviewFixtures.OLD_WOMAN));
        log.times(9, t, decision(ACCEPTED, null, "hospitalist", ReviewFixtures.OLD_WOMAN));
        // 45-64: 60 decisions, 12 overridden (20 %)
        log.times(12, t, decision(OVERRIDDEN, "not-relevant", "clinician", ReviewFixtures.MIDDLE_MAN));
        log.times(40, t, decision(ACCEPTED, null, "clinician", ReviewFixtures.MIDDLE_MAN));
        log.times(8, t, decision(DISMISSED, null, "clinician", ReviewFixtures.MIDDLE_MAN));
        // not recorded: 25 decisions, 5 overridden (20 %), no role
        log.times(5, t, decision(OVERRIDDEN, null, null, PatientStrata.NOT_RECORDED));
        log.times(20, t, decision(ACCEPTED, null, null, PatientStrata.NOT_RECORDED));
        // 0-17: 5 decisions, all overridden: a big gap, but too few to read anything into
        log.times(5, t, decision(OVERRIDDEN, "not-relevant", "clinician", CHILD));
        // what-if corrections are not decisions; another version is not this version
        log.times(50, t, decision(INPUT_CORRECTED, null, "clinician", CHILD));
        log.times(40, t, ReviewFixtures.entry(CardType.SCORE, "news2", "0.9.0", OVERRIDDEN, "other", "clinician",
                "sandbox", CHILD));

        DrillDown drill = new FeedbackReview(ds).drillDown(new RuleKey(CardType.SCORE, "news2", "1.0.0"),
                TimeRange.ALL, FIFTEEN_POINTS_TWENTY);
        // total: 120 decisions, 43 overridden
        assertEquals(new DecisionCounts(69, 43, 8, 50), drill.total());

        List<StratumRow> ages = drill.strata(StratumDimension.AGE_BAND);
        assertEquals(List.of("0-17", "45-64", "85+", "not recorded"), ages.stream().map(StratumRow::label).toList());
        StratumRow old = ages.get(2);
        assertEquals(new DecisionCounts(9, 21, 0, 0), old.counts());
        assertEquals(new DecisionCounts(60, 22, 8, 50), old.rest(), "the complement: all other rows of the rule");
        // 21/30 = 70 % vs 22/90 = 24.4 %: 45.6 points, both sides >= 20 decisions
        assertEquals(70 - 2200.0 / 90, old.gapPoints(), 1e-9);
        assertTrue(old.flagged());
        StratumRow child = ages.get(0);
        // 5/5 = 100 % vs 38/115: a gap of 67 points, but only 5 decisions
        assertEquals(5, child.counts().decided());
        assertTrue(child.gapPoints() > 60);
        assertFalse(child.flagged(), "small numbers are not over-read");
        // not recorded: 5/25 = 20 % vs 38/95 = 40 %, a gap of -20 points: lower counts as different too
        assertEquals(new DecisionCounts(20, 5, 0, 0), ages.get(3).counts());
        assertEquals(-20, ages.get(3).gapPoints(), 1e-9);
        assertEquals(List.of(false, true, true, true), ages.stream().map(StratumRow::flagged).toList());
        assertTrue(drill.flagged().contains(old));

        List<StratumRow> roles = drill.strata(StratumDimension.ACTOR_ROLE);
        assertEquals(List.of("clinician", "hospitalist", "not recorded"), roles.stream().map(StratumRow::label)
                .toList());
        assertEquals(65, roles.get(0).counts().decided());
        assertTrue(roles.get(1).flagged(), "hospitalists decided only for the 85+ patient: 70 % vs 24 %");
        assertEquals(List.of("sandbox"), drill.strata(StratumDimension.EHR).stream().map(StratumRow::label).toList());
        assertFalse(drill.strata(StratumDimension.EHR).get(0).flagged(), "no rest to compare with");

        assertEquals(List.of(new ReasonCount("goals-of-care", 21, 0), new ReasonCount("not-relevant", 17, 0),
                new ReasonCount(null, 5, 8)), drill.reasons());

        // all versions: the 40 overrides of 0.9.0 count too
        DrillDown all = new FeedbackReview(ds).drillDown(RuleKey.of(CardType.SCORE, "news2"), TimeRange.ALL,
                FIFTEEN_POINTS_TWENTY);
        assertEquals(new DecisionCounts(69, 83, 8, 50), all.total());
        assertEquals(new ReasonCount("other", 40, 0), all.reasons().get(0));
        // a higher minimum leaves 85+ (30 decisions) unflagged
        assertFalse(new FeedbackReview(ds).drillDown(new RuleKey(CardType.SCORE, "news2", "1.0.0"), TimeRange.ALL,
                new StrataThresholds(15, 31)).strata(StratumDimension.AGE_BAND).get(2).flagged());
    }

    @Test
    void aGapOfExactlyTheThresholdIsNotFlagged() {
        DecisionCounts group = new DecisionCounts(10, 10, 0, 0);   // 50 %
        DecisionCounts rest = new DecisionCounts(65, 35, 0, 0);    // 35 %: the gap is exactly 15 points
        assertFalse(new StrataThresholds(15, 20).flags(group, rest));
        assertTrue(new StrataThresholds(14.99, 20).flags(group, rest));
        assertFalse(new StrataThresholds(14.99, 21).flags(group, rest), "the group has only 20 decisions");
        assertTrue(new StrataThresholds(15, 20).flags(rest, new DecisionCounts(9, 11, 0, 0)),
                "a lower rate than the rest is a gap too");
    }

    private static FeedbackEntry decision(FeedbackOutcome outcome, String reason, String role, PatientStrata strata) {
        return ReviewFixtures.entry(CardType.SCORE, "news2", "1.0.0", outcome, reason, role, "sandbox", strata);
    }
}
