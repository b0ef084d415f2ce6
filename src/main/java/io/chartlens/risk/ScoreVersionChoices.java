package io.chartlens.risk;

import java.util.List;
import java.util.Map;

/**
 * Which version of each score an administrator chose (issue #9). Implemented in {@code review/} over the
 * append-only choice history, so that this package does not depend on the review pages.
 */
public interface ScoreVersionChoices {

    /**
     * The chosen versions of those of {@code scoreIds} that have a choice (score id to version); a score that is
     * absent uses its default file. Fast enough to call on every page load (implementations cache).
     */
    Map<String, String> chosenScoreVersions(List<String> scoreIds);
}
