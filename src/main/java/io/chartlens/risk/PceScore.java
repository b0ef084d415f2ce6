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
 * 10-year risk of a first hard ASCVD event by the Pooled Cohort Equations: Goff DC Jr et al., 2013 ACC/AHA Guideline
 * on the Assessment of Cardiovascular Risk, Circulation 2014;129:S49-S73, Table A (sex- and race-specific
 * coefficients, mean "Coefficient × Value" sum, 10-year baseline survival). Risk = 1 - S10^exp(sum - mean).
 * Bands from the 2018/2019 ACC/AHA guidelines (low, borderline, intermediate, high).
 *
 * <p>Order of verdicts: known ASCVD (not applicable, secondary prevention) first, then impossible values, then missing
 * inputs, then values outside the estimator's validated ranges. The published coefficients are evaluated without
 * intermediate rounding; see the definition's {@code parameters._note} for why Table A prints 5.3 % (not 5.4 %) for
 * its white-male example.
 */
public final class PceScore implements RiskScore {

    private final ScoreDefinition definition;
    private final ScoreResults results;
    private final Map<String, Equation> equations = new LinkedHashMap<>();
    private final Map<String, String> equationForRace = new LinkedHashMap<>();
    private final List<String> required;
    private final Map<String, double[]> validRanges;
    private final Map<String, double[]> plausible;
    private final List<Map.Entry<String, BigDecimal>> bands = new ArrayList<>();
    private final int decimals;
    private final boolean ageInCompletedYears;

    /** Coefficients by term name, the mean sum and the baseline survival of one sex-race group (Table A). */
    private record Equation(Map<String, Double> coefficients, double meanSum, double baselineSurvival) {
        double c(String term) {
            Double v = coefficients.get(term);
            if (v == null) {
                throw new IllegalStateException("PCE definition lacks coefficient " + term);
            }
            return v;
        }
    }

    public PceScore(ScoreDefinition definition) {
        this.definition = definition;
        this.results = new ScoreResults(definition, "%");
        JSONObject p = definition.parameters();
        JSONObject eqs = (JSONObject) p.get("equations");
        eqs.forEach((group, raw) -> {
            JSONObject e = (JSONObject) raw;
            Map<String, Double> coefficients = new LinkedHashMap<>();
            e.forEach((k, v) -> coefficients.put(k, ((Number) v).doubleValue()));
            equations.put(group, new Equation(coefficients, coefficients.remove("meanSum"),
                    coefficients.remove("baselineSurvival")));
        });
        ((JSONObject) p.get("equationForRace")).forEach((race, eq) -> equationForRace.put(race, (String) eq));
        required = ((JSONArray) p.get("requiredInputs")).stream().map(String.class::cast).toList();
        validRanges = ranges((JSONObject) p.get("validRanges"));
        plausible = ranges((JSONObject) p.get("plausible"));
        for (Object b : (JSONArray) ((JSONObject) p.get("bands")).get("list")) {
            JSONObject band = (JSONObject) b;
            bands.add(Map.entry((String) band.get("label"), new BigDecimal(band.get("minPercent").toString())));
        }
        decimals = ((Number) p.get("valueDecimals")).intValue();
        ageInCompletedYears = Boolean.TRUE.equals(p.get("ageInCompletedYears"));
    }

    private static Map<String, double[]> ranges(JSONObject o) {
        Map<String, double[]> out = new LinkedHashMap<>();
        o.forEach((name, raw) -> {
            if (raw instanceof JSONObject r) {
                out.put(name, new double[] {((Number) r.get("min")).doubleValue(), ((Number) r.get("max")).doubleValue()});
            }
        });
        return out;
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
    public ScoreResult compute(ScoreInputs in) {
        if (in.flag("knownAscvd").orElse(false)) {
            return results.notApplicable("Known ASCVD is recorded: the Pooled Cohort Equations estimate first events"
                    + " (primary prevention) only.");
        }
        List<String> missing = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (ScoreDefinition.Input input : definition.inputs()) {
            if (!in.has(input.name())) {
                if (required.contains(input.name())) {
                    missing.add(input.name());
                }
                continue;
            }
            check(input, in.values().get(input.name()), plausible.get(input.name()), invalid);
        }
        double tc = in.quantity("totalCholesterol").map(BigDecimal::doubleValue).orElse(Double.NaN);
        double hdl = in.quantity("hdlCholesterol").map(BigDecimal::doubleValue).orElse(Double.NaN);
        if (hdl > tc && invalid.stream().noneMatch(w -> w.startsWith("totalCholesterol") || w.startsWith("hdlCholesterol"))) {
            invalid.add("hdlCholesterol " + plain(hdl) + " mg/dL is higher than totalCholesterol "
                    + plain(tc) + " mg/dL, which is impossible (HDL is part of total cholesterol)");
        }
        if (!invalid.isEmpty()) {
            return results.invalid(missing, invalid);
        }
        if (!missing.isEmpty()) {
            return results.result(ScoreStatus.NOT_COMPUTABLE, null, null, null, Map.of(), missing, List.of());
        }

        double age = in.quantity("age").orElseThrow().doubleValue();
        if (ageInCompletedYears) {
            age = Math.floor(age);
        }
        double sbp = in.quantity("systolicBp").orElseThrow().doubleValue();
        List<String> outside = new ArrayList<>();
        outOfRange("age", age, "a", outside);
        outOfRange("totalCholesterol", tc, "mg/dL", outside);
        outOfRange("hdlCholesterol", hdl, "mg/dL", outside);
        outOfRange("systolicBp", sbp, "mm[Hg]", outside);
        if (!outside.isEmpty()) {
            return results.result(ScoreStatus.OUT_OF_RANGE, null, null, null, Map.of(), List.of(), outside);
        }

        String race = in.choice("race").orElseThrow();
        String group = equationForRace.get(race) + "_" + in.choice("sex").orElseThrow();
        Equation eq = equations.get(group);
        if (eq == null) {
            throw new IllegalStateException("PCE definition has no equation " + group);
        }
        List<String> warnings = new ArrayList<>();
        if (!equationForRace.get(race).equals(race)) {
            warnings.add("Race '" + race + "': the " + equationForRace.get(race) + " equations are used, as the "
                    + "guideline advises; they may overestimate or underestimate risk for this patient.");
        }
        Map<String, Double> terms = terms(eq, age, tc, hdl, sbp, in.flag("onHypertensionTreatment").orElseThrow(),
                in.flag("smoker").orElseThrow(), in.flag("diabetes").orElseThrow());
        double sum = terms.values().stream().mapToDouble(Double::doubleValue).sum();
        BigDecimal percent = BigDecimal.valueOf(tenYearRiskPercent(sum, eq.meanSum(), eq.baselineSurvival()))
                .setScale(decimals, RoundingMode.HALF_UP);

        Map<String, BigDecimal> items = new LinkedHashMap<>();
        terms.forEach((term, v) -> items.put(term, BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP)));
        items.put("individualSum", BigDecimal.valueOf(sum).setScale(3, RoundingMode.HALF_UP));
        return results.result(ScoreStatus.OK, percent, null, band(percent), items, List.of(), warnings);
    }

