package io.chartlens.aisummary;

import io.chartlens.caregaps.CareGapReport;
import io.chartlens.caregaps.CareGaps;
import io.chartlens.launch.LaunchSession;
import io.chartlens.overrides.FeedbackLog;
import io.chartlens.record.DerivedResults;
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
import java.util.List;
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
    static final String TASK = SummaryWriter.TASK;
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

    private final DerivedResults<AiSummary> byKey = new DerivedResults<>(MAX_CACHED);

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
        byKey.put(loaded.key(), summary);
    }

    public Optional<CompletableFuture<AiSummary>> forLaunch(LaunchSession launch) {
        return byKey.get(PatientRecords.keyOf(launch));
    }

    AiSummary generate(RecordLoaded loaded, CareGapReport gaps) {
        EvidenceIndex index = EvidenceIndex.of(loaded.loaded());
        RiskPanel panel = RiskPanel.of(loaded.record(), scores.all(), records.freshness());
        List<SummaryFact> facts = SummaryFacts.from(loaded.record(), loaded.loaded(), index, panel, gaps);
        return new SummaryWriter(models, this::log).write(facts, index, route,
                feedback.patientKey(loaded.loaded().patientId()));
    }

    private void log(GenerationRecord record) {
        try {
            generations.record(record);
        } catch (GenerationLogException e) {
            LOG.warning("AI summary generation not logged: " + e.getMessage());
        }
    }
}
