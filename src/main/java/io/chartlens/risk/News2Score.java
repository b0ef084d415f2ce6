package io.chartlens.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;

/**
 * NEWS2, the National Early Warning Score 2: Royal College of Physicians, "National Early Warning Score (NEWS) 2", 2017,
 * chart 1 (the NEWS scoring system, SpO2 scales 1 and 2) and the thresholds-and-triggers table. Every band, point and
 * threshold comes from the definition's {@code parameters}.
 *
 * <p>Decisions: each observation is first rounded half-up to the chart's precision (whole numbers, temperature to
 * 0.1 Cel), because chart 1's bands are written for charted values and leave gaps (20 to 21 /min) that raw decimals
 * fall into. On scale 2, a saturation of 93 % or more scores by oxygen status; if that status is missing the SpO2 item
 * is left unscored (not guessed as air). For an incomplete score, a warning says when the points present already
 * reach an escalation band, since missing items can only add points.
 */
public final class News2Score implements RiskScore {

    private final ScoreDefinition definition;
    private final JSONObject parameters;
    private final JSONObject points;

    public News2Score(ScoreDefinition definition) {
        this.definition = definition;
        this.parameters = definition.parameters();
        this.points = (JSONObject) parameters.get("points");
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
        List<String> missing = new ArrayList<>();
        for (Object item : (JSONArray) parameters.get("items")) {
            if (!inputs.has((String) item)) {
                missing.add((String) item);
            }
        }
        List<String> invalid = invalidInputs(inputs);
        if (!invalid.isEmpty()) {
            return result(ScoreStatus.INVALID_INPUT, null, null, null, Map.of(), missing, invalid);
        }
        List<String> warnings = new ArrayList<>();
        Optional<BigDecimal> age = inputs.quantity("age");
        BigDecimal minimumAge = decimal(parameters.get("minimumAge"));
        if (age.isPresent() && age.get().compareTo(minimumAge) < 0) {
            return result(ScoreStatus.NOT_APPLICABLE, null, null, null, Map.of(), List.of(),
                    List.of("NEWS2 is not for patients under " + minimumAge.toPlainString()
                            + " years (RCP 2017); age is " + age.get().toPlainString()));
        }
        if (age.isEmpty()) {
            warnings.add("Age not given: NEWS2 applies to people aged " + minimumAge.toPlainString()
                    + " or over and not in pregnancy");
        }

        Map<String, BigDecimal> items = new LinkedHashMap<>();
        scoreQuantity(inputs, "respiratoryRate", items, warnings);
        scoreOxygenSaturation(inputs, items, warnings);
        inputs.flag("onSupplementalOxygen").ifPresent(onOxygen -> items.put("onSupplementalOxygen",
                decimal(((JSONObject) points.get("onSupplementalOxygen")).get(onOxygen ? "oxygen" : "air"))));
        scoreQuantity(inputs, "systolicBp", items, warnings);
        scoreQuantity(inputs, "heartRate", items, warnings);
        inputs.choice("acvpu").ifPresent(level -> items.put("acvpu",
                decimal(((JSONObject) points.get("acvpu")).get(level))));
        scoreQuantity(inputs, "bodyTemperature", items, warnings);

        BigDecimal total = items.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        JSONArray bands = (JSONArray) parameters.get("bands");
        if (!missing.isEmpty()) {
            floorBandWarning(bands, total, items.values()).ifPresent(warnings::add);
            return result(ScoreStatus.INCOMPLETE, null, total, null, items, missing, warnings);
        }
        return result(ScoreStatus.OK, total, null, band(bands, total, items.values()).map(b -> (String) b.get("label")).orElseThrow(), items, missing,
                warnings);
    }

    private void scoreQuantity(ScoreInputs inputs, String name, Map<String, BigDecimal> items,
                               List<String> warnings) {
        inputs.quantity(name).ifPresent(value -> {
            BigDecimal charted = charted(name, value, warnings);
            matchingBands((JSONArray) points.get(name), charted).stream().findFirst()
                    .ifPresent(band -> items.put(name, decimal(band.get("points"))));
        });
    }

