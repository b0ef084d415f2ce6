package io.chartlens.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;

/**
 * Charlson Comorbidity Index: Charlson ME et al., J Chronic Dis 1987;40:373-83 (weights of the 19 conditions; index
 * groups 0, 1-2, 3-4, >=5 of the derivation cohort; combined age-comorbidity score), with the updated weights of Quan
 * H et al., Am J Epidemiol 2011;173:676-82 (12 weighted conditions) reported beside it.
 *
 * <p>{@code value} is the 1987 index. {@code itemScores} holds the 1987 points per condition, then
 * {@code quan2011Total}, then {@code agePoints} and {@code ageAdjustedTotal} when age is known. A condition counts
 * once at its most severe level (hierarchy in the definition). A condition flag absent from the inputs is read as not
 * present, as the app reads coded conditions, and is named in the warnings; only a missing age leaves something out
 * (the age-adjusted index), so the status stays OK.
 */
public final class CharlsonScore implements RiskScore {

    private static final String AGE = "age";

    private final ScoreDefinition definition;
    private final ScoreResults results;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Integer> weights1987 = new LinkedHashMap<>();
    private final Map<String, Integer> weightsQuan = new LinkedHashMap<>();
    private final Map<String, List<String>> quanGroups = new LinkedHashMap<>();
    private final Map<String, String> supersededBy = new LinkedHashMap<>();
    private final Map<String, String> quanSupersededBy = new LinkedHashMap<>();
    private final List<int[]> agePoints = new ArrayList<>();
    private final List<Map.Entry<String, Integer>> bands = new ArrayList<>();
    private final int minAgeYears;
    private final double[] plausibleAge;

    public CharlsonScore(ScoreDefinition definition) {
        this.definition = definition;
        this.results = new ScoreResults(definition, "points");
        JSONObject p = definition.parameters();
        ints((JSONObject) p.get("weights1987"), weights1987);
        ints((JSONObject) p.get("weightsQuan2011"), weightsQuan);
        ((JSONObject) p.get("quan2011Groups")).forEach((group, members) -> quanGroups.put(group,
                ((JSONArray) members).stream().map(String.class::cast).toList()));
        rules((JSONArray) p.get("hierarchy"), supersededBy);
        rules((JSONArray) p.get("quan2011Hierarchy"), quanSupersededBy);
        for (Object a : (JSONArray) ((JSONObject) p.get("agePoints")).get("list")) {
            JSONObject step = (JSONObject) a;
            agePoints.add(new int[] {number(step, "minAge").intValue(), number(step, "points").intValue()});
        }
        for (Object b : (JSONArray) ((JSONObject) p.get("bands")).get("list")) {
            JSONObject band = (JSONObject) b;
            bands.add(Map.entry((String) band.get("label"), number(band, "minPoints").intValue()));
        }
        minAgeYears = number((JSONObject) p.get("population"), "minAgeYears").intValue();
        JSONObject plausible = (JSONObject) p.get("plausibleAge");
        plausibleAge = new double[] {number(plausible, "min").doubleValue(), number(plausible, "max").doubleValue()};
        for (ScoreDefinition.Input input : definition.inputs()) {
            if (input.name().equals(AGE)) {
                continue;
            }
            String name = input.name();
            boolean inQuanGroup = quanGroups.values().stream().anyMatch(g -> g.contains(name));
            if (!weights1987.containsKey(name) || !(weightsQuan.containsKey(name) || inQuanGroup)) {
                throw new IllegalStateException("Charlson definition has no weight for " + name);
            }
            conditions.add(name);
        }
    }

    private static void rules(JSONArray from, Map<String, String> to) {
        for (Object h : from) {
            JSONObject rule = (JSONObject) h;
            to.put((String) rule.get("superseded"), (String) rule.get("by"));
        }
    }

    private static void ints(JSONObject from, Map<String, Integer> to) {
        from.forEach((k, v) -> {
            if (v instanceof Number n) {
                to.put(k, n.intValue());
            }
        });
    }

