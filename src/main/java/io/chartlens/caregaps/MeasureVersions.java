package io.chartlens.caregaps;

import io.chartlens.risk.RuleVersions;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every configured version of every care-gap measure: the default {@code measures/Measure-<id>.json} and the other
 * versions in {@code measures/versions/Measure-<id>@<version>.json}, each with the Library it names (a version's own
 * Library is {@code measures/versions/Library-<name>@<version>.json}; see {@code smart-config/measures/README.md}). A
 * version is parsed by the same {@link MeasureContent} rules as the default, against every Library, so a broken
 * version fails the start with its file's name, never a page later. Immutable once loaded.
 */
public final class MeasureVersions extends RuleVersions<MeasureDefinition> {

    /** The folder of the non-default versions, relative to {@code smart-config/}. */
    public static final String FOLDER = "measures/versions";
    /** {@code Measure-<measure id>@<version>.json}; the version as {@code review/RuleVersionChoices} accepts it. */
    private static final Pattern FILE =
            Pattern.compile("Measure-([a-z0-9][a-z0-9-]*)@([A-Za-z0-9][A-Za-z0-9\\-.+_]{0,39})\\.json");

    private final MeasureContent content;

    private MeasureVersions(MeasureContent content, Map<String, Map<String, MeasureDefinition>> byId,
                            Map<String, List<Version>> listed) {
        super("measure", byId, listed);
        this.content = content;
    }

    /**
     * Loads the content ({@link MeasureContent#load}: default Measures, every Library, value sets) and every Measure
     * of {@link #FOLDER}.
     *
     * @param read reads a file by its path relative to {@code smart-config/}
     * @param list lists the files in a folder (relative path, file-name suffix) as relative paths
     * @throws IllegalStateException naming the file: a badly named file, an unknown measure, a version equal to the
     *                               default's, an id or version that differs from the file name, another url, a
     *                               missing Library, no usage, or any rule a default Measure is held to
     */
    public static MeasureVersions load(Function<String, String> read, BiFunction<String, String, List<String>> list) {
        MeasureContent content = MeasureContent.load(read, list);
        Map<String, Map<String, MeasureDefinition>> byId = new LinkedHashMap<>();
        Map<String, List<Version>> listed = new LinkedHashMap<>();
        for (MeasureDefinition m : content.measures()) {
            byId.put(m.id(), new LinkedHashMap<>(Map.of(m.version(), m)));
            listed.put(m.id(), new ArrayList<>(List.of(new Version(m.version(), null, true))));
        }
        for (String path : list.apply(FOLDER, ".json")) {
            if (MeasureLibraries.fileName(path).startsWith("Library-")) {
                continue; // loaded and checked with the other Libraries (MeasureLibraries)
            }
            Matcher name = FILE.matcher(MeasureLibraries.fileName(path));
            if (!name.matches()) {
                throw new IllegalStateException(path + ": name a measure version Measure-<id>@<version>.json (or"
                        + " its Library Library-<name>@<version>.json)");
            }
            String id = name.group(1);
            String version = name.group(2);
            Map<String, MeasureDefinition> versions = byId.get(id);
            if (versions == null) {
                throw new IllegalStateException(path + ": there is no measure " + id + " (" + defaultPath(id) + ")");
            }
            if (versions.containsKey(version)) {
                throw new IllegalStateException(path + ": version " + version + " is already the default's ("
                        + defaultPath(id) + "); give this one another version");
            }
            String json = read.apply(path);
            MeasureDefinition measure = content.measure(path, json);
            if (!measure.id().equals(id) || !measure.version().equals(version)) {
                throw new IllegalStateException(path + " declares " + measure.id() + "@" + measure.version()
                        + "; the file name and the content must agree");
            }
            MeasureDefinition standard = versions.get(listed.get(id).get(0).version());
            if (!standard.url().equals(measure.url())) {
                throw new IllegalStateException(path + " declares url " + measure.url() + "; a version keeps the"
                        + " default's url " + standard.url());
            }
            versions.put(version, measure);
            listed.get(id).add(new Version(version, note(path, json), false));
        }
        return new MeasureVersions(content, byId, listed);
    }

    /** The content every version was loaded from: the engine's Libraries and value sets. */
    MeasureContent content() {
        return content;
    }

    private static String defaultPath(String id) {
        return MeasureContent.FOLDER + "/Measure-" + id + ".json";
    }

    /** The Measure's {@code usage}: every non-default version must say what it is. */
    private static String note(String path, String json) {
        try {
            String usage = JSONObjectUtils.getString(JSONObjectUtils.parse(json), "usage", null);
            if (usage == null || usage.isBlank()) {
                throw new IllegalStateException(path + ": a measure version needs a usage saying what it is and how"
                        + " it differs from the default");
            }
            return usage.strip();
        } catch (ParseException e) {
            throw new IllegalStateException(path + ": " + e.getMessage(), e);
        }
    }
}
