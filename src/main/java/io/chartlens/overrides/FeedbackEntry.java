package io.chartlens.overrides;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One clinician decision on a card, or one what-if input correction, as the caller describes it;
 * {@link FeedbackLog#append} adds the time, the pseudonymous patient key, the id and the hashes.
 *
 * <p>Validated here, before any database work, so a bad value fails with a clear reason that names the field and
 * never quotes the value (it may be PHI). Nothing is truncated: identifiers would point at the wrong thing, a cut
 * payload would no longer be JSON, and a cut comment would lose feedback. The UI should therefore limit its fields
 * to the lengths below. Values are stripped of surrounding white space; an optional value that is blank becomes
 * null. Control characters (and unpaired surrogates, which PostgreSQL cannot store) are rejected, except that
 * {@code userComment} may hold line breaks and tabs (CR LF and CR become LF).
 *
 * <p>{@link #toString()} leaves out the actor, the patient, the encounter, the comment and the payload, so that
 * logging an entry cannot leak PHI.
 *
 * @param actor       the user's fhirUser reference (e.g. {@code Practitioner/123} or an absolute URL), never a
 *                    name; required, at most 300 characters
 * @param actorRole   the user's role if known (e.g. a SMART/EHR role code), or null; at most 40 characters
 * @param ehr         the EHR registration id; required, at most 100 characters
 * @param patientId   the FHIR logical id of the patient; required, at most 200 characters (stored for audit only;
 *                    analyses use the patient key)
 * @param encounterId the encounter in context, or null; at most 200 characters
 * @param cardType    the kind of card; required
 * @param ruleId      what produced the card, e.g. a score id; required, at most 100 characters
 * @param ruleVersion the version of that rule or score definition; required, at most 40 characters
 * @param outcome     what the clinician did; required
 * @param reason      the override reason (a code, or code and display), or null; at most 200 characters
 * @param userComment the clinician's free-text comment, or null; at most 2000 characters
 * @param payload     canonical JSON object (see {@link FeedbackPayload}): the inputs shown at the time with their
 *                    ids and values, and for {@link FeedbackOutcome#INPUT_CORRECTED} the input name, old and new
 *                    value and the score before and after; required, at most 8000 characters, must start with
 *                    '{' and end with '}'
 * @param launchId    the SMART launch (session) id, or null; at most 64 characters
 * @param strata      the patient's age band, sex, race and ethnicity for stratified review;
 *                    {@link PatientStrata#NOT_RECORDED} when unknown (null becomes that)
 */
public record FeedbackEntry(String actor, String actorRole, String ehr, String patientId, String encounterId,
                            CardType cardType, String ruleId, String ruleVersion, FeedbackOutcome outcome,
                            String reason, String userComment, String payload, String launchId,
                            PatientStrata strata) {

    /** Without strata (a decision whose patient's demographics are not at hand). */
    public FeedbackEntry(String actor, String actorRole, String ehr, String patientId, String encounterId,
                         CardType cardType, String ruleId, String ruleVersion, FeedbackOutcome outcome,
                         String reason, String userComment, String payload, String launchId) {
        this(actor, actorRole, ehr, patientId, encounterId, cardType, ruleId, ruleVersion, outcome, reason,
                userComment, payload, launchId, PatientStrata.NOT_RECORDED);
    }

    static final int ACTOR_MAX = 300;
    static final int ACTOR_ROLE_MAX = 40;
    static final int EHR_MAX = 100;
    static final int PATIENT_MAX = 200;
    static final int ENCOUNTER_MAX = 200;
    static final int RULE_ID_MAX = 100;
    static final int RULE_VERSION_MAX = 40;
    static final int REASON_MAX = 200;
    static final int COMMENT_MAX = 2000;
    static final int PAYLOAD_MAX = 8000;
    static final int LAUNCH_ID_MAX = 64;

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029]");
    /** Control characters other than LF and TAB. */
    private static final Pattern CONTROL_IN_TEXT = Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029&&[^\\n\\t]]");

    public FeedbackEntry {
        actor = required("actor", actor, ACTOR_MAX);
        actorRole = optional("actorRole", actorRole, ACTOR_ROLE_MAX);
        ehr = required("ehr", ehr, EHR_MAX);
        patientId = required("patientId", patientId, PATIENT_MAX);
        encounterId = optional("encounterId", encounterId, ENCOUNTER_MAX);
        Objects.requireNonNull(cardType, "cardType is required");
        ruleId = required("ruleId", ruleId, RULE_ID_MAX);
        ruleVersion = required("ruleVersion", ruleVersion, RULE_VERSION_MAX);
        Objects.requireNonNull(outcome, "outcome is required");
        reason = optional("reason", reason, REASON_MAX);
        userComment = comment(userComment);
        payload = payload(payload);
        launchId = optional("launchId", launchId, LAUNCH_ID_MAX);
        strata = strata == null ? PatientStrata.NOT_RECORDED : strata;
    }

    /** Shows the decision, not who or for whom: no actor, patient, encounter, comment or payload. */
    @Override
    public String toString() {
        return "FeedbackEntry[cardType=" + cardType + ", ruleId=" + ruleId + ", ruleVersion=" + ruleVersion
                + ", outcome=" + outcome + ", ehr=" + ehr + ", hasReason=" + (reason != null) + ", hasComment="
                + (userComment != null) + ", payloadLength=" + payload.length() + "]";
    }

    private static String required(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return checked(name, value.strip(), max, CONTROL);
    }

    private static String optional(String name, String value, int max) {
        return value == null || value.isBlank() ? null : checked(name, value.strip(), max, CONTROL);
    }

    private static String comment(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String normalised = value.replace("\r\n", "\n").replace('\r', '\n').strip();
        return checked("userComment", normalised, COMMENT_MAX, CONTROL_IN_TEXT);
    }

    private static String payload(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("payload is required (a JSON object; see FeedbackPayload)");
        }
        String stripped = checked("payload", value.strip(), PAYLOAD_MAX, CONTROL);
        if (!stripped.startsWith("{") || !stripped.endsWith("}")) {
            throw new IllegalArgumentException("payload must be a JSON object (see FeedbackPayload)");
        }
        return stripped;
    }

    /** The reason names the field and the length, never the value (it may be PHI). */
    private static String checked(String name, String value, int max, Pattern forbidden) {
        if (value.length() > max) {
            throw new IllegalArgumentException(name + " is longer than " + max + " characters (" + value.length()
                    + "); it is not truncated, so shorten it before saving");
        }
        if (forbidden.matcher(value).find()) {
            throw new IllegalArgumentException(name + " contains control characters");
        }
        if (value.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
            throw new IllegalArgumentException(name + " contains an unpaired surrogate (not valid Unicode)");
        }
        return value;
    }
}
