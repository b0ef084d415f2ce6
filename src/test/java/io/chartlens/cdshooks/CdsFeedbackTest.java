package io.chartlens.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.chartlens.overrides.CardType;
import io.chartlens.overrides.FeedbackEntry;
import io.chartlens.overrides.FeedbackOutcome;
import io.chartlens.overrides.FeedbackUnavailableException;
import io.chartlens.overrides.PatientStrata;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.minidev.json.JSONObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Feedback into the feedback log: what each outcome becomes, and what is refused with nothing written. */
class CdsFeedbackTest {

    private static final String ISS = "https://ehr.example.org/cds";
    private static final AuthenticatedCdsClient CLIENT = new AuthenticatedCdsClient(new CdsClientRegistration("ehr",
            "EHR", ISS, URI.create("https://ehr.example.org/jwks"), Set.of(JWSAlgorithm.ES384), "sandbox", false),
            "org-7");
    private static final String SUGGESTION = UUID.randomUUID().toString();

    private final Map<String, IssuedCard> stored = new HashMap<>();
    private final List<FeedbackEntry> written = new ArrayList<>();
    private RuntimeException logFailure;
    private CdsFeedback feedback;
    private IssuedCard card;

    @BeforeEach
    void wire() throws Exception {
        feedback = new CdsFeedback();
        feedback.issuedCards = new IssuedCards() {
            @Override
            public Optional<IssuedCard> find(String uuid) {
                return Optional.ofNullable(stored.get(uuid));
            }
        };
        feedback.writer = new CdsFeedbackWriter() {
            @Override
            public void appendAll(List<FeedbackEntry> entries) {
                if (logFailure != null) {
                    throw logFailure;
                }
                written.addAll(entries);
            }
        };
        feedback.reasons = new CardOverrideReasons(CdsFixtures.overrideReasons());
        card = new IssuedCard(UUID.randomUUID().toString(), Instant.parse("2026-11-24T09:59:00Z"),
                HookRequestTest.INSTANCE, ISS, "sandbox", "patient-1", "enc-1",
                new PatientStrata("85+", "male", null, null), CardType.SCORE, "hasbled", "1.0.0", Indicator.WARNING,
                List.of(new IssuedCard.IssuedSuggestion(SUGGESTION, "stroke-prevention", "1.0.0")),
                "{\"band\":\"high\",\"inputs\":{\"age\":{\"id\":\"Patient/patient-1\",\"value\":\"107 years\"}}}");
        stored.put(card.uuid(), card);
    }

    @Test
    void anAcceptedSuggestionIsLoggedForTheCardsRuleWithTheClientAsActor() throws Exception {
        assertEquals(1, feedback.record(CLIENT, request("""
                {"card": "%s", "outcome": "accepted", "acceptedSuggestions": [{"id": "%s"}],
                 "outcomeTimestamp": "2026-11-24T10:00:00Z"}""".formatted(card.uuid(), SUGGESTION))));
        FeedbackEntry entry = written.get(0);
        assertEquals("cds-client:" + ISS, entry.actor());
        assertEquals("sandbox", entry.ehr());
        assertEquals("patient-1", entry.patientId());
        assertEquals("enc-1", entry.encounterId());
        assertEquals(CardType.SCORE, entry.cardType());
        assertEquals("hasbled", entry.ruleId());
        assertEquals("1.0.0", entry.ruleVersion());
        assertEquals(FeedbackOutcome.ACCEPTED, entry.outcome());
        assertEquals(null, entry.reason());
        assertEquals(new PatientStrata("85+", "male", null, null), entry.strata());
        JSONObject payload = JSONObjectUtils.parse(entry.payload());
        assertEquals("high", payload.get("band"), "what the card showed");
        assertTrue(((JSONObject) payload.get("inputs")).containsKey("age"));
        JSONObject cds = (JSONObject) payload.get("cdsHooks");
        assertEquals(card.uuid(), cds.get("card"));
        assertEquals(HookRequestTest.INSTANCE, cds.get("hookInstance"));
        assertEquals("2026-11-24T10:00:00Z", cds.get("outcomeTimestamp"));
        assertEquals("org-7", cds.get("tenant"));
        assertTrue(cds.get("acceptedSuggestions").toString().contains("stroke-prevention"), cds.toJSONString());
    }

