package io.chartlens.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.record.Freshness;
import io.chartlens.record.PatientRecord;
import io.chartlens.record.ReferenceDate;
import io.chartlens.record.SandboxRecords;
import io.chartlens.system.ConfigFiles;
import io.chartlens.testsupport.WorkingTreeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Score versions (issue #9): the default file and the versions beside it load and are checked at start, and the
 * active version follows the administrator's choice, falling back to the default when the choice is not configured.
 */
class ScoreVersionsTest {

    private static final String READMISSION = "c01a0000-0000-4000-8000-000000000001";

    @Test
    void theRepositoryOffersLaceZeroNineBesideItsDefaultAndOnlyDefaultsElsewhere() {
        ScoreVersions versions = ScoreVersions.load(WorkingTreeConfig.INSTANCE);
        assertEquals(ScoreRegistry.order(), versions.ids());
        List<ScoreVersions.Version> lace = versions.versions("lace");
        assertEquals(List.of("1.0.0", "0.9.0"), lace.stream().map(ScoreVersions.Version::version).toList());
        assertTrue(lace.get(0).isDefault());
        assertNull(lace.get(0).note());
        assertTrue(lace.get(1).note().startsWith("ChartLens-local earlier version"), lace.get(1).note());
        assertEquals("1.0.0", versions.defaultVersion("lace"));
        for (String id : List.of("news2", "qsofa", "curb65", "hospital", "cha2ds2vasc", "hasbled", "pce", "charlson")) {
            assertEquals(1, versions.versions(id).size(), id);
        }
    }

    @Test
    void withoutAChoiceTheDefaultFileIsActive() {
        ActiveVersion<RiskScore> lace = ScoreVersions.load(WorkingTreeConfig.INSTANCE).resolve("lace", null);
        assertEquals("1.0.0", lace.version());
        assertEquals(VersionResolution.DEFAULT, lace.resolution());
        assertNull(lace.chosen());
        assertEquals("1.0.0", lace.rule().definition().version());
    }

    @Test
    void aChosenConfiguredVersionIsActive() {
        ActiveVersion<RiskScore> lace = ScoreVersions.load(WorkingTreeConfig.INSTANCE).resolve("lace", "0.9.0");
        assertEquals("0.9.0", lace.version());
        assertEquals(VersionResolution.CHOSEN, lace.resolution());
        assertEquals("0.9.0", lace.rule().definition().version());
        assertEquals(List.of(), lace.rule().definition().parameters().get("alertBands"));
    }

    @Test
    void aChosenVersionThatIsNotConfiguredIsIgnoredForTheDefaultWithItsReason() {
        ActiveVersion<RiskScore> lace = ScoreVersions.load(WorkingTreeConfig.INSTANCE).resolve("lace", "0.8.0");
        assertEquals("1.0.0", lace.version());
        assertEquals(VersionResolution.CHOSEN_VERSION_UNKNOWN, lace.resolution());
        assertEquals("0.8.0", lace.chosen(), "the ignored choice is kept, so the admin page can name it");
        assertEquals("1.0.0", lace.rule().definition().version());
    }

    @Test
    void theRegistryComputesWithTheActiveVersionAndFollowsAChangeAtOnce() throws Exception {
        Map<String, String> chosen = new HashMap<>();
        List<List<String>> asked = new ArrayList<>();
        ScoreRegistry registry = new ScoreRegistry(ScoreVersions.load(WorkingTreeConfig.INSTANCE), ids -> {
            asked.add(ids);
            return Map.copyOf(chosen);
        });
        List<RiskScore> defaults = registry.all();
        assertEquals("1.0.0", registry.byId("lace").orElseThrow().definition().version());
        assertSame(defaults, registry.all(), "unchanged choices: the resolved scores are reused");
        assertEquals(ScoreRegistry.order(), asked.get(0));

        PatientRecord record = SandboxRecords.assemble(READMISSION, ReferenceDate.Mode.LAST_RECORD, Instant.now());
        Freshness freshness = new Freshness(Files.readString(Path.of("smart-config/record/freshness.json")));
        RiskPanel.Card before = card(RiskPanel.of(record, registry.all(), freshness), "lace");
        assertTrue(before.alert(), "1.0.0 alerts on a high LACE");

        chosen.put("lace", "0.9.0");
        RiskPanel.Card after = card(RiskPanel.of(record, registry.all(), freshness), "lace");
        assertEquals("0.9.0", after.version(), "the card carries the version that produced it");
        assertEquals(before.headline(), after.headline(), "the same published points and bands");
        assertFalse(after.alert(), "0.9.0 raises no alert");
        assertEquals("0.9.0", registry.active().get(3).version());

        chosen.put("lace", "0.8.0");
        assertEquals("1.0.0", registry.byId("lace").orElseThrow().definition().version());
        assertEquals(VersionResolution.CHOSEN_VERSION_UNKNOWN, registry.active().get(3).resolution());
        chosen.clear();
        assertEquals(VersionResolution.DEFAULT, registry.active().get(3).resolution());
    }

    @Test
    void aVersionFileMustBeNamedAfterItsScoreAndVersionAndSayWhatItIs() {
        String lace = WorkingTreeConfig.INSTANCE.read("scores/versions/lace@0.9.0.json");
        assertEquals("scores/versions/lace-0.9.0.json: name a score version <score id>@<version>.json",
                failure(Map.of("scores/versions/lace-0.9.0.json", lace)));
        assertEquals("scores/versions/lace@0.9.1.json declares lace@0.9.0; the file name and the content must agree",
                failure(Map.of("scores/versions/lace@0.9.1.json", lace)));
        assertEquals("scores/versions/news3@0.9.0.json: there is no score news3 (scores/news3.json)",
                failure(Map.of("scores/versions/news3@0.9.0.json", lace)));
        assertEquals("scores/versions/lace@1.0.0.json: version 1.0.0 is already the default's (scores/lace.json);"
                        + " give this one another version",
                failure(Map.of("scores/versions/lace@1.0.0.json", lace.replace("\"0.9.0\"", "\"1.0.0\""))));
        assertTrue(failure(Map.of("scores/versions/lace@0.9.0.json", lace.replaceFirst("\"versionNote\"", "\"x\"")))
                .startsWith("scores/versions/lace@0.9.0.json: a score version needs a versionNote"));
    }

    private static String failure(Map<String, String> versionFiles) {
        ConfigFiles files = new ConfigFiles() {
            @Override
            public String read(String path) {
                return versionFiles.containsKey(path) ? versionFiles.get(path) : WorkingTreeConfig.INSTANCE.read(path);
            }

            @Override
            public List<String> list(String folder, String suffix) {
                return folder.equals(ScoreVersions.FOLDER) ? versionFiles.keySet().stream().sorted().toList()
                        : WorkingTreeConfig.INSTANCE.list(folder, suffix);
            }
        };
        return assertThrows(IllegalStateException.class, () -> ScoreVersions.load(files)).getMessage();
    }

    private static RiskPanel.Card card(RiskPanel panel, String id) {
        return panel.cards().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }
}
