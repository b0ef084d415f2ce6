package io.chartlens.risk;

/**
 * How the active version of a versioned rule (a score here, a bundle in {@code bundles/}) was decided from the
 * administrator's choice ({@code review/RuleVersionChoices}) and the versions configured in {@code smart-config/}.
 */
public enum VersionResolution {
    /** No version was chosen: the default file's version. */
    DEFAULT("the default (no version chosen)"),
    /** An administrator chose this version, and it is configured. */
    CHOSEN("chosen by an administrator"),
    /**
     * The chosen version is not configured (its file was removed or renamed since it was chosen): the default is
     * used instead, and a warning is logged. Activate a configured version to clear it.
     */
    CHOSEN_VERSION_UNKNOWN("the default, because the chosen version is not configured");

    private final String description;

    VersionResolution(String description) {
        this.description = description;
    }

    /** For the admin page: why this version is the active one. */
    public String description() {
        return description;
    }
}
