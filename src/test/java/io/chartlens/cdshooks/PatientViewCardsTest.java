package io.chartlens.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.chartlens.bundles.BundleSuggestions;
import io.chartlens.caregaps.CareGapReport;
import io.chartlens.fhir.LoadedRecord;
import io.chartlens.overrides.CardType;
import io.chartlens.record.PatientRecord;
import io.chartlens.risk.RiskPanel;
import io.chartlens.risk.RiskScore;
import io.chartlens.risk.ScoreDefinition;
import java.util.ArrayList;
import java.util.List;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * Cards on real sample patients (read by the real loader from the sandbox FHIR server), with the real scores,
 * measures and bundles: which cards, in which order, with what in them.
 */
class PatientViewCardsTest {

    @Test
    void treysBleedingRiskComesBeforeHisFluGapAndCitesItsPaper() throws Exception {
        List<CdsCard> cards = CdsFixtures.cards(CdsFixtures.TREY);
        assertEquals(List.of(Indicator.WARNING, Indicator.INFO), cards.stream().map(CdsCard::indicator).toList());
        CdsCard hasbled = cards.get(0);
        assertEquals(new CdsCard.Issued(CardType.SCORE, "hasbled", "1.0.0", hasbled.issued().shown()),
                hasbled.issued());
        assertTrue(hasbled.summary().startsWith("HAS-BLED: "), hasbled.summary());
        assertTrue(hasbled.source().label().startsWith("Pisters R, Lane DA"), hasbled.source().label());
        assertNull(hasbled.source().url(), "a score has a citation, not a URL");
        assertEquals(ScoreCards.TOPIC, hasbled.source().topic());
        assertTrue(hasbled.detail().contains("From the record:"), hasbled.detail());
        assertTrue(hasbled.detail().contains("Source: Pisters"), hasbled.detail());
        CdsCard flu = cards.get(1);
        assertEquals(CardType.CARE_GAP, flu.issued().type());
        assertEquals("flu", flu.issued().ruleId());
        assertTrue(flu.summary().startsWith("Care gap: Influenza immunization"), flu.summary());
        assertEquals(GapCards.TOPIC, flu.source().topic());
        for (CdsCard card : cards) {
            assertTrue(card.summary().length() < 140, card.summary());
            assertEquals(List.of(new CdsCard.Link("Open ChartLens summary", CdsFixtures.BASE + "/launch",
                    "{\"view\":\"summary\",\"card\":\"" + card.uuid() + "\"}")), card.links());
            assertFalse(card.overrideReasons().isEmpty());
        }
    }

    @Test
    void atMostThreeCardsCriticalFirstThenWarningsInPageOrder() throws Exception {
        LoadedRecord loaded = CdsFixtures.loaded(CdsFixtures.TREY);
        PatientRecord record = CdsFixtures.record(loaded);
        RiskPanel real = RiskPanel.of(record, CdsFixtures.scores(), CdsFixtures.freshness());
        List<RiskPanel.Card> changed = new ArrayList<>();
        for (RiskPanel.Card c : real.cards()) {
            changed.add(switch (c.id()) {
                case "news2" -> alerting(c, "high (urgent or emergency response)");
                case "hospital" -> alerting(c, "high (HOSPITAL >= 7)");
                default -> c;
            });
        }
        RiskPanel panel = new RiskPanel(changed);
        CareGapReport gaps = CdsFixtures.gaps(loaded, record);
        List<CdsCard> cards = PatientViewCards.of(CdsFixtures.scores(), panel, gaps,
                BundleSuggestions.of(record, panel, gaps, CdsFixtures.catalog()),
                CdsFixtures.context(CdsFixtures.TREY, List.of()));
        assertEquals(List.of("news2 CRITICAL", "hospital WARNING", "hasbled WARNING"), cards.stream()
                .map(c -> c.issued().ruleId() + " " + c.indicator()).toList(), "the flu gap does not make the cut");
        CdsCard news2 = cards.get(0);
        assertEquals(1, news2.suggestions().size(), "the deterioration bundle");
        assertEquals("Draft orders: " + news2.suggestions().get(0).label().substring("Draft orders: ".length()),
                news2.suggestions().get(0).label());
        assertEquals("deterioration", news2.suggestions().get(0).bundleId());
    }

    @Test
    void theIndicatorFollowsTheBand() {
        assertEquals(Indicator.CRITICAL, indicator("news2", "high (urgent or emergency response)"));
        assertEquals(Indicator.WARNING, indicator("news2", "medium (key threshold for urgent response)"));
        assertEquals(Indicator.CRITICAL, indicator("qsofa", "positive (higher risk of poor outcome)"));
        assertEquals(Indicator.CRITICAL, indicator("curb65", "high (severe pneumonia: manage in hospital, assess for ICU)"));
        assertEquals(Indicator.WARNING, indicator("curb65", "moderate (consider hospital-supervised treatment)"));
        assertEquals(Indicator.WARNING, indicator("lace", "high (LACE >= 10)"), "not an acute score");
    }

