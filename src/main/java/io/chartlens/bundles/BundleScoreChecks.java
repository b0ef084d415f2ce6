package io.chartlens.bundles;

import io.chartlens.risk.ScoreVersions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The bundles checked against the score versions of {@code scores/versions/}, when the bundle versions load. */
final class BundleScoreChecks {

    private BundleScoreChecks() {
    }

    /**
     * Checks every bundle version, the defaults included, against every version of the scores in
     * {@link ScoreVersions#FOLDER} as well as the default score files: a trigger naming a band that an active score
     * version does not have would otherwise never fire, silently.
     */
    static void againstScoreVersions(Function<String, String> read, BiFunction<String, String, List<String>> list,
                                     Map<String, Map<String, BundleDefinition>> byId) {
        for (String scorePath : list.apply(ScoreVersions.FOLDER, ".json")) {
            String file = scorePath.substring(ScoreVersions.FOLDER.length() + 1);
            if (file.indexOf('@') < 1) {
                continue; // ScoreVersions refuses the file by name, with a better message
            }
            Map<String, String> replaced = new LinkedHashMap<>();
            replaced.put("scores/" + file.substring(0, file.indexOf('@')) + ".json", scorePath);
            check(read, list, replaced, scorePath);
            byId.forEach((id, versions) -> versions.keySet().stream().skip(1).forEach(version -> {
                Map<String, String> both = new LinkedHashMap<>(replaced);
                both.put(BundleVersions.defaultPath(id), BundleVersions.versionPath(id, version));
                check(read, list, both, scorePath + " with " + BundleVersions.versionPath(id, version));
            }));
        }
    }

    private static void check(Function<String, String> read, BiFunction<String, String, List<String>> list,
                              Map<String, String> replaced, String what) {
        try {
            BundleVersions.overlay(read, list, replaced);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("The bundles do not fit the score version " + what + ": "
                    + e.getMessage(), e);
        }
    }
}
