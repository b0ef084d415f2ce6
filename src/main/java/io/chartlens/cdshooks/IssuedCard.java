package io.chartlens.cdshooks;

import io.chartlens.overrides.CardType;
import io.chartlens.overrides.FeedbackPayload;
import io.chartlens.overrides.PatientStrata;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A card as ChartLens remembers it after issuing it ({@code cds_issued_card}, migration V5), so feedback can name it
 * by uuid. {@link #toString()} carries neither the patient nor what was shown.
 *
 * @param uuid         the card's uuid
 * @param issuedAt     when it was issued (microseconds)
 * @param hookInstance the call that issued it
 * @param clientIss    the CDS client it was issued to
 * @param ehr          the EHR registration id
 * @param patientId    the patient
 * @param encounterId  the encounter in context, or null
 * @param strata       the patient's strata at the record's reference date (for the feedback log's review)
 * @param type         SCORE or CARE_GAP
 * @param ruleId       the score or measure id
 * @param ruleVersion  its version
 * @param indicator    its indicator
 * @param suggestions  its suggestions
 * @param shown        canonical JSON of what it showed (at most {@value #SHOWN_MAX} characters)
 */
public record IssuedCard(String uuid, Instant issuedAt, String hookInstance, String clientIss, String ehr,
                         String patientId, String encounterId, PatientStrata strata, CardType type, String ruleId, String ruleVersion,
                         Indicator indicator, List<IssuedSuggestion> suggestions, String shown) {

    static final int SHOWN_MAX = 6000;

    /** A suggestion of the card: its uuid and the bundle (PlanDefinition id and version) it drafts. */
    public record IssuedSuggestion(String uuid, String bundle, String version) {
    }

    public IssuedCard {
        suggestions = List.copyOf(suggestions);
        strata = strata == null ? PatientStrata.NOT_RECORDED : strata;
    }

    /** The row for a card about to be sent. */
    static IssuedCard of(CdsCard card, Instant at, String hookInstance, String clientIss, String ehr,
                         String patientId, String encounterId, PatientStrata strata) {
        return new IssuedCard(card.uuid(), at, hookInstance, clientIss, ehr, patientId, encounterId, strata,
                card.issued().type(), card.issued().ruleId(), card.issued().ruleVersion(), card.indicator(),
                card.suggestions().stream().map(s -> new IssuedSuggestion(s.uuid(), s.bundleId(), s.bundleVersion()))
                        .toList(), shown(card.issued().shown()));
    }

    public Optional<IssuedSuggestion> suggestion(String suggestionUuid) {
        return suggestions.stream().filter(s -> s.uuid().equals(suggestionUuid)).findFirst();
    }

    /** What was shown, bounded: past {@value #SHOWN_MAX} characters the inputs are left out and counted. */
    static String shown(Map<String, Object> shown) {
        String json = FeedbackPayload.canonicalJson(shown);
        if (json.length() <= SHOWN_MAX) {
            return json;
        }
        Map<String, Object> bounded = new LinkedHashMap<>(shown);
        Object inputs = bounded.remove("inputs");
        bounded.put("inputsOmitted", inputs instanceof Map<?, ?> m ? m.size() : 0);
        bounded.replaceAll((k, v) -> v instanceof String s && s.length() > 500 ? s.substring(0, 500) : v);
        return FeedbackPayload.canonicalJson(bounded);
    }

    @Override
    public String toString() {
        return "IssuedCard[" + uuid + ", " + type + " " + ruleId + " " + ruleVersion + ", " + indicator + ", ehr="
                + ehr + "]";
    }
}
