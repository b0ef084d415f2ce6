package io.chartlens.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.ParseException;
import io.chartlens.overrides.CardType;
import io.chartlens.overrides.ChainVerification;
import io.chartlens.overrides.PatientStrata;
import io.chartlens.testsupport.Cleanups;
import io.chartlens.testsupport.WorkingTreeConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The synthetic history: a valid chain, every role, stratum and rule, several versions, and the planted signals. */
class SyntheticOverrideHistoryTest {

    private static final Instant END = Instant.parse("2026-09-01T00:00:00Z");
    private static final int ROWS = 3000;

    @TempDir
    Path dir;

    @RegisterExtension
    final Cleanups cleanups = new Cleanups();

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void seedsARealisticHistoryWhoseChainVerifies(String kind) throws Exception {
        DataSource ds = ReviewFixtures.database(kind, dir, cleanups);
        SeedCatalog catalog = catalog();
        SyntheticOverrideHistory.Result result = seed(ds, catalog);
        assertEquals(ChainVerification.class, result.verification().getClass());
        assertTrue(result.verification().ok(), result.verification().reason());
        assertEquals(ROWS, result.verification().rowsChecked());
        assertTrue(result.first().isAfter(END.minusSeconds(182L * 86400 + 1)) && result.last().isBefore(END));
        assertTrue(result.last().getEpochSecond() - result.first().getEpochSecond() > 170L * 86400,
                "spread over about six months");

        List<Instant> times = column(ds, "occurred_at").stream().map(Instant::parse).toList();
        for (int i = 1; i < times.size(); i++) {
            assertTrue(!times.get(i).isBefore(times.get(i - 1)), "times go backwards at row " + i);
        }
        assertEquals(set("clinician", "hospitalist", "informaticist", "admin", null), distinct(ds, "actor_role"));
        Set<String> ages = new HashSet<>(PatientStrata.AGE_BANDS);
        ages.add(null);
        assertEquals(ages, distinct(ds, "patient_age_band"));
        assertEquals(set("female", "male", "other", null), distinct(ds, "patient_sex"));
        assertEquals(set("white", "black-or-african-american", "other", null), distinct(ds, "patient_race"));
        assertEquals(set("hispanic-or-latino", "not-hispanic-or-latino", null), distinct(ds, "patient_ethnicity"));
        assertEquals(set("ACCEPTED", "OVERRIDDEN", "DISMISSED", "INPUT_CORRECTED"), distinct(ds, "outcome"));
        assertEquals(new HashSet<>(catalog.reasons()), withoutNull(distinct(ds, "reason")));

        FeedbackReview review = new FeedbackReview(ds);
        List<RuleOverview> overview = review.overview(TimeRange.ALL);
        Set<RuleKey> rules = overview.stream().map(l -> l.rule().withoutVersion()).collect(Collectors.toSet());
        assertEquals(catalog.rules().stream().map(RuleKey::withoutVersion).collect(Collectors.toSet()), rules,
                "every rule of the catalogs");
        long versioned = overview.stream().collect(Collectors.groupingBy(l -> l.rule().withoutVersion(),
                Collectors.counting())).values().stream().filter(n -> n > 1).count();
        assertTrue(versioned >= 7, versioned + " rules with two versions");

        // the cards shown behind the decisions: at least as many as decided, per version and per week
        assertTrue(result.shown() > ROWS * 3 / 2, result.shown() + " cards shown for " + ROWS + " rows");
        for (RuleOverview line : overview) {
            assertTrue(line.shown() >= line.counts().decided() + line.counts().inputCorrected(), line::toString);
            assertTrue(line.response().recorded());
        }
        long shown = overview.stream().mapToLong(RuleOverview::shown).sum();
        assertEquals(result.shown(), shown);
        long decided = overview.stream().mapToLong(l -> l.counts().decided()).sum();
        assertTrue(decided * 100 / shown > 25 && decided * 100 / shown < 60, decided + " decided of " + shown);
        for (RuleKey rule : List.of(RuleKey.of(CardType.SCORE, "news2"), RuleKey.of(CardType.BUNDLE,
                "readmission"))) {
            for (WeekCounts week : review.trend(rule, TimeRange.ALL)) {
                assertTrue(week.shown() >= week.counts().decided(), () -> rule + " " + week);
            }
        }
        assertEquals(set("SUMMARY", "CDS_HOOKS"), distinct(ds, "card_impression", "source"));
        assertEquals(set("clinician", "hospitalist", "informaticist", "admin", null), distinct(ds, "card_impression",
                "actor_role"));

        DrillDown news2 = review.drillDown(RuleKey.of(CardType.SCORE, SyntheticOverrideHistory.ELEVATED_RULE),
                TimeRange.ALL, new StrataThresholds(15, 20));
        StratumRow old = news2.strata(StratumDimension.AGE_BAND).stream()
                .filter(s -> SyntheticOverrideHistory.ELEVATED_AGE_BAND.equals(s.value())).findFirst().orElseThrow();
        assertTrue(old.flagged(), () -> "85+ not flagged: " + old);
        assertTrue(old.gapPoints() > 30, () -> "gap " + old.gapPoints());

        MonitoringThresholds thresholds = MonitoringThresholds.parse(WorkingTreeConfig.INSTANCE.read(
                "review/monitoring.json"));
        List<Alert> alerts = Monitoring.check(review, thresholds, END);
        assertTrue(alerts.stream().anyMatch(a -> a.kind() == AlertKind.OVERRIDE_RATE
                && a.rule().ruleId().equals(SyntheticOverrideHistory.HIGH_RATE_RULE)), alerts::toString);
        System.out.println(kind + ": " + alerts.size() + " alerts on the seeded history, e.g. " + alerts.get(0)
                .logLine());

        // a second history would go back in time: refused, nothing written
        IllegalStateException again = assertThrows(IllegalStateException.class, () -> seed(ds, catalog));
        assertTrue(again.getMessage().contains("Seed an empty log"), again.getMessage());
        assertEquals(ROWS, review.count(LogFilter.ALL));
    }

