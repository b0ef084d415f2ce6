package io.chartlens.risk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured versions of one kind of versioned rule (scores, bundles, care-gap measures, the AI summary prompt):
 * for each rule id, its versions, the default file's first, and the rule of each. Each kind loads and checks its own
 * files ({@link ScoreVersions}, {@code bundles/BundleVersions}, {@code caregaps/MeasureVersions},
 * {@code aisummary/PromptVersions}) and answers through this class the same way. Immutable.
 *
 * @param <T> the kind of rule
 */
public abstract class RuleVersions<T> {

    /**
     * One configured version of a rule.
     *
     * @param version   the rule's version
     * @param note      what this version is and how it differs (required outside the default, where it may be null)
     * @param isDefault true for the version of the rule's default file
     */
    public record Version(String version, String note, boolean isDefault) {
    }

    private final String noun;
    private final Map<String, Map<String, T>> byId;
    private final Map<String, List<Version>> listed;

    /**
     * @param noun   what one rule is called in messages, e.g. {@code score}
     * @param byId   rule id to version to rule, in page order (copied)
     * @param listed rule id to its versions, the default first (copied)
     */
    protected RuleVersions(String noun, Map<String, ? extends Map<String, T>> byId,
                           Map<String, ? extends List<Version>> listed) {
        this.noun = noun;
        Map<String, Map<String, T>> rules = new LinkedHashMap<>();
        byId.forEach((id, versions) -> rules.put(id, Collections.unmodifiableMap(new LinkedHashMap<>(versions))));
        Map<String, List<Version>> lists = new LinkedHashMap<>();
        listed.forEach((id, versions) -> lists.put(id, List.copyOf(versions)));
        this.byId = Collections.unmodifiableMap(rules);
        this.listed = Collections.unmodifiableMap(lists);
    }

    /** The rule ids in page (configuration) order. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** The configured versions of a rule, the default first; empty for an unknown id. */
    public List<Version> versions(String id) {
        return listed.getOrDefault(id, List.of());
    }

    /** The version of the default file. */
    public String defaultVersion(String id) {
        return versions(id).stream().filter(Version::isDefault).findFirst().map(Version::version)
                .orElseThrow(() -> new IllegalArgumentException("no " + noun + " " + id));
    }

    /** Whether {@code version} of rule {@code id} is configured. */
    public boolean has(String id, String version) {
        return byId.getOrDefault(id, Map.of()).containsKey(version);
    }

    /** The active version of one rule given the administrator's choice (null: none). */
    public ActiveVersion<T> resolve(String id, String chosen) {
        Map<String, T> versions = byId.get(id);
        if (versions == null) {
            throw new IllegalArgumentException("no " + noun + " " + id);
        }
        return ActiveVersion.resolve(id, versions, defaultVersion(id), chosen);
    }

    /** The active version of every rule, in page order, given the choices (rule id to version). */
    public Map<String, ActiveVersion<T>> resolveAll(Map<String, String> chosen) {
        Map<String, ActiveVersion<T>> active = new LinkedHashMap<>();
        for (String id : byId.keySet()) {
            active.put(id, resolve(id, chosen.get(id)));
        }
        return Collections.unmodifiableMap(active);
    }

    /** Every configured version of every rule (for checks that span them all). */
    public List<T> all() {
        return byId.values().stream().flatMap(versions -> versions.values().stream()).toList();
    }
}
