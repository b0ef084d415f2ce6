package io.chartlens.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;

/**
 * Reading numbers, point tables and bands from a definition's {@code parameters} JSON: the helpers the point-score
 * calculators share. Stateless; every method is a pure function of its arguments.
 */
final class ScoreParameters {

    private ScoreParameters() {
    }

    /** A JSON number as a BigDecimal, or null when the key is absent. */
    static BigDecimal decimal(Object number) {
        return number == null ? null : new BigDecimal(number.toString());
    }

    /** A JSON number that must be present, as a BigDecimal. */
    static BigDecimal number(Object number) {
        return new BigDecimal(number.toString());
    }

    /** The sum of the item points. */
    static BigDecimal total(Map<String, BigDecimal> items) {
        return items.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The names in {@code items} (a JSON array of input names) that the inputs lack, in order. */
    static List<String> missingItems(JSONArray items, ScoreInputs inputs) {
        List<String> missing = new ArrayList<>();
        for (Object item : items) {
            if (!inputs.has((String) item)) {
                missing.add((String) item);
            }
        }
        return missing;
    }

    /** The points of a present yes/no input: its entry in {@code flagPoints} when yes, zero when no. */
    static BigDecimal flagPoints(JSONObject flagPoints, ScoreInputs inputs, String name) {
        return inputs.flag(name).orElseThrow() ? number(flagPoints.get(name)) : BigDecimal.ZERO;
    }

    /** The last row whose {@code atLeast} is not above the value, or null: rows are ascending lower bounds. */
    static JSONObject lowerBoundRow(JSONArray rows, BigDecimal value) {
        JSONObject match = null;
        for (Object row : rows) {
            JSONObject r = (JSONObject) row;
            if (value.compareTo(number(r.get("atLeast"))) >= 0) {
                match = r;
            }
        }
        return match;
    }

    /** The {@code label} of {@link #lowerBoundRow}, or null when no row applies. */
    static String lowerBoundLabel(JSONArray rows, BigDecimal value) {
        JSONObject row = lowerBoundRow(rows, value);
        return row == null ? null : (String) row.get("label");
    }

    /**
     * The {@code points} of {@link #lowerBoundRow}. A value below every row is a broken definition, not zero points:
     * it fails with the value so the definition gets fixed.
     */
    static BigDecimal lowerBoundPoints(JSONArray rows, BigDecimal value) {
        JSONObject row = lowerBoundRow(rows, value);
        if (row == null) {
            throw new IllegalStateException("score definition has no points row for " + value.toPlainString());
        }
        return number(row.get("points"));
    }

    /** The first band (most severe first) whose minimum total and single-item condition hold. */
    static Optional<JSONObject> severityBand(JSONArray bands, BigDecimal total, Collection<BigDecimal> itemPoints) {
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
    static Optional<String> floorBandWarning(JSONArray bands, BigDecimal partial, Collection<BigDecimal> itemPoints) {
        return severityBand(bands, partial, itemPoints).filter(b -> Boolean.TRUE.equals(b.get("warnWhenIncomplete")))
                .map(b -> (b.containsKey("minTotal")
                        ? "already \u2265" + b.get("minTotal") + " with the items present (" + partial.toPlainString()
                        + " points)"
                        : "already a single parameter scoring " + b.get("anyItemPoints") + " with the items present")
                        + ": at least " + b.get("label") + "; the missing items can only add points");
    }
}
