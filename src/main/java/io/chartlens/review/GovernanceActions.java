package io.chartlens.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * What the admin page does: activate a configured version of a score, bundle,
 * care-gap measure or the AI summary prompt, or roll back to the version before
 * the latest choice. Each is one row of the choice history ({@link RuleVersionChoices}, the governance log) and one
 * INFO line (rule, versions and the administrator's fhirUser reference; never patient data), and takes effect for
 * the next page load in this JVM at once ({@link ActiveVersions#changed}).
 */
@ApplicationScoped
public class GovernanceActions {

    private static final Logger LOG = Logger.getLogger(GovernanceActions.class.getName());

    @Inject
    GovernanceCatalog catalog;
    @Inject
    RuleVersionChoices choices;
    @Inject
    ActiveVersions activeVersions;

    /**
     * Makes {@code version} the active version of a rule.
     *
     * @throws GovernanceException    the rule or version is not configured
     * @throws VersionChoiceException the version is already active, or someone else changed the rule just now
     */
    public VersionChoice activate(RuleKind kind, String ruleId, String version, String actor)
            throws GovernanceException, VersionChoiceException {
        GovernanceRule rule = find(kind, ruleId);
        if (version == null || !rule.offers(version)) {
            throw new GovernanceException(GovernanceFailure.UNKNOWN_VERSION);
        }
        VersionChoice chosen = choices.activate(kind, ruleId, version, actor);
        changed(rule, chosen, "activated");
        return chosen;
    }

    /**
     * Goes back to the version before the latest choice ({@link GovernanceRule#rollbackTarget()}). With a single
     * choice on record that is the default file's version: {@link RuleVersionChoices#rollback} has no earlier row to
     * go back to then, so the default is written as an activation (the INFO line says it was a rollback).
     *
     * @throws GovernanceException    the rule is unknown, or the version to go back to
     *                                is no longer configured
     * @throws VersionChoiceException {@link VersionChoiceFailure#NOTHING_TO_ROLL_BACK}, or someone else changed the
     *                                rule just now
     */
    public VersionChoice rollBack(RuleKind kind, String ruleId, String actor)
            throws GovernanceException, VersionChoiceException {
        GovernanceRule rule = find(kind, ruleId);
        String target = rule.rollbackTarget();
        if (target == null) {
            throw new VersionChoiceException(VersionChoiceFailure.NOTHING_TO_ROLL_BACK, kind, ruleId);
        }
        if (!rule.offers(target)) {
            throw new GovernanceException(GovernanceFailure.ROLLBACK_TARGET_UNKNOWN);
        }
        VersionChoice chosen = rule.rollbackWritesActivation()
                ? choices.activate(kind, ruleId, target, actor)
                : choices.rollback(kind, ruleId, actor);
        changed(rule, chosen, rule.rollbackWritesActivation()
                ? "rolled back to the default (recorded as an activation: no earlier choice on record)"
                : "rolled back");
        return chosen;
    }

    private GovernanceRule find(RuleKind kind, String ruleId) throws GovernanceException {
        return catalog.rule(kind, ruleId).orElseThrow(() -> new GovernanceException(GovernanceFailure.UNKNOWN_RULE));
    }

    private void changed(GovernanceRule rule, VersionChoice chosen, String what) {
        activeVersions.changed(rule.kind());
        LOG.info("Rule version " + what + ": " + rule.kind() + " " + rule.id() + " " + rule.activeVersion() + " -> "
                + chosen.version() + " by " + chosen.actor() + " (history row " + chosen.id() + ", seq "
                + chosen.seqNo() + ")");
    }
}
