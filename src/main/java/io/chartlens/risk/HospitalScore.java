package io.chartlens.risk;

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
public final class HospitalScore implements RiskScore {

    private final ScoreDefinition definition;
    private final JSONObject parameters;

    public HospitalScore(ScoreDefinition definition) {
        this.definition = definition;
        this.parameters = definition.parameters();
    }

    @Override
    public String id() {
        return definition.id();
    }

    @Override
    public ScoreDefinition definition() {
        return definition;
    }

    @Override
    public ScoreResult compute(ScoreInputs inputs) {
        List<String> invalid = invalidInputs(inputs);
        if (!invalid.isEmpty()) {
            return result(ScoreStatus.INVALID_INPUT, null, null, null, Map.of(), List.of(), invalid);
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
                points = inputs.flag(name).orElseThrow() ? number(flagPoints.get(name)) : BigDecimal.ZERO;
            }
            items.put(name, points);
        }
        BigDecimal total = items.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (!missing.isEmpty()) {
            return result(ScoreStatus.INCOMPLETE, null, total, null, items, missing, List.of());
        }
        String band = (String) lowerBoundRow((JSONArray) parameters.get("bands"), total).get("label");
        return result(ScoreStatus.OK, total, null, band, items, List.of(), List.of());
    }

    /** Points when the value is strictly below the threshold (haemoglobin < 12 g/dL, sodium < 135 mmol/L). */
    private static BigDecimal belowPoints(JSONObject rule, BigDecimal value) {
        return value.compareTo(number(rule.get("below"))) < 0 ? number(rule.get("points")) : BigDecimal.ZERO;
    }

    private static BigDecimal lowerBoundPoints(JSONArray table, BigDecimal value) {
        return number(lowerBoundRow(table, value).get("points"));
    }

    /** The last row whose {@code atLeast} is not above the value: rows are ascending lower bounds. */
    private static JSONObject lowerBoundRow(JSONArray rows, BigDecimal value) {
        JSONObject match = null;
        for (Object row : rows) {
            JSONObject r = (JSONObject) row;
            if (value.compareTo(number(r.get("atLeast"))) >= 0) {
                match = r;
            }
        }
        return match;
    }

    private List<String> invalidInputs(ScoreInputs inputs) {
        List<?> wholeNumbers = (JSONArray) parameters.get("wholeNumbers");
        List<String> problems = new ArrayList<>();
        for (ScoreDefinition.Input input : definition.inputs()) {
            InputValue value = inputs.values().get(input.name());
            if (value == null) {
                continue;
            }
            String problem;
            if ("flag".equals(input.type())) {
                problem = value instanceof InputValue.Flag ? null : "expected a yes/no value";
            } else if (!(value instanceof InputValue.Quantity q)) {
                problem = "expected a quantity in " + input.unit();
            } else if (!input.unit().equals(q.unit())) {
                problem = "unit '" + q.unit() + "' given, '" + input.unit() + "' expected";
            } else if (wholeNumbers.contains(input.name()) && q.value().stripTrailingZeros().scale() > 0) {
                problem = q.value().toPlainString() + " is not a whole number";
            } else {
                problem = rangeProblem(input.name(), q);
            }
            if (problem != null) {
                problems.add(input.name() + ": " + problem);
            }
        }
        return problems;
    }

    private String rangeProblem(String name, InputValue.Quantity q) {
        JSONObject range = (JSONObject) ((JSONObject) parameters.get("plausible")).get(name);
        BigDecimal min = number(range.get("min"));
        if (q.value().compareTo(min) < 0) {
            return q.value().toPlainString() + " " + q.unit() + " is not a possible value (at least "
                    + min.toPlainString() + ")";
        }
        if (range.get("max") != null && q.value().compareTo(number(range.get("max"))) > 0) {
            return q.value().toPlainString() + " " + q.unit() + " is not a possible value (at most "
                    + number(range.get("max")).toPlainString() + ")";
        }
        return null;
    }

    private ScoreResult result(ScoreStatus status, BigDecimal value, BigDecimal partial, String band,
                               Map<String, BigDecimal> items, List<String> missing, List<String> warnings) {
        return new ScoreResult(definition.id(), definition.version(), status, value, partial, "points", band, items,
                missing, warnings, definition.source());
    }

    private static BigDecimal number(Object o) {
        return new BigDecimal(o.toString());
    }
}
