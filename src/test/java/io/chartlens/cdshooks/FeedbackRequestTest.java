package io.chartlens.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.overrides.FeedbackOutcome;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackRequestTest {

    private static final String CARD = "4e0a3a1e-3283-4575-ab82-028d55fe2719";

    @Test
    void parsesAcceptedAndOverriddenOutcomes() throws Exception {
        FeedbackRequest r = FeedbackRequest.parse("""
                {"feedback": [
                  {"card": "%s", "outcome": "accepted", "acceptedSuggestions": [{"id": "s-1"}],
                   "outcomeTimestamp": "2026-11-24T10:00:00Z"},
                  {"card": "%s", "outcome": "overridden", "outcomeTimestamp": "2026-11-24T10:01:00+01:00",
                   "overrideReason": {"reason": {"system": "https://x", "code": "patient-declined",
                     "display": "Patient declined"}, "userComment": "Prefers to wait"}}]}
                """.formatted(CARD, CARD));
        assertEquals(2, r.feedback().size());
        FeedbackRequest.CardFeedback accepted = r.feedback().get(0);
        assertEquals(FeedbackOutcome.ACCEPTED, accepted.outcome());
        assertEquals(List.of("s-1"), accepted.acceptedSuggestions());
        assertEquals(Instant.parse("2026-11-24T10:00:00Z"), accepted.outcomeTimestamp());
        FeedbackRequest.OverrideReason reason = r.feedback().get(1).overrideReason().orElseThrow();
        assertEquals(new FeedbackRequest.OverrideReason("https://x", "patient-declined", "Patient declined",
                "Prefers to wait"), reason);
        assertEquals(Instant.parse("2026-11-24T09:01:00Z"), r.feedback().get(1).outcomeTimestamp());
    }

    @Test
    void anOverrideWithoutReasonOrWithACommentOnlyIsFine() throws Exception {
        FeedbackRequest r = FeedbackRequest.parse("""
                {"feedback": [{"card": "%s", "outcome": "overridden", "outcomeTimestamp": "2026-11-24T10:00:00Z"},
                  {"card": "%s", "outcome": "overridden", "outcomeTimestamp": "2026-11-24T10:00:00Z",
                   "overrideReason": {"userComment": "not now"}}]}""".formatted(CARD, CARD));
        assertTrue(r.feedback().get(0).overrideReason().isEmpty());
        assertEquals(null, r.feedback().get(1).overrideReason().orElseThrow().code());
    }

    @Test
    void rejectsWhatTheSpecDoesNotAllow() {
        assertMalformed("{}", "the body must be");
        assertMalformed("{\"feedback\": []}", "feedback must hold 1 to 100 entries");
        assertMalformed(one("\"card\": \"x\", \"outcome\": \"accepted\""), "feedback.card must be a card uuid");
        assertMalformed(one("\"card\": \"" + CARD + "\", \"outcome\": \"ignored\", \"outcomeTimestamp\": \"2026-11-24T10:00:00Z\""),
                "feedback.outcome must be");
        assertMalformed(one("\"card\": \"" + CARD + "\", \"outcome\": \"overridden\", \"outcomeTimestamp\": \"yesterday\""),
                "feedback.outcomeTimestamp must be");
        assertMalformed(one("\"card\": \"" + CARD + "\", \"outcome\": \"accepted\", \"outcomeTimestamp\": \"2026-11-24T10:00:00Z\""),
                "acceptedSuggestions are required with accepted");
        assertMalformed(one("\"card\": \"" + CARD + "\", \"outcome\": \"accepted\", \"outcomeTimestamp\": \"2026-11-24T10:00:00Z\","
                + " \"acceptedSuggestions\": [{\"id\": \"s\"}], \"overrideReason\": {\"userComment\": \"x\"}"),
                "overrideReason comes only with outcome overridden");
        assertMalformed(one("\"card\": \"" + CARD + "\", \"outcome\": \"overridden\", \"outcomeTimestamp\": \"2026-11-24T10:00:00Z\","
                + " \"overrideReason\": {}"), "overrideReason needs a reason or a userComment");
    }

    private static String one(String entry) {
        return "{\"feedback\": [{" + entry + "}]}";
    }

    private static void assertMalformed(String body, String detail) {
        CdsHooksException e = assertThrows(CdsHooksException.class, () -> FeedbackRequest.parse(body));
        assertEquals(CdsFailure.MALFORMED_REQUEST, e.failure());
        assertTrue(e.detail().startsWith(detail), "expected '" + detail + "' in " + e.detail());
    }
}
