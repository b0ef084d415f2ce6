package io.chartlens.cdshooks;

import io.chartlens.overrides.CardType;
import io.chartlens.risk.RiskInputs;
import io.chartlens.risk.RiskPanel;
import io.chartlens.risk.ScoreDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The card of a risk score in one of its alert bands ({@code parameters.alertBands} of its definition).
 *
 * <p>Indicator: {@code critical} for an acute score ({@code parameters.acute}: NEWS2, qSOFA, CURB-65) in the first,
 * most severe of its alert bands, where the published score calls for an urgent or emergency response (RCP 2017
 * chart 2 for NEWS2; Seymour 2016 for qSOFA; Lim 2003 for CURB-65 4-5); {@code warning} for every other alert
 * band. A ChartLens display choice, like the alert bands themselves.
 */
final class ScoreCards {

    static final CdsCard.Coding TOPIC = new CdsCard.Coding(GapCards.TOPIC_SYSTEM, "risk-score", "Risk score");
    private static final int MAX_INPUTS = 30;

    private ScoreCards() {
    }

    static Indicator indicator(ScoreDefinition definition, RiskPanel.Card card) {
        boolean acute = Boolean.TRUE.equals(definition.parameters().get("acute"));
        boolean topBand = definition.parameters().get("alertBands") instanceof List<?> bands && !bands.isEmpty()
                && bands.get(0).equals(card.band());
        return acute && topBand ? Indicator.CRITICAL : Indicator.WARNING;
    }

    static CdsCard card(ScoreDefinition definition, RiskPanel.Card card, List<CdsCard.Suggestion> suggestions,
                        CardContext context) {
        String uuid = UUID.randomUUID().toString();
        StringBuilder detail = new StringBuilder("**").append(CardText.md(card.headline())).append("**. ")
                .append(CardText.md(card.meaning()));
        if (!card.inputs().isEmpty()) {
            detail.append("\n\nFrom the record:");
            for (RiskInputs.Provenance p : card.inputs()) {
                detail.append("\n- ").append(CardText.md(p.label())).append(": ")
                        .append(CardText.md(p.value() == null ? "missing" : p.value()));
                if (p.date() != null || p.source() != null) {
                    detail.append(" (").append(p.date() == null ? "" : p.date().toLocalDate() + (p.source() == null
                            ? "" : ", ")).append(p.source() == null ? "" : CardText.md(p.source())).append(')');
                }
                if (p.stale()) {
                    detail.append(" _stale_");
                }
            }
        }
        if (!card.missing().isEmpty()) {
            detail.append("\n\nMissing: ").append(CardText.md(String.join(", ", card.missing()))).append('.');
        }
        card.warnings().forEach(w -> detail.append("\n\n").append(CardText.md(w)));
        suggestions.forEach(s -> detail.append("\n\nSuggested below: ").append(CardText.md(s.label()))
                .append(". Orders already placed in the EHR were not checked."));
        detail.append(context.incompleteNote());
        detail.append("\n\nSource: ").append(CardText.md(card.source())).append(" (ChartLens ").append(card.id())
                .append(' ').append(card.version()).append(')');
        return new CdsCard(uuid, CardText.fit(card.name() + ": " + card.headline(), CardText.SUMMARY_MAX),
                detail.toString(), indicator(definition, card), new CdsCard.Source(card.source(), null, TOPIC),
                suggestions, List.of(context.summaryLink(uuid)), context.overrideReasons(),
                new CdsCard.Issued(CardType.SCORE, card.id(), card.version(), shown(card)));
    }

    /** The inputs as shown ({@code FeedbackPayload.shown} shape) plus the headline and band. */
    private static Map<String, Object> shown(RiskPanel.Card card) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (RiskInputs.Provenance p : card.inputs().stream().limit(MAX_INPUTS).toList()) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("value", p.value() == null ? "missing" : CardText.fit(p.value(), 200));
            if (p.source() != null) {
                input.put("id", p.source());
            }
            if (p.date() != null) {
                input.put("date", p.date().toString());
            }
            if (p.stale()) {
                input.put("stale", true);
            }
            inputs.put(p.name(), input);
        }
        return Map.of("inputs", inputs, "headline", card.headline(), "band", card.band() == null ? "" : card.band());
    }
}
