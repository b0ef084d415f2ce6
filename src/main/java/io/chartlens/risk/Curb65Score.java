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
 * CURB-65: Lim WS et al., "Defining community acquired pneumonia severity on presentation to hospital", Thorax
 * 2003;58:377-82 (the six-point score of the abstract and results): one point each for Confusion, Urea > 7 mmol/L,
 * Respiratory rate of 30/min or more, low Blood pressure (systolic below 90 or diastolic 60 mm Hg or less) and age 65
 * or more.
 *
 * <p>Decisions: urea arrives as BUN in mg/dL (the record layer's canonical unit); the paper's 7 mmol/L is converted
 * with the definition's factor (2.8014 mg/dL of urea nitrogen per mmol/L of urea). The blood-pressure item is scored
 * from whichever value is abnormal; only when neither is abnormal are both needed. Diastolic at or above systolic is
 * an impossible pair and is rejected.
 */
public final class Curb65Score implements RiskScore {

    private final ScoreDefinition definition;
    private final JSONObject parameters;

    public Curb65Score(ScoreDefinition definition) {
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
        Optional<BigDecimal> sbp = inputs.quantity("systolicBp");
        Optional<BigDecimal> dbp = inputs.quantity("diastolicBp");
        if (invalid.isEmpty() && sbp.isPresent() && dbp.isPresent() && dbp.get().compareTo(sbp.get()) >= 0) {
            invalid.add("diastolicBp " + dbp.get().toPlainString() + " mm[Hg] is not below systolicBp "
                    + sbp.get().toPlainString() + " mm[Hg]: not a possible blood pressure");
        }
        JSONObject bp = (JSONObject) parameters.get("bloodPressure");
        boolean lowBp = sbp.filter(v -> v.compareTo(decimal(bp.get("systolicBelow"))) < 0).isPresent()
                || dbp.filter(v -> v.compareTo(decimal(bp.get("diastolicAtMost"))) <= 0).isPresent();
        List<String> missing = new ArrayList<>();
        for (ScoreDefinition.Input input : definition.inputs()) {
            boolean bpValue = input.name().equals("systolicBp") || input.name().equals("diastolicBp");
            if (!inputs.has(input.name()) && !(bpValue && lowBp)) {
                missing.add(input.name());
            }
        }
        if (!invalid.isEmpty()) {
            return result(ScoreStatus.INVALID_INPUT, null, null, null, Map.of(), missing, invalid);
        }
        List<String> warnings = new ArrayList<>();
        Optional<BigDecimal> age = inputs.quantity("age");
        BigDecimal minimumAge = decimal(parameters.get("minimumAge"));
        if (age.isPresent() && age.get().compareTo(minimumAge) < 0) {
            return result(ScoreStatus.NOT_APPLICABLE, null, null, null, Map.of(), List.of(),
                    List.of("CURB-65 was derived in adults with community-acquired pneumonia; age is "
                            + age.get().toPlainString() + " (under " + minimumAge.toPlainString() + ")"));
        }

        Map<String, BigDecimal> items = new LinkedHashMap<>();
        inputs.flag("confusion").ifPresent(confused -> items.put("confusion",
                confused ? decimal(((JSONObject) parameters.get("confusion")).get("points")) : BigDecimal.ZERO));
        JSONObject urea = (JSONObject) parameters.get("urea");
        BigDecimal bunThreshold = decimal(urea.get("aboveMmolPerL"))
                .multiply(decimal(urea.get("bunMgPerDlPerUreaMmolPerL")));
        int places = ((Number) urea.get("comparePlaces")).intValue();
        inputs.quantity("bloodUreaNitrogen").ifPresent(v -> items.put("bloodUreaNitrogen",
                v.setScale(places, RoundingMode.HALF_UP).compareTo(bunThreshold) > 0
                        ? decimal(urea.get("points")) : BigDecimal.ZERO));
        JSONObject rr = (JSONObject) parameters.get("respiratoryRate");
        inputs.quantity("respiratoryRate").ifPresent(v -> items.put("respiratoryRate",
                v.compareTo(decimal(rr.get("atLeast"))) >= 0 ? decimal(rr.get("points")) : BigDecimal.ZERO));
        if (lowBp) {
            items.put("bloodPressure", decimal(bp.get("points")));
        } else if (sbp.isPresent() && dbp.isPresent()) {
            items.put("bloodPressure", BigDecimal.ZERO);
        }
        JSONObject old = (JSONObject) parameters.get("age");
        age.ifPresent(v -> items.put("age",
                v.compareTo(decimal(old.get("atLeast"))) >= 0 ? decimal(old.get("points")) : BigDecimal.ZERO));

        BigDecimal total = items.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        JSONArray bands = (JSONArray) parameters.get("bands");
        if (!missing.isEmpty()) {
            floorBandWarning(bands, total, items.values()).ifPresent(warnings::add);
            return result(ScoreStatus.INCOMPLETE, null, total, null, items, missing, warnings);
        }
        return result(ScoreStatus.OK, total, null,
                band(bands, total, items.values()).map(b -> (String) b.get("label")).orElseThrow(), items, missing,
                warnings);
    }

    private ScoreResult result(ScoreStatus status, BigDecimal value, BigDecimal partial, String band,
                               Map<String, BigDecimal> items, List<String> missing, List<String> warnings) {
        return new ScoreResult(definition.id(), definition.version(), status, value, partial, "points", band, items,
                missing, warnings, definition.source());
    }

    // The helpers below are repeated in News2Score and QsofaScore on purpose: each score file stands alone.

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
