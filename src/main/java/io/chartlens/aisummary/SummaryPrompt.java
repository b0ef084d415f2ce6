package io.chartlens.aisummary;

import java.util.Objects;

/**
 * One version of the AI summary's system prompt, rendered from its template in {@code smart-config/ai/prompts/}
 * when ChartLens starts ({@link PromptVersions}). Immutable.
 *
 * @param version       the version, as the generation log and the card record it; never null
 * @param note          what this version is and how it differs from the default; null for a default without one
 * @param maxStatements the most statements the prompt asks for, 1 to the verifier's hard cap
 *                      ({@link ModelSummarizerAnswer#MAX_STATEMENTS}), which still applies to every answer
 * @param system        the system message as sent: the template with its placeholders filled, then the fixed
 *                      answer format ({@link ModelSummarizerPrompt#ANSWER_FORMAT}); never null
 */
public record SummaryPrompt(String version, String note, int maxStatements, String system) {

    public SummaryPrompt {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(system, "system");
        if (maxStatements < 1 || maxStatements > ModelSummarizerAnswer.MAX_STATEMENTS) {
            throw new IllegalArgumentException("maxStatements must be 1 to " + ModelSummarizerAnswer.MAX_STATEMENTS
                    + ", was " + maxStatements);
        }
    }
}
