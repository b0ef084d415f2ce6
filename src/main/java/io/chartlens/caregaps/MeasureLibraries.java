package io.chartlens.caregaps;

import ca.uhn.fhir.parser.IParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Library;

/**
 * The CQL Libraries of {@code smart-config/measures/}: the default ones, {@code Library-*.json}, and those of other
 * measure versions, {@code versions/Library-<name>@<version>.json} (issue #9). All of them go into one engine, so a
 * Measure of any version finds the library version it names. Each Library's CQL lives in {@code cql/} (the
 * Library's {@code content.url} names the file) and is checked against the Library's name and version.
 */
final class MeasureLibraries {

    /** {@code Library-<library name>@<version>.json}; the version as {@code review/RuleVersionChoices} accepts it. */
    private static final Pattern VERSION_FILE =
            Pattern.compile("Library-([A-Za-z0-9_]+)@([A-Za-z0-9][A-Za-z0-9\\-.+_]{0,39})\\.json");
    private static final Pattern LIBRARY_HEADER =
            Pattern.compile("(?m)^\\s*library\\s+\"?([A-Za-z0-9_]+)\"?\\s+version\\s+'([^']+)'");

    /**
     * One Library with its CQL.
     *
     * @param path      its file, relative to {@code smart-config/}
     * @param library   the resource, its CQL set as the content's data (the engine reads it from there)
     * @param cql       the CQL text
     * @param isDefault true for a Library of {@code measures/}, false for one of {@code measures/versions/}
     */
    record Loaded(String path, Library library, String cql, boolean isDefault) {
    }

    private final List<Loaded> all;

    private MeasureLibraries(List<Loaded> all) {
        this.all = List.copyOf(all);
    }

    /**
     * Loads the default Libraries, then those of {@link MeasureVersions#FOLDER}.
     *
     * @throws IllegalStateException naming the file: a CQL header that disagrees with its Library, a version file
     *                               named badly, of an unknown library, with the default's version or another url,
     *                               or two Libraries with one id
     */
    static MeasureLibraries load(IParser parser, Function<String, String> read,
            BiFunction<String, String, List<String>> list) {
        List<Loaded> libraries = new ArrayList<>();
        Map<String, Loaded> defaults = new HashMap<>();
        for (String path : list.apply(MeasureContent.FOLDER, ".json")) {
            if (fileName(path).startsWith("Library-")) {
                Loaded library = library(parser, path, read, true);
                defaults.putIfAbsent(library.library().getName(), library);
                libraries.add(library);
            }
        }
        for (String path : list.apply(MeasureVersions.FOLDER, ".json")) {
            if (fileName(path).startsWith("Library-")) {
                libraries.add(version(parser, path, read, defaults));
            }
        }
        Map<String, String> pathById = new HashMap<>();
        for (Loaded l : libraries) {
            String id = l.library().getIdElement().getIdPart();
            String other = pathById.putIfAbsent(id, l.path());
            if (other != null) {
                throw new IllegalStateException(l.path() + ": its id " + id + " is also the id of " + other
                        + "; give every Library its own id (the engine keeps one Library per id)");
            }
        }
        return new MeasureLibraries(libraries);
    }

    /** Every Library, the default ones first, in file order. */
    List<Loaded> all() {
        return all;
    }

    /**
     * The Library a Measure names: {@code url|version} names that version (a default or another version); a bare
     * {@code url} names the default Library of that url.
     *
     * @param path the Measure's file, for the error
     */
    Loaded named(String path, String canonical) {
        String url = canonical.contains("|") ? canonical.substring(0, canonical.indexOf('|')) : canonical;
        List<Loaded> ofUrl = all.stream().filter(l -> url.equals(l.library().getUrl())).toList();
        if (ofUrl.isEmpty()) {
            throw new IllegalStateException(path + ": no Library with url " + url);
        }
        if (!canonical.contains("|")) {
            return ofUrl.stream().filter(Loaded::isDefault).findFirst().orElse(ofUrl.get(0));
        }
        String version = canonical.substring(canonical.indexOf('|') + 1);
        return ofUrl.stream().filter(l -> version.equals(l.library().getVersion())).findFirst()
                .orElseThrow(() -> new IllegalStateException(path + ": names " + canonical + ", but there is no"
                        + " Library of that url with version " + version + " (configured: " + ofUrl.stream()
                        .map(l -> l.library().getVersion()).toList() + ")"));
    }

    private static Loaded library(IParser parser, String path, Function<String, String> read, boolean isDefault) {
        Library library = MeasureContent.parse(parser, Library.class, path, read.apply(path));
        if (library.getIdElement().getIdPart() == null) {
            throw new IllegalStateException(path + ": a Library needs an id");
        }
        Attachment cqlContent = library.getContent().stream().filter(a -> "text/cql".equals(a.getContentType()))
                .findFirst().orElseThrow(() -> new IllegalStateException(path + ": no text/cql content"));
        String cql;
        if (cqlContent.hasData()) {
            cql = new String(cqlContent.getData(), StandardCharsets.UTF_8);
        } else if (cqlContent.hasUrl()) {
            cql = read.apply(MeasureContent.FOLDER + "/" + cqlContent.getUrl());
            cqlContent.setData(cql.getBytes(StandardCharsets.UTF_8));
        } else {
            throw new IllegalStateException(path + ": the text/cql content has neither data nor url");
        }
        Matcher header = LIBRARY_HEADER.matcher(cql);
        if (!header.find() || !header.group(1).equals(library.getName())
                || !header.group(2).equals(library.getVersion())) {
            throw new IllegalStateException(path + ": its CQL does not declare library " + library.getName()
                    + " version '" + library.getVersion() + "'");
        }
        return new Loaded(path, library, cql, isDefault);
    }

    /** A Library of another version: a default Library's name and url, and the version of its file name. */
    private static Loaded version(IParser parser, String path, Function<String, String> read,
            Map<String, Loaded> defaults) {
        Matcher file = VERSION_FILE.matcher(fileName(path));
        if (!file.matches()) {
            throw new IllegalStateException(path + ": name a library version Library-<name>@<version>.json");
        }
        String name = file.group(1);
        String version = file.group(2);
        Loaded standard = defaults.get(name);
        if (standard == null) {
            throw new IllegalStateException(path + ": there is no library " + name + " in "
                    + MeasureContent.FOLDER + "/");
        }
        if (standard.library().getVersion().equals(version)) {
            throw new IllegalStateException(path + ": version " + version + " is already the default's ("
                    + standard.path() + "); give this one another version");
        }
        Loaded loaded = library(parser, path, read, false);
        Library library = loaded.library();
        if (!library.getName().equals(name) || !library.getVersion().equals(version)) {
            throw new IllegalStateException(path + " declares " + library.getName() + "@" + library.getVersion()
                    + "; the file name and the content must agree");
        }
        if (!standard.library().getUrl().equals(library.getUrl())) {
            throw new IllegalStateException(path + " declares url " + library.getUrl() + "; a version keeps the"
                    + " default's url " + standard.library().getUrl());
        }
        return loaded;
    }

    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
