package io.chartlens.overrides;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FeedbackEntryTest {

    private static FeedbackEntry with(String actor, String patientId, String reason, String comment,
                                      String payload) {
        return new FeedbackEntry(actor, " ", "sandbox", patientId, "", CardType.BUNDLE, "bundle-sepsis", "3",
                FeedbackOutcome.DISMISSED, reason, comment, payload, null);
    }

    @Test
    void normalisesOptionalAndStripsValues() {
        FeedbackEntry e = with("  Practitioner/1 ", "pat-9", " ", "  a\r\nb\rc  ", " {\"a\":1} ");
        assertEquals("Practitioner/1", e.actor());
        assertNull(e.actorRole());
        assertNull(e.encounterId());
        assertNull(e.reason());
        assertEquals("a\nb\nc", e.userComment());
        assertEquals("{\"a\":1}", e.payload());
    }

    @Test
    void rejectsMissingTooLongAndControlCharacters() {
        assertThrows(IllegalArgumentException.class, () -> with(null, "p", null, null, "{}"));
        assertThrows(IllegalArgumentException.class, () -> with("a", " ", null, null, "{}"));
        assertThrows(IllegalArgumentException.class, () -> with("a", "p", null, null, null));
        assertThrows(IllegalArgumentException.class, () -> with("a", "p", null, null, "[1]"));
        assertThrows(NullPointerException.class, () -> new FeedbackEntry("a", null, "e", "p", null, null, "r", "1",
                FeedbackOutcome.ACCEPTED, null, null, "{}", null));
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> with("a", "secret-patient-" + "x".repeat(200), null, null, "{}"));
        assertTrue(tooLong.getMessage().startsWith("patientId is longer than 200"), tooLong.getMessage());
        assertFalse(tooLong.getMessage().contains("secret-patient"), "never quotes the value");
        assertThrows(IllegalArgumentException.class, () -> with("a\nb", "p", null, null, "{}"));
        assertThrows(IllegalArgumentException.class, () -> with("a", "p", "r\u0000", null, "{}"));
        assertThrows(IllegalArgumentException.class, () -> with("a", "p", null, "x\u0007", "{}"));
        assertThrows(IllegalArgumentException.class, () -> with("a", "p", null, null, "{\"a\":\"\n\"}"));
        assertThrows(IllegalArgumentException.class, () -> with("a", "p", "bad \uD800 surrogate", null, "{}"));
        assertThrows(IllegalArgumentException.class, () -> with("a", "p", null, "c".repeat(2001), "{}"));
        assertThrows(IllegalArgumentException.class, () -> with("a", "p", null, null,
                "{\"a\":\"" + "x".repeat(8000) + "\"}"));
        // the limits themselves fit
        with("a".repeat(300), "p".repeat(200), "r".repeat(200), "c".repeat(2000),
                "{\"a\":\"" + "x".repeat(7992) + "\"}");
    }

    @Test
    void toStringLeavesOutWhoAndForWhom() {
        String s = Fixtures.entry().toString();
        assertFalse(s.contains("Practitioner/123"), s);
        assertFalse(s.contains("pat-1"), s);
        assertFalse(s.contains("Zoë"), s);
        assertFalse(s.contains("Observation/1"), s);
        assertTrue(s.contains("OVERRIDDEN") && s.contains("ascvd-pce"), s);
    }
}
