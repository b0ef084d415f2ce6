package io.chartlens.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.overrides.CardType;
import io.chartlens.testsupport.Cleanups;
import io.chartlens.testsupport.MigratedDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code card_impression} (V7) on H2 and PostgreSQL: insert if absent, one row per launch and card, no PHI. */
class ImpressionStoreTest {

    private static final Instant AT = Instant.parse("2026-03-09T10:00:00Z");

    @TempDir
    Path dir;

    @RegisterExtension
    final Cleanups cleanups = new Cleanups();

    static CardImpression shown(String launch, String rule, String version) {
        return CardImpression.onSummary(launch, CardType.SCORE, rule, rule, version, "sandbox", "hospitalist",
                ReviewFixtures.MIDDLE_MAN, AT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aCardShownAgainInTheSameLaunchIsStoredOnce(String kind) throws Exception {
        DataSource ds = ReviewFixtures.database(kind, dir, cleanups);
        ImpressionStore store = new ImpressionStore(ds);
        List<CardImpression> section = List.of(shown("launch-A", "news2", "1.0.0"), shown("launch-A", "qsofa",
                "1.0.0"));
        assertEquals(2, store.insertIfAbsent(section));
        assertEquals(0, store.insertIfAbsent(section), "the section rendered again");
        assertEquals(1, store.insertIfAbsent(List.of(shown("launch-A", "news2", "1.0.0"),
                shown("launch-B", "news2", "1.0.0"), shown("launch-B", "news2", "1.0.0"))),
                "a new launch is new; a repeat within one batch is not");
        assertEquals(0, store.insertIfAbsent(List.of()));
        assertEquals(3, count(ds, "SELECT COUNT(*) FROM card_impression"));
        assertEquals(2, count(ds, "SELECT COUNT(*) FROM card_impression WHERE rule_id = 'news2'"));

        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT shown_on, source, card_type, rule_version, ehr, actor_role,"
                     + " patient_age_band, patient_sex, patient_race, patient_ethnicity FROM card_impression"
                     + " WHERE rule_id = 'qsofa'")) {
            assertTrue(rs.next());
            assertEquals(LocalDate.of(2026, 3, 9), rs.getObject(1, LocalDate.class));
            assertEquals(List.of("SUMMARY", "SCORE", "1.0.0", "sandbox", "hospitalist", "45-64", "male",
                    "black-or-african-american", "hispanic-or-latino"), List.of(rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                    rs.getString(9), rs.getString(10)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theTableHoldsNoPatientLaunchOrUserAndItsKeyRefusesARepeat(String kind) throws Exception {
        DataSource ds = ReviewFixtures.database(kind, dir, cleanups);
        Set<String> columns = new TreeSet<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM card_impression WHERE 1 = 0")) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                columns.add(rs.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT));
            }
        }
        assertEquals(new TreeSet<>(Set.of("impression_key", "shown_on", "source", "card_type", "rule_id",
                "rule_version", "ehr", "actor_role", "patient_age_band", "patient_sex", "patient_race",
                "patient_ethnicity")), columns);

        String insert = "INSERT INTO card_impression (impression_key, shown_on, source, card_type, rule_id,"
                + " rule_version, ehr) VALUES ('" + "a".repeat(64) + "', DATE '2026-03-09', 'SUMMARY', 'SCORE',"
                + " 'news2', '1.0.0', 'sandbox')";
        MigratedDatabases.sql(ds, insert);
        SQLException repeat = assertThrows(SQLException.class, () -> MigratedDatabases.sql(ds, insert));
        assertEquals("23505", repeat.getSQLState(), "the primary key, whatever the application does");
        SQLException source = assertThrows(SQLException.class, () -> MigratedDatabases.sql(ds,
                insert.replace("'a", "'b").replace("'SUMMARY'", "'EMAIL'")));
        // a CHECK violation: 23514 on PostgreSQL, 23513 on H2
        assertTrue(Set.of("23513", "23514").contains(source.getSQLState()), "only SUMMARY and CDS_HOOKS: "
                + source.getSQLState());
    }

    @Test
    void onPostgresqlTheAppRoleMayInsertAndCountButNotChangeOrDelete() throws Exception {
        DataSource app = MigratedDatabases.postgresqlWithAppRole(dir, "review_test_", cleanups).app();

        assertEquals(1, new ImpressionStore(app).insertIfAbsent(List.of(shown("launch-A", "news2", "1.0.0"))));
        assertEquals(0, new ImpressionStore(app).insertIfAbsent(List.of(shown("launch-A", "news2", "1.0.0"))));
        assertEquals(1, new FeedbackReview(app).overview(TimeRange.ALL).get(0).shown());
        for (String change : List.of("UPDATE card_impression SET rule_version = 'x'", "DELETE FROM card_impression",
                "TRUNCATE card_impression")) {
            SQLException e = assertThrows(SQLException.class, () -> MigratedDatabases.sql(app, change), change);
            assertEquals("42501", e.getSQLState(), change + ": " + e.getMessage());
        }
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
