package io.chartlens.review;

import static io.chartlens.overrides.FeedbackOutcome.ACCEPTED;
import static io.chartlens.overrides.FeedbackOutcome.OVERRIDDEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.overrides.CardType;
import io.chartlens.overrides.FeedbackOutcome;
import io.chartlens.overrides.StoredFeedback;
import io.chartlens.testsupport.Cleanups;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The filtered, keyset-paged log on H2 and PostgreSQL, and the parsing of its filter. */
class LogQueriesTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final Cleanups cleanups = new Cleanups();

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void filtersEachFieldAndPagesNewestFirstWithoutGapsOrRepeats(String kind) throws Exception {
        DataSource ds = ReviewFixtures.database(kind, dir, cleanups);
        ReviewFixtures.Appender log = new ReviewFixtures.Appender(ds);
        Instant t = Instant.parse("2026-04-01T00:00:00Z");
        List<StoredFeedback> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            rows.add(log.at(t.plusSeconds(3600L * i), ReviewFixtures.entry(i % 2 == 0 ? CardType.SCORE
                            : CardType.CARE_GAP, i % 5 == 0 ? "lace" : "news2", i < 10 ? "0.9.0" : "1.0.0",
                    i % 3 == 0 ? OVERRIDDEN : ACCEPTED, null, i % 4 == 0 ? "hospitalist" : "clinician",
                    i % 7 == 0 ? "other-ehr" : "sandbox", ReviewFixtures.OLD_WOMAN)));
        }
        FeedbackReview review = new FeedbackReview(ds);

        // three pages of 10, 10, 5, newest first, every row once
        List<Long> seen = new ArrayList<>();
        LogPage page = review.page(LogFilter.ALL, null, 10);
        assertEquals(10, page.rows().size());
        assertEquals(rows.get(24).id(), page.rows().get(0).id());
        // a row appended between pages does not shift the next page (keyset, not OFFSET)
        log.at(t.plusSeconds(3600L * 30), ReviewFixtures.entry("news2", ACCEPTED, null));
        for (int pages = 1; ; pages++) {
            page.rows().forEach(r -> seen.add(r.id()));
            if (!page.hasMore()) {
                assertEquals(3, pages);
                break;
            }
            page = review.page(LogFilter.ALL, page.nextBefore(), 10);
        }
        assertEquals(5, page.rows().size());
        assertNull(page.nextBefore());
        List<Long> expected = new ArrayList<>(rows.stream().map(StoredFeedback::id).toList());
        java.util.Collections.reverse(expected);
        assertEquals(expected, seen);
        // an exact multiple of the page size ends without an empty page
        LogPage exact = review.page(LogFilter.ALL, rows.get(10).id(), 10);
        assertEquals(10, exact.rows().size());
        assertFalse(exact.hasMore());

        assertEquals(26, review.count(LogFilter.ALL));
        assertFiltered(review, Map.of("cardType", "care_gap"), 12);
        assertFiltered(review, Map.of("rule", "lace"), 5);
        assertFiltered(review, Map.of("rule", "news2", "version", "1.0.0"), 13);
        assertFiltered(review, Map.of("outcome", "OVERRIDDEN"), 9);
        assertFiltered(review, Map.of("ehr", "other-ehr"), 4);
        assertFiltered(review, Map.of("role", "hospitalist"), 7);
        assertFiltered(review, Map.of("from", "2026-04-01T10:00:00Z", "to", "2026-04-01T12:00:00Z"), 2);
        assertFiltered(review, Map.of("from", "2026-04-02"), 2);
        assertFiltered(review, Map.of("to", "2026-04-01"), 24);
        assertFiltered(review, Map.of("cardType", "SCORE", "outcome", "OVERRIDDEN", "role", "hospitalist"), 3);

        LogFilter lace = LogFilter.parse(Map.of("rule", "lace")::get);
        LogRow row = review.page(lace, null, 1).rows().get(0);
        StoredFeedback stored = rows.get(20);
        assertEquals(new LogRow(stored.id(), stored.occurredAt(), "Practitioner/p1", "hospitalist", "sandbox",
                stored.patientKey(), CardType.SCORE, "lace", "1.0.0", ACCEPTED, null, null,
                ReviewFixtures.OLD_WOMAN), row);
        assertFalse(row.toString().contains(ReviewFixtures.PATIENT_PREFIX));
        assertFalse(row.toString().contains("SECRET"), "no encounter, launch or payload");
    }

    @Test
    void aRowOfTheReviewHasNoPlaceForTheRealPatientId() {
        Set<String> fields = new HashSet<>(Arrays.stream(LogRow.class.getRecordComponents())
                .map(RecordComponent::getName).toList());
        assertTrue(fields.contains("patientKey"));
        for (String hidden : List.of("patientId", "encounterId", "launchId", "payload")) {
            assertFalse(fields.contains(hidden), hidden);
        }
        assertFalse(LogQueries.VIEW_COLUMNS.contains("patient_id"));
        assertFalse(LogQueries.VIEW_COLUMNS.contains("payload"));
    }

    @Test
    void parsesRequestParametersAndNamesWhatIsWrong() throws Exception {
        LogFilter f = LogFilter.parse(Map.of("from", "2026-03-01", "to", "2026-03-31", "cardType", "bundle",
                "outcome", "dismissed", "rule", " sepsis ", "version", "", "ehr", "sandbox", "role", "admin")::get);
        assertEquals(new TimeRange(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z")),
                f.range(), "a 'to' date includes that whole day");
        assertEquals(CardType.BUNDLE, f.cardType());
        assertEquals(FeedbackOutcome.DISMISSED, f.outcome());
        assertEquals("sepsis", f.ruleId());
        assertNull(f.ruleVersion());
        assertEquals(f, LogFilter.parse(f.parameters()::get), "parameters() round-trips");
        assertEquals(LogFilter.ALL, LogFilter.parse(Map.<String, String>of()::get));

        assertProblem(FilterProblem.TIME_NOT_ISO, "from", Map.of("from", "01/03/2026"));
        assertProblem(FilterProblem.RANGE_REVERSED, "to", Map.of("from", "2026-03-02", "to", "2026-03-01"));
        assertProblem(FilterProblem.UNKNOWN_CARD_TYPE, "cardType", Map.of("cardType", "ALERT"));
        assertProblem(FilterProblem.UNKNOWN_OUTCOME, "outcome", Map.of("outcome", "IGNORED"));
        assertProblem(FilterProblem.VALUE_TOO_LONG, "version", Map.of("version", "v".repeat(41)));
        InvalidFilterException e = assertThrows(InvalidFilterException.class,
                () -> LogFilter.parse(Map.of("from", "secret-value")::get));
        assertFalse(e.getMessage().contains("secret-value"), "the value is not echoed");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 501})
    void refusesPageSizesOutOfRange(int size) {
        FeedbackReview review = new FeedbackReview(new org.h2.jdbcx.JdbcDataSource());
        InvalidFilterException e = assertThrows(InvalidFilterException.class,
                () -> review.page(LogFilter.ALL, null, size));
        assertEquals(FilterProblem.BAD_PAGE_SIZE, e.problem());
        assertEquals(FilterProblem.BAD_CURSOR, assertThrows(InvalidFilterException.class,
                () -> review.page(LogFilter.ALL, 0L, 10)).problem());
    }

    private static void assertFiltered(FeedbackReview review, Map<String, String> parameters, int expected)
            throws InvalidFilterException {
        LogFilter filter = LogFilter.parse(parameters::get);
        assertEquals(expected, review.count(filter), parameters.toString());
        LogPage page = review.page(filter, null, 500);
        assertEquals(expected, page.rows().size(), parameters.toString());
    }

    private static void assertProblem(FilterProblem problem, String parameter, Map<String, String> parameters) {
        InvalidFilterException e = assertThrows(InvalidFilterException.class, () -> LogFilter.parse(parameters::get));
        assertEquals(problem, e.problem());
        assertEquals(parameter, e.parameter());
    }
}
