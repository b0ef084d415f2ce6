package io.chartlens.aisummary;

import io.chartlens.caregaps.CareGapReport;
import io.chartlens.caregaps.CareGaps;
import io.chartlens.launch.LaunchSession;
import io.chartlens.overrides.FeedbackLog;
import io.chartlens.record.PatientRecords;
import io.chartlens.record.RecordLoaded;
import io.chartlens.risk.RiskPanel;
import io.chartlens.risk.ScoreRegistry;
import io.chartlens.system.ConfigFiles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * Writes each launch's summary in the background once its record (and care gaps) are ready: the deterministic
 * summary always; a model's when a route is configured ({@code smart-config/ai/routes.json} + environment). A model
 * answer is shown only when every statement passes the verifier; otherwise (timeout, error, refusal, malformed
 * answer, failed verification) the deterministic summary is shown and the page says why. Every generation is
 * recorded in the generation log (no PHI text, only resource ids and the statements). Kept in a small bounded cache
 * beside the record, never in the HTTP session.
 */
@ApplicationScoped
public class AiSummaries {

    private static final Logger LOG = Logger.getLogger(AiSummaries.class.getName());
    static final String TASK = "patient-summary";
    static final String RULES_VERSION = "rules-v1";
    static final int MAX_CACHED = 200;

    @Inject
    ConfigFiles configFiles;
    @Inject
    CareGaps careGaps;
    @Inject
    ScoreRegistry scores;
    @Inject
    PatientRecords records;
    @Inject
    ModelSummarizer models;
    @Inject
    GenerationLog generations;
    @Inject
    FeedbackLog feedback;
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private SummaryRoute route;
    private final StatementVerifier verifier = new StatementVerifier();

    private final Map<String, CompletableFuture<AiSummary>> byKey = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<AiSummary>> eldest) {
            return size() > MAX_CACHED;
        }
    };

    @PostConstruct
    void init() {
        try {
            route = SummaryRoutes.fromConfig(configFiles).route(TASK);
        } catch (IllegalStateException e) {
            // a broken model configuration must not take the page down: the deterministic summary still works
            LOG.warning("AI summary model route not usable, using the deterministic summary only: " + e.getMessage());
            route = SummaryRoute.deterministicOnly(TASK, Duration.ofMillis(SummaryRoutes.DEFAULT_TIMEOUT_MS),
                    "model configuration invalid");
        }
        LOG.info("AI summary route " + TASK + ": " + (route.isEmpty() ? "deterministic only"
                : route.chain().stream().map(SummaryRoute.Model::id).toList()));
    }

    /** Runs after the care gaps have started (priority 200 > 100), so it can wait for them. */
    void onRecordLoaded(@Observes @Priority(200) RecordLoaded loaded) {
        CompletableFuture<CareGapReport> gaps = careGaps.forKey(loaded.key())
                .map(f -> f.exceptionally(e -> null))
                .orElse(CompletableFuture.completedFuture(null));
        CompletableFuture<AiSummary> summary = gaps.thenApplyAsync(report -> generate(loaded, report), executor);
        synchronized (byKey) {
            byKey.put(loaded.key(), summary);
        }
    }

    public Optional<CompletableFuture<AiSummary>> forLaunch(LaunchSession launch) {
        synchronized (byKey) {
            return Optional.ofNullable(byKey.get(PatientRecords.keyOf(launch)));
        }
    }

    AiSummary generate(RecordLoaded loaded, CareGapReport gaps) {
        long t0 = System.nanoTime();
        EvidenceIndex index = EvidenceIndex.of(loaded.loaded());
        RiskPanel panel = RiskPanel.of(loaded.record(), scores.all(), records.freshness());
        List<SummaryFact> facts = SummaryFacts.from(loaded.record(), loaded.loaded(), index, panel, gaps);
        List<String> inputs = ModelSummarizer.inputReferences(facts);
        String subject = feedback.patientKey(loaded.loaded().patientId());
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
                log(GenerationRecord.ofModel(subject, TASK, inputs, outcome, checked.kept().size(),
                        checked.dropped().size(), reasons(checked), fallback));
                if (verified) {
                    return new AiSummary(checked.kept(), GenerationRecord.Source.MODEL, outcome.modelId(), null, 0,
                            dates(checked.kept(), index));
                }
            } else {
                fallback = outcome.fallbackReason();
            }
        }
        log(GenerationRecord.ofDeterministic(subject, TASK, RULES_VERSION, inputs, rules.kept(), rules.kept().size(),
                rules.dropped().size(), reasons(rules), rulesLatency, fallback));
        return new AiSummary(rules.kept(), GenerationRecord.Source.DETERMINISTIC,
                GenerationRecord.DETERMINISTIC_MODEL_ID, fallback, rules.dropped().size(), dates(rules.kept(), index));
    }

    private static Map<String, java.time.LocalDate> dates(List<CitedStatement> statements, EvidenceIndex index) {
        Map<String, java.time.LocalDate> dates = new java.util.HashMap<>();
        statements.forEach(s -> s.citations().forEach(ref -> index.date(ref).ifPresent(d -> dates.put(ref, d))));
        return dates;
    }

    private static List<String> reasons(Verification v) {
        return v.dropped().stream().map(d -> d.reason().name() + " " + d.statement().citations()).toList();
    }

    private void log(GenerationRecord record) {
        try {
            generations.record(record);
        } catch (GenerationLogException e) {
            LOG.warning("AI summary generation not logged: " + e.getMessage());
        }
    }
}
