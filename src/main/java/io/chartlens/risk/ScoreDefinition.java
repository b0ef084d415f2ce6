package io.chartlens.risk;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;

/**
 * A score definition file, {@code smart-config/scores/<id>.json}: id, version, name, citation, the documented inputs
 * and the score-specific parameters (thresholds, points, bands, coefficients) under {@code parameters}, which each
 * calculator reads by name. Parsed at the boundary; the raw JSON of {@code parameters} stays available to the
 * calculator that owns it.
 *
 * @param id         score id
 * @param version    semantic version of the definition
 * @param name       display name
 * @param source     citation shown in the UI ("Lip GYH et al. Chest 2010;137:263-72")
 * @param meaning    one line saying what the value means
 * @param inputs     documented inputs, in display order
 * @param parameters score-specific data (thresholds, points, bands, coefficients)
 */
public record ScoreDefinition(String id, String version, String name, String source, String meaning,
                              List<Input> inputs, JSONObject parameters, JSONObject recordMapping) {

    /** One documented input: name (lowerCamelCase), type (quantity|flag|choice), unit or allowed values, label. */
    public record Input(String name, String type, String unit, List<String> allowed, String label) {
    }

    public static ScoreDefinition parse(String json) {
        try {
            JSONObject o = JSONObjectUtils.parse(json);
            List<Input> inputs = new ArrayList<>();
            for (Object item : (JSONArray) o.get("inputs")) {
                JSONObject i = (JSONObject) item;
                inputs.add(new Input(JSONObjectUtils.getString(i, "name"), JSONObjectUtils.getString(i, "type"),
                        JSONObjectUtils.getString(i, "unit", null),
                        JSONObjectUtils.getStringList(i, "allowed", List.of()),
                        JSONObjectUtils.getString(i, "label")));
            }
            return new ScoreDefinition(JSONObjectUtils.getString(o, "id"), JSONObjectUtils.getString(o, "version"),
                    JSONObjectUtils.getString(o, "name"), JSONObjectUtils.getString(o, "source"),
                    JSONObjectUtils.getString(o, "meaning"), List.copyOf(inputs),
                    JSONObjectUtils.getJSONObject(o, "parameters"), recordMapping(o));
        } catch (ParseException | ClassCastException | NullPointerException e) {
            throw new IllegalStateException("Score definition is invalid: " + e.getMessage(), e);
        }
    }

    /** How each input is derived from a patient record: top-level {@code recordMapping}, else in parameters. */
    private static JSONObject recordMapping(JSONObject o) throws ParseException {
        if (o.get("recordMapping") instanceof JSONObject top) {
            return top;
        }
        JSONObject parameters = JSONObjectUtils.getJSONObject(o, "parameters");
        return parameters.get("recordMapping") instanceof JSONObject inner ? inner : new JSONObject();
    }

    public Set<String> inputNames() {
        Map<String, Input> byName = new LinkedHashMap<>();
        inputs.forEach(i -> byName.put(i.name(), i));
        return byName.keySet();
    }
}
