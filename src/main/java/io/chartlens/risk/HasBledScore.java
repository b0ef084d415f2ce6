package io.chartlens.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;

/**
 * HAS-BLED, one-year risk of major bleeding on anticoagulation in atrial fibrillation: Pisters R et al., "A novel
 * user-friendly score (HAS-BLED) ... the Euro Heart Survey", Chest 2010;138:1093-100 (HAS-BLED table: H, A, S, B,
 * L, E, D; one point per item, renal and liver counted separately, drugs and alcohol counted separately; >= 3 is high
 * risk). Thresholds, points and bands come from {@code parameters}.
 *
 * <p>"H" is uncontrolled hypertension, read from the measured systolic pressure (> 160 mmHg), so a missing blood
 * pressure makes the result INCOMPLETE, as does a missing age. Absent coded conditions, medications and INR findings
 * are read as not present, with a warning naming them.
 */
public final class HasBledScore implements RiskScore {

    private final ScoreDefinition definition;
    private final JSONObject parameters;

    public HasBledScore(ScoreDefinition definition) {
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
        List<String> warnings = new ArrayList<>();
        List<String> invalid = invalidInputs(inputs);
        if (!invalid.isEmpty()) {
            return result(ScoreStatus.INVALID_INPUT, null, null, null, Map.of(), List.of(), invalid);
        }
        JSONObject flagPoints = (JSONObject) parameters.get("flagPoints");
        JSONObject thresholds = (JSONObject) parameters.get("aboveThresholdPoints");
        List<?> readAsAbsent = (JSONArray) parameters.get("absentReadAsNotPresent");
        Map<String, BigDecimal> items = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        for (ScoreDefinition.Input input : definition.inputs()) {
            String name = input.name();
            if (!inputs.has(name)) {
                if (readAsAbsent.contains(name)) {
                    notFound.add(input.label());
                } else {
                    missing.add(name);
                }
                continue;
            }
            BigDecimal points = thresholds.containsKey(name)
                    ? abovePoints((JSONObject) thresholds.get(name), inputs.quantity(name).orElseThrow())
                    : inputs.flag(name).orElseThrow() ? number(flagPoints.get(name)) : BigDecimal.ZERO;
            items.put(name, points);
        }
        if (!notFound.isEmpty()) {
            warnings.add(parameters.get("absentWarning") + ": " + String.join(", ", notFound));
        }
        BigDecimal total = items.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (!missing.isEmpty()) {
            return result(ScoreStatus.INCOMPLETE, null, total, null, items, missing, warnings);
        }
        return result(ScoreStatus.OK, total, null, band(total), items, List.of(), warnings);
    }

    /** Points when the value is strictly above the threshold; ages in completed years (65.9 is "65", not > 65). */
    private static BigDecimal abovePoints(JSONObject rule, BigDecimal value) {
        BigDecimal v = Boolean.TRUE.equals(rule.get("completedYears")) ? value.setScale(0, RoundingMode.FLOOR) : value;
        return v.compareTo(number(rule.get("above"))) > 0 ? number(rule.get("points")) : BigDecimal.ZERO;
    }

    private String band(BigDecimal total) {
        String label = null;
        for (Object row : (JSONArray) parameters.get("bands")) {
            JSONObject r = (JSONObject) row;
            if (total.compareTo(number(r.get("atLeast"))) >= 0) {
                label = (String) r.get("label");
            }
        }
        return label;
    }

    private List<String> invalidInputs(ScoreInputs inputs) {
        List<String> problems = new ArrayList<>();
        for (ScoreDefinition.Input input : definition.inputs()) {
            InputValue value = inputs.values().get(input.name());
            if (value == null) {
                continue;
            }
            String problem = switch (input.type()) {
                case "flag" -> value instanceof InputValue.Flag ? null : "expected a yes/no value";
                case "choice" -> value instanceof InputValue.Choice c
                        ? (input.allowed().contains(c.value()) ? null
                        : "'" + c.value() + "' is not one of " + String.join("|", input.allowed()))
                        : "expected one of " + String.join("|", input.allowed());
                default -> quantityProblem(input, value);
            };
            if (problem != null) {
                problems.add(input.name() + ": " + problem);
            }
        }
        return problems;
    }

    private String quantityProblem(ScoreDefinition.Input input, InputValue value) {
        if (!(value instanceof InputValue.Quantity q)) {
            return "expected a quantity in " + input.unit();
        }
        if (!input.unit().equals(q.unit())) {
            return "unit '" + q.unit() + "' given, '" + input.unit() + "' expected";
        }
        JSONObject range = (JSONObject) ((JSONObject) parameters.get("plausible")).get(input.name());
        BigDecimal min = number(range.get("min"));
        BigDecimal max = number(range.get("max"));
        if (q.value().compareTo(min) < 0 || q.value().compareTo(max) > 0) {
            return q.value().toPlainString() + " " + q.unit() + " is not a possible value (" + min.toPlainString()
                    + "-" + max.toPlainString() + " " + q.unit() + ")";
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
