package io.chartlens.bundles;

import java.util.List;
import java.util.Map;

/**
 * Which version of each bundle an administrator chose (issue #9). Implemented in {@code review/} over the
 * append-only choice history, so that this package does not depend on the review pages.
 */
public interface BundleVersionChoices {

    /**
     * The chosen versions of those of {@code bundleIds} that have a choice (bundle id to version); a bundle that is
     * absent uses its default file. Fast enough to call on every page load (implementations cache).
     */
    Map<String, String> chosenBundleVersions(List<String> bundleIds);
}