    @Test
    void theSameSeedGivesTheSameHistory() throws Exception {
        SeedCatalog catalog = catalog();
        DataSource a = ReviewFixtures.database("h2", dir, cleanups);
        DataSource b = ReviewFixtures.database("h2", dir, cleanups);
        new SyntheticOverrideHistory(catalog, 7).seed(a, Optional.of(ReviewFixtures.TEST_KEY_HEX), false, 500, END,
                60);
        new SyntheticOverrideHistory(catalog, 7).seed(b, Optional.of(ReviewFixtures.TEST_KEY_HEX), false, 500, END,
                60);
        StringWriter csvA = new StringWriter();
        StringWriter csvB = new StringWriter();
        new FeedbackReview(a).exportCsv(LogFilter.ALL, csvA);
        new FeedbackReview(b).exportCsv(LogFilter.ALL, csvB);
        assertEquals(csvA.toString(), csvB.toString());
        assertEquals(501, csvA.toString().split("\r\n").length);
        assertEquals(new FeedbackReview(a).overview(TimeRange.ALL), new FeedbackReview(b).overview(TimeRange.ALL),
                "the same cards shown too");
    }

    @Test
    void theCommandSeedsAnH2FileWithTheSandboxKey() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("sandbox/chartlens") + ";DB_CLOSE_DELAY=-1;AUTO_SERVER=TRUE";
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SyntheticOverrideHistory.main(new String[] {"--jdbc-url", url, "--rows", "400", "--days", "90",
                "--config-dir", WorkingTreeConfig.ROOT.toString()});
        SeedCommand.run(new String[] {"--jdbc-url", url.replace("chartlens;", "other;"), "--rows", "200"},
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String out = printed.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("Seeded 200 synthetic feedback rows"), out);
        assertTrue(out.contains("Feedback chain verified: 200 rows intact"), out);
        assertTrue(out.matches("(?s).*Seeded \\d+ synthetic cards shown behind them.*"), out);
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL(url);
        ds.setUser("chartlens");
        cleanups.add(() -> io.chartlens.testsupport.MigratedDatabases.sql(ds, "SHUTDOWN"));
        assertEquals(400, new FeedbackReview(ds).count(LogFilter.ALL));
        assertEquals(IllegalArgumentException.class, assertThrows(IllegalArgumentException.class,
                () -> SeedCommand.run(new String[] {"--rowz", "1"}, System.out)).getClass());
        org.h2.jdbcx.JdbcDataSource other = new org.h2.jdbcx.JdbcDataSource();
        other.setURL(url.replace("chartlens;", "other;"));
        other.setUser("chartlens");
        cleanups.add(() -> io.chartlens.testsupport.MigratedDatabases.sql(other, "SHUTDOWN"));
    }

    private SyntheticOverrideHistory.Result seed(DataSource ds, SeedCatalog catalog) throws SQLException {
        return new SyntheticOverrideHistory(catalog, SyntheticOverrideHistory.DEFAULT_SEED).seed(ds,
                Optional.of(ReviewFixtures.TEST_KEY_HEX), false, ROWS, END, SyntheticOverrideHistory.DEFAULT_DAYS);
    }

    private static SeedCatalog catalog() throws ParseException {
        return SeedCatalog.load(WorkingTreeConfig.INSTANCE::read, WorkingTreeConfig.INSTANCE::list);
    }

    private static List<String> column(DataSource ds, String column) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement q = c.prepareStatement("SELECT " + column
                + " FROM feedback_event ORDER BY id"); ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                values.add(column.equals("occurred_at") ? rs.getObject(1, OffsetDateTime.class).toInstant().toString()
                        : rs.getString(1));
            }
        }
        return values;
    }

    private static Set<String> distinct(DataSource ds, String column) throws SQLException {
        return new HashSet<>(column(ds, column));
    }

    private static Set<String> distinct(DataSource ds, String table, String column) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Connection c = ds.getConnection(); PreparedStatement q = c.prepareStatement("SELECT DISTINCT " + column
                + " FROM " + table); ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static Set<String> withoutNull(Set<String> values) {
        Set<String> copy = new HashSet<>(values);
        copy.remove(null);
        return copy;
    }

    private static Set<String> set(String... values) {
        return new HashSet<>(java.util.Arrays.asList(values));
    }

}
