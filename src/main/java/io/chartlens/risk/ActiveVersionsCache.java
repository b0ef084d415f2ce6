package io.chartlens.risk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The active version of every rule of one kind (scores, care-gap measures, bundles, the AI summary prompt) for the
 * administrator's current choices, resolved through {@link RuleVersions#resolveAll} and kept until the choices
 * change. Each caller asks its own choices (which cache them briefly) and passes them to {@link #resolve}: the same
 * choices return the same {@link Resolved} instance; other choices are resolved again, and each chosen version that
 * is not configured ({@link VersionResolution#CHOSEN_VERSION_UNKNOWN}) logs one warning per change of the choices,
 * not one per call.
 *
 * <p>Thread-safe: the result is immutable and published through a volatile field. Two threads that see new choices
 * at once may both resolve them (and both warn); the last one's result is kept, as each would be equal.
 *
 * @param <T> the kind of rule
 */
public final class ActiveVersionsCache<T> {

    /**
     * The active versions for one set of choices. Immutable.
     *
     * @param chosen the choices they were resolved for (rule id to chosen version)
     * @param active every rule's active version and why, by rule id, in page (configuration) order
     * @param rules  the rule of every active version, in the same order
     * @param <T>    the kind of rule
     */
    public record Resolved<T>(Map<String, String> chosen, Map<String, ActiveVersion<T>> active, List<T> rules) {

        public Resolved {
            chosen = Map.copyOf(chosen);
            active = Collections.unmodifiableMap(new LinkedHashMap<>(active));
            rules = List.copyOf(rules);
        }
    }

    private final RuleVersions<T> versions;
    private final String kind;
    private final String fallbackAction;
    private final Logger log;
    private volatile Resolved<T> resolved;

    /**
     * @param versions       every configured version of every rule of the kind
     * @param kind           what one rule is called at the start of the warning, e.g. {@code Score}
     * @param fallbackAction what is done with the default in the warning, e.g. {@code computing with}
     * @param log            where the warnings go: the caller's logger, named after its class, which the warnings
     *                       name as their source (not this class)
     */
    public ActiveVersionsCache(RuleVersions<T> versions, String kind, String fallbackAction, Logger log) {
        this.versions = Objects.requireNonNull(versions, "versions");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.fallbackAction = Objects.requireNonNull(fallbackAction, "fallbackAction");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * The active versions for {@code chosen} (rule id to chosen version; ids without a choice are absent): the cached
     * ones if they were resolved for equal choices, else resolved now, with a warning per chosen version that is not
     * configured.
     */
    public Resolved<T> resolve(Map<String, String> chosen) {
        Resolved<T> current = resolved;
        if (current != null && current.chosen().equals(chosen)) {
            return current;
        }
        Map<String, ActiveVersion<T>> active = versions.resolveAll(chosen);
        active.values().stream().filter(a -> a.resolution() == VersionResolution.CHOSEN_VERSION_UNKNOWN)
                .forEach(a -> log.logp(Level.WARNING, log.getName(), null, kind + " " + a.id()
                        + ": the chosen version " + a.chosen() + " is not configured; " + fallbackAction
                        + " the default " + a.version() + ". Activate a configured version on the admin page."));
        Resolved<T> next = new Resolved<>(chosen, active, active.values().stream().map(ActiveVersion::rule).toList());
        resolved = next;
        return next;
    }
}
