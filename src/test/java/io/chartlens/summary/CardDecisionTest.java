package io.chartlens.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chartlens.overrides.CardType;
import io.chartlens.overrides.FeedbackOutcome;
import io.chartlens.overrides.OverrideReasons;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decision form's parsing, against the committed reason list. */
class CardDecisionTest {

    private static final String KEY = "a".repeat(64);

    private static OverrideReasons reasons() throws Exception {
        return OverrideReasons.parse(Files.readString(Path.of("smart-config/overrides/override-reasons.json")));
    }

    private static Map<String, String> form(String outcome, String reason, String comment) {
        Map<String, String> f = new HashMap<>();
        f.put("card", "score");
        f.put("id", "news2");
        f.put("patient", KEY);
        f.put("outcome", outcome);
        f.put("reason", reason);
        f.put("comment", comment);
        f.put("requestKey", "abcdefghijkl");
        return f;
    }

    @Test
    void overrideWithAListedReason() throws Exception {
        CardDecision d = CardDecision.parse(form("overridden", "data-wrong", " the BP was\r\nre-measured "),
                reasons());
        assertEquals(new CardDecision(CardType.SCORE, "news2", KEY, FeedbackOutcome.OVERRIDDEN, "data-wrong",
                "the BP was\nre-measured", "abcdefghijkl"), d);
    }

    @Test
    void acceptAndDismissNeedNoReason() throws Exception {
        assertNull(CardDecision.parse(form("accepted", "", null), reasons()).reason());
        assertEquals(FeedbackOutcome.DISMISSED, CardDecision.parse(form("dismissed", null, ""), reasons()).outcome());
    }

    @Test
    void rejectsWhatTheFormCannotHaveSent() throws Exception {
        OverrideReasons r = reasons();
        assertEquals("Choose a reason to override.", message(form("overridden", "", "x"), r));
        assertEquals("That reason is not in the list; choose one of the reasons offered.",
                message(form("overridden", "because", null), r));
        assertEquals("Say why in the comment when the reason is \"Other (say why in the comment)\".",
                message(form("overridden", "other", " "), r));
        assertEquals("Choose accept, override or dismiss.", message(form("maybe", null, null), r));
        Map<String, String> f = form("accepted", null, "x".repeat(2001));
        assertEquals("The comment is longer than 2000 characters; shorten it.", message(f, r));
        Map<String, String> card = form("accepted", null, null);
        card.put("card", "patient");
        assertThrows(CardDecision.InvalidException.class, () -> CardDecision.parse(card, r));
        Map<String, String> id = form("accepted", null, null);
        id.put("id", "<script>");
        assertThrows(CardDecision.InvalidException.class, () -> CardDecision.parse(id, r));
        Map<String, String> patient = form("accepted", null, null);
        patient.put("patient", "pat-1");
        assertThrows(CardDecision.InvalidException.class, () -> CardDecision.parse(patient, r));
    }

    @Test
    void reasonListIsChecked() {
        assertThrows(com.nimbusds.oauth2.sdk.ParseException.class, () -> OverrideReasons.parse(
                "{\"system\":\"s\",\"reasons\":[{\"code\":\"a\",\"display\":\"A\"},{\"code\":\"a\",\"display\":\"B\"}]}"));
        assertThrows(com.nimbusds.oauth2.sdk.ParseException.class, () -> OverrideReasons.parse(
                "{\"system\":\"s\",\"reasons\":[{\"code\":\"Bad Code\",\"display\":\"A\"}]}"));
        assertThrows(com.nimbusds.oauth2.sdk.ParseException.class, () -> OverrideReasons.parse(
                "{\"system\":\"s\",\"reasons\":[]}"));
    }

    private static String message(Map<String, String> form, OverrideReasons reasons) {
        return assertThrows(CardDecision.InvalidException.class, () -> CardDecision.parse(form, reasons)).getMessage();
    }
}
