package io.chartlens.aisummary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.risk.ActiveVersion;
import io.chartlens.risk.VersionResolution;
import io.chartlens.testsupport.CapturedLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The active AI summary prompt follows the administrator's choice on every call, and a choice that is not configured
 * falls back to the default with one warning per change.
 */
class SummaryPromptsTest {

    private final Map<String, String> chosen = new HashMap<>();
    private final List<List<String>> asked = new ArrayList<>();
    private final SummaryPrompts prompts = new SummaryPrompts(PromptVersionsTest.shipped(), ids -> {
        asked.add(ids);
        return Map.copyOf(chosen);
    });
    private final CapturedLog log = CapturedLog.of(SummaryPrompts.class);

    @AfterEach
    void removeHandler() {
        log.close();
    }

    /** The shipped prompts with the given choices (prompt id to version), read on every call. */
    static SummaryPrompts shipped(Map<String, String> chosen) {
        return new SummaryPrompts(PromptVersionsTest.shipped(), ids -> Map.copyOf(chosen));
    }

    @Test
    void withoutAChoiceTheDefaultIsActive() {
        ActiveVersion<SummaryPrompt> active = prompts.active();
        assertEquals("summary-v1", active.version());
        assertEquals(VersionResolution.DEFAULT, active.resolution());
        assertEquals(List.of(List.of(SummaryPrompts.ID)), asked, "the choices are asked for the prompt's id");
        assertSame(active, prompts.active(), "unchanged choices: the resolved version is reused");
        assertEquals(2, asked.size(), "but the choices are asked on every call");
    }

    @Test
    void aChoiceTakesEffectOnTheNextCallAndGoingBackToNoneRestoresTheDefault() {
        assertEquals("summary-v1", prompts.active().rule().version());
        chosen.put(SummaryPrompts.ID, "summary-v2");
        ActiveVersion<SummaryPrompt> v2 = prompts.active();
        assertEquals("summary-v2", v2.rule().version());
        assertEquals(5, v2.rule().maxStatements());
        assertEquals(VersionResolution.CHOSEN, v2.resolution());
        chosen.clear();
        assertEquals("summary-v1", prompts.active().rule().version());
        assertEquals(List.of(), log.warnings());
    }

    @Test
    void aChosenVersionThatIsNotConfiguredFallsBackToTheDefaultWithOneWarning() {
        chosen.put(SummaryPrompts.ID, "summary-v9");
        ActiveVersion<SummaryPrompt> active = prompts.active();
        prompts.active();
        assertEquals("summary-v1", active.rule().version());
        assertEquals(VersionResolution.CHOSEN_VERSION_UNKNOWN, active.resolution());
        assertEquals("summary-v9", active.chosen());
        assertEquals(1, log.warnings().size(), "one warning per change of the choices, not one per generation");
        String warning = log.warnings().get(0);
        assertTrue(warning.contains("summary-v9") && warning.contains("default summary-v1"), warning);
    }
}
