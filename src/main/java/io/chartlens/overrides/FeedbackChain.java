package io.chartlens.overrides;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The hash chain over {@code feedback_event}: the canonical serialisation of a row, its hash, and the verifier.
 * Plain Java (no database, no container), shared by the append path and by verification, so both hash alike.
 *
 * <h2>Row hash</h2>
 * {@code row_hash} is the lower-case hex SHA-256 of these bytes (format 2, {@code chain_version = 2}, every row
 * written since migration V4):
 * <pre>
 *   "chartlens.feedback.v2\n"
 *   then 20 fields in this order:
 *     prev_hash, occurred_at, actor, actor_role, ehr, patient_key, patient_id, encounter_id, card_type,
 *     rule_id, rule_version, outcome, reason, user_comment, payload, launch_id,
 *     patient_age_band, patient_sex, patient_race, patient_ethnicity
 *   each written as  &lt;n&gt; ':' &lt;n bytes of UTF-8&gt;   (n = the UTF-8 byte length, in ASCII decimal)
 *   or, for SQL NULL, the single byte '~'
 * </pre>
 * Format 1 ({@code chain_version = 1}, rows written before V4) is the tag {@code "chartlens.feedback.v1\n"} and the
 * first 16 fields only; such a row must have no strata (they did not exist), else it fails verification.
 * {@code occurred_at} is ISO-8601 in UTC with exactly six fraction digits, e.g.
 * {@code 2026-03-04T05:06:07.123456Z} (the stored precision of both H2 and PostgreSQL). Enum columns are their
 * names. The length prefix makes the form unambiguous (no field can run into the next), and '~' keeps NULL apart
 * from the empty string. The id is not hashed: it is not content, and order is protected by the prev links.
 * Changing anything here breaks the verification of every stored row: add a new version tag instead.
 *
 * <h2>Verification</h2>
 * {@link Verifier} takes the rows in id order (the append fetches ids under the chain lock, so id order is chain
 * order) and checks that each row's {@code prev_hash} is the previous row's {@code row_hash} (genesis: 64 zeros),
 * that each {@code row_hash} matches the row's content, and that the chain head's {@code last_hash} and
 * {@code row_count} match the rows.
 */
public final class FeedbackChain {

    /** The {@code prev_hash} of the first row and the head's {@code last_hash} of an empty log: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    /** The format every new row is written in. */
    public static final int CURRENT_VERSION = 2;

    /** The hashed columns after {@code prev_hash} and {@code occurred_at}, in hashing order (format 2). */
    public static final List<String> CONTENT_COLUMNS = List.of("actor", "actor_role", "ehr", "patient_key",
            "patient_id", "encounter_id", "card_type", "rule_id", "rule_version", "outcome", "reason",
            "user_comment", "payload", "launch_id", "patient_age_band", "patient_sex", "patient_race",
            "patient_ethnicity");

    /** How many of {@link #CONTENT_COLUMNS} format 1 hashed. */
    static final int V1_CONTENT = 14;

    private static final DateTimeFormatter MICROS_UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private FeedbackChain() {
    }

    /**
     * The hash of a new row.
     *
     * @param prevHash   the previous row's hash ({@link #GENESIS} for the first row)
     * @param occurredAt the row's time; must already be truncated to microseconds, as it will be stored
     * @param patientKey the pseudonymous patient key stored with the row
     * @param entry      the validated content
     * @return 64 lower-case hex digits
     */
    public static String rowHash(String prevHash, Instant occurredAt, String patientKey, FeedbackEntry entry) {
        return rowHash(CURRENT_VERSION, prevHash, occurredAt, contentOf(patientKey, entry));
    }

