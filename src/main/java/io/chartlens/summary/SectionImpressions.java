package io.chartlens.summary;

import io.chartlens.aisummary.AiSummary;
import io.chartlens.aisummary.CitedStatement;
import io.chartlens.bundles.BundlePanel;
import io.chartlens.caregaps.CareGapPanel;
import io.chartlens.launch.LaunchSession;
import io.chartlens.overrides.CardType;
import io.chartlens.overrides.PatientStrata;
import io.chartlens.record.PatientRecord;
import io.chartlens.review.CardImpression;
import io.chartlens.review.ImpressionRecorder;
import io.chartlens.risk.RiskPanel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The decidable cards a summary section rendered, as impressions for the informaticists' review (issue #9): one per
 * card with its decision control, keyed by the launch so that a reload of the section counts once. The alerts section
 * is not counted: it repeats cards of the risk and care-gap sections and has no decision control.
 *
 * <p>Recording never touches the page: the impressions are queued ({@link ImpressionRecorder}) and any failure here
 * is logged (card counts and exception type only) and ignored.
 */
@ApplicationScoped
public class SectionImpressions {

    private static final Logger LOG = Logger.getLogger(SectionImpressions.class.getName());

    @Inject
    ImpressionRecorder recorder;
    @Inject
    DecisionForms forms;

    /**
     * Who the cards were shown to, and when: what every impression of one rendering shares.
     *
     * @param launchId the launch (only its digest is stored)
     * @param ehr      the EHR registration id
     * @param role     the user's role code
     * @param strata   the patient's strata at the record's reference date
     * @param at       when the section was rendered
     */
    record ShownTo(String launchId, String ehr, String role, PatientStrata strata, Instant at) {

        CardImpression card(CardType type, String cardId, String ruleId, String version) {
            return CardImpression.onSummary(launchId, type, cardId, ruleId, version, ehr, role, strata, at);
        }
    }

    /**
     * Records the cards of a section just rendered, if it rendered them with decision controls (the section model's
     * {@code decisions}; without a patient key there are none, so nothing was decidable).
     *
     * @param ehr   the EHR registration id
     * @param cards the section's cards as impressions
     */
    void shown(LaunchSession launch, String ehr, PatientRecord record, Map<String, Object> model,
               Function<ShownTo, List<CardImpression>> cards) {
        if (!Boolean.TRUE.equals(model.get("decisions"))) {
            return;
        }
        List<CardImpression> impressions;
        try {
            ShownTo to = new ShownTo(launch.id(), ehr, forms.roleOf(launch), PatientStrata.of(
                    record.demographics(), record.referenceDate().value().atZone(ZoneOffset.UTC).toLocalDate()),
                    Instant.now());
            impressions = cards.apply(to);
        } catch (RuntimeException e) {
            LOG.warning("Card impressions of a summary section not recorded: " + e.getClass().getName());
            return;
        }
        recorder.record(impressions);
    }

    /** One per score card. */
    static List<CardImpression> risk(ShownTo to, RiskPanel panel) {
        return panel.cards().stream().map(c -> to.card(CardType.SCORE, c.id(), c.id(), c.version())).toList();
    }

    /** One per measure card, whatever its status (each has a decision control). */
    static List<CardImpression> gaps(ShownTo to, CareGapPanel panel) {
        return panel.cards().stream().map(c -> to.card(CardType.CARE_GAP, c.id(), c.id(), c.version())).toList();
    }

    /** One per suggested bundle. */
    static List<CardImpression> bundles(ShownTo to, BundlePanel panel) {
        return panel.cards().stream().map(c -> to.card(CardType.BUNDLE, c.id(), c.id(), c.version())).toList();
    }

    /**
     * One per statement of the AI summary, keyed by the statement (as decisions are), under the rule
     * {@value ShownCards#AI_SUMMARY_RULE} and the summary's version.
     */
    static List<CardImpression> statements(ShownTo to, AiSummary summary) {
        List<CardImpression> impressions = new ArrayList<>();
        for (CitedStatement s : summary.statements()) {
            impressions.add(to.card(CardType.AI_STATEMENT, ShownCards.statementKey(s), ShownCards.AI_SUMMARY_RULE,
                    summary.version()));
        }
        return impressions;
    }
}
