package io.chartlens.review;

import static io.chartlens.overrides.FeedbackOutcome.ACCEPTED;
import static io.chartlens.overrides.FeedbackOutcome.DISMISSED;
import static io.chartlens.overrides.FeedbackOutcome.INPUT_CORRECTED;
import static io.chartlens.overrides.FeedbackOutcome.OVERRIDDEN;
import static io.chartlens.review.ReviewFixtures.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chartlens.overrides.CardType;
import io.chartlens.overrides.FeedbackOutcome;
import io.chartlens.testsupport.Cleanups;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The overview and the weekly trend on H2 and PostgreSQL, over rows appended through the feedback log. */
class OverviewTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final Cleanups cleanups = new Cleanups();

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void countsEachRuleVersionAndLeavesCorrectionsOutOfTheRate(String kind) throws Exception {
        DataSource ds = ReviewFixtures.database(kind, dir, cleanups);
        ReviewFixtures.Appender log = new ReviewFixtures.Appender(ds);
        Instant t = Instant.parse("2026-02-02T09:00:00Z");
        log.at(t, entry(CardType.SCORE, "news2", "0.9.0", OVERRIDDEN, "data-wrong", null, "sandbox", null));
        log.times(3, t.plusSeconds(60), entry("news2", ACCEPTED, null));
        log.times(2, t.plusSeconds(120), entry("news2", OVERRIDDEN, ReviewFixtures.OLD_WOMAN));
        log.times(1, t.plusSeconds(180), entry("news2", DISMISSED, null));
        log.times(4, t.plusSeconds(240), entry("news2", INPUT_CORRECTED, null));
        log.at(t.plusSeconds(300), typed(CardType.CARE_GAP, "statin", ACCEPTED));
        log.at(t.plusSeconds(360), typed(CardType.BUNDLE, "statin", OVERRIDDEN));
        log.at(Instant.parse("2026-03-01T00:00:00Z"), entry("news2", OVERRIDDEN, null));

        FeedbackReview review = new FeedbackReview(ds);
        List<RuleOverview> all = review.overview(TimeRange.ALL);
        // ordered by card type, rule id, version
        assertEquals(List.of("BUNDLE statin 1.0.0", "CARE_GAP statin 1.0.0", "SCORE news2 0.9.0",
                "SCORE news2 1.0.0"), all.stream().map(l -> l.rule().toString()).toList());
        RuleOverview news2 = line(all, CardType.SCORE, "news2", "1.0.0");
        assertEquals(new DecisionCounts(3, 3, 1, 4), news2.counts());
        assertEquals(7, news2.counts().decided());
        assertEquals(3.0 / 7, news2.overrideRate().rate(), 1e-12);
        assertEquals(WilsonInterval.of(3, 7), news2.overrideRate().interval());
        assertEquals(t.plusSeconds(60), news2.firstAt());
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), news2.lastAt());
        assertEquals(0, news2.shown(), "no card shown recorded in this fixture");
        assertEquals("not recorded", news2.response().shownText(), "decisions without impressions are not 0 shown");
        assertEquals(new DecisionCounts(1, 0, 0, 0), line(all, CardType.CARE_GAP, "statin", "1.0.0").counts());
        assertEquals(new DecisionCounts(0, 1, 0, 0), line(all, CardType.BUNDLE, "statin", "1.0.0").counts());

        // [from, to): the row at exactly 2026-03-01T00:00Z is outside a range ending then
        List<RuleOverview> february = review.overview(new TimeRange(t.plusSeconds(60),
                Instant.parse("2026-03-01T00:00:00Z")));
        assertEquals(new DecisionCounts(3, 2, 1, 4), line(february, CardType.SCORE, "news2", "1.0.0").counts());
        assertEquals(3, february.size(), "0.9.0's only row is before the range");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void trendBucketsByIsoWeekInUtcAndFillsEmptyWeeks(String kind) throws Exception {
        DataSource ds = ReviewFixtures.database(kind, dir, cleanups);
        ReviewFixtures.Appender log = new ReviewFixtures.Appender(ds);
        // 2026 has 53 ISO weeks: Monday 2026-12-28 starts 2026-W53, Monday 2027-01-04 starts 2027-W01
        log.at(Instant.parse("2026-12-14T10:00:00Z"), entry("qsofa", OVERRIDDEN, null));
        log.at(Instant.parse("2026-12-27T23:59:59.999999Z"), entry("qsofa", ACCEPTED, null));
        log.at(Instant.parse("2026-12-28T00:00:00Z"), entry("qsofa", OVERRIDDEN, null));
        log.at(Instant.parse("2027-01-01T12:00:00Z"), entry("qsofa", INPUT_CORRECTED, null));
        log.at(Instant.parse("2027-01-03T23:59:59.999999Z"), entry("qsofa", DISMISSED, null));
        log.at(Instant.parse("2027-01-04T00:00:00Z"), entry("qsofa", ACCEPTED, null));
        log.at(Instant.parse("2027-01-04T00:00:01Z"), entry("news2", OVERRIDDEN, null));

        FeedbackReview review = new FeedbackReview(ds);
        List<WeekCounts> weeks = review.trend(RuleKey.of(CardType.SCORE, "qsofa"), TimeRange.ALL);
        assertEquals(List.of("2026-W51", "2026-W52", "2026-W53", "2027-W01"),
                weeks.stream().map(WeekCounts::isoWeek).toList());
        assertEquals(LocalDate.of(2026, 12, 14), weeks.get(0).weekStart());
        assertEquals(new DecisionCounts(0, 1, 0, 0), weeks.get(0).counts());
        assertEquals(new DecisionCounts(1, 0, 0, 0), weeks.get(1).counts(), "Sunday 23:59:59.999999 is still W52");
        assertEquals(new DecisionCounts(0, 1, 1, 1), weeks.get(2).counts());
        assertEquals(new DecisionCounts(1, 0, 0, 0), weeks.get(3).counts(), "news2 is another rule");

        // a range fills its empty weeks with zeros, and a version filter applies
        List<WeekCounts> ranged = review.trend(new RuleKey(CardType.SCORE, "qsofa", "1.0.0"), new TimeRange(
                Instant.parse("2026-11-30T00:00:00Z"), Instant.parse("2026-12-21T00:00:00Z")));
        assertEquals(List.of("2026-W49", "2026-W50", "2026-W51"), ranged.stream().map(WeekCounts::isoWeek).toList());
        assertEquals(List.of(0L, 0L, 1L), ranged.stream().map(w -> w.counts().decided()).toList());
        assertEquals(List.of(), review.trend(new RuleKey(CardType.SCORE, "qsofa", "9.9"), TimeRange.ALL));
    }

    private static io.chartlens.overrides.FeedbackEntry typed(CardType type, String rule, FeedbackOutcome outcome) {
        return ReviewFixtures.entry(type, rule, "1.0.0", outcome, null, "clinician", "sandbox", null);
    }

    private static RuleOverview line(List<RuleOverview> lines, CardType type, String rule, String version) {
        return lines.stream().filter(l -> l.rule().equals(new RuleKey(type, rule, version))).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + type + " " + rule + " " + version));
    }
}
