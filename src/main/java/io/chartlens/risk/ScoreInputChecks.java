package io.chartlens.risk;

import static io.chartlens.risk.ScoreParameters.decimal;
import static io.chartlens.risk.ScoreParameters.number;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;

/**
 * Checks of the present inputs against a definition: wrong type, wrong unit, a choice outside the allowed values, or
 * a quantity outside its possible range. Two message styles are in use, each kept word for word: the acute scores
 * (NEWS2, qSOFA, CURB-65) read {@code validRange}; the others prefix "name: " to a short problem and read
 * {@code plausible}.
 */
final class ScoreInputChecks {

    private ScoreInputChecks() {
    }

    /** NEWS2, qSOFA, CURB-65: quantities against {@code ranges} (the definition's {@code validRange}). */
    static List<String> validRangeProblems(ScoreDefinition definition, JSONObject ranges, ScoreInputs inputs) {
        List<String> problems = new ArrayList<>();
        for (ScoreDefinition.Input input : definition.inputs()) {
            InputValue value = inputs.values().get(input.name());
            if (value == null) {
                continue;
            }
            switch (input.type()) {
                case "quantity" -> {
                    if (!(value instanceof InputValue.Quantity q)) {
                        problems.add(input.name() + " must be a quantity in " + input.unit());
                    } else if (!input.unit().equals(q.unit())) {
                        problems.add(input.name() + " is in '" + q.unit() + "', expected '" + input.unit() + "'");
                    } else if (ranges.get(input.name()) instanceof JSONObject range
                            && (q.value().compareTo(decimal(range.get("min"))) < 0
                            || q.value().compareTo(decimal(range.get("max"))) > 0)) {
                        problems.add(input.name() + " " + q.value().toPlainString() + " " + q.unit()
                                + " is not physiologically possible (possible: " + range.get("min") + " to "
                                + range.get("max") + " " + q.unit() + ")");
                    }
                }
                case "flag" -> {
                    if (!(value instanceof InputValue.Flag)) {
                        problems.add(input.name() + " must be a yes/no flag");
                    }
                }
                default -> {
                    if (!(value instanceof InputValue.Choice c) || !input.allowed().contains(c.value())) {
                        problems.add(input.name() + " must be one of " + String.join("|", input.allowed()));
                    }
                }
            }
        }
        return problems;
    }

    /**
     * LACE, HOSPITAL: flags, else quantities, which must be whole when listed in {@code wholeNumbers} and within
     * {@code plausible} (a minimum, and a maximum when given).
     */
    static List<String> wholeAndPlausibleProblems(ScoreDefinition definition, JSONArray wholeNumbers,
                                                  JSONObject plausible, ScoreInputs inputs) {
        return prefixedProblems(definition, inputs, (input, value) -> {
            if ("flag".equals(input.type())) {
                return flagProblem(value);
            }
            String problem = quantityTypeProblem(input, value);
            if (problem != null) {
                return problem;
            }
            InputValue.Quantity q = (InputValue.Quantity) value;
            if (wholeNumbers.contains(input.name()) && q.value().stripTrailingZeros().scale() > 0) {
                return q.value().toPlainString() + " is not a whole number";
            }
            return atLeastAtMostProblem((JSONObject) plausible.get(input.name()), q);
        });
    }

    /** CHA2DS2-VASc, HAS-BLED: flags, choices, and quantities within {@code plausible} (minimum and maximum). */
    static List<String> plausibleProblems(ScoreDefinition definition, JSONObject plausible, ScoreInputs inputs) {
        return prefixedProblems(definition, inputs, (input, value) -> switch (input.type()) {
            case "flag" -> flagProblem(value);
            case "choice" -> value instanceof InputValue.Choice c
                    ? (input.allowed().contains(c.value()) ? null
                    : "'" + c.value() + "' is not one of " + String.join("|", input.allowed()))
                    : "expected one of " + String.join("|", input.allowed());
            default -> {
                String problem = quantityTypeProblem(input, value);
                yield problem != null ? problem
                        : minMaxProblem((JSONObject) plausible.get(input.name()), (InputValue.Quantity) value);
            }
        });
    }

    /** Each present input's problem (null for none), as "name: problem", in definition order. */
    private static List<String> prefixedProblems(ScoreDefinition definition, ScoreInputs inputs,
                                                 BiFunction<ScoreDefinition.Input, InputValue, String> check) {
        List<String> problems = new ArrayList<>();
        for (ScoreDefinition.Input input : definition.inputs()) {
            InputValue value = inputs.values().get(input.name());
            if (value == null) {
                continue;
            }
            String problem = check.apply(input, value);
            if (problem != null) {
                problems.add(input.name() + ": " + problem);
            }
        }
        return problems;
    }

    private static String flagProblem(InputValue value) {
        return value instanceof InputValue.Flag ? null : "expected a yes/no value";
    }

    /** Not a quantity, or not in the definition's unit; null when it is a quantity in that unit. */
    private static String quantityTypeProblem(ScoreDefinition.Input input, InputValue value) {
        if (!(value instanceof InputValue.Quantity q)) {
            return "expected a quantity in " + input.unit();
        }
        if (!input.unit().equals(q.unit())) {
            return "unit '" + q.unit() + "' given, '" + input.unit() + "' expected";
        }
        return null;
    }

    private static String atLeastAtMostProblem(JSONObject range, InputValue.Quantity q) {
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

    private static String minMaxProblem(JSONObject range, InputValue.Quantity q) {
        BigDecimal min = number(range.get("min"));
        BigDecimal max = number(range.get("max"));
        if (q.value().compareTo(min) < 0 || q.value().compareTo(max) > 0) {
            return q.value().toPlainString() + " " + q.unit() + " is not a possible value (" + min.toPlainString()
                    + "-" + max.toPlainString() + " " + q.unit() + ")";
        }
        return null;
    }
}
