package io.chartlens.review;

import io.chartlens.overrides.CardType;
import io.chartlens.overrides.PatientStrata;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One decidable card shown ({@code card_impression}, migration V7): what produced it, where and to whom it was
 * shown, and the UTC day. No PHI: no patient, launch, encounter or user; the patient only as {@link PatientStrata}.
 *
 * <p>{@code key} identifies the showing, so that showing the same card again counts once: a digest of the source,
 * the launch id (or, for CDS Hooks, the hook instance), the card type, the card's id on the page, the rule and its
 * version. A reload of a summary section in the same launch gives the same keys; a new launch gives new ones.
 *
 * @param key         64 lower-case hex digits (SHA-256), never null
 * @param source      where it was shown
 * @param cardType    the kind of card
 * @param ruleId      what produced it (score, measure or PlanDefinition id; {@code ai-summary} for a statement)
 * @param ruleVersion the version that produced it
 * @param ehr         the EHR registration id
 * @param role        the user's role code, or null when not known
 * @param strata      the patient's strata ({@link PatientStrata#NOT_RECORDED} when none; null is read as that)
 * @param shownOn     the UTC day
 */
public record CardImpression(String key, ImpressionSource source, CardType cardType, String ruleId,
                             String ruleVersion, String ehr, String role, PatientStrata strata, LocalDate shownOn) {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    public CardImpression {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("key must be 64 lower-case hex digits");
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(cardType, "cardType");
        Objects.requireNonNull(shownOn, "shownOn");
        check("ruleId", ruleId, 100, true);
        check("ruleVersion", ruleVersion, 40, true);
        check("ehr", ehr, 100, true);
        check("role", role, 40, false);
        strata = strata == null ? PatientStrata.NOT_RECORDED : strata;
    }

    /**
     * A card the summary page rendered with its decision control in a launch.
     *
     * @param launchId the launch ({@code LaunchSession.id()}); only its digest is kept
     * @param cardId   the card's id on the page (score, measure or bundle id, or a statement's key)
     * @param at       when it was rendered
     */
    public static CardImpression onSummary(String launchId, CardType cardType, String cardId, String ruleId,
                                           String ruleVersion, String ehr, String role, PatientStrata strata,
                                           Instant at) {
        return new CardImpression(key(ImpressionSource.SUMMARY, launchId, cardType, cardId, ruleId, ruleVersion),
                ImpressionSource.SUMMARY, cardType, ruleId, ruleVersion, ehr, role, strata, day(at));
    }

    /**
     * A card the CDS Hooks service issued in a hook call. The role is not recorded: CDS Hooks feedback has none
     * either, so shown and decided stay comparable per role. One call issues at most one card per rule, so the
     * rule stands for the card; a retried call (same hook instance) counts once.
     */
    public static CardImpression issuedByHook(String hookInstance, CardType cardType, String ruleId,
                                              String ruleVersion, String ehr, PatientStrata strata, Instant at) {
        return new CardImpression(key(ImpressionSource.CDS_HOOKS, hookInstance, cardType, ruleId, ruleId,
                ruleVersion), ImpressionSource.CDS_HOOKS, cardType, ruleId, ruleVersion, ehr, null, strata, day(at));
    }

    /** The rule version this impression counts for. */
    public RuleKey rule() {
        return new RuleKey(cardType, ruleId, ruleVersion);
    }

    /** SHA-256 over the parts, each as its length, a colon and its UTF-8 text (so no two part lists collide). */
    static String key(ImpressionSource source, String scope, CardType cardType, String cardId, String ruleId,
                      String ruleVersion) {
        if (scope == null || scope.isBlank() || cardId == null || cardId.isBlank()) {
            throw new IllegalArgumentException("the launch (or hook instance) and the card id are required");
        }
        StringBuilder parts = new StringBuilder();
        for (String part : new String[] {source.name(), scope, cardType.name(), cardId, String.valueOf(ruleId),
                String.valueOf(ruleVersion)}) {
            parts.append(part.length()).append(':').append(part);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(parts.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static LocalDate day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static void check(String name, String value, int max, boolean required) {
        if (value == null ? required : value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + (required ? " is required and" : "") + " must be 1 to " + max
                    + " characters");
        }
    }
}
