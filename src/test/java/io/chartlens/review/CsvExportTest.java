package io.chartlens.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.overrides.CardType;
import io.chartlens.overrides.FeedbackEntry;
import io.chartlens.overrides.FeedbackOutcome;
import io.chartlens.overrides.StoredFeedback;
import io.chartlens.testsupport.Cleanups;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CSV export: RFC 4180 cells, formula neutralisation, pseudonymisation, and streaming in bounded memory. */
class CsvExportTest {

    static final String HEADER = "id,occurred_at,actor,actor_role,ehr,patient_key,card_type,rule_id,rule_version,"
            + "outcome,reason,user_comment,patient_age_band,patient_sex,patient_race,patient_ethnicity\r\n";
    private static final int BIG = 100_000;
    /** Heap growth allowed while streaming {@value #BIG} rows of about 1 kB each (about 100 MB if held). */
    private static final long MAX_GROWTH_BYTES = 16L << 20;

    @TempDir
    Path dir;

    @RegisterExtension
    final Cleanups cleanups = new Cleanups();

    @Test
    void cellsAreQuotedAsRfc4180AndFormulasNeutralised() throws IOException {
        assertEquals("", cell(null));
        assertEquals("plain text", cell("plain text"));
        assertEquals("\"a,b\"", cell("a,b"));
        assertEquals("\"say \"\"no\"\"\"", cell("say \"no\""));
        assertEquals("\"line 1\nline 2\"", cell("line 1\nline 2"));
        assertEquals("'=1+2", cell("=1+2"));
        assertEquals("'+44 20", cell("+44 20"));
        assertEquals("'-2", cell("-2"));
        assertEquals("'@SUM(A1)", cell("@SUM(A1)"));
        assertEquals("'\tx", cell("\tx"));
        assertEquals("\"'\rx\"", cell("\rx"));
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", cell("=HYPERLINK(\"http://x\",\"y\")"));
        assertEquals("a=b", cell("a=b"), "only a leading character makes a formula");
        StringWriter out = new StringWriter();
        CsvExport.record(out, "a", null, "b,c");
        assertEquals("a,,\"b,c\"\r\n", out.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void exportsTheFilteredRowsPseudonymously(String kind) throws Exception {
        DataSource ds = ReviewFixtures.database(kind, dir, cleanups);
        ReviewFixtures.Appender log = new ReviewFixtures.Appender(ds);
        Instant t = Instant.parse("2026-05-04T09:30:00.123456Z");
        StoredFeedback first = log.at(t, new FeedbackEntry("Practitioner/p1", "clinician", "sandbox",
                ReviewFixtures.PATIENT_PREFIX + "1", "ENCOUNTER-SECRET", CardType.SCORE, "news2", "1.0.0",
                FeedbackOutcome.OVERRIDDEN, "other", "=HYPERLINK(\"http://evil\",\"x\"), Zoë said\nno",
                "{\"PAYLOAD-SECRET\":1}", "LAUNCH-SECRET", ReviewFixtures.OLD_WOMAN));
        log.at(t.plusSeconds(1), ReviewFixtures.entry(CardType.BUNDLE, "sepsis", "1.0.0", FeedbackOutcome.ACCEPTED,
                null, null, "sandbox", null));

        FeedbackReview review = new FeedbackReview(ds);
        StringWriter out = new StringWriter();
        assertEquals(1, review.exportCsv(LogFilter.parse(java.util.Map.of("cardType", "SCORE")::get), out));
        assertEquals(HEADER + first.id() + ",2026-05-04T09:30:00.123456Z,Practitioner/p1,clinician,sandbox,"
                + first.patientKey() + ",SCORE,news2,1.0.0,OVERRIDDEN,other,"
                + "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\"), Zoë said\nno\",85+,female,white,"
                + "not-hispanic-or-latino\r\n", out.toString());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertEquals(2, review.exportCsv(LogFilter.ALL, bytes));
        String all = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(all.contains("Zoë"), "UTF-8");
        assertTrue(all.contains(",BUNDLE,sepsis,1.0.0,ACCEPTED,,,,,,\r\n"), "nulls are empty cells: " + all);
        for (String hidden : List.of(ReviewFixtures.PATIENT_PREFIX, "SECRET")) {
            assertFalse(all.contains(hidden), hidden);
        }
        assertEquals(0, review.exportCsv(LogFilter.parse(java.util.Map.of("rule", "none")::get), new StringWriter()));
        // the connection was given back as found: the data source still serves writes with auto-commit
        log.at(t.plusSeconds(2), ReviewFixtures.entry("news2", FeedbackOutcome.ACCEPTED, null));
        assertEquals(3, review.count(LogFilter.ALL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void streamsAHundredThousandRowsInBoundedMemory(String kind) throws Exception {
        DataSource ds = ReviewFixtures.database(kind, dir, cleanups);
        bulkInsert(ds, BIG);
        FeedbackReview review = new FeedbackReview(ds);

        long baseline = usedHeapAfterGc();
        CheckingCsvWriter out = new CheckingCsvWriter(16, record -> {
            if (record == BIG / 2 || record == BIG - 100) {
                return usedHeapAfterGc();
            }
            return Long.MIN_VALUE;
        });
        long t0 = System.nanoTime();
        assertEquals(BIG, review.exportCsv(LogFilter.ALL, out));
        System.out.println(kind + ": exported " + BIG + " rows, " + out.chars() / 1_000_000 + " M characters in "
                + (System.nanoTime() - t0) / 1_000_000 + " ms; heap growth " + (out.maxSample() - baseline) / 1024
                + " kB");

        assertTrue(out.maxSample() != Long.MIN_VALUE, "the heap was sampled");
        assertEquals(BIG + 1, out.records(), "header + rows");
        assertTrue(out.chars() > 100_000_000L, "the rows are about 1 kB each");
        assertEquals(0, out.forbiddenSeen(), "patient_id, payload, encounter or launch leaked");
        assertEquals(0, out.formulaCells(), "a cell starts with = + - @ TAB or CR");
        assertTrue(out.neutralisedCells() >= BIG / 2, "the formula-like comments came out prefixed with '");
        assertTrue(out.maxSample() - baseline < MAX_GROWTH_BYTES, () -> "heap grew by "
                + (out.maxSample() - baseline) / (1 << 20) + " MB while streaming: rows are being held in memory");
    }

    private static String cell(String value) throws IOException {
        StringWriter out = new StringWriter();
        CsvExport.cell(out, value);
        return out.toString();
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Rows straight into the table (not through the chain: only the export is under test), ~1 kB each. */
    private static void bulkInsert(DataSource ds, int n) throws SQLException {
        String[] comments = {"=cmd|' /C calc'!A0 ", "+1 ", "-2 ", "@SUM(A1) ", "\tTAB ", "\rCR ", "plain, "};
        String padding = "x".repeat(900);
        try (Connection c = ds.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO"
                + " feedback_event (id, occurred_at, actor, actor_role, ehr, patient_key, patient_id, encounter_id,"
                + " card_type, rule_id, rule_version, outcome, reason, user_comment, payload, launch_id,"
                + " patient_age_band, chain_version, prev_hash, row_hash)"
                + " VALUES (?, ?, ?, 'clinician', 'sandbox', ?, ?, 'ENCOUNTER-SECRET', 'SCORE', 'news2', '1.0.0',"
                + " 'OVERRIDDEN', ?, ?, '{\"PAYLOAD-SECRET\":1}', 'LAUNCH-SECRET', '85+', 2, ?, ?)")) {
            c.setAutoCommit(false);
            OffsetDateTime t = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
            for (int i = 1; i <= n; i++) {
                insert.setLong(1, i);
                insert.setObject(2, t.plusSeconds(i));
                insert.setString(3, i % 11 == 0 ? "-Practitioner/odd" : "Practitioner/p" + i % 17);
                insert.setString(4, String.format("%064x", i));
                insert.setString(5, ReviewFixtures.PATIENT_PREFIX + i);
                insert.setString(6, i % 13 == 0 ? "=HYPERLINK(\"http://x\")" : "not-relevant");
                insert.setString(7, comments[i % comments.length] + padding);
                insert.setString(8, String.format("%064x", i - 1));
                insert.setString(9, String.format("%064x", i));
                insert.addBatch();
                if (i % 1000 == 0) {
                    insert.executeBatch();
                    c.commit();
                }
            }
            insert.executeBatch();
            c.commit();
            c.setAutoCommit(true);
        }
    }
}
