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
public final class News2Score extends DefinedScore {

    private final JSONObject points;

    public News2Score(ScoreDefinition definition) {
        super(definition, "points");
        this.points = (JSONObject) parameters.get("points");
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
            return results.notApplicable("NEWS2 is not for patients under " + minimumAge.toPlainString()
                    + " years (RCP 2017); age is " + age.get().toPlainString());
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

        return results.bandedPoints((JSONArray) parameters.get("bands"), items, missing, warnings);
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
}
