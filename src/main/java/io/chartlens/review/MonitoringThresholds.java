package io.chartlens.review;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.chartlens.overrides.CardType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import net.minidev.json.JSONObject;

/**
 * The monitoring thresholds of {@code smart-config/review/monitoring.json}: defaults for every rule, and per-rule
 * entries ({@code cardType} + {@code ruleId}) that override any of the default fields. Immutable.
 *
 * @param defaults the thresholds of rules without an entry
 * @param rules    per-rule thresholds, keyed by {@code CARD_TYPE/ruleId}, complete (defaults filled in)
 */
public record MonitoringThresholds(RuleThresholds defaults, Map<String, RuleThresholds> rules) {

    static final String FILE = "review/monitoring.json";

    private static final Set<String> FIELDS = Set.of("windowDays", "maxOverrideRatePercent", "minDecisions",
            "maxStratumGapPoints", "minStratumDecisions");

    public MonitoringThresholds {
        rules = Map.copyOf(rules);
    }

    /** The thresholds of a rule: its entry, or the defaults. */
    public RuleThresholds forRule(CardType cardType, String ruleId) {
        return rules.getOrDefault(cardType.name() + "/" + ruleId, defaults);
    }

    /**
     * Parses the file.
     *
     * @throws ParseException naming the entry and field: not JSON, a missing default, an unknown field, a value out
     *                        of range, an unknown card type, a rule listed twice
     */
    public static MonitoringThresholds parse(String json) throws ParseException {
        JSONObject o = JSONObjectUtils.parse(json);
        JSONObject d = JSONObjectUtils.getJSONObject(o, "defaults");
        RuleThresholds defaults = thresholds("defaults", d, null);
        Map<String, RuleThresholds> rules = new LinkedHashMap<>();
        if (o.containsKey("rules")) {
            for (Object item : JSONObjectUtils.getJSONArray(o, "rules")) {
                if (!(item instanceof JSONObject r)) {
                    throw new ParseException(FILE + ": each entry of rules must be a JSON object");
                }
                String cardType = JSONObjectUtils.getString(r, "cardType");
                String ruleId = JSONObjectUtils.getString(r, "ruleId");
                try {
                    CardType.valueOf(cardType);
                } catch (IllegalArgumentException e) {
                    throw new ParseException(FILE + ": unknown cardType \"" + cardType + "\"");
                }
                String key = cardType + "/" + ruleId;
                if (rules.put(key, thresholds("rule " + key, r, defaults)) != null) {
                    throw new ParseException(FILE + ": rule " + key + " is listed twice");
                }
            }
        }
        return new MonitoringThresholds(defaults, rules);
    }

    private static RuleThresholds thresholds(String where, JSONObject o, RuleThresholds base) throws ParseException {
        for (String key : o.keySet()) {
            if (!FIELDS.contains(key) && !key.startsWith("_") && !(base != null && Set.of("cardType", "ruleId")
                    .contains(key))) {
                throw new ParseException(FILE + ": " + where + " has unknown field \"" + key + "\"");
            }
        }
        try {
            return new RuleThresholds(
                    (int) whole(where, o, "windowDays", base == null ? null : (double) base.windowDays()),
                    number(where, o, "maxOverrideRatePercent", base == null ? null : base.maxOverrideRatePercent()),
                    (long) whole(where, o, "minDecisions", base == null ? null : (double) base.minDecisions()),
                    number(where, o, "maxStratumGapPoints", base == null ? null : base.maxStratumGapPoints()),
                    (long) whole(where, o, "minStratumDecisions",
                            base == null ? null : (double) base.minStratumDecisions()));
        } catch (IllegalArgumentException e) {
            throw new ParseException(FILE + ": " + where + ": " + e.getMessage());
        }
    }

    private static double whole(String where, JSONObject o, String field, Double fallback) throws ParseException {
        double value = number(where, o, field, fallback);
        if (value != Math.rint(value) || Math.abs(value) > 1e9) {
            throw new ParseException(FILE + ": " + where + ": " + field + " must be a whole number");
        }
        return value;
    }

    private static double number(String where, JSONObject o, String field, Double fallback) throws ParseException {
        if (!o.containsKey(field)) {
            if (fallback == null) {
                throw new ParseException(FILE + ": " + where + " needs " + field);
            }
            return fallback;
        }
        if (!(o.get(field) instanceof Number n)) {
            throw new ParseException(FILE + ": " + where + ": " + field + " must be a number");
        }
        return n.doubleValue();
    }
}
