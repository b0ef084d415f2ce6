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
 * CHA2DS2-VASc, stroke and thromboembolism risk in atrial fibrillation: Lip GYH et al., "Refining clinical risk
 * stratification ... the Euro Heart Survey on Atrial Fibrillation", Chest 2010;137:263-72 (the CHA2DS2-VASc point
 * table: C 1, H 1, A2 2, D 1, S2 2, V 1, A 1, Sc 1). Bands are the sex-specific anticoagulation thresholds of the
 * 2020 ESC atrial fibrillation guideline. Every point value, age cut-off and band comes from {@code parameters}.
 *
 * <p>Absent coded conditions are read as not present, with a warning naming them: a record proves a diagnosis, it
 * cannot prove its absence. Age and sex are never assumed: without them the result is INCOMPLETE.
 */
public final class Cha2ds2VascScore implements RiskScore {

    private static final String AGE = "age";
    private static final String SEX = "sex";

    private final ScoreDefinition definition;
    private final JSONObject parameters;

    public Cha2ds2VascScore(ScoreDefinition definition) {
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
        String population = (String) parameters.get("populationFlag");
        if (inputs.flag(population).isEmpty()) {
            warnings.add((String) parameters.get("populationUnknownWarning"));
        } else if (!inputs.flag(population).get()) {
            return result(ScoreStatus.NOT_APPLICABLE, null, null, null, Map.of(), List.of(),
                    List.of((String) parameters.get("notApplicableWarning")));
        }

        JSONObject flagPoints = (JSONObject) parameters.get("flagPoints");
        List<?> readAsAbsent = (JSONArray) parameters.get("absentReadAsNotPresent");
        Map<String, BigDecimal> items = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        for (ScoreDefinition.Input input : definition.inputs()) {
            String name = input.name();
            if (name.equals(population)) {
                continue;
            }
            if (!inputs.has(name)) {
                if (readAsAbsent.contains(name)) {
                    notFound.add(input.label());
                } else {
                    missing.add(name);
                }
                continue;
            }
            BigDecimal points = switch (name) {
                case AGE -> ageTablePoints(inputs.quantity(AGE).orElseThrow());
                case SEX -> number(((JSONObject) parameters.get("sexPoints")).get(inputs.choice(SEX).orElseThrow()));
                default -> inputs.flag(name).orElseThrow() ? number(flagPoints.get(name)) : BigDecimal.ZERO;
            };
            items.put(name, points);
        }
        if (!notFound.isEmpty()) {
            warnings.add(parameters.get("absentWarning") + ": " + String.join(", ", notFound));
        }
        BigDecimal total = items.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (!missing.isEmpty()) {
            return result(ScoreStatus.INCOMPLETE, null, total, null, items, missing, warnings);
        }
        return result(ScoreStatus.OK, total, null, band(inputs.choice(SEX).orElseThrow(), total), items, List.of(),
                warnings);
    }

    /** Age in completed years, as clinicians state it: 74.9 is "74", so 65-74 scores 1 and 75 scores 2. */
    private BigDecimal ageTablePoints(BigDecimal age) {
        BigDecimal years = age.setScale(0, RoundingMode.FLOOR);
        BigDecimal points = BigDecimal.ZERO;
        for (Object row : (JSONArray) parameters.get("agePoints")) {
            JSONObject r = (JSONObject) row;
            if (years.compareTo(number(r.get("atLeast"))) >= 0) {
                points = number(r.get("points"));
            }
        }
        return points;
    }

    private String band(String sex, BigDecimal total) {
        String label = null;
        for (Object row : (JSONArray) ((JSONObject) parameters.get("bands")).get(sex)) {
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
