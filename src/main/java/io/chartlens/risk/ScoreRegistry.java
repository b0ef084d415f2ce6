package io.chartlens.risk;

import io.chartlens.system.ConfigFiles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The scores ChartLens computes: each definition from {@code smart-config/scores/<id>.json} with its calculator.
 * A definition without a calculator, or a calculator without a definition, fails the start: a score silently
 * missing from the page would read as "no risk".
 */
@ApplicationScoped
public class ScoreRegistry {

    /** Display order on the page: acute deterioration first, then readmission, stroke/bleeding, long-term risk. */
    static final Map<String, Function<ScoreDefinition, RiskScore>> CALCULATORS = calculators();

    @Inject
    ConfigFiles configFiles;

    private final Map<String, RiskScore> scores = new LinkedHashMap<>();

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
        scores.putAll(load(configFiles));
    }

    /** Loads every definition and pairs it with its calculator (public for tests and tools). */
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

    public List<RiskScore> all() {
        return List.copyOf(scores.values());
    }

    public Optional<RiskScore> byId(String id) {
        return Optional.ofNullable(scores.get(id));
    }
}
