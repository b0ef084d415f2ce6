package io.chartlens.review;

import io.chartlens.risk.VersionResolution;
import java.util.List;

/**
 * One rule whose active version an administrator can choose, as the admin page shows it.
 *
 * @param kind                     score or bundle
 * @param id                       the rule's id
 * @param name                     its display name (of the active version)
 * @param defaultVersion           the version of its default file
 * @param activeVersion            the version new page loads compute with
 * @param resolution               why that version is active
 * @param chosenVersion            the administrator's current choice, or null when none was made
 * @param options                  every configured version, the default first
 * @param history                  every choice on record, newest first
 * @param rollbackTarget           what "Roll back" goes back to, or null when there is nothing to roll back to
 * @param rollbackWritesActivation true when the rollback target is the default file because only one choice is on
 *                                 record: it is then written to the history as an activation of the default
 */
public record GovernanceRule(RuleKind kind, String id, String name, String defaultVersion, String activeVersion,
                             VersionResolution resolution, String chosenVersion, List<Option> options,
                             List<VersionChoice> history, String rollbackTarget, boolean rollbackWritesActivation) {

    /**
     * One configured version.
     *
     * @param version   the version
     * @param note      what it is and how it differs from the default (null for the default)
     * @param isDefault true for the default file's version
     * @param active    true for the version in use
     */
    public record Option(String version, String note, boolean isDefault, boolean active) {
    }

    public GovernanceRule {
        options = List.copyOf(options);
        history = List.copyOf(history);
    }

    /** Whether {@code version} is configured. */
    public boolean offers(String version) {
        return options.stream().anyMatch(o -> o.version().equals(version));
    }

    /** An id for the page's elements, e.g. {@code SCORE-lace}. */
    public String key() {
        return kind.name() + "-" + id;
    }
}
