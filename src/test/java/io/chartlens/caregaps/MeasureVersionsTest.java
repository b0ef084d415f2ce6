package io.chartlens.caregaps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.risk.ActiveVersion;
import io.chartlens.risk.VersionResolution;
import io.chartlens.testsupport.WorkingTreeConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Measure versions (issue #9): the default Measures and the versions beside them, with their Libraries, load and are
 * checked at start under the same rules, and the active version follows the administrator's choice, falling back to
 * the default when the choice is not configured.
 */
class MeasureVersionsTest {

    private static final String MEASURE_09 = "measures/versions/Measure-colorectal@0.9.0.json";
    private static final String LIBRARY_09 = "measures/versions/Library-ChartLensColorectal@0.9.0.json";
    private static final String LIBRARY_URL = "http://chartlens.io/fhir/Library/ChartLensColorectal";

    @Test
    void theRepositoryOffersColorectalZeroNineBesideItsDefaultAndOnlyDefaultsElsewhere() {
        MeasureVersions versions = MeasureFixtures.versions();
        assertEquals(MeasureFixtures.content().measures().stream().map(MeasureDefinition::id).toList(), versions.ids());
        List<MeasureVersions.Version> colorectal = versions.versions("colorectal");
        assertEquals(List.of("1.0.0", "0.9.0"), colorectal.stream().map(MeasureVersions.Version::version).toList());
        assertTrue(colorectal.get(0).isDefault());
        assertNull(colorectal.get(0).note());
        assertTrue(colorectal.get(1).note().startsWith("ChartLens-local earlier version of this measure, following"
                + " CMS130v10"), colorectal.get(1).note());
        assertTrue(colorectal.get(1).note().contains("age 51-75"), colorectal.get(1).note());
        assertEquals("1.0.0", versions.defaultVersion("colorectal"));
        assertTrue(versions.has("colorectal", "0.9.0"));
        for (String id : List.of("breast", "cervical", "hba1c", "bp", "statin", "flu")) {
            assertEquals(1, versions.versions(id).size(), id);
        }
        assertEquals(List.of(), versions.versions("colon"));
    }

    @Test
    void withoutAChoiceTheDefaultFileIsActive() {
        ActiveVersion<MeasureDefinition> colorectal = MeasureFixtures.versions().resolve("colorectal", null);
        assertEquals("1.0.0", colorectal.version());
        assertEquals(VersionResolution.DEFAULT, colorectal.resolution());
        assertNull(colorectal.chosen());
        assertEquals(new CqlEngine.LibraryRef("ChartLensColorectal", "1.0.0"), colorectal.rule().library());
    }

    @Test
    void aChosenConfiguredVersionIsActiveWithTheLibraryItNames() {
        ActiveVersion<MeasureDefinition> colorectal = MeasureFixtures.versions().resolve("colorectal", "0.9.0");
        assertEquals("0.9.0", colorectal.version());
        assertEquals(VersionResolution.CHOSEN, colorectal.resolution());
        MeasureDefinition measure = colorectal.rule();
        assertEquals("0.9.0", measure.version());
        assertEquals("http://chartlens.io/fhir/Measure/colorectal", measure.url(), "a version keeps the url");
        assertEquals(new CqlEngine.LibraryRef("ChartLensColorectal", "0.9.0"), measure.library());
        assertEquals("https://ecqi.healthit.gov/ecqm/ep/2022/cms130v10", measure.specificationUrl());
    }

    @Test
    void aChosenVersionThatIsNotConfiguredIsIgnoredForTheDefaultWithItsReason() {
        ActiveVersion<MeasureDefinition> colorectal = MeasureFixtures.versions().resolve("colorectal", "0.8.0");
        assertEquals("1.0.0", colorectal.version());
        assertEquals(VersionResolution.CHOSEN_VERSION_UNKNOWN, colorectal.resolution());
        assertEquals("0.8.0", colorectal.chosen(), "the ignored choice is kept, so the admin page can name it");
        assertEquals("1.0.0", colorectal.rule().version());
    }

    @Test
    void everyMeasureResolvesInConfigurationOrder() {
        MeasureVersions versions = MeasureFixtures.versions();
        Map<String, ActiveVersion<MeasureDefinition>> active = versions.resolveAll(Map.of("colorectal", "0.9.0"));
        assertEquals(versions.ids(), List.copyOf(active.keySet()));
        assertEquals("0.9.0", active.get("colorectal").version());
        assertEquals(VersionResolution.DEFAULT, active.get("breast").resolution());
        assertThrows(IllegalArgumentException.class, () -> versions.resolve("colon", null));
    }

    @Test
    void theEngineGetsBothLibraryVersionsUnderTheirOwnIds() {
        List<String> colorectal = MeasureFixtures.content().libraries().stream()
                .filter(l -> l.getName().equals("ChartLensColorectal"))
                .map(l -> l.getIdElement().getIdPart() + "|" + l.getUrl() + "|" + l.getVersion()).toList();
        assertEquals(List.of("ChartLensColorectal|" + LIBRARY_URL + "|1.0.0",
                "ChartLensColorectal-0.9.0|" + LIBRARY_URL + "|0.9.0"), colorectal);
    }

    @Test
    void aMeasureVersionFileIsNamedAfterItsMeasureAndVersionAndCheckedLikeTheDefault() {
        String measure = read(MEASURE_09);
        String library = read(LIBRARY_09);
        assertEquals("measures/versions/colorectal@0.9.0.json: name a measure version Measure-<id>@<version>.json"
                        + " (or its Library Library-<name>@<version>.json)",
                failure(Map.of(LIBRARY_09, library, "measures/versions/colorectal@0.9.0.json", measure)));
        assertEquals("measures/versions/Measure-colon@0.9.0.json: there is no measure colon"
                        + " (measures/Measure-colon.json)",
                failure(Map.of(LIBRARY_09, library, "measures/versions/Measure-colon@0.9.0.json", measure)));
        assertEquals("measures/versions/Measure-colorectal@1.0.0.json: version 1.0.0 is already the default's"
                        + " (measures/Measure-colorectal.json); give this one another version",
                failure(Map.of(LIBRARY_09, library, "measures/versions/Measure-colorectal@1.0.0.json",
                        measure.replace("\"version\": \"0.9.0\"", "\"version\": \"1.0.0\""))));
        assertEquals("measures/versions/Measure-colorectal@0.9.1.json declares colorectal@0.9.0; the file name and"
                        + " the content must agree",
                failure(Map.of(LIBRARY_09, library, "measures/versions/Measure-colorectal@0.9.1.json", measure)));
        assertEquals(MEASURE_09 + " declares url http://chartlens.io/fhir/Measure/colon; a version keeps the"
                        + " default's url http://chartlens.io/fhir/Measure/colorectal",
                failure(Map.of(LIBRARY_09, library, MEASURE_09, measure.replace(
                        "\"http://chartlens.io/fhir/Measure/colorectal\"",
                        "\"http://chartlens.io/fhir/Measure/colon\""))));
        assertTrue(failure(Map.of(LIBRARY_09, library, MEASURE_09, measure.replaceFirst("\"usage\"", "\"purpose\"")))
                .startsWith(MEASURE_09 + ": a measure version needs a usage"));
        assertTrue(failure(Map.of(LIBRARY_09, library, MEASURE_09, "{\"resourceType\": \"Measure\", \"id\": "))
                .startsWith(MEASURE_09 + " is not a FHIR Measure: "));
        assertEquals(MEASURE_09 + ": population numerator names expression 'Screened', which library"
                        + " ChartLensColorectal does not define",
                failure(Map.of(LIBRARY_09, library, MEASURE_09,
                        measure.replace("\"expression\": \"Numerator\"", "\"expression\": \"Screened\""))),
                "held to the rules of a default Measure");
    }

    @Test
    void aMeasureVersionWhoseLibraryIsMissingFailsWithItsName() {
        assertEquals(MEASURE_09 + ": names " + LIBRARY_URL + "|0.9.0, but there is no Library of that url with"
                        + " version 0.9.0 (configured: [1.0.0])",
                failure(Map.of(MEASURE_09, read(MEASURE_09))));
        assertEquals(MEASURE_09 + ": no Library with url http://chartlens.io/fhir/Library/ChartLensColon",
                failure(Map.of(LIBRARY_09, read(LIBRARY_09), MEASURE_09, read(MEASURE_09)
                        .replace(LIBRARY_URL + "|", "http://chartlens.io/fhir/Library/ChartLensColon|"))));
    }

    @Test
    void aLibraryVersionFileIsNamedAfterItsLibraryAndVersionAndKeepsItsUrlUnderItsOwnId() {
        String library = read(LIBRARY_09);
        assertEquals("measures/versions/Library-ChartLensColorectal-0.9.0.json: name a library version"
                        + " Library-<name>@<version>.json",
                failure(Map.of("measures/versions/Library-ChartLensColorectal-0.9.0.json", library)));
        assertEquals("measures/versions/Library-ChartLensColon@0.9.0.json: there is no library ChartLensColon in"
                        + " measures/",
                failure(Map.of("measures/versions/Library-ChartLensColon@0.9.0.json", library)));
        assertEquals("measures/versions/Library-ChartLensColorectal@1.0.0.json: version 1.0.0 is already the"
                        + " default's (measures/Library-ChartLensColorectal.json); give this one another version",
                failure(Map.of("measures/versions/Library-ChartLensColorectal@1.0.0.json", library)));
        assertEquals("measures/versions/Library-ChartLensColorectal@0.9.1.json declares ChartLensColorectal@0.9.0;"
                        + " the file name and the content must agree",
                failure(Map.of("measures/versions/Library-ChartLensColorectal@0.9.1.json", library)));
        assertEquals(LIBRARY_09 + " declares url " + LIBRARY_URL + "Old; a version keeps the default's url "
                        + LIBRARY_URL,
                failure(Map.of(LIBRARY_09, library.replace("\"" + LIBRARY_URL + "\"", "\"" + LIBRARY_URL + "Old\""))));
        assertEquals(LIBRARY_09 + ": its id ChartLensColorectal is also the id of"
                        + " measures/Library-ChartLensColorectal.json; give every Library its own id (the engine"
                        + " keeps one Library per id)",
                failure(Map.of(LIBRARY_09,
                        library.replace("\"ChartLensColorectal-0.9.0\"", "\"ChartLensColorectal\""))));
        assertEquals(LIBRARY_09 + ": its CQL does not declare library ChartLensColorectal version '0.9.0'",
                failure(Map.of(LIBRARY_09, library.replace("cql/ChartLensColorectal-0.9.0.cql",
                        "cql/ChartLensColorectal.cql"))));
    }

    private static String read(String path) {
        return WorkingTreeConfig.INSTANCE.read(path);
    }

    /** Loads with these files as the whole of {@code measures/versions/}; other files are the repository's. */
    private static String failure(Map<String, String> versionFiles) {
        WorkingTreeConfig tree = WorkingTreeConfig.INSTANCE;
        return assertThrows(IllegalStateException.class, () -> MeasureVersions.load(
                path -> versionFiles.containsKey(path) ? versionFiles.get(path) : tree.read(path),
                (folder, suffix) -> folder.equals(MeasureVersions.FOLDER)
                        ? versionFiles.keySet().stream().filter(f -> f.endsWith(suffix)).sorted().toList()
                        : tree.list(folder, suffix))).getMessage();
    }
}
