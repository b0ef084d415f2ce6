package io.chartlens.caregaps;

import java.util.List;
import java.util.Map;

/**
 * Which version of each care-gap measure an administrator chose (issue #9). Implemented in {@code review/} over the
 * append-only choice history, so that this package does not depend on the review pages.
 */
public interface MeasureVersionChoices {

    /**
     * The chosen versions of those of {@code measureIds} that have a choice (measure id to version); a measure that
     * is absent uses its default file. Fast enough to call on every evaluation (implementations cache).
     */
    Map<String, String> chosenMeasureVersions(List<String> measureIds);
}
