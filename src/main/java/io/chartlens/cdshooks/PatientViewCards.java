package io.chartlens.cdshooks;

import io.chartlens.bundles.BundleSuggestions;
import io.chartlens.caregaps.CareGap;
import io.chartlens.caregaps.CareGapReport;
import io.chartlens.risk.RiskPanel;
import io.chartlens.risk.RiskScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The cards of one {@code patient-view} call: every risk score in an alert band and every open or due-soon care gap,
 * most urgent first (critical, warning, info; at the same indicator, scores in the summary page's order, which puts
 * acute deterioration first, then gaps, open before due soon), at most {@value #MAX_CARDS}: the clinician sees what
 * to act on first, and the full picture is one click away in ChartLens (each card's SMART link).
 */
final class PatientViewCards {

    static final int MAX_CARDS = 3;

    private PatientViewCards() {
    }

    static List<CdsCard> of(List<RiskScore> scores, RiskPanel panel, CareGapReport gaps, BundleSuggestions bundles,
                            CardContext context) {
        Map<String, RiskScore> byId = scores.stream().collect(Collectors.toMap(RiskScore::id, Function.identity()));
        List<Candidate> candidates = new ArrayList<>();
        for (RiskPanel.Card card : panel.alerts()) {
            RiskScore score = byId.get(card.id());
            if (score != null) {
                candidates.add(new Candidate(ScoreCards.indicator(score.definition(), card), () -> ScoreCards.card(
                        score.definition(), card, CardSuggestions.forScore(card.id(), bundles, context), context)));
            }
        }
        for (CareGap gap : gaps.gaps()) {
            if (GapCards.shown(gap)) {
                candidates.add(new Candidate(Indicator.INFO, () -> GapCards.card(gap, gaps,
                        CardSuggestions.forGap(gap.measure().id(), bundles, context), context)));
            }
        }
        // a stable sort: within an indicator, the order above (scores in page order, then gaps by urgency)
        return candidates.stream()
                .sorted(Comparator.comparing(Candidate::indicator, Comparator.reverseOrder()))
                .limit(MAX_CARDS)
                .map(c -> c.card().get())
                .toList();
    }

    /** A card to be, built only if it makes the cut. */
    private record Candidate(Indicator indicator, Supplier<CdsCard> card) {
    }
}
