package io.chartlens.overrides;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The canonical form, the row hash and the verifier, without a database. */
class FeedbackChainTest {

    private static final Instant AT = Instant.parse("2026-03-04T05:06:07.123456Z");

    /** Computed independently (a few lines of Python over the documented format); pins the format forever. */
    private static final String GOLDEN = "a3460b3d41123f3e6afe59842733e178b905d160b73f229056a6351453506a7a";

    @Test
    void formatOneHashIsStableAndMatchesTheDocumentedFormat() {
        assertEquals(GOLDEN, FeedbackChain.rowHash(1, FeedbackChain.GENESIS, AT,
                FeedbackChain.contentOf(Fixtures.PATIENT_KEY, Fixtures.entry())));
        String canonical = new String(FeedbackChain.canonical(1, FeedbackChain.GENESIS, AT,
                FeedbackChain.contentOf(Fixtures.PATIENT_KEY, Fixtures.entry())), StandardCharsets.UTF_8);
        assertTrue(canonical.startsWith("chartlens.feedback.v1\n64:" + "0".repeat(64)
                + "27:2026-03-04T05:06:07.123456Z16:Practitioner/1239:physician7:sandbox64:"));
        assertTrue(canonical.contains("5:pat-1~5:SCORE"), canonical);
        assertTrue(canonical.contains("19:Zoë said no\nline 2"), "length in UTF-8 bytes: " + canonical);
    }

    @Test
    void formatTwoIsFormatOneWithItsOwnTagAndTheStrataAppended() {
        FeedbackEntry e = Fixtures.withStrata(Fixtures.entry());
        List<String> content = FeedbackChain.contentOf(Fixtures.PATIENT_KEY, e);
        List<String> withoutStrata = new ArrayList<>(content);
        for (int i = 14; i < 18; i++) {
            withoutStrata.set(i, null);
        }
        String v1 = new String(FeedbackChain.canonical(1, FeedbackChain.GENESIS, AT, withoutStrata),
                StandardCharsets.UTF_8);
        String v2 = new String(FeedbackChain.canonical(2, FeedbackChain.GENESIS, AT, content), StandardCharsets.UTF_8);
        assertEquals(v1.replaceFirst("^chartlens\\.feedback\\.v1\n", "chartlens.feedback.v2\n")
                + "5:65-746:female5:white22:not-hispanic-or-latino", v2);
        assertEquals(FeedbackChain.rowHash(2, FeedbackChain.GENESIS, AT, content),
                FeedbackChain.rowHash(FeedbackChain.GENESIS, AT, Fixtures.PATIENT_KEY, e), "new rows are format 2");
        // a format-1 row cannot carry strata: such a row was forged, and verification says so
        assertThrows(IllegalArgumentException.class, () -> FeedbackChain.rowHash(1, FeedbackChain.GENESIS, AT,
                content));
        assertThrows(IllegalArgumentException.class, () -> FeedbackChain.rowHash(3, FeedbackChain.GENESIS, AT,
                content));
    }

    @Test
    void verifierAcceptsFormatOneRowsBeforeFormatTwoRows() {
        List<FeedbackChain.Row> rows = new ArrayList<>();
        String prev = FeedbackChain.GENESIS;
        for (int i = 0; i < 4; i++) {
            int version = i < 2 ? 1 : 2;
            FeedbackEntry e = Fixtures.entry("pat-" + i, "rule", FeedbackOutcome.ACCEPTED, null);
            List<String> content = FeedbackChain.contentOf(Fixtures.PATIENT_KEY,
                    version == 2 ? Fixtures.withStrata(e) : e);
            String hash = FeedbackChain.rowHash(version, prev, AT.plusSeconds(i), content);
            rows.add(new FeedbackChain.Row(50L * (i + 1), version, AT.plusSeconds(i), content, prev, hash));
            prev = hash;
        }
        assertEquals(ChainVerification.intact(4), verify(rows, 4, last(rows)));
        // claiming format 1 for a row with strata breaks the chain at that row
        FeedbackChain.Row r = rows.get(2);
        rows.set(2, new FeedbackChain.Row(r.id(), 1, r.occurredAt(), r.content(), r.prevHash(), r.rowHash()));
        ChainVerification broken = verify(rows, 4, last(rows));
        assertEquals(r.id(), broken.firstBrokenId());
    }

