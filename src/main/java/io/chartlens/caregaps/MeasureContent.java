package io.chartlens.caregaps;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Measure;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * The measure content of {@code smart-config/measures/}: FHIR {@code Measure-*.json} resources, {@code Library-*.json}
 * resources whose CQL lives beside them in {@code cql/} (the Library's {@code content.url} names the file, so the CQL
 * stays reviewable), and {@code valuesets/ValueSet-*.json} with their expansions. Everything is checked when it is
 * loaded: a Measure that names a missing library, a Library whose CQL header disagrees with it, or a population
 * without a CQL expression fails the start with the file's name.
 */
public final class MeasureContent {

    static final String FOLDER = "measures";
    static final String MEASURE_SCORING = "http://terminology.hl7.org/CodeSystem/measure-scoring";
    static final String IMPROVEMENT = "http://terminology.hl7.org/CodeSystem/measure-improvement-notation";

    private static final Pattern LIBRARY_HEADER =
            Pattern.compile("(?m)^\\s*library\\s+\"?([A-Za-z0-9_]+)\"?\\s+version\\s+'([^']+)'");
    private static final Pattern VALUESET = Pattern.compile("(?m)^\\s*valueset\\s+\"([^\"]+)\"\\s*:\\s*'([^']+)'");
    private static final Pattern DEFINE = Pattern.compile("(?m)^\\s*define\\s+(?:public\\s+|private\\s+)?\"([^\"]+)\"\\s*:");

    private final List<Library> libraries;
    private final List<ValueSet> valueSets;
    private final List<MeasureDefinition> measures;

    private MeasureContent(List<Library> libraries, List<ValueSet> valueSets, List<MeasureDefinition> measures) {
        this.libraries = List.copyOf(libraries);
        this.valueSets = List.copyOf(valueSets);
        this.measures = List.copyOf(measures);
    }