    /**
     * The hash over raw column values (as read from the database, possibly tampered with).
     *
     * @param version the row's {@code chain_version} (1 or 2)
     * @param content the values of {@link #CONTENT_COLUMNS}, in that order; nulls allowed
     * @throws IllegalArgumentException for an unknown version, or a format-1 row with strata
     */
    public static String rowHash(int version, String prevHash, Instant occurredAt, List<String> content) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical(version, prevHash,
                    occurredAt, content)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** The canonical bytes that are hashed (see the class comment). */
    static byte[] canonical(int version, String prevHash, Instant occurredAt, List<String> content) {
        if (version != 1 && version != 2) {
            throw new IllegalArgumentException("unknown chain_version " + version);
        }
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (content.size() != CONTENT_COLUMNS.size()) {
            throw new IllegalArgumentException("expected " + CONTENT_COLUMNS.size() + " content values, got "
                    + content.size());
        }
        if (!occurredAt.truncatedTo(ChronoUnit.MICROS).equals(occurredAt)) {
            throw new IllegalArgumentException("occurredAt must be truncated to microseconds (as stored)");
        }
        List<String> hashed = content;
        if (version == 1) {
            if (content.subList(V1_CONTENT, content.size()).stream().anyMatch(Objects::nonNull)) {
                throw new IllegalArgumentException("a format-1 row cannot hold patient strata");
            }
            hashed = content.subList(0, V1_CONTENT);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(("chartlens.feedback.v" + version + "\n").getBytes(StandardCharsets.US_ASCII));
        field(out, prevHash);
        field(out, formatTime(occurredAt));
        for (String value : hashed) {
            field(out, value);
        }
        return out.toByteArray();
    }

    /** ISO-8601, UTC, exactly six fraction digits. */
    static String formatTime(Instant at) {
        return MICROS_UTC.format(at);
    }

    /** The values of {@link #CONTENT_COLUMNS} for a new row, exactly as they are stored. */
    static List<String> contentOf(String patientKey, FeedbackEntry e) {
        return Arrays.asList(e.actor(), e.actorRole(), e.ehr(), patientKey, e.patientId(), e.encounterId(),
                e.cardType().name(), e.ruleId(), e.ruleVersion(), e.outcome().name(), e.reason(), e.userComment(),
                e.payload(), e.launchId(), e.strata().ageBand(), e.strata().sex(), e.strata().race(),
                e.strata().ethnicity());
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.write('~');
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        out.write(':');
        out.writeBytes(bytes);
    }

    /**
     * One stored row with its raw column values, as the verifier sees it.
     *
     * @param version the row's {@code chain_version}
     * @param content the values of {@link #CONTENT_COLUMNS}, in that order
     */
    public record Row(long id, int version, Instant occurredAt, List<String> content, String prevHash,
                      String rowHash) {

        public Row {
            content = Collections.unmodifiableList(new ArrayList<>(content));
        }

        /** The hash this row's content should have, or empty when its content cannot be in its format. */
        java.util.Optional<String> expectedHash() {
            try {
                return java.util.Optional.of(FeedbackChain.rowHash(version, prevHash, occurredAt, content));
            } catch (IllegalArgumentException e) {
                return java.util.Optional.empty();
            }
        }
    }

    /**
     * Checks a chain fed to it row by row, in id order, without keeping the rows: use {@link #accept} for each row
     * (stop when it returns false), then {@link #finish}. Reading the head before and after the rows lets appends
     * continue during a verification: the rows the first head vouched for must match it, and no row may lie
     * beyond the second head.
     */
    public static final class Verifier {

        /** How many ids past the first head's count are remembered, to name a row not covered by the head. */
        private static final int BEYOND_MAX = 100_000;

        private final long startCount;
        private final String startHash;
        private String previousHash = GENESIS;
        private long checked;
        private long lastId;
        private String hashAtStartCount;
        private final List<Long> idsBeyondStart = new ArrayList<>();
        private ChainVerification broken;

        /**
         * @param headCount the head's {@code row_count} read before the first row
         * @param headHash  the head's {@code last_hash} read before the first row
         */
        public Verifier(long headCount, String headHash) {
            this.startCount = headCount;
            this.startHash = headHash;
            this.hashAtStartCount = headCount == 0 ? GENESIS : null;
        }

        /** Checks the next row; false once the chain is found broken (the result is then final). */
        public boolean accept(Row row) {
            if (broken != null) {
                return false;
            }
            checked++;
            lastId = row.id();
            if (!previousHash.equals(row.prevHash())) {
                broken = ChainVerification.broken(checked, row.id(), checked == 1
                        ? "the first row does not link to the genesis hash (rows before it were deleted)"
                        : "prev_hash is not the previous row's row_hash (a row before it was deleted, inserted, "
                          + "reordered or rewritten)");
                return false;
            }
            if (!row.expectedHash().map(row.rowHash()::equals).orElse(false)) {
                broken = ChainVerification.broken(checked, row.id(),
                        "row_hash does not match the row's content (the row was changed after it was written)");
                return false;
            }
            previousHash = row.rowHash();
            if (checked == startCount) {
                hashAtStartCount = row.rowHash();
            } else if (checked > startCount && idsBeyondStart.size() < BEYOND_MAX) {
                idsBeyondStart.add(row.id());
            }
            return true;
        }

        /**
         * The result, given the head read after the last row.
         *
         * @param headCount the head's {@code row_count} read after the last row
         * @param headHash  the head's {@code last_hash} read after the last row
         */
        public ChainVerification finish(long headCount, String headHash) {
            if (broken != null) {
                return broken;
            }
            if (checked < startCount) {
                return ChainVerification.broken(checked, null, "the chain head counts " + startCount
                        + " rows but only " + checked + " were found (rows at the end were deleted)");
            }
            if (!Objects.equals(hashAtStartCount, startHash)) {
                return ChainVerification.broken(checked, null, "the row at position " + startCount
                        + " does not match the chain head's last_hash (the newest rows were deleted or replaced)");
            }
            if (checked > headCount) {
                int index = (int) (headCount - startCount);
                Long id = index >= 0 && index < idsBeyondStart.size() ? idsBeyondStart.get(index) : null;
                return ChainVerification.broken(checked, id, "found " + checked + " rows but the chain head "
                        + "counts " + headCount + " (rows were added without going through the log, or the head "
                        + "was reset)");
            }
            if (checked == headCount && !previousHash.equals(headHash)) {
                return ChainVerification.broken(checked, checked == 0 ? null : lastId,
                        "the newest row's row_hash is not the chain head's last_hash");
            }
            return ChainVerification.intact(checked);
        }
    }
}
