package io.chartlens.record;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.chartlens.system.ConfigFiles;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.minidev.json.JSONObject;

/**
 * The Observation kinds, blood-pressure-style panels and unit aliases ChartLens understands, parsed once from
 * {@code smart-config/record/observations.json}. Codes are LOINC ({@code http://loinc.org}) unless said otherwise; a
 * code that two kinds claim is refused at load time, so a lookup is never ambiguous.
 */
public final class ObservationCatalog {

    /** Path of the catalogue inside {@code smart-config/}. */
    public static final String PATH = "record/observations.json";

    private final String version;
    private final List<ObservationKind> kinds;
    private final Map<String, ObservationKind> byKind = new HashMap<>();
    private final Map<String, ObservationKind> byLoinc = new HashMap<>();
    private final Map<String, ObservationKind> bySnomed = new HashMap<>();
    private final Map<String, Panel> panelsByLoinc = new HashMap<>();
    private final Map<String, String> unitAliases;

    /** Parses the catalogue. Fails with an {@link IllegalStateException} that names the problem. */
    public ObservationCatalog(String json) {
        try {
            JSONObject o = JSONObjectUtils.parse(json);
            version = JSONObjectUtils.getNonBlankString(o, "version");
            List<ObservationKind> parsed = new ArrayList<>();
            for (Object item : JSONObjectUtils.getJSONArray(o, "kinds")) {
                ObservationKind kind = kind((JSONObject) item);
                if (byKind.put(kind.kind(), kind) != null) {
                    throw new IllegalStateException("kind " + kind.kind() + " is listed twice");
                }
                kind.loinc().forEach(code -> claim(byLoinc, code, kind));
                kind.snomed().forEach(code -> claim(bySnomed, code, kind));
                parsed.add(kind);
            }
            kinds = List.copyOf(parsed);
            for (Object item : JSONObjectUtils.getJSONArray(o, "panels", new net.minidev.json.JSONArray())) {
                Panel panel = panel((JSONObject) item);
                for (String code : panel.loinc()) {
                    if (byLoinc.containsKey(code) || panelsByLoinc.put(code, panel) != null) {
                        throw new IllegalStateException("LOINC " + code + " is claimed twice");
                    }
                }
            }
            unitAliases = Map.copyOf(strings(JSONObjectUtils.getJSONObject(o, "unitAliases", new JSONObject())));
        } catch (ParseException | RuntimeException e) {
            throw new IllegalStateException(PATH + " is invalid: " + e.getMessage(), e);
        }
    }

    public static ObservationCatalog fromConfig(ConfigFiles files) {
        return new ObservationCatalog(files.read(PATH));
    }

    public String version() {
        return version;
    }

    /** Every kind, in file order. */
    public List<ObservationKind> kinds() {
        return kinds;
    }

    public Optional<ObservationKind> byLoinc(String code) {
        return Optional.ofNullable(byLoinc.get(code));
    }

    /** The kind for a coding; only LOINC and SNOMED CT codings can match. */
    public Optional<ObservationKind> byCode(String system, String code) {
        if (Code.LOINC.equals(system)) {
            return byLoinc(code);
        }
        if (Code.SNOMED.equals(system)) {
            return Optional.ofNullable(bySnomed.get(code));
        }
        return Optional.empty();
    }

    public Optional<ObservationKind> byKind(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /** The panel (an Observation whose values are in its components) with this LOINC code. */
    public Optional<Panel> panelByLoinc(String code) {
        return Optional.ofNullable(panelsByLoinc.get(code));
    }

    /** Non-UCUM unit spellings mapped to UCUM codes, for example {@code mmHg -> mm[Hg]}. */
    public Map<String, String> unitAliases() {
        return unitAliases;
    }

    /**
     * An Observation whose values are in components, such as the blood pressure panel (LOINC 85354-9, 55284-4).
     *
     * @param panel      id, for example {@code bloodPressure}
     * @param label      plain English
     * @param loinc      the panel's LOINC codes
     * @param components component LOINC code to kind, for example {@code 8480-6 -> systolicBp}
     */
    public record Panel(String panel, String label, Set<String> loinc, Map<String, ObservationKind> components) {

        public Panel {
            loinc = Set.copyOf(loinc);
            components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
        }
    }

    private ObservationKind kind(JSONObject k) throws ParseException {
        String id = JSONObjectUtils.getNonBlankString(k, "kind");
        boolean coded = JSONObjectUtils.getBoolean(k, "coded", false);
        String unit = coded ? null : JSONObjectUtils.getNonBlankString(k, "unit");
        ObservationKind.Range plausible = null;
        if (k.containsKey("plausible")) {
            JSONObject range = JSONObjectUtils.getJSONObject(k, "plausible");
            plausible = new ObservationKind.Range(decimal(range, "min"), decimal(range, "max"));
        }
        BigDecimal molarMass = k.containsKey("molarMassGPerMol") ? decimal(k, "molarMassGPerMol") : null;
        Set<String> loinc = JSONObjectUtils.getStringSet(k, "loinc", Set.of());
        Set<String> snomed = JSONObjectUtils.getStringSet(k, "snomed", Set.of());
        if (loinc.isEmpty() && snomed.isEmpty()) {
            throw new IllegalStateException("kind " + id + " has no codes");
        }
        return new ObservationKind(id, JSONObjectUtils.getNonBlankString(k, "label"), loinc, snomed, coded, unit,
                molarMass, plausible, strings(JSONObjectUtils.getJSONObject(k, "refusedUnits", new JSONObject())));
    }

    private Panel panel(JSONObject p) throws ParseException {
        String id = JSONObjectUtils.getNonBlankString(p, "panel");
        Map<String, String> named = strings(JSONObjectUtils.getJSONObject(p, "components"));
        for (String kind : named.values()) {
            if (!byKind.containsKey(kind)) {
                throw new IllegalStateException("panel " + id + " names unknown kind " + kind);
            }
        }
        Map<String, ObservationKind> components = new LinkedHashMap<>(); // in catalogue order, for stable output
        for (ObservationKind kind : kinds) {
            named.forEach((code, name) -> {
                if (name.equals(kind.kind())) {
                    components.put(code, kind);
                }
            });
        }
        return new Panel(id, JSONObjectUtils.getNonBlankString(p, "label"),
                JSONObjectUtils.getStringSet(p, "loinc"), components);
    }

    private static void claim(Map<String, ObservationKind> index, String code, ObservationKind kind) {
        ObservationKind previous = index.put(code, kind);
        if (previous != null) {
            throw new IllegalStateException("code " + code + " is claimed by " + previous.kind() + " and " + kind.kind());
        }
    }

    /** Exact decimal: the JSON number's own digits, not a binary double's. */
    private static BigDecimal decimal(JSONObject o, String key) throws ParseException {
        return new BigDecimal(JSONObjectUtils.getNumber(o, key).toString());
    }

    /** String members of an object; keys starting with "_" are notes. */
    private static Map<String, String> strings(JSONObject o) throws ParseException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : o.keySet()) {
            if (!key.startsWith("_")) {
                out.put(key, JSONObjectUtils.getString(o, key));
            }
        }
        return out;
    }
}