    @Test
    void timeIsAlwaysSixFractionDigitsInUtc() {
        assertEquals("2026-03-04T05:06:07.000000Z", FeedbackChain.formatTime(Instant.parse("2026-03-04T05:06:07Z")));
        assertEquals("2026-03-04T05:06:07.100000Z",
                FeedbackChain.formatTime(Instant.parse("2026-03-04T06:06:07.1+01:00")));
        assertThrows(IllegalArgumentException.class, () -> FeedbackChain.rowHash(FeedbackChain.GENESIS,
                Instant.parse("2026-03-04T05:06:07.123456789Z"), Fixtures.PATIENT_KEY, Fixtures.entry()));
    }

    @Test
    void everyFieldChangesTheHash() {
        List<String> base = FeedbackChain.contentOf(Fixtures.PATIENT_KEY, Fixtures.entry());
        String baseHash = FeedbackChain.rowHash(2, FeedbackChain.GENESIS, AT, base);
        Set<String> seen = new HashSet<>();
        seen.add(baseHash);
        assertTrue(seen.add(FeedbackChain.rowHash(2, "1" + "0".repeat(63), AT, base)), "prev_hash");
        assertTrue(seen.add(FeedbackChain.rowHash(2, FeedbackChain.GENESIS, AT.plusNanos(1000), base)), "occurred_at");
        for (int i = 0; i < base.size(); i++) {
            for (String variant : new String[] {"x", null, ""}) {
                List<String> changed = new ArrayList<>(base);
                if (java.util.Objects.equals(changed.get(i), variant)) {
                    continue;
                }
                changed.set(i, variant);
                String hash = FeedbackChain.rowHash(2, FeedbackChain.GENESIS, AT, changed);
                assertNotEquals(baseHash, hash, FeedbackChain.CONTENT_COLUMNS.get(i) + " = " + variant);
                seen.add(hash);
            }
        }
        // 2 + 18 columns x up to 3 variants, all distinct
        assertTrue(seen.size() >= 2 + 18 * 2, "distinct hashes: " + seen.size());
    }

    @Test
    void fieldBoundariesCannotShift() {
        List<String> a = new ArrayList<>(FeedbackChain.contentOf(Fixtures.PATIENT_KEY, Fixtures.entry()));
        List<String> b = new ArrayList<>(a);
        a.set(10, "ab");
        a.set(11, "c");
        b.set(10, "a");
        b.set(11, "bc");
        assertNotEquals(FeedbackChain.rowHash(2, FeedbackChain.GENESIS, AT, a),
                FeedbackChain.rowHash(2, FeedbackChain.GENESIS, AT, b));
        // null, empty and the null marker itself are three different values
        List<String> c = new ArrayList<>(a);
        c.set(10, "~");
        List<String> d = new ArrayList<>(a);
        d.set(10, null);
        List<String> e = new ArrayList<>(a);
        e.set(10, "");
        assertEquals(3, Set.of(FeedbackChain.rowHash(2, FeedbackChain.GENESIS, AT, c),
                FeedbackChain.rowHash(2, FeedbackChain.GENESIS, AT, d),
                FeedbackChain.rowHash(2, FeedbackChain.GENESIS, AT, e)).size());
    }

    @Test
    void verifierAcceptsAnIntactChain() {
        List<FeedbackChain.Row> rows = chain(5);
        assertEquals(ChainVerification.intact(5), verify(rows, 5, last(rows)));
        assertEquals(ChainVerification.intact(0), verify(List.of(), 0, FeedbackChain.GENESIS));
    }

    @Test
    void verifierFindsAChangedRow() {
        List<FeedbackChain.Row> rows = chain(5);
        FeedbackChain.Row r = rows.get(2);
        List<String> content = new ArrayList<>(r.content());
        content.set(10, "other-reason");
        rows.set(2, new FeedbackChain.Row(r.id(), 2, r.occurredAt(), content, r.prevHash(), r.rowHash()));
        ChainVerification result = verify(rows, 5, last(rows));
        assertFalse(result.ok());
        assertEquals(r.id(), result.firstBrokenId());
        assertEquals(3, result.rowsChecked());
        assertTrue(result.reason().contains("row_hash"), result.reason());
    }

