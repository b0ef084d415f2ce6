package io.chartlens.risk;

import static io.chartlens.risk.ScoreParameters.decimal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
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
public final class Curb65Score extends DefinedScore {

    public Curb65Score(ScoreDefinition definition) {
        super(definition, "points");
    }

    @Override
    public ScoreResult compute(ScoreInputs inputs) {
        List<String> invalid = ScoreInputChecks.validRangeProblems(definition,
                (JSONObject) parameters.get("validRange"), inputs);
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
            return results.invalid(missing, invalid);
        }
        List<String> warnings = new ArrayList<>();
        Optional<BigDecimal> age = inputs.quantity("age");
        BigDecimal minimumAge = decimal(parameters.get("minimumAge"));
        if (age.isPresent() && age.get().compareTo(minimumAge) < 0) {
            return results.notApplicable("CURB-65 was derived in adults with community-acquired pneumonia; age is "
                    + age.get().toPlainString() + " (under " + minimumAge.toPlainString() + ")");
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

        return results.bandedPoints((JSONArray) parameters.get("bands"), items, missing, warnings);
    }
}
