package io.chartlens.caregaps;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
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
 *
 * <p>Versioned (issue #9): the Libraries of the other measure versions ({@code versions/Library-<name>@<version>.json},
 * {@link MeasureLibraries}) load here beside the default ones, so that one engine holds every version; the other
 * Measure versions that name them are loaded by {@link MeasureVersions} through {@link #measure}, under the same
 * rules as the default Measures. Value sets are shared by every version.
 */
public final class MeasureContent {

    static final String FOLDER = "measures";
    static final String MEASURE_SCORING = "http://terminology.hl7.org/CodeSystem/measure-scoring";
    static final String IMPROVEMENT = "http://terminology.hl7.org/CodeSystem/measure-improvement-notation";

    private static final Pattern VALUESET = Pattern.compile("(?m)^\\s*valueset\\s+\"([^\"]+)\"\\s*:\\s*'([^']+)'");
    private static final Pattern DEFINE = Pattern.compile("(?m)^\\s*define\\s+(?:public\\s+|private\\s+)?\"([^\"]+)\"\\s*:");

    private final MeasureLibraries libraries;
    private final List<ValueSet> valueSets;
    private final List<MeasureDefinition> measures;

    private MeasureContent(MeasureLibraries libraries, List<ValueSet> valueSets, List<MeasureDefinition> measures) {
        this.libraries = libraries;
        this.valueSets = List.copyOf(valueSets);
        this.measures = List.copyOf(measures);
    }

    /**
     * Loads the content: the default Measures, every Library (default and other versions) and the value sets.
     *
     * @param read reads a file by its path relative to {@code smart-config/}
     * @param list lists the files in a folder (relative path, file-name suffix) as relative paths
     * @throws IllegalStateException naming the file and what is wrong with it
     */
    public static MeasureContent load(Function<String, String> read, BiFunction<String, String, List<String>> list) {
        IParser parser = FhirContext.forR4Cached().newJsonParser();
        MeasureLibraries libraries = MeasureLibraries.load(parser, read, list);
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
        for (MeasureLibraries.Loaded library : libraries.all()) {
            Matcher vs = VALUESET.matcher(library.cql());
            while (vs.find()) {
                if (!known.contains(vs.group(2))) {
                    throw new IllegalStateException(library.path() + ": library " + library.library().getName()
                            + " declares value set \"" + vs.group(1) + "\" (" + vs.group(2) + "), which is not in"
                            + " smart-config/" + FOLDER + "/valuesets");
                }
            }
        }
        List<MeasureDefinition> measures = new ArrayList<>();
        Map<String, String> pathById = new HashMap<>();
        for (String path : list.apply(FOLDER, ".json")) {
            if (MeasureLibraries.fileName(path).startsWith("Measure-")) {
                MeasureDefinition measure = definition(path, parse(parser, Measure.class, path, read.apply(path)),
                        libraries);
                String other = pathById.putIfAbsent(measure.id(), path);
                if (other != null) {
                    throw new IllegalStateException(path + ": Measure id " + measure.id() + " is also the id of "
                            + other);
                }
                measures.add(measure);
            }
        }
        return new MeasureContent(libraries, valueSets, measures);
    }

    /**
     * Parses a Measure file under the rules of the default ones, against every loaded Library (for
     * {@link MeasureVersions}).
     *
     * @param path the file, relative to {@code smart-config/}, for the errors
     * @throws IllegalStateException naming the file and what is wrong with it
     */
    MeasureDefinition measure(String path, String json) {
        IParser parser = FhirContext.forR4Cached().newJsonParser();
        return definition(path, parse(parser, Measure.class, path, json), libraries);
    }

    static <T extends org.hl7.fhir.instance.model.api.IBaseResource> T parse(IParser parser, Class<T> type,
            String path, String json) {
        try {
            return parser.parseResource(type, json);
        } catch (DataFormatException | ClassCastException e) {
            throw new IllegalStateException(path + " is not a FHIR " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static MeasureDefinition definition(String path, Measure measure, MeasureLibraries libraries) {
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
        if (!measure.hasVersion()) {
            throw new IllegalStateException(path + ": a Measure needs a version");
        }
        if (measure.getLibrary().size() != 1) {
            throw new IllegalStateException(path + ": a Measure names exactly one library");
        }
        MeasureLibraries.Loaded named = libraries.named(path, measure.getLibrary().get(0).getValue());
        Library library = named.library();
        Set<String> defined = new LinkedHashSet<>();
        Matcher m = DEFINE.matcher(named.cql());
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

    /** Every Library, the default ones and those of other versions, each with its CQL as data (for the engine). */
    public List<Library> libraries() {
        return libraries.all().stream().map(MeasureLibraries.Loaded::library).toList();
    }

    public List<ValueSet> valueSets() {
        return valueSets;
    }

    /** The default version of every measure (the Measures of {@code measures/}), in configuration order. */
    public List<MeasureDefinition> measures() {
        return measures;
    }
}
