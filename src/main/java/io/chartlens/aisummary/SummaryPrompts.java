package io.chartlens.aisummary;

import io.chartlens.risk.ActiveVersion;
import io.chartlens.risk.ActiveVersionsCache;
import io.chartlens.system.ConfigFiles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * The system prompt of the model-written summary, versioned like the scores and bundles (issue #9): every version of
 * {@code smart-config/ai/prompts/} is loaded and checked at start ({@link PromptVersions}; a bad file fails the
 * start), and {@link #active()} gives the one an administrator chose if it is configured, else the default that
 * {@value PromptVersions#FILE} names.
 *
 * <p>The choices come from {@link PromptVersionChoices}, asked on every call (it caches them briefly and is
 * invalidated at once by a change made in this JVM). The resolved version is cached until the choices change, so a
 * chosen version that is not configured logs one warning per change, not one per generation. Each generation
 * resolves the prompt when it starts and logs the version it used ({@link GenerationRecord#promptVersion()}).
 */
@ApplicationScoped
public class SummaryPrompts {

    /**
     * The AI summary prompt's id: the AI summary's rule id in the feedback log and on the admin page
     * ({@code summary/ShownCards.AI_SUMMARY_RULE}).
     */
    public static final String ID = "ai-summary";
    private static final Logger LOG = Logger.getLogger(SummaryPrompts.class.getName());

    @Inject
    ConfigFiles configFiles;
    @Inject
    PromptVersionChoices choices;

    private PromptVersions versions;
    private ActiveVersionsCache<SummaryPrompt> activeVersions;

    /** For CDI. */
    public SummaryPrompts() {
    }

    /** For tests and tools: the given versions and choices, without a container. */
    public SummaryPrompts(PromptVersions versions, PromptVersionChoices choices) {
        this.versions = Objects.requireNonNull(versions, "versions");
        this.choices = Objects.requireNonNull(choices, "choices");
        this.activeVersions = activeVersions(versions);
    }

    private static ActiveVersionsCache<SummaryPrompt> activeVersions(PromptVersions versions) {
        return new ActiveVersionsCache<>(versions, "Prompt", "generating with", LOG);
    }

    @PostConstruct
    void load() {
        versions = PromptVersions.load(configFiles);
        activeVersions = activeVersions(versions);
    }

    /** Every configured version of every prompt. */
    public PromptVersions versions() {
        return versions;
    }

    /** The AI summary prompt that a generation starting now uses, and why it is the active one. */
    public ActiveVersion<SummaryPrompt> active() {
        // PromptVersions configures exactly the prompt ID, so resolving every prompt resolves this one
        return Objects.requireNonNull(
                activeVersions.resolve(choices.chosenPromptVersions(List.of(ID))).active().get(ID), ID);
    }
}
