package io.chartlens.review;

import io.chartlens.aisummary.SummaryPrompt;
import io.chartlens.aisummary.SummaryPrompts;
import io.chartlens.bundles.BundleDefinition;
import io.chartlens.bundles.Bundles;
import io.chartlens.caregaps.CareGaps;
import io.chartlens.caregaps.MeasureDefinition;
import io.chartlens.risk.ActiveVersion;
import io.chartlens.risk.RiskScore;
import io.chartlens.risk.ScoreRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The versioned rules as the admin page shows them: scores, bundles, care-gap measures and the AI summary prompt,
 * each with its configured versions, the active one and the choice history.
 */
@ApplicationScoped
public class GovernanceCatalog {

    @Inject
    ScoreRegistry scores;
    @Inject
    Bundles bundles;
    @Inject
    CareGaps careGaps;
    @Inject
    SummaryPrompts prompts;
    @Inject
    RuleVersionChoices choices;

    /** Every score, in page order. */
    public List<GovernanceRule> scores() {
        return scores.active().stream().map(this::score).toList();
    }

    /** Every bundle, in catalog order. */
    public List<GovernanceRule> bundles() {
        return bundles.active().stream().map(this::bundle).toList();
    }

    /** Every care-gap measure, in configuration order. */
    public List<GovernanceRule> measures() {
        return careGaps.active().stream().map(this::measure).toList();
    }

    /** The AI summary prompt (one rule, {@link SummaryPrompts#ID}). */
    public List<GovernanceRule> prompts() {
        return List.of(prompt(prompts.active()));
    }

    /** One rule of a kind, or empty when there is none with that id. */
    public Optional<GovernanceRule> rule(RuleKind kind, String id) {
        return switch (kind) {
            case SCORE -> scores.active().stream().filter(a -> a.id().equals(id)).findFirst().map(this::score);
            case BUNDLE -> bundles.active().stream().filter(a -> a.id().equals(id)).findFirst().map(this::bundle);
            case MEASURE -> careGaps.active().stream().filter(a -> a.id().equals(id)).findFirst().map(this::measure);
            case PROMPT -> SummaryPrompts.ID.equals(id) ? Optional.of(prompt(prompts.active())) : Optional.empty();
        };
    }

    private GovernanceRule score(ActiveVersion<RiskScore> active) {
        List<GovernanceRule.Option> options = scores.versions().versions(active.id()).stream()
                .map(v -> option(v.version(), v.note(), v.isDefault(), active)).toList();
        return view(RuleKind.SCORE, active, active.rule().definition().name(),
                scores.versions().defaultVersion(active.id()), options);
    }

    private GovernanceRule bundle(ActiveVersion<BundleDefinition> active) {
        List<GovernanceRule.Option> options = bundles.versions().versions(active.id()).stream()
                .map(v -> option(v.version(), v.note(), v.isDefault(), active)).toList();
        return view(RuleKind.BUNDLE, active, active.rule().title(), bundles.versions().defaultVersion(active.id()),
                options);
    }

    private GovernanceRule measure(ActiveVersion<MeasureDefinition> active) {
        List<GovernanceRule.Option> options = careGaps.versions().versions(active.id()).stream()
                .map(v -> option(v.version(), v.note(), v.isDefault(), active)).toList();
        return view(RuleKind.MEASURE, active, active.rule().title(), careGaps.versions().defaultVersion(active.id()),
                options);
    }

    private GovernanceRule prompt(ActiveVersion<SummaryPrompt> active) {
        List<GovernanceRule.Option> options = prompts.versions().versions(active.id()).stream()
                .map(v -> option(v.version(), v.note(), v.isDefault(), active)).toList();
        return view(RuleKind.PROMPT, active, "AI summary prompt", prompts.versions().defaultVersion(active.id()),
                options);
    }

    private static GovernanceRule.Option option(String version, String note, boolean isDefault,
                                                ActiveVersion<?> active) {
        return new GovernanceRule.Option(version, note, isDefault, version.equals(active.version()));
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
