package io.chartlens.risk;

import io.chartlens.system.ConfigFiles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The scores ChartLens computes: each definition from {@code smart-config/scores/<id>.json} with its calculator.
 * A definition without a calculator, or a calculator without a definition, fails the start: a score silently
 * missing from the page would read as "no risk".
 *
 * <p>Versioned (issue #9): every score may have other versions in {@code scores/versions/} ({@link ScoreVersions}),
 * and {@link #all()} and {@link #byId} give the <em>active</em> version of each: the one an administrator chose on
 * the admin page if it is configured, else the default file's. The resolved scores are cached and resolved again
 * only when the choices change; the choices come from {@link ScoreVersionChoices}, which caches them briefly and is
 * invalidated at once by a change made in this JVM (other instances see it when their cache expires). Versions are
 * resolved per call, not pinned per launch: a page loaded after a change computes with the new version.
 */
@ApplicationScoped
public class ScoreRegistry {

    /** Display order on the page: acute deterioration first, then readmission, stroke/bleeding, long-term risk. */
    static final Map<String, Function<ScoreDefinition, RiskScore>> CALCULATORS = calculators();
    private static final Logger LOG = Logger.getLogger(ScoreRegistry.class.getName());

    @Inject
    ConfigFiles configFiles;
    @Inject
    ScoreVersionChoices choices;

    private ScoreVersions versions;
    private ActiveVersionsCache<RiskScore> activeVersions;

    /** For CDI. */
    public ScoreRegistry() {
    }

    /** For tests and tools: the given versions and choices, without a container. */
    public ScoreRegistry(ScoreVersions versions, ScoreVersionChoices choices) {
        this.versions = Objects.requireNonNull(versions, "versions");
        this.choices = Objects.requireNonNull(choices, "choices");
        this.activeVersions = activeVersions(versions);
    }

    private static ActiveVersionsCache<RiskScore> activeVersions(ScoreVersions versions) {
        return new ActiveVersionsCache<>(versions, "Score", "computing with", LOG);
    }

    private static Map<String, Function<ScoreDefinition, RiskScore>> calculators() {
        Map<String, Function<ScoreDefinition, RiskScore>> c = new LinkedHashMap<>();
        c.put("news2", News2Score::new);
        c.put("qsofa", QsofaScore::new);
        c.put("curb65", Curb65Score::new);
        c.put("lace", LaceScore::new);
        c.put("hospital", HospitalScore::new);
        c.put("cha2ds2vasc", Cha2ds2VascScore::new);
        c.put("hasbled", HasBledScore::new);
        c.put("pce", PceScore::new);
        c.put("charlson", CharlsonScore::new);
        return java.util.Collections.unmodifiableMap(c);
    }

    @PostConstruct
    void load() {
        versions = ScoreVersions.load(configFiles);
        activeVersions = activeVersions(versions);
    }

    /** Loads every default definition and pairs it with its calculator (public for tests and tools). */
    public static Map<String, RiskScore> load(ConfigFiles files) {
        Map<String, RiskScore> loaded = new LinkedHashMap<>();
        for (String id : order()) {
            ScoreDefinition definition = ScoreDefinition.parse(files.read("scores/" + id + ".json"));
            if (!definition.id().equals(id)) {
                throw new IllegalStateException("scores/" + id + ".json declares id " + definition.id());
            }
            loaded.put(id, CALCULATORS.get(id).apply(definition));
        }
        for (String file : files.list("scores", ".json")) {
            String id = file.substring("scores/".length(), file.length() - ".json".length());
            if (!CALCULATORS.containsKey(id)) {
                throw new IllegalStateException("scores/" + id + ".json has no calculator in this version");
            }
        }
        return loaded;
    }

    static List<String> order() {
        return List.of("news2", "qsofa", "curb65", "lace", "hospital", "cha2ds2vasc", "hasbled", "pce", "charlson");
    }

    /** The active version of every score, in page order. */
    public List<RiskScore> all() {
        return current().rules();
    }

    /** The active version of one score. */
    public Optional<RiskScore> byId(String id) {
        return Optional.ofNullable(current().active().get(id)).map(ActiveVersion::rule);
    }

    /** Every score's active version and why it is the active one, in page order (for the admin page). */
    public List<ActiveVersion<RiskScore>> active() {
        return List.copyOf(current().active().values());
    }

    /** Every configured version of every score. */
    public ScoreVersions versions() {
        return versions;
    }

    private ActiveVersionsCache.Resolved<RiskScore> current() {
        return activeVersions.resolve(choices.chosenScoreVersions(versions.ids()));
    }
}
