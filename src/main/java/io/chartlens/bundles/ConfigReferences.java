package io.chartlens.bundles;

import ca.uhn.fhir.parser.IParser;
import io.chartlens.record.ObservationCatalog;
import io.chartlens.risk.ScoreDefinition;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * The rest of {@code smart-config/} that bundles name: score bands ({@code scores/<id>.json}), measures
 * ({@code measures/Measure-<id>.json}), value sets ({@code measures/valuesets/}) and observation kinds
 * ({@code record/observations.json}). Read lazily, each once, while the catalog loads.
 */
final class ConfigReferences {

    private final Function<String, String> read;
    private final BiFunction<String, String, List<String>> list;
    private final IParser parser;
    private final Map<String, Set<String>> bandsByScore = new HashMap<>();
    private Map<String, Set<SatisfiedBy.CodeKey>> valueSets;
    private Set<String> observationKinds;

    ConfigReferences(Function<String, String> read, BiFunction<String, String, List<String>> list, IParser parser) {
        this.read = read;
        this.list = list;
        this.parser = parser;
    }

    /** Fails with the reason when the trigger names a score band or a measure that is not configured. */
    void check(BundleTrigger trigger) {
        if (trigger instanceof BundleTrigger.ScoreBand s) {
            Set<String> bands = bandsByScore.computeIfAbsent(s.scoreId(), this::bands);
            if (!bands.contains(s.band())) {
                throw new IllegalArgumentException("trigger '" + s.text() + "': score " + s.scoreId()
                        + " has no band '" + s.band() + "' (its bands: " + String.join(" | ", bands) + ")");
            }
        } else if (trigger instanceof BundleTrigger.GapStatus g
                && !list.apply("measures", ".json").contains("measures/Measure-" + g.measureId() + ".json")) {
            throw new IllegalArgumentException("trigger '" + g.text() + "': there is no measures/Measure-"
                    + g.measureId() + ".json");
        }
    }

    private Set<String> bands(String scoreId) {
        String path = "scores/" + scoreId + ".json";
        if (!list.apply("scores", ".json").contains(path)) {
            throw new IllegalArgumentException("score " + scoreId + " is not configured (no " + path + ")");
        }
        Object bands = ScoreDefinition.parse(read.apply(path)).parameters().get("bands");
        Set<String> labels = new java.util.LinkedHashSet<>();
        // Most scores list their bands; CHA2DS2-VASc lists them per sex.
        List<Object> lists = bands instanceof JSONObject perSex ? List.copyOf(perSex.values()) : List.of(bands);
        for (Object bandList : lists) {
            if (bandList instanceof JSONArray array) {
                array.forEach(b -> labels.add(String.valueOf(((JSONObject) b).get("label"))));
            }
        }
        return labels;
    }

    /** The codes of a value set of {@code measures/valuesets/}, by its canonical URL (a version suffix is ignored). */
    Optional<Set<SatisfiedBy.CodeKey>> valueSet(String canonical) {
        if (valueSets == null) {
            valueSets = new HashMap<>();
            for (String path : list.apply("measures/valuesets", ".json")) {
                ValueSet vs = parser.parseResource(ValueSet.class, read.apply(path));
                Set<SatisfiedBy.CodeKey> codes = new HashSet<>();
                vs.getExpansion().getContains().forEach(c -> codes.add(new SatisfiedBy.CodeKey(c.getSystem(), c.getCode())));
                valueSets.put(vs.getUrl(), Set.copyOf(codes));
            }
        }
        String url = canonical.contains("|") ? canonical.substring(0, canonical.indexOf('|')) : canonical;
        return Optional.ofNullable(valueSets.get(url));
    }

    boolean isObservationKind(String kind) {
        if (observationKinds == null) {
            observationKinds = new HashSet<>();
            new ObservationCatalog(read.apply(ObservationCatalog.PATH)).kinds()
                    .forEach(k -> observationKinds.add(k.kind()));
        }
        return observationKinds.contains(kind);
    }
}
