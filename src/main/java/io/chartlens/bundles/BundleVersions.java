package io.chartlens.bundles;

import io.chartlens.risk.RuleVersions;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.chartlens.risk.ActiveVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every configured version of every bundle: the default {@code bundles/PlanDefinition-<id>.json} and the other
 * versions in {@code bundles/versions/PlanDefinition-<id>@<version>.json} (see {@code smart-config/bundles/README.md}).
 *
 * <p>A version is checked by loading the whole catalog with its file in place of the default one, through the same
 * {@link BundleCatalog#load} as the default, so it is held to every rule the default is (triggers, ActivityDefinitions,
 * value sets); a problem fails the start with the version file's name. The catalog of a set of active versions is
 * built the same way, once per change of the choices ({@link Bundles}). Every bundle version is also checked
 * against every score version ({@code scores/versions/}), since a trigger names a score's band.
 */
public final class BundleVersions extends RuleVersions<BundleDefinition> {

    /** The folder of the non-default versions, relative to {@code smart-config/}. */
    public static final String FOLDER = "bundles/versions";
    /** {@code PlanDefinition-<bundle id>@<version>.json}; the version as {@code review/RuleVersionChoices} accepts. */
    private static final Pattern FILE = Pattern.compile(
            "PlanDefinition-([a-z0-9][a-z0-9-]*)@([A-Za-z0-9][A-Za-z0-9\\-.+_]{0,39})\\.json");

    private final Function<String, String> read;
    private final BiFunction<String, String, List<String>> list;
    private final BundleCatalog defaults;

    private BundleVersions(Function<String, String> read, BiFunction<String, String, List<String>> list,
                           BundleCatalog defaults, Map<String, Map<String, BundleDefinition>> byId,
                           Map<String, List<Version>> listed) {
        super("bundle", byId, listed);
        this.read = read;
        this.list = list;
        this.defaults = defaults;
    }

    /**
     * Loads the default catalog and checks every file of {@link #FOLDER}.
     *
     * @param read reads a file by its path relative to {@code smart-config/}
     * @param list lists the files in a folder (relative path, file-name suffix) as relative paths
     * @throws IllegalStateException naming the file and what is wrong with it
     */
    public static BundleVersions load(Function<String, String> read, BiFunction<String, String, List<String>> list) {
        BundleCatalog defaults = BundleCatalog.load(read, list);
        Map<String, Map<String, BundleDefinition>> byId = new LinkedHashMap<>();
        Map<String, List<Version>> listed = new LinkedHashMap<>();
        for (BundleDefinition b : defaults.bundles()) {
            byId.put(b.id(), new LinkedHashMap<>(Map.of(b.version(), b)));
            listed.put(b.id(), new ArrayList<>(List.of(new Version(b.version(), null, true))));
        }
        for (String path : list.apply(FOLDER, ".json")) {
            Matcher name = FILE.matcher(path.substring(FOLDER.length() + 1));
            if (!name.matches()) {
                throw new IllegalStateException(path + ": name a bundle version PlanDefinition-<id>@<version>.json");
            }
            String id = name.group(1);
            String version = name.group(2);
            Map<String, BundleDefinition> versions = byId.get(id);
            if (versions == null) {
                throw new IllegalStateException(path + ": there is no bundle " + id + " (" + defaultPath(id) + ")");
            }
            if (versions.containsKey(version)) {
                throw new IllegalStateException(path + ": version " + version + " is already the default's ("
                        + defaultPath(id) + "); give this one another version");
            }
            BundleDefinition loaded;
            try {
                loaded = overlay(read, list, Map.of(defaultPath(id), path)).bundle(id).orElseThrow();
            } catch (IllegalStateException e) {
                throw new IllegalStateException(path + " (loaded in place of " + defaultPath(id) + "): "
                        + e.getMessage(), e);
            }
            BundleDefinition standard = defaults.bundle(id).orElseThrow();
            if (!loaded.version().equals(version) || !loaded.url().equals(standard.url())) {
                throw new IllegalStateException(path + " declares " + loaded.url() + "|" + loaded.version()
                        + "; a version keeps the default's url " + standard.url() + " and its file name's version");
            }
            versions.put(version, loaded);
            listed.get(id).add(new Version(version, note(path, read.apply(path)), false));
        }
        BundleScoreChecks.againstScoreVersions(read, list, byId);
        return new BundleVersions(read, list, defaults, byId, listed);
    }

    /** The catalog with each bundle in its active version: the default catalog when every bundle is the default. */
    public BundleCatalog catalog(Map<String, ActiveVersion<BundleDefinition>> active) {
        Map<String, String> replaced = new LinkedHashMap<>();
        active.values().stream().filter(a -> !a.version().equals(defaultVersion(a.id())))
                .forEach(a -> replaced.put(defaultPath(a.id()), versionPath(a.id(), a.version())));
        return replaced.isEmpty() ? defaults : overlay(read, list, replaced);
    }

    static BundleCatalog overlay(Function<String, String> read, BiFunction<String, String, List<String>> list,
                                         Map<String, String> replacedBy) {
        return BundleCatalog.load(path -> read.apply(replacedBy.getOrDefault(path, path)), list);
    }

    static String defaultPath(String id) {
        return BundleCatalog.FOLDER + "/PlanDefinition-" + id + ".json";
    }

    static String versionPath(String id, String version) {
        return FOLDER + "/PlanDefinition-" + id + "@" + version + ".json";
    }

    /** The PlanDefinition's {@code usage}: every non-default version must say what it is. */
    private static String note(String path, String json) {
        try {
            String usage = JSONObjectUtils.getString(JSONObjectUtils.parse(json), "usage", null);
            if (usage == null || usage.isBlank()) {
                throw new IllegalStateException(path + ": a bundle version needs a usage saying what it is and how"
                        + " it differs from the default");
            }
            return usage.strip();
        } catch (ParseException e) {
            throw new IllegalStateException(path + ": " + e.getMessage(), e);
        }
    }
}