    /**
     * Loads the content.
     *
     * @param read reads a file by its path relative to {@code smart-config/}
     * @param list lists the files in a folder (relative path, file-name suffix) as relative paths
     */
    public static MeasureContent load(Function<String, String> read, BiFunction<String, String, List<String>> list) {
        IParser parser = FhirContext.forR4Cached().newJsonParser();
        Map<String, Library> librariesByName = new HashMap<>();
        Map<String, String> cqlByName = new HashMap<>();
        List<Library> libraries = new ArrayList<>();
        for (String path : list.apply(FOLDER, ".json")) {
            if (!path.substring(path.lastIndexOf('/') + 1).startsWith("Library-")) {
                continue;
            }
            Library library = parse(parser, Library.class, path, read.apply(path));
            Attachment cqlContent = library.getContent().stream().filter(a -> "text/cql".equals(a.getContentType()))
                    .findFirst().orElseThrow(() -> new IllegalStateException(path + ": no text/cql content"));
            String cql;
            if (cqlContent.hasData()) {
                cql = new String(cqlContent.getData(), StandardCharsets.UTF_8);
            } else if (cqlContent.hasUrl()) {
                cql = read.apply(FOLDER + "/" + cqlContent.getUrl());
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
            librariesByName.put(library.getName(), library);
            cqlByName.put(library.getName(), cql);
            libraries.add(library);
        }
        List<ValueSet> valueSets = new ArrayList<>();
        for (String path : list.apply(FOLDER + "/valuesets", ".json")) {
            ValueSet vs = parse(parser, ValueSet.class, path, read.apply(path));
            if (!vs.hasUrl() || !vs.hasExpansion()) {
                throw new IllegalStateException(path + ": a value set needs a url and an expansion");
            }
            valueSets.add(vs);
        }
        Set<String> known = new java.util.HashSet<>();
        valueSets.forEach(vs -> known.add(vs.getUrl()));
        cqlByName.forEach((name, text) -> {
            Matcher vs = VALUESET.matcher(text);
            while (vs.find()) {
                if (!known.contains(vs.group(2))) {
                    throw new IllegalStateException("Library " + name + " declares value set \"" + vs.group(1) + "\" ("
                            + vs.group(2) + "), which is not in smart-config/" + FOLDER + "/valuesets");
                }
            }
        });
        List<MeasureDefinition> measures = new ArrayList<>();
        for (String path : list.apply(FOLDER, ".json")) {
            if (path.substring(path.lastIndexOf('/') + 1).startsWith("Measure-")) {
                Measure measure = parse(parser, Measure.class, path, read.apply(path));
                measures.add(definition(path, measure, librariesByName, cqlByName));
            }
        }
        return new MeasureContent(libraries, valueSets, measures);
    }

    private static <T extends org.hl7.fhir.instance.model.api.IBaseResource> T parse(IParser parser, Class<T> type,
            String path, String json) {
        try {
            return parser.parseResource(type, json);
        } catch (DataFormatException | ClassCastException e) {
            throw new IllegalStateException(path + " is not a FHIR " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static MeasureDefinition definition(String path, Measure measure, Map<String, Library> libraries,
            Map<String, String> cql) {
        String id = measure.getIdElement().getIdPart();
        if (id == null || !id.matches("[a-z0-9-]+")) {
            throw new IllegalStateException(path + ": the Measure id must be lowercase letters, digits or '-'");
        }
        String scoring = measure.getScoring().getCoding().stream().filter(c -> MEASURE_SCORING.equals(c.getSystem()))
                .map(Coding::getCode).findFirst().orElse("");
        if (!"proportion".equals(scoring)) {
            throw new IllegalStateException(path + ": only proportion measures are supported, not '" + scoring + "'");
        }
        String improvement = measure.getImprovementNotation().getCoding().stream()
                .filter(c -> IMPROVEMENT.equals(c.getSystem())).map(Coding::getCode).findFirst()
                .orElseThrow(() -> new IllegalStateException(path + ": improvementNotation must be set explicitly"));
        if (measure.getLibrary().size() != 1) {
            throw new IllegalStateException(path + ": a Measure names exactly one library");
        }
        String canonical = measure.getLibrary().get(0).getValue();
        String libraryUrl = canonical.contains("|") ? canonical.substring(0, canonical.indexOf('|')) : canonical;
        Library library = libraries.values().stream().filter(l -> libraryUrl.equals(l.getUrl())).findFirst()
                .orElseThrow(() -> new IllegalStateException(path + ": no Library with url " + libraryUrl));
        if (canonical.contains("|") && !canonical.endsWith("|" + library.getVersion())) {
            throw new IllegalStateException(path + ": names " + canonical + " but the Library is version "
                    + library.getVersion());
        }
        Set<String> defined = new LinkedHashSet<>();
        Matcher m = DEFINE.matcher(cql.get(library.getName()));
        while (m.find()) {
            defined.add(m.group(1));
        }
        List<MeasureDefinition.PopulationGroup> groups = new ArrayList<>();
        for (Measure.MeasureGroupComponent group : measure.getGroup()) {
            Map<MeasurePopulation, String> criteria = new EnumMap<>(MeasurePopulation.class);
            Map<MeasurePopulation, String> descriptions = new EnumMap<>(MeasurePopulation.class);
            for (Measure.MeasureGroupPopulationComponent population : group.getPopulation()) {
                String code = population.getCode().getCoding().stream()
                        .filter(c -> MeasurePopulation.SYSTEM.equals(c.getSystem())).map(Coding::getCode)
                        .findFirst().orElse("");
                MeasurePopulation type = MeasurePopulation.byCode(code).orElseThrow(() ->
                        new IllegalStateException(path + ": unknown population code '" + code + "'"));
                String expression = population.getCriteria().getExpression();
                if (expression == null || !defined.contains(expression)) {
                    throw new IllegalStateException(path + ": population " + code + " names expression '" + expression
                            + "', which library " + library.getName() + " does not define");
                }
                criteria.put(type, expression);
                if (population.hasDescription()) {
                    descriptions.put(type, population.getDescription());
                }
            }
            try {
                groups.add(new MeasureDefinition.PopulationGroup(
                        group.hasId() ? group.getId() : "group-" + (groups.size() + 1), criteria, descriptions));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(path + ": " + e.getMessage(), e);
            }
        }
        RelatedArtifact source = measure.getRelatedArtifact().stream()
                .filter(a -> a.getType() == RelatedArtifact.RelatedArtifactType.DERIVEDFROM).findFirst()
                .orElseThrow(() -> new IllegalStateException(path
                        + ": a relatedArtifact of type derived-from must name the published specification"));
        return new MeasureDefinition(id, measure.getUrl(), measure.getVersion(), measure.getTitle(),
                source.getDisplay(), source.getUrl(), MeasureDefinition.Improvement.valueOf(
                        improvement.toUpperCase(java.util.Locale.ROOT)),
                new CqlEngine.LibraryRef(library.getName(), library.getVersion()), groups, defined);
    }

    public List<Library> libraries() {
        return libraries;
    }

    public List<ValueSet> valueSets() {
        return valueSets;
    }

    public List<MeasureDefinition> measures() {
        return measures;
    }
}
