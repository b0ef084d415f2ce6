package io.chartlens.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chartlens.testsupport.CapturedLog;
import io.chartlens.testsupport.WorkingTreeConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The active versions shared by scores, measures, bundles and the prompt (issue #9): resolved once per set of choices,
 * with one warning per chosen version that is not configured, and immutable.
 */
class ActiveVersionsCacheTest {

    private static final ScoreVersions VERSIONS = ScoreVersions.load(WorkingTreeConfig.INSTANCE);

    private final CapturedLog captured = CapturedLog.of(ActiveVersionsCacheTest.class);
    private final Logger log = captured.logger();
    private final ActiveVersionsCache<RiskScore> cache =
            new ActiveVersionsCache<>(VERSIONS, "Score", "computing with", log);

    @AfterEach
    void removeHandler() {
        captured.close();
    }

    private List<String> warnings() {
        return captured.warnings();
    }

    @Test
    void equalChoicesReturnTheCachedInstance() {
        Map<String, String> chosen = new HashMap<>(Map.of("lace", "0.9.0"));
        ActiveVersionsCache.Resolved<RiskScore> first = cache.resolve(chosen);
        assertSame(first, cache.resolve(chosen));
        assertSame(first, cache.resolve(Map.of("lace", "0.9.0")), "equal, not identical, choices hit the cache");
        chosen.put("lace", "1.0.0");
        assertEquals(Map.of("lace", "0.9.0"), first.chosen(), "the choices are copied, not shared");
    }

    @Test
    void otherChoicesAreResolvedAgainInPageOrder() {
        ActiveVersionsCache.Resolved<RiskScore> defaults = cache.resolve(Map.of());
        assertEquals(ScoreRegistry.order(), List.copyOf(defaults.active().keySet()));
        assertEquals(VersionResolution.DEFAULT, defaults.active().get("lace").resolution());
        assertEquals("1.0.0", defaults.active().get("lace").version());

        ActiveVersionsCache.Resolved<RiskScore> chosen = cache.resolve(Map.of("lace", "0.9.0"));
        assertNotSame(defaults, chosen);
        assertEquals(ScoreRegistry.order(), List.copyOf(chosen.active().keySet()));
        ActiveVersion<RiskScore> lace = chosen.active().get("lace");
        assertEquals(VersionResolution.CHOSEN, lace.resolution());
        assertEquals("0.9.0", lace.version());
        assertEquals(chosen.active().values().stream().map(ActiveVersion::rule).toList(), chosen.rules());
        assertSame(lace.rule(), chosen.rules().get(ScoreRegistry.order().indexOf("lace")));

        assertNotSame(chosen, cache.resolve(Map.of()), "back to no choice: resolved again");
        assertEquals(List.of(), warnings());
    }

    @Test
    void anUnknownChosenVersionFallsBackToTheDefaultWithOneWarningPerChange() {
        ActiveVersionsCache.Resolved<RiskScore> resolved = cache.resolve(Map.of("lace", "0.8.0"));
        cache.resolve(Map.of("lace", "0.8.0"));

        ActiveVersion<RiskScore> lace = resolved.active().get("lace");
        assertEquals(VersionResolution.CHOSEN_VERSION_UNKNOWN, lace.resolution());
        assertEquals("1.0.0", lace.version());
        assertEquals("0.8.0", lace.chosen());
        assertEquals("1.0.0", lace.rule().definition().version());
        assertEquals(List.of("Score lace: the chosen version 0.8.0 is not configured; computing with the default"
                + " 1.0.0. Activate a configured version on the admin page."), warnings());
        assertEquals(log.getName(), captured.records().get(0).getSourceClassName(), "logged as from the caller's class");
    }

    @Test
    void theResultCannotBeChanged() {
        ActiveVersionsCache.Resolved<RiskScore> resolved = cache.resolve(Map.of("lace", "0.9.0"));
        ActiveVersion<RiskScore> lace = resolved.active().get("lace");
        RiskScore rule = resolved.rules().get(0);
        assertThrows(UnsupportedOperationException.class, () -> resolved.chosen().put("news2", "9"));
        assertThrows(UnsupportedOperationException.class, () -> resolved.active().remove("lace"));
        assertThrows(UnsupportedOperationException.class, () -> resolved.active().put("lace", lace));
        assertThrows(UnsupportedOperationException.class, () -> resolved.rules().add(rule));
        assertThrows(UnsupportedOperationException.class, () -> resolved.rules().clear());
    }

    @Test
    void aResultMadeFromMutableMapsKeepsItsOwnCopies() {
        Map<String, String> chosen = new HashMap<>(Map.of("lace", "0.9.0"));
        Map<String, ActiveVersion<RiskScore>> active = new java.util.LinkedHashMap<>(VERSIONS.resolveAll(chosen));
        List<RiskScore> rules = new ArrayList<>(active.values().stream().map(ActiveVersion::rule).toList());
        ActiveVersionsCache.Resolved<RiskScore> resolved = new ActiveVersionsCache.Resolved<>(chosen, active, rules);
        chosen.clear();
        active.clear();
        rules.clear();
        assertEquals(Map.of("lace", "0.9.0"), resolved.chosen());
        assertEquals(ScoreRegistry.order(), List.copyOf(resolved.active().keySet()));
        assertEquals(ScoreRegistry.order().size(), resolved.rules().size());
    }
}
