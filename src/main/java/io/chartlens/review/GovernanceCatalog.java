package io.chartlens.review;

import io.chartlens.aisummary.ModelSummarizer;
import io.chartlens.bundles.BundleDefinition;
import io.chartlens.bundles.Bundles;
import io.chartlens.caregaps.CareGaps;
import io.chartlens.risk.ActiveVersion;
import io.chartlens.risk.RiskScore;
import io.chartlens.risk.ScoreRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The versioned rules as the admin page shows them: scores and bundles with their configured versions, the active
 * one and the choice history; measures and the AI prompt read-only, with the reason.
 */
@ApplicationScoped
public class GovernanceCatalog {

    /** The AI summary's rule id in the feedback log ({@code summary/ShownCards.AI_SUMMARY_RULE}). */
    static final String AI_SUMMARY_RULE = "ai-summary";
    static final String MEASURE_REASON = "Measures are CQL libraries, translated and warmed up once when ChartLens"
            + " starts, and each Measure file holds one version. To change a measure, ship its new Measure and"
            + " Library version in smart-config/measures and restart ChartLens.";
    static final String PROMPT_REASON = "The prompt is part of the application's code (aisummary/"
            + "ModelSummarizerPrompt), so a new prompt version ships with a new release. Every generation is logged"
            + " with this version.";

    @Inject
    ScoreRegistry scores;
    @Inject
    Bundles bundles;
    @Inject
    CareGaps careGaps;
    @Inject
    RuleVersionChoices choices;

    /** Every score, in page order. */
    public List<GovernanceRule> scores() {
        List<GovernanceRule> rules = new ArrayList<>();
        for (ActiveVersion<RiskScore> active : scores.active()) {
            rules.add(score(active));
        }
        return rules;
    }

    /** Every bundle, in catalog order. */
    public List<GovernanceRule> bundles() {
        List<GovernanceRule> rules = new ArrayList<>();
        for (ActiveVersion<BundleDefinition> active : bundles.active()) {
            rules.add(bundle(active));
        }
        return rules;
    }

    /** The care-gap measures, read-only. */
    public List<GovernanceReadOnlyRule> measures() {
        return careGaps.measures().stream().map(m -> new GovernanceReadOnlyRule(RuleKind.MEASURE, m.id(), m.title(),
                m.version(), MEASURE_REASON)).toList();
    }

    /** The AI summary prompt, read-only. */
    public GovernanceReadOnlyRule prompt() {
        return new GovernanceReadOnlyRule(RuleKind.PROMPT, AI_SUMMARY_RULE, "AI summary prompt (model-written"
                + " summary)", ModelSummarizer.PROMPT_VERSION, PROMPT_REASON);
    }

    /** One score or bundle, or empty when there is none with that id (or the kind is not switchable). */
    public Optional<GovernanceRule> rule(RuleKind kind, String id) {
        return switch (kind) {
            case SCORE -> scores.active().stream().filter(a -> a.id().equals(id)).findFirst().map(this::score);
            case BUNDLE -> bundles.active().stream().filter(a -> a.id().equals(id)).findFirst().map(this::bundle);
            case MEASURE, PROMPT -> Optional.empty();
        };
    }

    private GovernanceRule score(ActiveVersion<RiskScore> active) {
        List<GovernanceRule.Option> options = scores.versions().versions(active.id()).stream()
                .map(v -> new GovernanceRule.Option(v.version(), v.note(), v.isDefault(),
                        v.version().equals(active.version()))).toList();
        return view(RuleKind.SCORE, active, active.rule().definition().name(),
                scores.versions().defaultVersion(active.id()), options);
    }

    private GovernanceRule bundle(ActiveVersion<BundleDefinition> active) {
        List<GovernanceRule.Option> options = bundles.versions().versions(active.id()).stream()
                .map(v -> new GovernanceRule.Option(v.version(), v.note(), v.isDefault(),
                        v.version().equals(active.version()))).toList();
        return view(RuleKind.BUNDLE, active, active.rule().title(), bundles.versions().defaultVersion(active.id()),
                options);
    }

    private GovernanceRule view(RuleKind kind, ActiveVersion<?> active, String name, String defaultVersion,
                                List<GovernanceRule.Option> options) {
        List<VersionChoice> history = choices.history(kind, active.id());
        List<String> stack = RuleVersionRepository.stack(history);
        String target = rollbackTarget(stack, defaultVersion);
        List<VersionChoice> newestFirst = new ArrayList<>(history);
        java.util.Collections.reverse(newestFirst);
        return new GovernanceRule(kind, active.id(), name, defaultVersion, active.version(), active.resolution(),
                active.chosen(), options, newestFirst, target, target != null && stack.size() < 2);
    }

    /**
     * What "Roll back" goes back to: the choice before the one in effect; with a single choice on record, the default
     * file's version (the version in effect before anyone chose); else nothing.
     *
     * @param stack the versions still in effect after replaying the history, the active one last
     */
    static String rollbackTarget(List<String> stack, String defaultVersion) {
        if (stack.size() >= 2) {
            return stack.get(stack.size() - 2);
        }
        if (stack.size() == 1 && !stack.get(0).equals(defaultVersion)) {
            return defaultVersion;
        }
        return null;
    }
}
