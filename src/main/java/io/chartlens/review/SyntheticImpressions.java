package io.chartlens.review;

import io.chartlens.overrides.CardType;
import io.chartlens.overrides.FeedbackEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The cards shown behind a synthetic history's decisions (see {@link SyntheticRows}): every decision, and every
 * what-if correction, was made on a card shown that day, and more cards of the same rule version were shown that day
 * without a decision. So shown is at least decided for every rule version and every week, and decided / shown comes
 * out near 40 % for scores, 45 % for measures and 55 % for bundles. About one undecided score or measure card in five
 * was issued by CDS Hooks (no role, as CDS Hooks feedback has none); the rest were shown on the summary page.
 *
 * <p>From its own random sequence, so seeding the cards shown leaves the decisions of a seed as they were.
 */
final class SyntheticImpressions {

    private final long seed;
    private final Random random;

    SyntheticImpressions(long seed) {
        this.seed = seed;
        this.random = new Random(seed ^ 0x5EEDCA4D5L);
    }

    /** The impressions behind the {@code index}-th row (0-based) of the history. */
    List<CardImpression> behind(SyntheticRows.Row row, int index) {
        FeedbackEntry e = row.entry();
        String launch = "synthetic-launch-" + seed + "-" + index;
        List<CardImpression> shown = new ArrayList<>();
        shown.add(CardImpression.onSummary(launch, e.cardType(), e.ruleId(), e.ruleId(), e.ruleVersion(), e.ehr(),
                e.actorRole(), e.strata(), row.at()));
        double more = switch (e.cardType()) {
            case SCORE -> 0.62;
            case CARE_GAP -> 0.55;
            default -> 0.45;
        };
        for (int k = 1; random.nextDouble() < more; k++) {
            String other = launch + "-" + k;
            boolean cds = (e.cardType() == CardType.SCORE || e.cardType() == CardType.CARE_GAP)
                    && random.nextInt(5) == 0;
            shown.add(cds ? CardImpression.issuedByHook(other, e.cardType(), e.ruleId(), e.ruleVersion(), e.ehr(),
                    e.strata(), row.at())
                    : CardImpression.onSummary(other, e.cardType(), e.ruleId(), e.ruleId(), e.ruleVersion(), e.ehr(),
                    e.actorRole(), e.strata(), row.at()));
        }
        return shown;
    }
}
