package io.chartlens.review;

import static io.chartlens.overrides.FeedbackOutcome.ACCEPTED;
import static io.chartlens.overrides.FeedbackOutcome.OVERRIDDEN;
import static io.chartlens.review.ReviewFixtures.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.overrides.CardType;
import io.chartlens.testsupport.Cleanups;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cards shown beside decisions, per rule version and per ISO week, on H2 and PostgreSQL, against a hand-built
 * fixture: decisions through the feedback log, impressions through the store (re-renders included).
 */
class CardsShownTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final Cleanups cleanups = new Cleanups();

    /**
     * news2 0.9.0: one decision in 2026-W04, before impressions were recorded. news2 1.0.0: three decisions on
     * Tuesday 2026-02-03 (W06), cards shown in launches A and B that day (A rendered twice), C on Sunday 02-08
     * (still W06), D on Monday 02-09 (W07), and one CDS Hooks call on 02-04 (retried). news2 1.1.0 shown once in
     * launch A on 02-05. qsofa shown in launch A, never decided. Two AI statements in launch A, rendered twice.
     */
    private FeedbackReview fixture(String kind) throws Exception {
        DataSource ds = ReviewFixtures.database(kind, dir, cleanups);
        ReviewFixtures.Appender log = new ReviewFixtures.Appender(ds);
        log.at(Instant.parse("2026-01-20T10:00:00Z"), entry(CardType.SCORE, "news2", "0.9.0", OVERRIDDEN,
                "data-wrong", "clinician", "sandbox", null));
        Instant tuesday = Instant.parse("2026-02-03T09:00:00Z");
        log.times(2, tuesday, entry("news2", ACCEPTED, null));
        log.at(tuesday.plusSeconds(60), entry("news2", OVERRIDDEN, ReviewFixtures.OLD_WOMAN));

        ImpressionStore store = new ImpressionStore(ds);
        List<CardImpression> launchA = List.of(summary("A", CardType.SCORE, "news2", "1.0.0", tuesday),
                summary("A", CardType.SCORE, "qsofa", "1.0.0", tuesday),
                statement("A", "s-0001", tuesday), statement("A", "s-0002", tuesday));
        assertEquals(4, store.insertIfAbsent(launchA));
        assertEquals(0, store.insertIfAbsent(launchA), "launch A's sections rendered again");
        store.insertIfAbsent(List.of(summary("B", CardType.SCORE, "news2", "1.0.0", tuesday)));
        Instant wednesday = Instant.parse("2026-02-04T08:00:00Z");
        CardImpression hook = CardImpression.issuedByHook("hook-1", CardType.SCORE, "news2", "1.0.0", "sandbox",
                null, wednesday);
        store.insertIfAbsent(List.of(hook));
        store.insertIfAbsent(List.of(CardImpression.issuedByHook("hook-1", CardType.SCORE, "news2", "1.0.0",
                "sandbox", null, wednesday.plusSeconds(2))));
        store.insertIfAbsent(List.of(summary("A", CardType.SCORE, "news2", "1.1.0",
                Instant.parse("2026-02-05T11:00:00Z"))));
        store.insertIfAbsent(List.of(summary("C", CardType.SCORE, "news2", "1.0.0",
                Instant.parse("2026-02-08T23:59:59Z"))));
        store.insertIfAbsent(List.of(summary("D", CardType.SCORE, "news2", "1.0.0",
                Instant.parse("2026-02-09T00:00:00Z"))));
        return new FeedbackReview(ds);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void countsCardsShownPerVersionBesideTheDecisions(String kind) throws Exception {
        FeedbackReview review = fixture(kind);
        List<RuleOverview> all = review.overview(TimeRange.ALL);
        assertEquals(List.of("AI_STATEMENT ai-summary summary-v1", "SCORE news2 0.9.0", "SCORE news2 1.0.0",
                "SCORE news2 1.1.0", "SCORE qsofa 1.0.0"), all.stream().map(l -> l.rule().toString()).toList());

        RuleOverview current = line(all, "news2", "1.0.0");
        assertEquals(new DecisionCounts(2, 1, 0, 0), current.counts());
        assertEquals(5, current.shown(), "A, B, C, D and the CDS Hooks call; re-renders and the retry once");
        assertEquals(new ResponseRate(3, 5), current.response());
        assertEquals("60 %", current.response().text());
        assertEquals(OverrideRate.of(1, 3), current.overrideRate(), "still among decisions");

        RuleOverview old = line(all, "news2", "0.9.0");
        assertEquals(0, old.shown());
        assertFalse(old.response().recorded(), "decisions from before impressions were recorded");
        assertEquals("not recorded", old.response().shownText());

        RuleOverview qsofa = line(all, "qsofa", "1.0.0");
        assertEquals(DecisionCounts.NONE, qsofa.counts());
        assertEquals(1, qsofa.shown());
        assertEquals("0 %", qsofa.response().text());
        assertNull(qsofa.firstAt(), "no decision");
        assertEquals(2, all.get(0).shown(), "each AI statement is a card");
        assertEquals(1, line(all, "news2", "1.1.0").shown(), "a new version in the same launch is a new card");

        assertEquals(Optional.of(LocalDate.of(2026, 2, 3)), review.shownRecordedSince());
        assertEquals(Map.of(ImpressionSource.SUMMARY, 4L, ImpressionSource.CDS_HOOKS, 1L),
                review.shownBySource(new RuleKey(CardType.SCORE, "news2", "1.0.0"), TimeRange.ALL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRangeCountsTheDaysItTouchesWhole(String kind) throws Exception {
        FeedbackReview review = fixture(kind);
        // from Wednesday noon to Monday 00:00: Wednesday to Sunday, whole days; the decisions of Tuesday are out
        List<RuleOverview> lines = review.overview(new TimeRange(Instant.parse("2026-02-04T12:00:00Z"),
                Instant.parse("2026-02-09T00:00:00Z")));
        assertEquals(List.of("SCORE news2 1.0.0", "SCORE news2 1.1.0"), lines.stream()
                .map(l -> l.rule().toString()).toList());
        assertEquals(2, lines.get(0).shown(), "the CDS call of Wednesday 08:00 and launch C on Sunday");
        assertEquals(0, lines.get(0).counts().decided());
        assertEquals(List.of(), review.overview(new TimeRange(Instant.parse("2026-01-27T00:00:00Z"),
                Instant.parse("2026-02-02T00:00:00Z"))), "a week with neither");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theWeeklyTrendCountsCardsShownPerIsoWeek(String kind) throws Exception {
        FeedbackReview review = fixture(kind);
        List<WeekCounts> weeks = review.trend(RuleKey.of(CardType.SCORE, "news2"), TimeRange.ALL);
        assertEquals(List.of("2026-W04", "2026-W05", "2026-W06", "2026-W07"),
                weeks.stream().map(WeekCounts::isoWeek).toList());
        assertEquals(List.of(0L, 0L, 5L, 1L), weeks.stream().map(WeekCounts::shown).toList(),
                "W06: A, B, the CDS call, 1.1.0 in A, and C on Sunday; W07: D on Monday");
        assertEquals(List.of(1L, 0L, 3L, 0L), weeks.stream().map(w -> w.counts().decided()).toList());
        assertEquals(List.of("not recorded", "0", "5", "1"), weeks.stream().map(w -> w.response().shownText())
                .toList(), "W04 has decisions but nothing recorded; W05 has neither");
        assertEquals(List.of("not recorded", "–", "60 %", "0 %"), weeks.stream().map(w -> w.response().text())
                .toList());

        List<WeekCounts> version = review.trend(new RuleKey(CardType.SCORE, "news2", "1.0.0"), TimeRange.ALL);
        assertEquals(List.of("2026-W06", "2026-W07"), version.stream().map(WeekCounts::isoWeek).toList(),
                "a week with cards shown and no decision is part of the trend");
        assertEquals(List.of(4L, 1L), version.stream().map(WeekCounts::shown).toList());
        assertTrue(version.get(1).counts().equals(DecisionCounts.NONE));

        List<WeekCounts> ranged = review.trend(new RuleKey(CardType.SCORE, "qsofa", "1.0.0"), new TimeRange(
                Instant.parse("2026-01-26T00:00:00Z"), Instant.parse("2026-02-16T00:00:00Z")));
        assertEquals(List.of(0L, 1L, 0L), ranged.stream().map(WeekCounts::shown).toList());
    }

    private static CardImpression summary(String launch, CardType type, String rule, String version, Instant at) {
        return CardImpression.onSummary("launch-" + launch, type, rule, rule, version, "sandbox", "clinician", null,
                at);
    }

    private static CardImpression statement(String launch, String key, Instant at) {
        return CardImpression.onSummary("launch-" + launch, CardType.AI_STATEMENT, key, "ai-summary", "summary-v1",
                "sandbox", null, null, at);
    }

    private static RuleOverview line(List<RuleOverview> lines, String rule, String version) {
        return lines.stream().filter(l -> l.rule().equals(new RuleKey(CardType.SCORE, rule, version))).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + rule + " " + version));
    }
}