    private static Number number(JSONObject o, String key) {
        return (Number) o.get(key);
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
        List<String> invalid = new ArrayList<>();
        Integer age = null;
        if (in.has(AGE)) {
            if (!(in.values().get(AGE) instanceof InputValue.Quantity q) || !"a".equals(q.unit())) {
                invalid.add("age must be a quantity in a (years)");
            } else if (q.value().doubleValue() < plausibleAge[0] || q.value().doubleValue() > plausibleAge[1]) {
                invalid.add("age " + q.value().toPlainString() + " a is not a possible value ("
                        + (int) plausibleAge[0] + "-" + (int) plausibleAge[1] + " a)");
            } else {
                age = (int) Math.floor(q.value().doubleValue());
            }
        }
        for (String c : conditions) {
            if (in.has(c) && !(in.values().get(c) instanceof InputValue.Flag)) {
                invalid.add(c + " must be a yes/no flag");
            }
        }
        if (!invalid.isEmpty()) {
            return results.invalid(List.of(), invalid);
        }
        if (age != null && age < minAgeYears) {
            return results.notApplicable("The Charlson index was derived and validated in adults; age " + age
                    + " is below " + minAgeYears + ".");
        }

        List<String> warnings = new ArrayList<>();
        Set<String> present = new LinkedHashSet<>();
        for (String c : conditions) {
            if (!in.has(c)) {
                warnings.add(c + ": read as not present: no coded condition found");
            } else if (in.flag(c).orElseThrow()) {
                present.add(c);
            }
        }
        Set<String> counted = new LinkedHashSet<>(present);
        supersededBy.forEach((lower, higher) -> {
            if (present.contains(lower) && present.contains(higher)) {
                counted.remove(lower);
                warnings.add(lower + " not counted: superseded by " + higher);
            }
        });

        Map<String, BigDecimal> items = new LinkedHashMap<>();
        int total = 0;
        for (String c : conditions) {
            int points = counted.contains(c) ? weights1987.get(c) : 0;
            items.put(c, BigDecimal.valueOf(points));
            total += points;
        }
        items.put("quan2011Total", BigDecimal.valueOf(quanTotal(counted, warnings)));
        List<String> missing = new ArrayList<>();
        if (age == null) {
            missing.add(AGE);
            warnings.add("age missing: the age-adjusted index is not given");
        } else {
            int points = agePoints(age);
            items.put("agePoints", BigDecimal.valueOf(points));
            items.put("ageAdjustedTotal", BigDecimal.valueOf(total + points));
        }
        return results.result(ScoreStatus.OK, BigDecimal.valueOf(total), null, band(total), items, missing,
                warnings);
    }

    /**
     * Quan 2011 weights; a group (any malignancy incl. leukaemia and lymphoma) counts once if any member counts, unless
     * the Quan hierarchy supersedes it (metastatic solid tumour).
     */
    private int quanTotal(Set<String> counted, List<String> warnings) {
        int total = 0;
        for (Map.Entry<String, Integer> w : weightsQuan.entrySet()) {
            String item = w.getKey();
            List<String> group = quanGroups.get(item);
            boolean present = group == null ? counted.contains(item) : group.stream().anyMatch(counted::contains);
            String higher = quanSupersededBy.get(item);
            if (present && higher != null && counted.contains(higher)) {
                warnings.add(item + " not counted in the Quan 2011 total: superseded by " + higher);
                present = false;
            }
            total += present ? w.getValue() : 0;
        }
        return total;
    }

    private int agePoints(int completedYears) {
        int points = 0;
        for (int[] step : agePoints) {
            if (completedYears >= step[0]) {
                points = step[1];
            }
        }
        return points;
    }

    private String band(int total) {
        String label = null;
        for (Map.Entry<String, Integer> b : bands) {
            if (total >= b.getValue()) {
                label = b.getKey();
            }
        }
        return label;
    }
}
