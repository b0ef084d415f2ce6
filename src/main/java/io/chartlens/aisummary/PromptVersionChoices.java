package io.chartlens.aisummary;

import java.util.List;
import java.util.Map;

/**
 * Which version of each prompt an administrator chose (issue #9). Implemented in {@code review/} over the
 * append-only choice history, so that this package does not depend on the review pages.
 */
public interface PromptVersionChoices {

    /**
     * The chosen versions of those of {@code promptIds} that have a choice (prompt id to version); a prompt that is
     * absent uses the default version of {@code smart-config/ai/prompts/prompts.json}. Fast enough to call on every
     * generation (implementations cache).
     */
    Map<String, String> chosenPromptVersions(List<String> promptIds);
}
