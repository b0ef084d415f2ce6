package io.chartlens.aisummary;

import java.util.List;
import java.util.Objects;

/**
 * The summary the page shows: verified statements, which writer produced them, and, when the deterministic
 * summary stands in for a model, why.
 *
 * @param statements     verified statements, most important first
 * @param source         who wrote them
 * @param modelId        the model's id, or {@code deterministic}
 * @param version        the version of what wrote the statements: for a model, the prompt version it was asked with
 *                       ({@link GenerationRecord#promptVersion()} of its log row), else the rules' version; never null
 * @param fallbackReason why the deterministic summary is shown instead of a model's, or null
 * @param dropped        how many statements the verifier dropped from what is shown
 * @param citationDates  the clinical date of each cited resource that has one
 */
public record AiSummary(List<CitedStatement> statements, GenerationRecord.Source source, String modelId,
        String version, String fallbackReason, int dropped, java.util.Map<String, java.time.LocalDate> citationDates) {

    public AiSummary {
        statements = List.copyOf(statements);
        Objects.requireNonNull(version, "version");
        citationDates = java.util.Map.copyOf(citationDates);
    }

    /** A citation as the page shows it: the resource type and its date ("Observation, 3 Mar 2021"). */
    public String citationLabel(String reference) {
        String type = reference.substring(0, reference.indexOf('/'));
        java.time.LocalDate date = citationDates.get(reference);
        return date == null ? type : type + ", " + date.format(java.time.format.DateTimeFormatter.ofPattern(
                "d MMM yyyy", java.util.Locale.ENGLISH));
    }

    public boolean fromModel() {
        return source == GenerationRecord.Source.MODEL;
    }
}