    @Test
    void anOverrideKeepsItsReasonAndComment() throws Exception {
        feedback.record(CLIENT, request("""
                {"card": "%s", "outcome": "overridden", "outcomeTimestamp": "2026-11-24T10:00:00Z",
                 "overrideReason": {"reason": {"system": "https://chartlens.io/fhir/CodeSystem/override-reason",
                   "code": "patient-declined"}, "userComment": "Will discuss at next visit"}}""".formatted(card.uuid())));
        feedback.record(CLIENT, request("""
                {"card": "%s", "outcome": "overridden", "outcomeTimestamp": "2026-11-24T10:00:00Z",
                 "overrideReason": {"reason": {"system": "https://ehr.example.org/reasons", "code": "x1",
                   "display": "Seen by cardiology"}}}""".formatted(card.uuid())));
        assertEquals("patient-declined", written.get(0).reason(), "as the summary page stores it");
        assertEquals("Will discuss at next visit", written.get(0).userComment());
        assertEquals(FeedbackOutcome.OVERRIDDEN, written.get(0).outcome());
        assertEquals("https://ehr.example.org/reasons|x1", written.get(1).reason(), "not one of ours");
    }

    @Test
    void aReasonThatNeedsACommentWithoutOneIsRefused() {
        assertRefused(CdsFailure.MALFORMED_REQUEST, """
                {"card": "%s", "outcome": "overridden", "outcomeTimestamp": "2026-11-24T10:00:00Z",
                 "overrideReason": {"reason": {"system": "https://chartlens.io/fhir/CodeSystem/override-reason",
                   "code": "other"}}}""".formatted(card.uuid()));
    }

    @Test
    void anUnknownCardOrAnotherClientsCardOrSuggestionWritesNothing() {
        String good = """
                {"card": "%s", "outcome": "overridden", "outcomeTimestamp": "2026-11-24T10:00:00Z"}"""
                .formatted(card.uuid());
        String unknown = """
                {"card": "%s", "outcome": "overridden", "outcomeTimestamp": "2026-11-24T10:00:00Z"}"""
                .formatted(UUID.randomUUID());
        assertRefused(CdsFailure.UNKNOWN_CARD, good + ", " + unknown);
        IssuedCard foreign = new IssuedCard(UUID.randomUUID().toString(), card.issuedAt(), card.hookInstance(),
                "https://other.example.org", "sandbox", "patient-1", null, null, CardType.CARE_GAP, "flu", "1.0.0",
                Indicator.INFO, List.of(), "{}");
        stored.put(foreign.uuid(), foreign);
        assertRefused(CdsFailure.UNKNOWN_CARD, """
                {"card": "%s", "outcome": "overridden", "outcomeTimestamp": "2026-11-24T10:00:00Z"}"""
                .formatted(foreign.uuid()));
        assertRefused(CdsFailure.UNKNOWN_SUGGESTION, """
                {"card": "%s", "outcome": "accepted", "acceptedSuggestions": [{"id": "%s"}],
                 "outcomeTimestamp": "2026-11-24T10:00:00Z"}""".formatted(card.uuid(), UUID.randomUUID()));
        assertEquals(List.of(), written);
    }

    @Test
    void aLogThatIsDownIsA503() {
        logFailure = new FeedbackUnavailableException("The feedback log is unavailable: the decision was NOT saved",
                null);
        CdsHooksException e = assertRefused(CdsFailure.FEEDBACK_UNAVAILABLE, """
                {"card": "%s", "outcome": "overridden", "outcomeTimestamp": "2026-11-24T10:00:00Z"}"""
                .formatted(card.uuid()));
        assertEquals(503, e.failure().status());
        feedback.issuedCards = new IssuedCards() {
            @Override
            public Optional<IssuedCard> find(String uuid) {
                throw new Unavailable("down", null);
            }
        };
        assertRefused(CdsFailure.FEEDBACK_UNAVAILABLE, """
                {"card": "%s", "outcome": "overridden", "outcomeTimestamp": "2026-11-24T10:00:00Z"}"""
                .formatted(card.uuid()));
    }

    private CdsHooksException assertRefused(CdsFailure failure, String entries) {
        CdsHooksException e = assertThrows(CdsHooksException.class, () -> feedback.record(CLIENT, request(entries)));
        assertEquals(failure, e.failure(), e.getMessage());
        return e;
    }

    private static FeedbackRequest request(String entries) throws CdsHooksException {
        return FeedbackRequest.parse("{\"feedback\": [" + entries + "]}");
    }
}
