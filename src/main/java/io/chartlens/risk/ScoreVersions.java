package io.chartlens.risk;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.chartlens.system.ConfigFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every configured version of every score: the default {@code scores/<id>.json} and the other versions in
 * {@code scores/versions/<id>@<version>.json} (see {@code smart-config/scores/README.md}). Each version is paired
 * with its calculator when it loads, so a broken version fails the start with its file's name, never a page later.
 * Immutable once loaded.
 */
public final class ScoreVersions extends RuleVersions<RiskScore> {

    /** The folder of the non-default versions, relative to {@code smart-config/}. */
    public static final String FOLDER = "scores/versions";
    /** {@code <score id>@<version>.json}; the version as {@code review/RuleVersionChoices} accepts it. */
    private static final Pattern FILE = Pattern.compile("([a-z0-9]+)@([A-Za-z0-9][A-Za-z0-9\\-.+_]{0,39})\\.json");

    private ScoreVersions(Map<String, Map<String, RiskScore>> byId, Map<String, List<Version>> listed) {
        super("score", byId, listed);
    }

    /**
     * Loads the default definitions ({@link ScoreRegistry#load}) and every file of {@link #FOLDER}.
     *
     * @throws IllegalStateException naming the file: a badly named file, an unknown score, an id or version that
     *                               differs from the file name, a version equal to the default's, no versionNote
     */
    public static ScoreVersions load(ConfigFiles files) {
        Map<String, Map<String, RiskScore>> byId = new LinkedHashMap<>();
        Map<String, List<Version>> listed = new LinkedHashMap<>();
        ScoreRegistry.load(files).forEach((id, score) -> {
            byId.put(id, new LinkedHashMap<>(Map.of(score.definition().version(), score)));
            listed.put(id, new ArrayList<>(List.of(new Version(score.definition().version(), null, true))));
        });
        for (String path : files.list(FOLDER, ".json")) {
            Matcher name = FILE.matcher(path.substring(FOLDER.length() + 1));
            if (!name.matches()) {
                throw new IllegalStateException(path + ": name a score version <score id>@<version>.json");
            }
            String id = name.group(1);
            String version = name.group(2);
            Map<String, RiskScore> versions = byId.get(id);
            if (versions == null) {
                throw new IllegalStateException(path + ": there is no score " + id + " (scores/" + id + ".json)");
            }
            String json = files.read(path);
            ScoreDefinition definition = parse(path, json);
            if (!definition.id().equals(id) || !definition.version().equals(version)) {
                throw new IllegalStateException(path + " declares " + definition.id() + "@" + definition.version()
                        + "; the file name and the content must agree");
            }
            if (versions.containsKey(version)) {
                throw new IllegalStateException(path + ": version " + version + " is already the default's ("
                        + "scores/" + id + ".json); give this one another version");
            }
            versions.put(version, ScoreRegistry.CALCULATORS.get(id).apply(definition));
            listed.get(id).add(new Version(version, note(path, json), false));
        }
        return new ScoreVersions(byId, listed);
    }

    private static ScoreDefinition parse(String path, String json) {
        try {
            return ScoreDefinition.parse(json);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(path + ": " + e.getMessage(), e);
        }
    }

    /** The top-level {@code versionNote}: every non-default version must say what it is. */
    private static String note(String path, String json) {
        try {
            String note = JSONObjectUtils.getString(JSONObjectUtils.parse(json), "versionNote", null);
            if (note == null || note.isBlank()) {
                throw new IllegalStateException(path + ": a score version needs a versionNote saying what it is and"
                        + " how it differs from the default");
            }
            return note.strip();
        } catch (ParseException e) {
            throw new IllegalStateException(path + ": " + e.getMessage(), e);
        }
    }
}