    @Test
    void aGapCardSuggestsItsBundleAsDraftOrdersAndTheJsonIsCdsHooks() throws Exception {
        LoadedRecord loaded = CdsFixtures.loaded(CdsFixtures.DEANE);
        PatientRecord record = CdsFixtures.record(loaded);
        RiskPanel panel = RiskPanel.of(record, CdsFixtures.scores(), CdsFixtures.freshness());
        CareGapReport gaps = CdsFixtures.gaps(loaded, record);
        List<CdsCard> cards = PatientViewCards.of(CdsFixtures.scores(), panel, gaps,
                BundleSuggestions.of(record, panel, gaps, CdsFixtures.catalog()),
                CdsFixtures.context(CdsFixtures.DEANE, List.of("problems")));
        assertEquals(List.of("cervical", "flu"), cards.stream().map(c -> c.issued().ruleId()).toList());
        CdsCard cervical = cards.get(0);
        assertTrue(cervical.source().url().startsWith("https://"), cervical.source().url());
        assertTrue(cervical.detail().contains("_Not all of the record loaded (problems)"), cervical.detail());

        JSONObject response = JSONObjectUtils.parse(CardJson.response(cards, SandboxFhir.FHIR.newJsonParser())
                .toJSONString());
        JSONArray json = (JSONArray) response.get("cards");
        assertEquals(2, json.size());
        for (Object o : json) {
            JSONObject card = (JSONObject) o;
            for (String field : List.of("uuid", "summary", "detail", "indicator", "source", "links")) {
                assertTrue(card.containsKey(field), field + " in " + card);
            }
            assertEquals("info", card.get("indicator"));
            JSONObject link = (JSONObject) ((JSONArray) card.get("links")).get(0);
            assertEquals("smart", link.get("type"));
            assertEquals(CdsFixtures.BASE + "/launch", link.get("url"));
            JSONObject reason = (JSONObject) ((JSONArray) card.get("overrideReasons")).get(0);
            assertTrue(reason.get("display") instanceof String, "override reasons carry a display");
        }
        JSONObject withSuggestion = json.stream().map(JSONObject.class::cast)
                .filter(c -> c.containsKey("suggestions")).findFirst().orElseThrow();
        assertEquals("any", withSuggestion.get("selectionBehavior"));
        JSONObject suggestion = (JSONObject) ((JSONArray) withSuggestion.get("suggestions")).get(0);
        JSONObject action = (JSONObject) ((JSONArray) suggestion.get("actions")).get(0);
        assertEquals("create", action.get("type"));
        JSONObject resource = (JSONObject) action.get("resource");
        assertTrue(List.of("ServiceRequest", "MedicationRequest", "Task").contains(resource.get("resourceType")),
                resource.toJSONString());
        assertEquals("draft", resource.get("status"));
        assertEquals("proposal", resource.get("intent"));
    }

    @Test
    void theIssuedCardKeepsWhatWasShownWithItsSources() throws Exception {
        CdsCard hasbled = CdsFixtures.cards(CdsFixtures.TREY).get(0);
        IssuedCard issued = IssuedCard.of(hasbled, java.time.Instant.now(), HookRequestTest.INSTANCE, "iss", "sandbox",
                CdsFixtures.TREY, null, null);
        JSONObject shown = JSONObjectUtils.parse(issued.shown());
        JSONObject inputs = (JSONObject) shown.get("inputs");
        assertFalse(inputs.isEmpty());
        assertTrue(inputs.values().stream().map(JSONObject.class::cast)
                .anyMatch(i -> String.valueOf(i.get("id")).contains("/")), inputs.toJSONString());
        assertTrue(String.valueOf(shown.get("band")).startsWith("high bleeding risk"));
    }

    private static Indicator indicator(String scoreId, String band) {
        RiskScore score = CdsFixtures.scores().stream().filter(s -> s.id().equals(scoreId)).findFirst().orElseThrow();
        ScoreDefinition d = score.definition();
        RiskPanel.Card card = new RiskPanel.Card(d.id(), d.name(), d.version(), d.source(), d.meaning(), "ok", true,
                "x", List.of(), List.of(), List.of(), List.of(), List.of(), true, band);
        return ScoreCards.indicator(d, card);
    }

    private static RiskPanel.Card alerting(RiskPanel.Card c, String band) {
        return new RiskPanel.Card(c.id(), c.name(), c.version(), c.source(), c.meaning(), "ok", true, "9 · " + band,
                c.missing(), c.warnings(), c.inputs(), c.itemScores(), c.form(), true, band);
    }
}
