package io.chartlens.risk;

import static io.chartlens.risk.ScoreParameters.flagPoints;
import static io.chartlens.risk.ScoreParameters.lowerBoundPoints;
import static io.chartlens.risk.ScoreParameters.lowerBoundRow;
import static io.chartlens.risk.ScoreParameters.number;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;

/**
 * HOSPITAL score, potentially avoidable readmission within 30 days of discharge from a medical service: Donzé J,
 * Aujesky D, Williams D, Schnipper JL, "Potentially avoidable 30-day hospital readmissions in medical patients:
 * derivation and validation of a prediction model", JAMA Intern Med 2013;173:632-8 (HOSPITAL points table: Hemoglobin
 * at discharge < 12 g/dL 1, discharge from Oncology 2, Sodium at discharge < 135 mmol/L 1, Procedure during stay 1,
 * Index admission Type urgent 1, Admissions in the previous 12 months 0-1: 0, 2-5: 2, > 5: 5, Length of stay >= 5
 * days 2; bands low 0-4, intermediate 5-6, high >= 7). Thresholds, points and bands come from {@code parameters}.
 *
 * <p>Every input is required: a missing laboratory value, an unknown discharging service or a stay still in progress
 * gives INCOMPLETE with the points known so far, never a total that treats the gap as normal.
 */
public final class HospitalScore extends DefinedScore {

    public HospitalScore(ScoreDefinition definition) {
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
        JSONObject below = (JSONObject) parameters.get("belowThresholdPoints");
        Map<String, BigDecimal> items = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (ScoreDefinition.Input input : definition.inputs()) {
            String name = input.name();
            if (!inputs.has(name)) {
                missing.add(name);
                continue;
            }
            BigDecimal points;
            if (tables.containsKey(name)) {
                points = lowerBoundPoints((JSONArray) tables.get(name), inputs.quantity(name).orElseThrow());
            } else if (below.containsKey(name)) {
                points = belowPoints((JSONObject) below.get(name), inputs.quantity(name).orElseThrow());
            } else {
                points = flagPoints(flagPoints, inputs, name);
            }
            items.put(name, points);
        }
        if (!missing.isEmpty()) {
            return results.incomplete(items, missing, List.of());
        }
        BigDecimal total = ScoreParameters.total(items);
        String band = (String) lowerBoundRow((JSONArray) parameters.get("bands"), total).get("label");
        return results.result(ScoreStatus.OK, total, null, band, items, List.of(), List.of());
    }

    /** Points when the value is strictly below the threshold (haemoglobin < 12 g/dL, sodium < 135 mmol/L). */
    private static BigDecimal belowPoints(JSONObject rule, BigDecimal value) {
        return value.compareTo(number(rule.get("below"))) < 0 ? number(rule.get("points")) : BigDecimal.ZERO;
    }
}
