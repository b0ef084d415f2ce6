package io.chartlens.overrides;

import java.util.Map;

/** Shared test values. */
final class Fixtures {

    static final String PATIENT_KEY = "051d59019950719fca95ac7683a69d70b0daa19a4c2426b9dfde53bb3deea171";
    static final String TEST_KEY_HEX = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    private Fixtures() {
    }

    static FeedbackEntry entry() {
        return new FeedbackEntry("Practitioner/123", "physician", "sandbox", "pat-1", null, CardType.SCORE,
                "ascvd-pce", "2013.1", FeedbackOutcome.OVERRIDDEN, "patient-declined", "Zoë said no\nline 2",
                FeedbackPayload.shown(Map.of("sbp", Map.of("id", "Observation/1", "value", 130))), "L1");
    }

    static FeedbackEntry withStrata(FeedbackEntry e) {
        return new FeedbackEntry(e.actor(), e.actorRole(), e.ehr(), e.patientId(), e.encounterId(), e.cardType(),
                e.ruleId(), e.ruleVersion(), e.outcome(), e.reason(), e.userComment(), e.payload(), e.launchId(),
                new PatientStrata("65-74", "female", "white", "not-hispanic-or-latino"));
    }

    static FeedbackEntry entry(String patientId, String ruleId, FeedbackOutcome outcome, String reason) {
        return new FeedbackEntry("Practitioner/7", null, "sandbox", patientId, "enc-1", CardType.CARE_GAP, ruleId,
                "1", outcome, reason, null, "{\"inputs\":{}}", null);
    }
}
