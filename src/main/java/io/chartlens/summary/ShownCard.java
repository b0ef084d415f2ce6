package io.chartlens.summary;

import io.chartlens.overrides.CardType;
import java.util.Map;

/**
 * A card of the summary page as it is shown now, for the feedback log: what produced it (rule or score id and the
 * version of its definition) and what it showed (the inputs with their resource ids and values).
 *
 * @param type    the kind of card
 * @param cardId  the card's id on the page (score id, measure id, bundle id, or a statement's key)
 * @param ruleId  what produced it; for a statement of the AI summary {@code ai-summary}
 * @param version the version of the definition, measure, bundle or prompt that produced it
 * @param title   the card's heading, for the confirmation the clinician sees
 * @param shown   what the card showed, as canonical-JSON-ready values (see FeedbackPayload)
 */
public record ShownCard(CardType type, String cardId, String ruleId, String version, String title,
                        Map<String, Object> shown) {

    public ShownCard {
        shown = Map.copyOf(shown);
    }
}
