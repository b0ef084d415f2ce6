package io.chartlens.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.overrides.CardType;
import io.chartlens.overrides.PatientStrata;
import io.chartlens.testsupport.Cleanups;
import io.chartlens.testsupport.MigratedDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The issued-card table (migration V5) on H2 2.x and PostgreSQL 15 (a throwaway schema; skipped off CI when
 * PostgreSQL is not running), migrated by the application's own migrations.
 */
class IssuedCardsTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final Cleanups cleanups = new Cleanups();

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aCardIsFoundByItsUuidAsItWasIssued(String kind) throws Exception {
        IssuedCards cards = new IssuedCards(MigratedDatabases.create(kind, dir, "cds_cards_", cleanups));
        Instant at = Instant.parse("2026-11-24T10:00:00.123456789Z");
        IssuedCard score = card(CardType.SCORE, "hasbled", Indicator.WARNING, at, List.of(
                new IssuedCard.IssuedSuggestion(UUID.randomUUID().toString(), "stroke-prevention", "1.0.0")),
                new PatientStrata("85+", "male", "white", "not-hispanic-or-latino"));
        IssuedCard gap = card(CardType.CARE_GAP, "flu", Indicator.INFO, at, List.of(), PatientStrata.NOT_RECORDED);
        cards.record(List.of(score, gap));
        IssuedCard read = cards.find(score.uuid()).orElseThrow();
        assertEquals(new IssuedCard(score.uuid(), at.truncatedTo(ChronoUnit.MICROS), score.hookInstance(),
                score.clientIss(), score.ehr(), score.patientId(), score.encounterId(), score.strata(), score.type(),
                score.ruleId(), score.ruleVersion(), score.indicator(), score.suggestions(), score.shown()), read);
        assertEquals(gap.suggestions(), cards.find(gap.uuid()).orElseThrow().suggestions());
        assertEquals(PatientStrata.NOT_RECORDED, cards.find(gap.uuid()).orElseThrow().strata());
        assertEquals(Optional.empty(), cards.find(UUID.randomUUID().toString()));
        assertTrue(read.suggestion(score.suggestions().get(0).uuid()).isPresent());
        assertFalse(read.toString().contains("patient-1"), "no patient in toString: " + read);
    }

    @Test
    void aDatabaseThatIsDownIsReportedWithoutItsMessage() {
        JdbcDataSource down = new JdbcDataSource();
        down.setURL("jdbc:h2:file:" + dir.resolve("missing") + ";IFEXISTS=TRUE");
        IssuedCards cards = new IssuedCards(down);
        IssuedCards.Unavailable write = assertThrows(IssuedCards.Unavailable.class, () -> cards.record(List.of(
                card(CardType.SCORE, "x", Indicator.INFO, Instant.now(), List.of(), null))));
        assertTrue(write.getMessage().startsWith("The issued cards were NOT stored (JdbcSQL"), write.getMessage());
        assertThrows(IssuedCards.Unavailable.class, () -> cards.find(UUID.randomUUID().toString()));
    }

    @Test
    void whatWasShownIsBoundedForTheFeedbackLog() {
        java.util.Map<String, Object> inputs = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 400; i++) {
            inputs.put("input" + i, java.util.Map.of("id", "Observation/" + UUID.randomUUID(), "value", "x".repeat(20)));
        }
        String shown = IssuedCard.shown(java.util.Map.of("inputs", inputs, "status", "open-gap"));
        assertTrue(shown.length() <= IssuedCard.SHOWN_MAX, String.valueOf(shown.length()));
        assertEquals("{\"inputsOmitted\":400,\"status\":\"open-gap\"}", shown);
    }

    private static IssuedCard card(CardType type, String rule, Indicator indicator, Instant at,
                                   List<IssuedCard.IssuedSuggestion> suggestions, PatientStrata strata) {
        return new IssuedCard(UUID.randomUUID().toString(), at, UUID.randomUUID().toString(),
                "https://ehr.example.org/cds", "sandbox", "patient-1", "enc-1", strata, type, rule, "1.0.0",
                indicator, suggestions, "{\"inputs\":{\"age\":{\"id\":\"Patient/patient-1\",\"value\":\"107 years\"}}}");
    }
}
