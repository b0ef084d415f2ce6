package io.chartlens.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;

/**
 * qSOFA, the quick Sequential (Sepsis-related) Organ Failure Assessment: Seymour CW et al., JAMA 2016;315:762-74, as
 * adopted by Sepsis-3 (Singer M et al., JAMA 2016;315:801-10): one point each for respiratory rate of 22/min or more,
 * systolic blood pressure of 100 mm Hg or less and altered mentation; 2 or more is positive.
 *
 * <p>Decisions: the score is final (OK) only with all three criteria known. If one is missing the status is
 * INCOMPLETE with the partial points, and when the criteria present already reach 2 a warning says so: the band is
 * then certain but the total (2 or 3) is not, and a clinician must not read a missing criterion as normal. Altered
 * mentation is one flag; the record layer sets it from GCS below 15 or ACVPU other than A.
 */
public final class QsofaScore implements RiskScore {

    private final ScoreDefinition definition;
    private final JSONObject parameters;

    public QsofaScore(ScoreDefinition definition) {
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
                    List.of("qSOFA was derived in adults (" + minimumAge.toPlainString()
                            + " years or older, Seymour 2016); age is " + age.get().toPlainString()));
        }
        if (age.isEmpty()) {
            warnings.add("Age not given: qSOFA applies to adults aged " + minimumAge.toPlainString() + " or over");
        }

        Map<String, BigDecimal> items = new LinkedHashMap<>();
        JSONObject rr = (JSONObject) parameters.get("respiratoryRate");
        inputs.quantity("respiratoryRate").ifPresent(v -> items.put("respiratoryRate",
                v.compareTo(decimal(rr.get("atLeast"))) >= 0 ? decimal(rr.get("points")) : BigDecimal.ZERO));
        JSONObject sbp = (JSONObject) parameters.get("systolicBp");
        inputs.quantity("systolicBp").ifPresent(v -> items.put("systolicBp",
                v.compareTo(decimal(sbp.get("atMost"))) <= 0 ? decimal(sbp.get("points")) : BigDecimal.ZERO));
        JSONObject mentation = (JSONObject) parameters.get("alteredMentation");
        inputs.flag("alteredMentation").ifPresent(altered -> items.put("alteredMentation",
                altered ? decimal(mentation.get("points")) : BigDecimal.ZERO));

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

    // The helpers below are repeated in News2Score and Curb65Score on purpose: each score file stands alone.

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