    /** Goff 2013 Table A: 1 - S10 ^ exp(individual sum - mean sum), in percent, unrounded. */
    static double tenYearRiskPercent(double individualSum, double meanSum, double baselineSurvival) {
        return 100.0 * (1.0 - Math.pow(baselineSurvival, Math.exp(individualSum - meanSum)));
    }

    /** The "Coefficient × Value" rows of Table A that apply to this patient (zero coefficients left out). */
    private static Map<String, Double> terms(Equation eq, double age, double tc, double hdl, double sbp,
                                             boolean treated, boolean smoker, boolean diabetes) {
        double la = Math.log(age);
        double lt = Math.log(tc);
        double lh = Math.log(hdl);
        double ls = Math.log(sbp);
        String bp = treated ? "Treated" : "Untreated";
        Map<String, Double> t = new LinkedHashMap<>();
        put(t, eq, "lnAge", la);
        put(t, eq, "lnAgeSquared", la * la);
        put(t, eq, "lnTotalCholesterol", lt);
        put(t, eq, "lnAgeXLnTotalCholesterol", la * lt);
        put(t, eq, "lnHdl", lh);
        put(t, eq, "lnAgeXLnHdl", la * lh);
        put(t, eq, "ln" + bp + "Sbp", ls);
        put(t, eq, "lnAgeXLn" + bp + "Sbp", la * ls);
        put(t, eq, "smoker", smoker ? 1 : 0);
        put(t, eq, "lnAgeXSmoker", smoker ? la : 0);
        put(t, eq, "diabetes", diabetes ? 1 : 0);
        return t;
    }

    private static void put(Map<String, Double> terms, Equation eq, String term, double value) {
        double c = eq.c(term);
        if (c != 0) {
            terms.put(term, c * value);
        }
    }

    private void outOfRange(String name, double value, String unit, List<String> out) {
        double[] r = validRanges.get(name);
        if (value < r[0] || value > r[1]) {
            out.add(name + " " + plain(value) + " " + unit + " is outside the range the equations were "
                    + "validated for (" + plain(r[0]) + "-" + plain(r[1]) + " " + unit + ")");
        }
    }

    private String band(BigDecimal percent) {
        String label = null;
        for (Map.Entry<String, BigDecimal> b : bands) {
            if (percent.compareTo(b.getValue()) >= 0) {
                label = b.getKey();
            }
        }
        return label;
    }

    /** Adds a warning to {@code invalid} when a present input has the wrong type, unit, choice or an impossible value. */
    private static void check(ScoreDefinition.Input input, InputValue value, double[] possible, List<String> invalid) {
        String name = input.name();
        switch (input.type()) {
            case "quantity" -> {
                if (!(value instanceof InputValue.Quantity q)) {
                    invalid.add(name + " must be a quantity in " + input.unit());
                } else if (!input.unit().equals(q.unit())) {
                    invalid.add(name + " is in '" + q.unit() + "', expected " + input.unit());
                } else if (possible != null
                        && (q.value().doubleValue() < possible[0] || q.value().doubleValue() > possible[1])) {
                    invalid.add(name + " " + q.value().toPlainString() + " " + input.unit() + " is not a possible value ("
                            + plain(possible[0]) + "-" + plain(possible[1]) + " " + input.unit() + ")");
                }
            }
            case "choice" -> {
                if (!(value instanceof InputValue.Choice c) || !input.allowed().contains(c.value())) {
                    invalid.add(name + " must be one of " + String.join("|", input.allowed()));
                }
            }
            default -> {
                if (!(value instanceof InputValue.Flag)) {
                    invalid.add(name + " must be a yes/no flag");
                }
            }
        }
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
