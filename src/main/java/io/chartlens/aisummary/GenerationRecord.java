package io.chartlens.aisummary;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One generation of a summary, as the {@link GenerationLog} keeps it: a model's answer or a deterministic summary,
 * what went in (references only), what came out, and what the verifier made of it. No PHI: see the fields.
 *
 * <p>The intended rows per page: a verified model answer is one {@code MODEL} row without a fallback reason; a
 * model answer that fails verification is a {@code MODEL} row with {@value #VERIFICATION_FAILED} and the
 * {@code DETERMINISTIC} row that replaced it, with the same reason; no usable answer at all is a
 * {@code DETERMINISTIC} row whose reason is {@link ModelSummarizer.ModelOutcome#fallbackReason()}.
 *
 * @param subjectKey     pseudonymous launch or patient key, chosen by the caller (never a FHIR id or name); at most
 *                       200 characters
 * @param task           the task, e.g. {@code patient-summary}
 * @param promptVersion  for a model's answer, the version of the prompt it was asked with
 *                       ({@link ModelSummarizer.ModelOutcome#promptVersion()}, from {@code smart-config/ai/prompts/});
 *                       for a deterministic summary its rules' version, or null
 * @param modelId        {@link ModelSummarizer.ModelOutcome#modelId()}, or {@value #DETERMINISTIC_MODEL_ID}
 * @param inputRefs      the references the generation was given ({@code Type/id}), in order
 * @param output         the statements as generated, before verification
 * @param keptCount      how many statements the verifier kept
 * @param droppedCount   how many it dropped
 * @param verification   the verifier's reasons for each drop; empty when nothing was dropped
 * @param latency        how long the generation took
 * @param source         who wrote it
 * @param fallbackReason why the page shows the deterministic summary (e.g. {@code "TIMEOUT: ..."}); null when this
 *                       generation is shown by choice. Longer than {@value #MAX_REASON} characters is cut.
 */
public record GenerationRecord(String subjectKey, String task, String promptVersion, String modelId,
                               List<String> inputRefs, List<CitedStatement> output, int keptCount, int droppedCount,
                               List<String> verification, Duration latency, Source source, String fallbackReason) {

    /** The model id of a deterministic summary. */
    public static final String DETERMINISTIC_MODEL_ID = "deterministic";
    /** The fallback reason when the verifier left too little of a model's answer. */
    public static final String VERIFICATION_FAILED = "VERIFICATION_FAILED";
    static final int MAX_REASON = 2000;

    /** A FHIR reference {@code Type/id} (R4 id: 1-64 of {@code [A-Za-z0-9\-.]}); no commas, so the list is CSV. */
    private static final Pattern REFERENCE = Pattern.compile("[A-Z][A-Za-z]{0,63}/[A-Za-z0-9\\-.]{1,64}");

    /** Who wrote the summary; the database stores {@link #code()}. */
    public enum Source {
        MODEL("model"), DETERMINISTIC("deterministic");

        private final String code;

        Source(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Source ofCode(String code) {
            for (Source s : values()) {
                if (s.code.equals(code)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown source " + code);
        }
    }

    public GenerationRecord {
        subjectKey = text("subjectKey", subjectKey, 200);
        task = text("task", task, 100);
        Objects.requireNonNull(source, "source");
        if (promptVersion != null) {
            promptVersion = text("promptVersion", promptVersion, 40);
        }
        modelId = text("modelId", modelId, 200);
        if ((source == Source.DETERMINISTIC) != modelId.equals(DETERMINISTIC_MODEL_ID)) {
            throw new IllegalArgumentException("modelId is \"" + DETERMINISTIC_MODEL_ID + "\" exactly when the source"
                    + " is DETERMINISTIC");
        }
        if (source == Source.MODEL && promptVersion == null) {
            throw new IllegalArgumentException("a model's answer needs its promptVersion");
        }
        inputRefs = List.copyOf(inputRefs);
        for (String ref : inputRefs) {
            if (!REFERENCE.matcher(ref).matches()) {
                throw new IllegalArgumentException("inputRefs must be FHIR references Type/id; one is not");
            }
        }
        output = List.copyOf(output);
        if (keptCount < 0 || droppedCount < 0) {
            throw new IllegalArgumentException("keptCount and droppedCount must not be negative");
        }
        verification = List.copyOf(verification);
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        if (fallbackReason != null && fallbackReason.length() > MAX_REASON) {
            fallbackReason = fallbackReason.substring(0, MAX_REASON - 1) + "…";
        }
    }

    /**
     * A model's answer after verification.
     *
     * @param answered       a successful outcome of {@link ModelSummarizer#summarize}; its prompt version is logged
     * @param fallbackReason null when the page shows it; else why not (e.g. {@value #VERIFICATION_FAILED}: ...)
     */
    public static GenerationRecord ofModel(String subjectKey, String task, List<String> inputRefs,
                                           ModelSummarizer.ModelOutcome answered, int keptCount, int droppedCount,
                                           List<String> verification, String fallbackReason) {
        if (!answered.indicatesSuccess()) {
            throw new IllegalArgumentException("a failed outcome has no answer to log; log the deterministic "
                    + "summary with outcome.fallbackReason()");
        }
        return new GenerationRecord(subjectKey, task, answered.promptVersion(), answered.modelId(), inputRefs,
                answered.statements(), keptCount, droppedCount, verification, answered.latency(), Source.MODEL,
                fallbackReason);
    }

    /**
     * A deterministic summary after verification.
     *
     * @param rulesVersion   the version of the rules that wrote it, or null
     * @param fallbackReason why it is shown instead of a model's answer; null when no model was meant to write it
     */
    public static GenerationRecord ofDeterministic(String subjectKey, String task, String rulesVersion,
                                                   List<String> inputRefs, List<CitedStatement> output,
                                                   int keptCount, int droppedCount, List<String> verification,
                                                   Duration latency, String fallbackReason) {
        return new GenerationRecord(subjectKey, task, rulesVersion, DETERMINISTIC_MODEL_ID, inputRefs, output,
                keptCount, droppedCount, verification, latency, Source.DETERMINISTIC, fallbackReason);
    }

    private static String text(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        String s = value.strip();
        if (s.length() > max) {
            throw new IllegalArgumentException(name + " must be at most " + max + " characters");
        }
        return s;
    }
}
