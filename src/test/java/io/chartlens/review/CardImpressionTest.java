package io.chartlens.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.overrides.CardType;
import io.chartlens.overrides.PatientStrata;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What one impression is: the same card in the same launch is the same impression, and nothing identifies anyone. */
class CardImpressionTest {

    private static final Instant AT = Instant.parse("2026-03-08T23:59:59.999Z");

    private static CardImpression news2(String launch, String version, Instant at) {
        return CardImpression.onSummary(launch, CardType.SCORE, "news2", "news2", version, "sandbox", "clinician",
                ReviewFixtures.OLD_WOMAN, at);
    }

    @Test
    void aReRenderInTheSameLaunchIsTheSameImpressionEvenTheNextDay() {
        assertEquals(news2("launch-A", "1.0.0", AT).key(), news2("launch-A", "1.0.0", AT.plusSeconds(3600)).key());
        assertEquals(LocalDate.of(2026, 3, 8), news2("launch-A", "1.0.0", AT).shownOn(), "the UTC day");
        assertEquals(LocalDate.of(2026, 3, 9), news2("launch-A", "1.0.0", AT.plusSeconds(3600)).shownOn());
    }

    @Test
    void anotherLaunchVersionCardOrSourceIsAnotherImpression() {
        String key = news2("launch-A", "1.0.0", AT).key();
        assertNotEquals(key, news2("launch-B", "1.0.0", AT).key());
        assertNotEquals(key, news2("launch-A", "1.1.0", AT).key());
        assertNotEquals(key, CardImpression.onSummary("launch-A", CardType.CARE_GAP, "news2", "news2", "1.0.0",
                "sandbox", "clinician", null, AT).key(), "ids repeat across card types");
        assertNotEquals(key, CardImpression.issuedByHook("launch-A", CardType.SCORE, "news2", "1.0.0", "sandbox",
                null, AT).key(), "a hook instance is not a launch");
        CardImpression s1 = CardImpression.onSummary("launch-A", CardType.AI_STATEMENT, "s-0001", "ai-summary",
                "summary-v1", "sandbox", null, null, AT);
        CardImpression s2 = CardImpression.onSummary("launch-A", CardType.AI_STATEMENT, "s-0002", "ai-summary",
                "summary-v1", "sandbox", null, null, AT);
        assertNotEquals(s1.key(), s2.key(), "each statement is a card of its own, as each is decided on");
        assertEquals(s1.rule(), s2.rule());
    }

    @Test
    void theKeyIsADigestThatDoesNotQuoteTheLaunchAndPartsCannotCollide() {
        CardImpression i = news2("LAUNCH-SECRET", "1.0.0", AT);
        assertTrue(i.key().matches("[0-9a-f]{64}"));
        assertFalse(i.toString().contains("LAUNCH-SECRET"));
        // "ab" + "c" and "a" + "bc" are different part lists
        assertNotEquals(CardImpression.key(ImpressionSource.SUMMARY, "L", CardType.SCORE, "ab", "c", "1"),
                CardImpression.key(ImpressionSource.SUMMARY, "L", CardType.SCORE, "a", "bc", "1"));
    }

    @Test
    void aCdsHooksCardHasNoRoleAndARetriedCallCountsOnce() {
        CardImpression first = CardImpression.issuedByHook("d1577c69-dfbe-44ad-ba6d-3e05e953b2ea", CardType.SCORE,
                "qsofa", "1.0.0", "sandbox", PatientStrata.NOT_RECORDED, AT);
        CardImpression retry = CardImpression.issuedByHook("d1577c69-dfbe-44ad-ba6d-3e05e953b2ea", CardType.SCORE,
                "qsofa", "1.0.0", "sandbox", PatientStrata.NOT_RECORDED, AT.plusSeconds(5));
        assertEquals(first.key(), retry.key());
        assertEquals(ImpressionSource.CDS_HOOKS, first.source());
        assertNull(first.role());
    }

    @Test
    void refusesWhatTheTableCannotHold() {
        assertEquals("the launch (or hook instance) and the card id are required", assertThrows(
                IllegalArgumentException.class, () -> news2(" ", "1.0.0", AT)).getMessage());
        assertEquals("ruleVersion is required and must be 1 to 40 characters", assertThrows(
                IllegalArgumentException.class, () -> news2("L", "v".repeat(41), AT)).getMessage());
        assertEquals("role must be 1 to 40 characters", assertThrows(IllegalArgumentException.class,
                () -> CardImpression.onSummary("L", CardType.SCORE, "news2", "news2", "1.0.0", "sandbox", "",
                        null, AT)).getMessage());
        assertEquals(PatientStrata.NOT_RECORDED, CardImpression.onSummary("L", CardType.SCORE, "news2", "news2",
                "1.0.0", "sandbox", null, null, AT).strata());
    }
}
