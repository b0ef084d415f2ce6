package io.chartlens.aisummary;

import io.chartlens.risk.RuleVersions;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.chartlens.system.ConfigFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.minidev.json.JSONObject;

/**
 * Every configured version of every prompt (issue #9), from {@code smart-config/ai/prompts/} (see its
 * {@code README.md}): one template per version, {@code <prompt id>@<version>.txt}, and {@value #FILE}, which names
 * each prompt's default version and, per version, its statement limit and a note:
 *
 * <pre>{@code
 * {"ai-summary": {"default": "summary-v1",
 *                 "versions": {"summary-v1": {"maxStatements": 12},
 *                              "summary-v2": {"maxStatements": 5, "note": "what it is, how it differs"}}}}
 * }</pre>
 *
 * Every template is rendered when it loads ({@link PromptTemplate}), so a broken version fails the start with its
 * file's name, never a generation later. Immutable once loaded.
 */
public final class PromptVersions extends RuleVersions<SummaryPrompt> {

    /** The folder of the templates and {@value #FILE}, relative to {@code smart-config/}. */
    public static final String FOLDER = "ai/prompts";
    /** The defaults, limits and notes of every version. */
    public static final String FILE = FOLDER + "/prompts.json";
    /** The prompts ChartLens sends; {@value #FILE} must configure exactly these. */
    static final List<String> IDS = List.of(SummaryPrompts.ID);
    /** {@code <prompt id>@<version>.txt}; the version as {@code review/RuleVersionChoices} accepts it. */
    private static final Pattern TEMPLATE = Pattern.compile(
            "([a-z0-9][a-z0-9\\-]{0,39})@([A-Za-z0-9][A-Za-z0-9\\-.+_]{0,39})\\.txt");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9\\-.+_]{0,39}");

    /** A version as {@value #FILE} declares it. */
    private record Declared(int maxStatements, String note) {
    }

    private PromptVersions(Map<String, Map<String, SummaryPrompt>> byId, Map<String, List<Version>> listed) {
        super("prompt", byId, listed);
    }

    /**
     * Loads {@value #FILE} and every template of {@link #FOLDER}.
     *
     * @throws IllegalStateException naming the file: {@value #FILE} invalid, a prompt or its default missing, a
     *                               version without a note or with a limit above the verifier's cap, a badly named
     *                               template, a template whose version {@value #FILE} does not declare (or the
     *                               reverse), a template that {@link PromptTemplate#render} refuses
     */
    public static PromptVersions load(ConfigFiles files) {
        Map<String, String> defaults = new LinkedHashMap<>();
        Map<String, Map<String, Declared>> declared = declarations(files.read(FILE), defaults);
        Map<String, Map<String, SummaryPrompt>> byId = new LinkedHashMap<>();
        Map<String, List<Version>> listed = new LinkedHashMap<>();
        IDS.forEach(id -> {
            byId.put(id, new LinkedHashMap<>());
            listed.put(id, new ArrayList<>());
        });
        for (String path : files.list(FOLDER, ".txt")) {
            Matcher name = TEMPLATE.matcher(path.substring(FOLDER.length() + 1));
            if (!name.matches()) {
                throw new IllegalStateException(path + ": name a prompt template <prompt id>@<version>.txt");
            }
            String id = name.group(1);
            String version = name.group(2);
            if (!declared.containsKey(id)) {
                throw new IllegalStateException(path + ": there is no prompt " + id + " in " + FILE);
            }
            Declared d = declared.get(id).get(version);
            if (d == null) {
                throw new IllegalStateException(path + ": " + FILE + " declares no version " + version + " of " + id
                        + "; the file name and " + FILE + " must agree");
            }
            String system = PromptTemplate.render(path, files.read(path), version, d.maxStatements());
            boolean isDefault = version.equals(defaults.get(id));
            byId.get(id).put(version, new SummaryPrompt(version, d.note(), d.maxStatements(), system));
            Version v = new Version(version, d.note(), isDefault);
            if (isDefault) {
                listed.get(id).add(0, v);
            } else {
                listed.get(id).add(v);
            }
        }
        declared.forEach((id, versions) -> versions.keySet().forEach(version -> {
            if (!byId.get(id).containsKey(version)) {
                throw new IllegalStateException(FILE + " declares " + id + " version " + version + ", but there is"
                        + " no " + FOLDER + "/" + id + "@" + version + ".txt");
            }
        }));
        return new PromptVersions(byId, listed);
    }

    /** Prompt id to its declared versions; fills {@code defaults} (prompt id to default version). */
    private static Map<String, Map<String, Declared>> declarations(String json, Map<String, String> defaults) {
        try {
            JSONObject root = JSONObjectUtils.parse(json);
            for (String id : root.keySet()) {
                if (!IDS.contains(id)) {
                    throw new ParseException("ChartLens has no prompt " + id + " (known: " + IDS + ")");
                }
            }
            Map<String, Map<String, Declared>> declared = new LinkedHashMap<>();
            for (String id : IDS) {
                if (!root.containsKey(id)) {
                    throw new ParseException("prompt " + id + " is missing");
                }
                JSONObject prompt = JSONObjectUtils.getJSONObject(root, id);
                onlyMembers(id, prompt, Set.of("default", "versions"));
                String defaultVersion = JSONObjectUtils.getString(prompt, "default", null);
                JSONObject versions = JSONObjectUtils.getJSONObject(prompt, "versions");
                if (defaultVersion == null || !versions.containsKey(defaultVersion)) {
                    throw new ParseException(id + ": \"default\" must name one of its \"versions\"");
                }
                Map<String, Declared> byVersion = new LinkedHashMap<>();
                for (String version : versions.keySet()) {
                    byVersion.put(version, declared(id, version, JSONObjectUtils.getJSONObject(versions, version),
                            version.equals(defaultVersion)));
                }
                defaults.put(id, defaultVersion);
                declared.put(id, byVersion);
            }
            return declared;
        } catch (ParseException e) {
            throw new IllegalStateException(FILE + ": " + e.getMessage(), e);
        }
    }

    private static Declared declared(String id, String version, JSONObject o, boolean isDefault)
            throws ParseException {
        String what = id + " version " + version;
        if (!VERSION.matcher(version).matches()) {
            throw new ParseException(what + ": a version is 1 to 40 letters, digits and -.+_, starting with a letter"
                    + " or digit");
        }
        onlyMembers(what, o, Set.of("maxStatements", "note"));
        Object limit = o.get("maxStatements");
        if (!(limit instanceof Integer || limit instanceof Long)) {
            throw new ParseException(what + ": maxStatements must be a whole number");
        }
        long max = ((Number) limit).longValue();
        if (max < 1 || max > ModelSummarizerAnswer.MAX_STATEMENTS) {
            throw new ParseException(what + ": maxStatements must be 1 to " + ModelSummarizerAnswer.MAX_STATEMENTS
                    + " (the verifier's cap), was " + max);
        }
        String note = JSONObjectUtils.getString(o, "note", null);
        if (!isDefault && (note == null || note.isBlank())) {
            throw new ParseException(what + " needs a note saying what it is and how it differs from the default");
        }
        return new Declared((int) max, note == null || note.isBlank() ? null : note.strip());
    }

    private static void onlyMembers(String what, JSONObject o, Set<String> allowed) throws ParseException {
        for (String member : o.keySet()) {
            if (!allowed.contains(member)) {
                throw new ParseException(what + ": unknown member \"" + member + "\" (allowed: "
                        + allowed.stream().sorted().toList() + ")");
            }
        }
    }
}
