package io.chartlens.review;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.chartlens.overrides.CardType;
import io.chartlens.overrides.OverrideReasons;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import net.minidev.json.JSONObject;

/**
 * What the synthetic history is made of, read from the real {@code smart-config/} tree so that its rows look like
 * the app's: score ids and versions ({@code scores/*.json}), Measure ids ({@code measures/Measure-*.json}),
 * PlanDefinition ids ({@code bundles/PlanDefinition-*.json}), override reason codes, EHR registration ids, and the
 * users of {@code roles.json} with their roles.
 *
 * @param rules   every rule with its current version, in that order (scores, measures, bundles)
 * @param reasons the override reason codes
 * @param users   fhirUser reference to role
 * @param ehrs    EHR registration ids
 */
record SeedCatalog(List<RuleKey> rules, List<String> reasons, Map<String, ReviewRole> users, List<String> ehrs) {

    SeedCatalog {
        rules = List.copyOf(rules);
        reasons = List.copyOf(reasons);
        users = Map.copyOf(users);
        ehrs = List.copyOf(ehrs);
        if (rules.isEmpty() || reasons.isEmpty() || users.isEmpty() || ehrs.isEmpty()) {
            throw new IllegalArgumentException("the seed needs rules, reasons, users and EHRs");
        }
    }

    /**
     * @param read reads a file by its path relative to {@code smart-config/}
     * @param list lists a folder's files (relative path, name suffix) as relative paths
     * @throws ParseException naming the file that is malformed
     */
    static SeedCatalog load(Function<String, String> read, BiFunction<String, String, List<String>> list)
            throws ParseException {
        List<RuleKey> rules = new ArrayList<>();
        addRules(rules, CardType.SCORE, read, list.apply("scores", ".json"));
        addRules(rules, CardType.CARE_GAP, read, list.apply("measures", ".json").stream()
                .filter(p -> p.startsWith("measures/Measure-")).toList());
        addRules(rules, CardType.BUNDLE, read, list.apply("bundles", ".json").stream()
                .filter(p -> p.startsWith("bundles/PlanDefinition-")).toList());
        List<String> reasons = OverrideReasons.parse(read.apply("overrides/override-reasons.json")).reasons()
                .stream().map(OverrideReasons.Reason::code).toList();
        List<String> ehrs = new ArrayList<>();
        for (String path : list.apply("ehrs", ".json")) {
            ehrs.add(JSONObjectUtils.getString(object(path, read), "id"));
        }
        return new SeedCatalog(rules, reasons, ReviewRoles.parse(read.apply(ReviewRoles.FILE)).users(), ehrs);
    }

    private static void addRules(List<RuleKey> rules, CardType type, Function<String, String> read,
                                 List<String> paths) throws ParseException {
        for (String path : paths) {
            JSONObject o = object(path, read);
            rules.add(new RuleKey(type, JSONObjectUtils.getString(o, "id"), JSONObjectUtils.getString(o, "version")));
        }
    }

    private static JSONObject object(String path, Function<String, String> read) throws ParseException {
        try {
            return JSONObjectUtils.parse(read.apply(path));
        } catch (ParseException e) {
            throw new ParseException(path + ": " + e.getMessage(), e);
        }
    }
}