    private void scoreOxygenSaturation(ScoreInputs inputs, Map<String, BigDecimal> items, List<String> warnings) {
        Optional<BigDecimal> spo2 = inputs.quantity("oxygenSaturation");
        if (spo2.isEmpty()) {
            return;
        }
        Optional<Boolean> hypercapnic = inputs.flag("hypercapnicRespiratoryFailure");
        boolean scale2 = hypercapnic.orElse(false);
        if (hypercapnic.isEmpty()) {
            warnings.add("SpO2 scale 1 used: no record of hypercapnic respiratory failure");
        } else if (scale2) {
            warnings.add("SpO2 scale 2 used because hypercapnic respiratory failure is recorded");
        }
        BigDecimal charted = charted("oxygenSaturation", spo2.get(), warnings);
        Optional<Boolean> onOxygen = inputs.flag("onSupplementalOxygen");
        List<JSONObject> candidates = matchingBands((JSONArray) points.get(scale2 ? "spo2Scale2" : "spo2Scale1"),
                charted).stream()
                .filter(b -> !b.containsKey("onOxygen") || onOxygen.map(b.get("onOxygen")::equals).orElse(true))
                .toList();
        if (candidates.size() == 1) {
            items.put("oxygenSaturation", decimal(candidates.get(0).get("points")));
        } else if (candidates.size() > 1) {
            warnings.add("SpO2 " + charted.toPlainString() + " % not scored: on SpO2 scale 2 a saturation this high"
                    + " scores by whether the patient is on supplemental oxygen, which is not recorded");
        }
    }

    private BigDecimal charted(String name, BigDecimal value, List<String> warnings) {
        int scale = ((Number) ((JSONObject) parameters.get("chartPrecision")).get(name)).intValue();
        BigDecimal charted = value.setScale(scale, RoundingMode.HALF_UP);
        if (charted.compareTo(value) != 0) {
            warnings.add(name + " " + value.toPlainString() + " charted as " + charted.toPlainString()
                    + " (NEWS2 chart 1 precision)");
        }
        return charted;
    }

    private static List<JSONObject> matchingBands(JSONArray bands, BigDecimal charted) {
        List<JSONObject> matches = new ArrayList<>();
        for (Object o : bands) {
            JSONObject band = (JSONObject) o;
            BigDecimal min = decimal(band.get("min"));
            BigDecimal max = decimal(band.get("max"));
            if ((min == null || charted.compareTo(min) >= 0) && (max == null || charted.compareTo(max) <= 0)) {
                matches.add(band);
            }
        }
        return matches;
    }

    private ScoreResult result(ScoreStatus status, BigDecimal value, BigDecimal partial, String band,
                               Map<String, BigDecimal> items, List<String> missing, List<String> warnings) {
        return new ScoreResult(definition.id(), definition.version(), status, value, partial, "points", band, items,
                missing, warnings, definition.source());
    }

    // The helpers below are repeated in QsofaScore and Curb65Score on purpose: each score file stands alone.

    /** Wrong type, wrong unit, a choice outside the allowed values, or a quantity outside {@code validRange}. */
    private List<String> invalidInputs(ScoreInputs inputs) {
        JSONObject ranges = (JSONObject) parameters.get("validRange");
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

    /** The first band (most severe first) whose minimum total and single-item condition hold. */
    private static Optional<JSONObject> band(JSONArray bands, BigDecimal total, Collection<BigDecimal> itemPoints) {
        for (Object o : bands) {
            JSONObject band = (JSONObject) o;
            BigDecimal minTotal = decimal(band.get("minTotal"));
            BigDecimal anyItem = decimal(band.get("anyItemPoints"));
            if ((minTotal == null || total.compareTo(minTotal) >= 0)
                    && (anyItem == null || itemPoints.stream().anyMatch(p -> p.compareTo(anyItem) >= 0))) {
                return Optional.of(band);
            }
        }
        return Optional.empty();
    }

    /** Points only add up, so the band reached by the items present is a floor: say so when it is an escalation. */
    private static Optional<String> floorBandWarning(JSONArray bands, BigDecimal partial,
                                                     Collection<BigDecimal> itemPoints) {
        return band(bands, partial, itemPoints).filter(b -> Boolean.TRUE.equals(b.get("warnWhenIncomplete")))
                .map(b -> (b.containsKey("minTotal")
                        ? "already \u2265" + b.get("minTotal") + " with the items present (" + partial.toPlainString()
                        + " points)"
                        : "already a single parameter scoring " + b.get("anyItemPoints") + " with the items present")
                        + ": at least " + b.get("label") + "; the missing items can only add points");
    }

    private static BigDecimal decimal(Object number) {
        return number == null ? null : new BigDecimal(number.toString());
    }
}