    @Test
    void verifierFindsARehashedRowAtTheNextLink() {
        List<FeedbackChain.Row> rows = chain(5);
        FeedbackChain.Row r = rows.get(2);
        List<String> content = new ArrayList<>(r.content());
        content.set(10, "other-reason");
        String rehashed = FeedbackChain.rowHash(2, r.prevHash(), r.occurredAt(), content);
        rows.set(2, new FeedbackChain.Row(r.id(), 2, r.occurredAt(), content, r.prevHash(), rehashed));
        ChainVerification result = verify(rows, 5, last(rows));
        assertEquals(rows.get(3).id(), result.firstBrokenId());
        assertTrue(result.reason().contains("prev_hash"), result.reason());
    }

    @Test
    void verifierFindsDeletedRows() {
        List<FeedbackChain.Row> rows = chain(5);
        String head = last(rows);
        List<FeedbackChain.Row> middle = new ArrayList<>(rows);
        middle.remove(2);
        assertEquals(rows.get(3).id(), verify(middle, 5, head).firstBrokenId());
        List<FeedbackChain.Row> first = new ArrayList<>(rows);
        first.remove(0);
        assertEquals(rows.get(1).id(), verify(first, 5, head).firstBrokenId());
        List<FeedbackChain.Row> end = new ArrayList<>(rows);
        end.remove(4);
        ChainVerification result = verify(end, 5, head);
        assertFalse(result.ok());
        assertNull(result.firstBrokenId());
        assertTrue(result.reason().contains("deleted"), result.reason());
    }

    @Test
    void verifierFindsRowsTheHeadDoesNotCover() {
        List<FeedbackChain.Row> rows = chain(6);
        List<FeedbackChain.Row> firstFive = rows.subList(0, 5);
        ChainVerification result = verify(rows, 5, last(firstFive));
        assertFalse(result.ok());
        assertEquals(rows.get(5).id(), result.firstBrokenId());
        // the head moved to 6 while the rows were read: fine
        FeedbackChain.Verifier v = new FeedbackChain.Verifier(5, last(firstFive));
        rows.forEach(v::accept);
        assertTrue(v.finish(6, last(rows)).ok());
        // and rows appended after the last page was read are fine as well
        FeedbackChain.Verifier w = new FeedbackChain.Verifier(5, last(firstFive));
        firstFive.forEach(w::accept);
        assertTrue(w.finish(6, last(rows)).ok());
        // a head that does not match the rows is not
        assertFalse(verify(rows.subList(0, 5), 5, rows.get(3).rowHash()).ok());
    }

    static List<FeedbackChain.Row> chain(int n) {
        List<FeedbackChain.Row> rows = new ArrayList<>();
        String prev = FeedbackChain.GENESIS;
        for (int i = 0; i < n; i++) {
            Instant at = AT.plusSeconds(i);
            List<String> content = FeedbackChain.contentOf(Fixtures.PATIENT_KEY, Fixtures.entry("pat-" + i,
                    "rule-" + i, FeedbackOutcome.values()[i % 4], i % 2 == 0 ? null : "r" + i));
            String hash = FeedbackChain.rowHash(2, prev, at, content);
            rows.add(new FeedbackChain.Row(50L * (i + 1), 2, at, content, prev, hash));
            prev = hash;
        }
        return rows;
    }

    private static String last(List<FeedbackChain.Row> rows) {
        return rows.get(rows.size() - 1).rowHash();
    }

    private static ChainVerification verify(List<FeedbackChain.Row> rows, long headCount, String headHash) {
        FeedbackChain.Verifier v = new FeedbackChain.Verifier(headCount, headHash);
        for (FeedbackChain.Row row : rows) {
            if (!v.accept(row)) {
                break;
            }
        }
        return v.finish(headCount, headHash);
    }

    @Test
    void contentOrderIsTheColumnOrder() {
        assertEquals(Arrays.asList("Practitioner/123", "physician", "sandbox", Fixtures.PATIENT_KEY, "pat-1", null,
                "SCORE", "ascvd-pce", "2013.1", "OVERRIDDEN", "patient-declined", "Zoë said no\nline 2",
                "{\"inputs\":{\"sbp\":{\"id\":\"Observation/1\",\"value\":130}}}", "L1",
                "65-74", "female", "white", "not-hispanic-or-latino"),
                FeedbackChain.contentOf(Fixtures.PATIENT_KEY, Fixtures.withStrata(Fixtures.entry())));
    }
}
