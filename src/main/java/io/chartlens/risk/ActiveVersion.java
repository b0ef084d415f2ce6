package io.chartlens.risk;

import java.util.Map;
import java.util.Objects;

/**
 * The version of one rule that new page loads compute with, and why.
 *
 * @param id         the rule's id (a score id, a bundle id)
 * @param version    the version in use
 * @param rule       the rule of that version
 * @param resolution why this version: the default, a choice, or the default because the choice is unknown
 * @param chosen     the version an administrator chose, or null when none was chosen
 * @param <T>        the kind of rule ({@link RiskScore}, {@code bundles.BundleDefinition})
 */
public record ActiveVersion<T>(String id, String version, T rule, VersionResolution resolution, String chosen) {

    public ActiveVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(resolution, "resolution");
    }

    /**
     * Resolves a rule's active version.
     *
     * @param byVersion      every configured version of the rule; must hold {@code defaultVersion}
     * @param defaultVersion the version of the rule's default file
     * @param chosen         the administrator's choice, or null when there is none
     */
    public static <T> ActiveVersion<T> resolve(String id, Map<String, T> byVersion, String defaultVersion,
                                               String chosen) {
        T fallback = Objects.requireNonNull(byVersion.get(defaultVersion), () -> id + " has no default version");
        if (chosen == null) {
            return new ActiveVersion<>(id, defaultVersion, fallback, VersionResolution.DEFAULT, null);
        }
        T rule = byVersion.get(chosen);
        return rule == null
                ? new ActiveVersion<>(id, defaultVersion, fallback, VersionResolution.CHOSEN_VERSION_UNKNOWN, chosen)
                : new ActiveVersion<>(id, chosen, rule, VersionResolution.CHOSEN, chosen);
    }
}
