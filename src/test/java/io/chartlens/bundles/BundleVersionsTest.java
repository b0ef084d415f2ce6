package io.chartlens.bundles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.risk.VersionResolution;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bundle versions (issue #9): a version file is held to every rule of the default catalog, and the catalog holds
 * each bundle in its active version.
 */
class BundleVersionsTest {

    private static final String READMISSION_09 = "bundles/versions/PlanDefinition-readmission@0.9.0.json";

    @Test
    void theRepositoryOffersReadmissionZeroNineBesideItsDefault() {
        BundleVersions versions = BundleVersions.load(Config::read, Config::list);
        assertEquals(List.of("1.0.0", "0.9.0"), versions.versions("readmission").stream()
                .map(BundleVersions.Version::version).toList());
        assertTrue(versions.versions("readmission").get(1).note().startsWith("ChartLens-local earlier version"));
        assertEquals(Config.catalog().bundles().stream().map(BundleDefinition::id).toList(), versions.ids());
    }

    @Test
    void theCatalogHoldsTheChosenVersionAndFallsBackToTheDefaultForAnUnknownOne() {
        Map<String, String> chosen = new HashMap<>();
        Bundles bundles = new Bundles(BundleVersions.load(Config::read, Config::list), ids -> Map.copyOf(chosen));
        BundleCatalog defaults = bundles.catalog();
        BundleDefinition standard = defaults.bundle("readmission").orElseThrow();
        assertEquals("1.0.0", standard.version());
        assertEquals(2, standard.triggers().size(), "LACE high or HOSPITAL high");
        assertSame(defaults, bundles.catalog(), "unchanged choices: the catalog is reused");

        chosen.put("readmission", "0.9.0");
        BundleDefinition earlier = bundles.catalog().bundle("readmission").orElseThrow();
        assertEquals("0.9.0", earlier.version());
        assertEquals(1, earlier.triggers().size(), "LACE high only");
        assertEquals(standard.items().stream().map(BundleItem::id).toList(),
                earlier.items().stream().map(BundleItem::id).toList(), "the same items");
        assertEquals(defaults.bundle("sepsis").orElseThrow().version(),
                bundles.catalog().bundle("sepsis").orElseThrow().version(), "the other bundles unchanged");

        chosen.put("readmission", "0.8.0");
        assertEquals("1.0.0", bundles.catalog().bundle("readmission").orElseThrow().version());
        assertEquals(VersionResolution.CHOSEN_VERSION_UNKNOWN, bundles.active().stream()
                .filter(a -> a.id().equals("readmission")).findFirst().orElseThrow().resolution());
    }

    @Test
    void aVersionFileIsCheckedLikeTheDefaultAndNamedInTheError() {
        String earlier = Config.read(READMISSION_09);
        assertEquals("bundles/versions/PlanDefinition-readmission@0.9.1.json declares"
                        + " http://chartlens.io/fhir/PlanDefinition/readmission|0.9.0; a version keeps the default's"
                        + " url http://chartlens.io/fhir/PlanDefinition/readmission and its file name's version",
                failure(Map.of("bundles/versions/PlanDefinition-readmission@0.9.1.json", earlier)));
        assertTrue(failure(Map.of(READMISSION_09, earlier.replace("band=high (LACE >= 10)", "band=very high")))
                .startsWith(READMISSION_09 + " (loaded in place of bundles/PlanDefinition-readmission.json): "),
                "a trigger naming a band LACE does not have fails like in the default file");
        assertTrue(failure(Map.of(READMISSION_09, earlier.replaceFirst("\"usage\"", "\"purpose\"")))
                .startsWith(READMISSION_09 + ": a bundle version needs a usage"));
        assertEquals("bundles/versions/readmission@0.9.0.json: name a bundle version"
                        + " PlanDefinition-<id>@<version>.json",
                failure(Map.of("bundles/versions/readmission@0.9.0.json", earlier)));
    }

    @Test
    void aScoreVersionWhoseBandsNoLongerFitABundleTriggerFailsTheStart() {
        String lace = Config.read("scores/versions/lace@0.9.0.json").replace("\"high (LACE >= 10)\"", "\"high\"");
        String message = failure(Map.of("scores/versions/lace@0.9.0.json", lace));
        assertTrue(message.startsWith("The bundles do not fit the score version scores/versions/lace@0.9.0.json: "
                + "bundles/PlanDefinition-readmission.json: "), message);
    }

    /** Loads with these files in place of (or beside) the repository's; a folder they name lists only them. */
    private static String failure(Map<String, String> files) {
        return assertThrows(IllegalStateException.class, () -> BundleVersions.load(
                path -> files.containsKey(path) ? files.get(path) : Config.read(path),
                (folder, suffix) -> files.keySet().stream().anyMatch(f -> in(folder, f))
                        ? files.keySet().stream().filter(f -> in(folder, f)).sorted().toList()
                        : Config.list(folder, suffix))).getMessage();
    }

    private static boolean in(String folder, String file) {
        return file.substring(0, file.lastIndexOf('/')).equals(folder);
    }
}
