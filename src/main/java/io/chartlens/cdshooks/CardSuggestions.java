package io.chartlens.cdshooks;

import io.chartlens.bundles.BundleSuggestions;
import io.chartlens.bundles.BundleTrigger;
import io.chartlens.bundles.DraftOrders;
import io.chartlens.bundles.SuggestedBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The suggestions of a card: each bundle suggested because of the card's score or gap, as one suggestion whose
 * {@code create} actions are the drafts of its still-suggested items (CDS Hooks 2.0, Suggestion and Action). The
 * drafts are those ChartLens itself would write ({@link DraftOrders}: {@code status=draft}, {@code intent=proposal},
 * an identifier that makes a repeated create a no-op), with the hook instance as their shared requisition.
 */
final class CardSuggestions {

    private CardSuggestions() {
    }

    /** For a score card. */
    static List<CdsCard.Suggestion> forScore(String scoreId, BundleSuggestions bundles, CardContext context) {
        return of(bundles, context, t -> t instanceof BundleTrigger.ScoreBand s && s.scoreId().equals(scoreId));
    }

    /** For a care-gap card. */
    static List<CdsCard.Suggestion> forGap(String measureId, BundleSuggestions bundles, CardContext context) {
        return of(bundles, context, t -> t instanceof BundleTrigger.GapStatus g && g.measureId().equals(measureId));
    }

    private static List<CdsCard.Suggestion> of(BundleSuggestions bundles, CardContext context,
                                               java.util.function.Predicate<BundleTrigger> cardTrigger) {
        List<CdsCard.Suggestion> suggestions = new ArrayList<>();
        for (SuggestedBundle bundle : bundles.suggested()) {
            List<SuggestedBundle.Item> items = bundle.suggestedItems();
            if (items.isEmpty() || bundle.why().stream().noneMatch(w -> cardTrigger.test(w.trigger()))) {
                continue;
            }
            Bundle drafts = DraftOrders.transaction(bundle, items.stream().map(SuggestedBundle.Item::id).toList(),
                    "Patient/" + context.patientId(), context.encounterId(), requester(context.userId()),
                    context.hookInstance());
            List<CdsCard.Action> actions = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                SuggestedBundle.Item item = items.get(i);
                String priority = "routine".equals(item.definition().priority()) ? ""
                        : " (" + item.definition().priority() + ")";
                actions.add(new CdsCard.Action("Draft: " + item.definition().title() + priority,
                        drafts.getEntry().get(i).getResource()));
            }
            suggestions.add(new CdsCard.Suggestion(UUID.randomUUID().toString(),
                    "Draft orders: " + bundle.definition().title(), bundle.definition().id(),
                    bundle.definition().version(), actions));
        }
        return suggestions;
    }

    /** The requester of the drafts: the user when a Practitioner, else none. */
    private static String requester(String userId) {
        return userId != null && userId.startsWith("Practitioner/") ? userId : null;
    }
}
