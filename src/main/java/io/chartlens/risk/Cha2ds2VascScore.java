package io.chartlens.risk;

import static io.chartlens.risk.ScoreParameters.flagPoints;
import static io.chartlens.risk.ScoreParameters.lowerBoundLabel;
import static io.chartlens.risk.ScoreParameters.lowerBoundPoints;
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
 * CHA2DS2-VASc, stroke and thromboembolism risk in atrial fibrillation: Lip GYH et al., "Refining clinical risk
 * stratification ... the Euro Heart Survey on Atrial Fibrillation", Chest 2010;137:263-72 (the CHA2DS2-VASc point
 * table: C 1, H 1, A2 2, D 1, S2 2, V 1, A 1, Sc 1). Bands are the sex-specific anticoagulation thresholds of the
 * 2020 ESC atrial fibrillation guideline. Every point value, age cut-off and band comes from {@code parameters}.
 *
 * <p>Absent coded conditions are read as not present, with a warning naming them: a record proves a diagnosis, it
 * cannot prove its absence. Age and sex are never assumed: without them the result is INCOMPLETE.
 */
public final class Cha2ds2VascScore extends DefinedScore {

    private static final String AGE = "age";
    private static final String SEX = "sex";

    public Cha2ds2VascScore(ScoreDefinition definition) {
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
        String population = (String) parameters.get("populationFlag");
        if (inputs.flag(population).isEmpty()) {
            warnings.add((String) parameters.get("populationUnknownWarning"));
        } else if (!inputs.flag(population).get()) {
            return results.notApplicable((String) parameters.get("notApplicableWarning"));
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
                default -> flagPoints(flagPoints, inputs, name);
            };
            items.put(name, points);
        }
        if (!notFound.isEmpty()) {
            warnings.add(parameters.get("absentWarning") + ": " + String.join(", ", notFound));
        }
        if (!missing.isEmpty()) {
            return results.incomplete(items, missing, warnings);
        }
        BigDecimal total = ScoreParameters.total(items);
        JSONArray bands = (JSONArray) ((JSONObject) parameters.get("bands")).get(inputs.choice(SEX).orElseThrow());
        return results.result(ScoreStatus.OK, total, null, lowerBoundLabel(bands, total), items, List.of(), warnings);
    }

    /** Age in completed years, as clinicians state it: 74.9 is "74", so 65-74 scores 1 and 75 scores 2. */
    private BigDecimal ageTablePoints(BigDecimal age) {
        return lowerBoundPoints((JSONArray) parameters.get("agePoints"), age.setScale(0, RoundingMode.FLOOR));
    }
}
