package io.chartlens.bundles;

import io.chartlens.caregaps.CareGap;
import io.chartlens.caregaps.CareGapReport;
import io.chartlens.caregaps.Evidence;
import io.chartlens.risk.RiskInputs;
import io.chartlens.risk.RiskPanel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a trigger holds for the panel and the care gaps, and says why with the inputs or evidence. A score
 * band holds for a final card in that band ({@link RiskPanel.Card#band()}), or
 * for an incomplete card whose warning says the items present already reach it: the missing items can only add
 * points, so NEWS2 without a consciousness level still triggers at 5 or more.
 */
final class Reasons {

    private static final String FLOOR_SUFFIX = "; the missing items can only add points";

    private Reasons() {
    }

    static Optional<SuggestedBundle.Why> why(BundleTrigger trigger, RiskPanel panel, CareGapReport gaps) {
        if (trigger instanceof BundleTrigger.ScoreBand s) {
            return panel.cards().stream().filter(c -> c.id().equals(s.scoreId())).findFirst()
                    .flatMap(card -> scoreWhy(s, card));
        }
        BundleTrigger.GapStatus g = (BundleTrigger.GapStatus) trigger;
        return gaps.gaps().stream().filter(gap -> gap.measure().id().equals(g.measureId())
                && gap.status() == g.status()).findFirst().map(gap -> gapWhy(g, gap));
    }

    static boolean holds(BundleTrigger trigger, RiskPanel panel, CareGapReport gaps) {
        return why(trigger, panel, gaps).isPresent();
    }

    private static Optional<SuggestedBundle.Why> scoreWhy(BundleTrigger.ScoreBand trigger, RiskPanel.Card card) {
        String summary;
        if (card.final_() && trigger.band().equals(card.band())) {
            summary = card.name() + ": " + card.headline();
        } else if (!card.final_()) {
            Optional<String> floor = card.warnings().stream()
                    .filter(w -> w.contains("at least " + trigger.band() + FLOOR_SUFFIX)).findFirst();
            if (floor.isEmpty()) {
                return Optional.empty();
            }
            summary = card.name() + ": " + floor.get() + " (missing: " + String.join(", ", card.missing()) + ")";
        } else {
            return Optional.empty();
        }
        List<SuggestedBundle.Fact> facts = new ArrayList<>();
        for (RiskInputs.Provenance p : card.inputs()) {
            if (p.value() != null) {
                facts.add(new SuggestedBundle.Fact(p.label(), p.value(),
                        Optional.ofNullable(p.date()).map(d -> d.toLocalDate()), p.source()));
            }
        }
        return Optional.of(new SuggestedBundle.Why(trigger, summary, Optional.of(card), Optional.empty(), facts));
    }

    private static SuggestedBundle.Why gapWhy(BundleTrigger.GapStatus trigger, CareGap gap) {
        StringBuilder summary = new StringBuilder(gap.measure().title()).append(": ").append(gap.status().label());
        gap.dueDate().ifPresent(d -> summary.append(", due ").append(d));
        List<SuggestedBundle.Fact> facts = new ArrayList<>();
        for (Evidence e : gap.evidence()) {
            facts.add(new SuggestedBundle.Fact(e.role().description(), e.display(), e.date(), e.reference()));
        }
        for (String reason : gap.reasons()) {
            facts.add(new SuggestedBundle.Fact("reason", reason, Optional.empty(), null));
        }
        return new SuggestedBundle.Why(trigger, summary.toString(), Optional.empty(), Optional.of(gap), facts);
    }
}
