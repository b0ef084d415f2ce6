package io.chartlens.risk;

import static io.chartlens.risk.ScoreParameters.flagPoints;
import static io.chartlens.risk.ScoreParameters.lowerBoundLabel;
import static io.chartlens.risk.ScoreParameters.number;

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
public final class HasBledScore extends DefinedScore {

    public HasBledScore(ScoreDefinition definition) {
        super(definition, "points");
    }

    @Override
    public ScoreResult compute(ScoreInputs inputs) {
        List<String> warnings = new ArrayList<>();
        List<String> invalid = ScoreInputChecks.plausibleProblems(definition,
                (JSONObject) parameters.get("plausible"), inputs);
        if (!invalid.isEmpty()) {
            return results.invalid(List.of(), invalid);
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
                    : flagPoints(flagPoints, inputs, name);
            items.put(name, points);
        }
        if (!notFound.isEmpty()) {
            warnings.add(parameters.get("absentWarning") + ": " + String.join(", ", notFound));
        }
        if (!missing.isEmpty()) {
            return results.incomplete(items, missing, warnings);
        }
        BigDecimal total = ScoreParameters.total(items);
        String band = lowerBoundLabel((JSONArray) parameters.get("bands"), total);
        return results.result(ScoreStatus.OK, total, null, band, items, List.of(), warnings);
    }

    /** Points when the value is strictly above the threshold; ages in completed years (65.9 is "65", not > 65). */
    private static BigDecimal abovePoints(JSONObject rule, BigDecimal value) {
        BigDecimal v = Boolean.TRUE.equals(rule.get("completedYears")) ? value.setScale(0, RoundingMode.FLOOR) : value;
        return v.compareTo(number(rule.get("above"))) > 0 ? number(rule.get("points")) : BigDecimal.ZERO;
    }
}
