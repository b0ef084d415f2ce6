package io.chartlens.aisummary;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Decides which summary the page shows and records every generation: the deterministic summary always; a model's
 * only when a route is configured, the model answers, and every one of its statements passes the verifier.
 * Anything else (not configured, timeout, error, refusal, malformed answer, failed verification) falls back to
 * the deterministic summary with the reason.
 */
final class SummaryWriter {

    static final String TASK = "patient-summary";
    static final String RULES_VERSION = "rules-v1";

    private final StatementVerifier verifier = new StatementVerifier();
    private final ModelSummarizer models;
    private final Consumer<GenerationRecord> log;

    SummaryWriter(ModelSummarizer models, Consumer<GenerationRecord> log) {
        this.models = models;
        this.log = log;
    }

    AiSummary write(List<SummaryFact> facts, EvidenceIndex index, SummaryRoute route, String subject) {
        long t0 = System.nanoTime();
        List<String> inputs = ModelSummarizer.inputReferences(facts);
        Verification rules = verifier.verify(RuleSummary.statements(facts), index);
        Duration rulesLatency = Duration.ofNanos(System.nanoTime() - t0);
        String fallback;
        if (route.isEmpty()) {
            fallback = "no model is configured";
        } else if (facts.isEmpty()) {
            fallback = "the record gave no facts to summarise";
        } else {
            ModelSummarizer.ModelOutcome outcome = models.summarize(route, facts);
            if (outcome.indicatesSuccess()) {
                Verification checked = verifier.verify(outcome.statements(), index);
                boolean verified = checked.dropped().isEmpty() && !checked.kept().isEmpty();
                fallback = verified ? null : GenerationRecord.VERIFICATION_FAILED + ": " + checked.dropped().size()
                        + " of " + outcome.statements().size() + " statements not supported by their citations";
                log.accept(GenerationRecord.ofModel(subject, TASK, inputs, outcome, checked.kept().size(),
                        checked.dropped().size(), reasons(checked), fallback));
                if (verified) {
                    return new AiSummary(checked.kept(), GenerationRecord.Source.MODEL, outcome.modelId(),
                            outcome.promptVersion(), null, 0, dates(checked.kept(), index));
                }
            } else {
                fallback = outcome.fallbackReason();
            }
        }
        log.accept(GenerationRecord.ofDeterministic(subject, TASK, RULES_VERSION, inputs, rules.kept(),
                rules.kept().size(), rules.dropped().size(), reasons(rules), rulesLatency, fallback));
        return new AiSummary(rules.kept(), GenerationRecord.Source.DETERMINISTIC,
                GenerationRecord.DETERMINISTIC_MODEL_ID, RULES_VERSION, fallback, rules.dropped().size(),
                dates(rules.kept(), index));
    }

    private static List<String> reasons(Verification v) {
        return v.dropped().stream().map(d -> d.reason().name() + " " + d.statement().citations()).toList();
    }

    private static Map<String, java.time.LocalDate> dates(List<CitedStatement> statements, EvidenceIndex index) {
        Map<String, java.time.LocalDate> dates = new HashMap<>();
        statements.forEach(s -> s.citations().forEach(ref -> index.date(ref).ifPresent(d -> dates.put(ref, d))));
        return dates;
    }
}
