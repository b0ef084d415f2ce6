package io.chartlens.risk;

import static io.chartlens.risk.ScoreParameters.decimal;

import java.math.BigDecimal;
import java.util.ArrayList;
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
public final class QsofaScore extends DefinedScore {

    public QsofaScore(ScoreDefinition definition) {
        super(definition, "points");
    }

    @Override
    public ScoreResult compute(ScoreInputs inputs) {
        List<String> missing = ScoreParameters.missingItems((JSONArray) parameters.get("items"), inputs);
        List<String> invalid = ScoreInputChecks.validRangeProblems(definition,
                (JSONObject) parameters.get("validRange"), inputs);
        if (!invalid.isEmpty()) {
            return results.invalid(missing, invalid);
        }
        List<String> warnings = new ArrayList<>();
        Optional<BigDecimal> age = inputs.quantity("age");
        BigDecimal minimumAge = decimal(parameters.get("minimumAge"));
        if (age.isPresent() && age.get().compareTo(minimumAge) < 0) {
            return results.notApplicable("qSOFA was derived in adults (" + minimumAge.toPlainString()
                    + " years or older, Seymour 2016); age is " + age.get().toPlainString());
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

        return results.bandedPoints((JSONArray) parameters.get("bands"), items, missing, warnings);
    }
}
