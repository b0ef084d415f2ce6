package io.chartlens.risk;

import static io.chartlens.risk.ScoreParameters.flagPoints;
import static io.chartlens.risk.ScoreParameters.lowerBoundPoints;
import static io.chartlens.risk.ScoreParameters.lowerBoundRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;

/**
 * LACE index, death or unplanned readmission within 30 days of discharge: van Walraven C et al., "Derivation and
 * validation of an index to predict early death or unplanned readmission after discharge from hospital to the
 * community", CMAJ 2010;182:551-7 (LACE points table: Length of stay, Acuity of admission, Charlson Comorbidity,
 * Emergency department visits in the previous 6 months; 0-19 points). Points tables and bands come from
 * {@code parameters}; the bands are a documented local convention (see {@code bandsSource}), not part of the paper.
 *
 * <p>Every input is required: an unknown length of stay (an admission still in progress) or an unknown visit count
 * gives INCOMPLETE with the points known so far, never a total that treats the gap as zero.
 */
public final class LaceScore extends DefinedScore {

    public LaceScore(ScoreDefinition definition) {
        super(definition, "points");
    }

    @Override
    public ScoreResult compute(ScoreInputs inputs) {
        List<String> invalid = ScoreInputChecks.wholeAndPlausibleProblems(definition,
                (JSONArray) parameters.get("wholeNumbers"), (JSONObject) parameters.get("plausible"), inputs);
        if (!invalid.isEmpty()) {
            return results.invalid(List.of(), invalid);
        }
        JSONObject flagPoints = (JSONObject) parameters.get("flagPoints");
        JSONObject tables = (JSONObject) parameters.get("tablePoints");
        Map<String, BigDecimal> items = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (ScoreDefinition.Input input : definition.inputs()) {
            String name = input.name();
            if (!inputs.has(name)) {
                missing.add(name);
                continue;
            }
            items.put(name, tables.containsKey(name)
                    ? lowerBoundPoints((JSONArray) tables.get(name), inputs.quantity(name).orElseThrow())
                    : flagPoints(flagPoints, inputs, name));
        }
        if (!missing.isEmpty()) {
            return results.incomplete(items, missing, List.of());
        }
        BigDecimal total = ScoreParameters.total(items);
        String band = (String) lowerBoundRow((JSONArray) parameters.get("bands"), total).get("label");
        return results.result(ScoreStatus.OK, total, null, band, items, List.of(), List.of());
    }
}
