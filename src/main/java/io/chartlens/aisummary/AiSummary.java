package io.chartlens.aisummary;

import java.util.List;

/**
 * The summary the page shows: verified statements, which writer produced them, and, when the deterministic
 * summary stands in for a model, why.
 *
 * @param statements     verified statements, most important first
 * @param source         who wrote them
 * @param modelId        the model's id, or {@code deterministic}
 * @param fallbackReason why the deterministic summary is shown instead of a model's, or null
 * @param dropped        how many statements the verifier dropped from what is shown
 * @param citationDates  the clinical date of each cited resource that has one
 */
public record AiSummary(List<CitedStatement> statements, GenerationRecord.Source source, String modelId,
        String fallbackReason, int dropped, java.util.Map<String, java.time.LocalDate> citationDates) {

    public AiSummary {
        statements = List.copyOf(statements);
        citationDates = java.util.Map.copyOf(citationDates);
    }

    /** A citation as the page shows it: the resource type and its date ("Observation, 3 Mar 2021"). */
    public String citationLabel(String reference) {
        String type = reference.substring(0, reference.indexOf('/'));
        java.time.LocalDate date = citationDates.get(reference);
        return date == null ? type : type + ", " + date.format(java.time.format.DateTimeFormatter.ofPattern(
                "d MMM yyyy", java.util.Locale.ENGLISH));
    }

    /** The version of what wrote the statements: the prompt's for a model, else the rules'. */
    public String version() {
        return fromModel() ? ModelSummarizer.PROMPT_VERSION : SummaryWriter.RULES_VERSION;
    }

    public boolean fromModel() {
        return source == GenerationRecord.Source.MODEL;
    }
}
