package io.chartlens.review;

import io.chartlens.overrides.CardType;
import io.chartlens.overrides.FeedbackOutcome;
import io.chartlens.overrides.PatientStrata;
import java.time.Instant;

/**
 * One feedback row as the review shows it: pseudonymous. It has no field for the real patient id, the encounter, the
 * launch or the payload (the inputs shown, with resource ids); the patient appears only as its HMAC key.
 *
 * @param id          the row id (the paging cursor)
 * @param occurredAt  when it was saved (UTC)
 * @param actor       the deciding user's fhirUser reference (e.g. {@code Practitioner/123})
 * @param actorRole   the user's role as stored, or null (not recorded)
 * @param ehr         the EHR registration id
 * @param patientKey  the pseudonymous patient key (64 hex digits)
 * @param cardType    the card type
 * @param ruleId      the rule id
 * @param ruleVersion the rule version
 * @param outcome     what was decided
 * @param reason      the override reason, or null
 * @param userComment the clinician's comment, or null; free text, so it may name people: show it only to reviewers
 * @param strata      the patient's strata (null parts = not recorded)
 */
public record LogRow(long id, Instant occurredAt, String actor, String actorRole, String ehr, String patientKey,
                     CardType cardType, String ruleId, String ruleVersion, FeedbackOutcome outcome, String reason,
                     String userComment, PatientStrata strata) {
}
