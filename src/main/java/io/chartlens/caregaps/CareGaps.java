package io.chartlens.caregaps;

import io.chartlens.launch.LaunchSession;
import io.chartlens.record.DerivedResults;
import io.chartlens.record.PatientRecords;
import io.chartlens.record.RecordLoaded;
import io.chartlens.risk.ActiveVersion;
import io.chartlens.risk.ActiveVersionsCache;
import io.chartlens.system.ConfigFiles;
import io.chartlens.system.telemetry.Telemetry;
import io.opentelemetry.context.Context;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Care gaps for launched patients and for the API. The measure content is loaded and every CQL library translated
 * once at start (a broken measure fails the start with its file's name). Each launch's gaps are evaluated in the
 * background as soon as its record has loaded, on the data already loaded, and kept in a small bounded cache beside
 * the record (never in the HTTP session).
 *
 * <p>Versioned (issue #9): a measure may have other versions in {@code measures/versions/} ({@link MeasureVersions}),
 * all translated at start into one engine, and {@link #measures()} gives the <em>active</em> version of each: the one
 * an administrator chose if it is configured, else the default file's. The choices come from
 * {@link MeasureVersionChoices}, which caches them briefly; the resolved versions are cached and resolved again only
 * when the choices change. Every evaluation (a launch's, a CDS Hooks call's, the API's) uses the versions active when
 * it starts, and each gap carries the measure version it was evaluated with.
 */
@ApplicationScoped
public class CareGaps {

    private static final Logger LOG = Logger.getLogger(CareGaps.class.getName());
    static final int MAX_CACHED = 200;

    @Inject
    ConfigFiles configFiles;
    @Inject
    @ConfigProperty(name = "chartlens.care-gaps.prospective-days", defaultValue = "60")
    int prospectiveDays;
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;
    @Inject
    Telemetry telemetry;
    @Inject
    MeasureVersionChoices choices;

    private MeasureVersions versions;
    private CareGapEvaluator evaluator;
    private volatile boolean prepared;
    private ActiveVersionsCache<MeasureDefinition> activeVersions;

    private final DerivedResults<CareGapReport> byLaunch = new DerivedResults<>(MAX_CACHED);

    /** For CDI. */
    public CareGaps() {
    }

    /**
     * For tests and tools: the given versions and choices, on a CQF engine of its own, without a container (no
     * background evaluation of launches).
     */
    public CareGaps(MeasureVersions versions, MeasureVersionChoices choices, int prospectiveDays) {
        this(versions, CareGapEvaluator.onCqfEngine(versions, prospectiveDays, Telemetry.noop().tracer()), choices);
    }

    /** For tests: an evaluator built on {@code versions} ({@code CareGapEvaluator.onCqfEngine}), shared by tests. */
    CareGaps(MeasureVersions versions, CareGapEvaluator evaluator, MeasureVersionChoices choices) {
        this.versions = Objects.requireNonNull(versions, "versions");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.choices = Objects.requireNonNull(choices, "choices");
        this.activeVersions = activeVersions(versions);
    }

    private static ActiveVersionsCache<MeasureDefinition> activeVersions(MeasureVersions versions) {
        return new ActiveVersionsCache<>(versions, "Care-gap measure", "evaluating", LOG);
    }

    @PostConstruct
    void init() {
        versions = MeasureVersions.load(configFiles::read, configFiles::list);
        activeVersions = activeVersions(versions);
        evaluator = CareGapEvaluator.onCqfEngine(versions, prospectiveDays, Telemetry.tracer(telemetry));
        LOG.info("Care-gap measures loaded: " + versions.ids().stream().map(id -> id + " " + versions.versions(id)
                .stream().map(MeasureVersions.Version::version).toList()).toList());
    }

    /** Translates the CQL at start, in the background, so the first patient does not wait for it. */
    void warmUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        executor.execute(() -> {
            long t0 = System.nanoTime();
            evaluator.prepare();
            prepared = true;
            LOG.info("Care-gap CQL translated in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        });
    }

    /** True once the library of every configured version has been translated. */
    public boolean prepared() {
        return prepared;
    }

    /** The active version of every measure, in configuration order. */
    public List<MeasureDefinition> measures() {
        return current().rules();
    }

    /** Every measure's active version and why it is the active one, in configuration order (for the admin page). */
    public List<ActiveVersion<MeasureDefinition>> active() {
        return List.copyOf(current().active().values());
    }

    /** Every configured version of every measure. */
    public MeasureVersions versions() {
        return versions;
    }

    /** Starts evaluating a launch's gaps, with the versions active now, as soon as its record is loaded. */
    void onRecordLoaded(@Observes @jakarta.annotation.Priority(100) RecordLoaded loaded) {
        LocalDate referenceDay = loaded.referenceDate().value().atOffset(ZoneOffset.UTC).toLocalDate();
        String patientId = loaded.loaded().patientId();
        List<MeasureDefinition> measures = measures();
        // Everything else happens off the loading thread, which hands the record to the page only after every
        // observer returns. The caller's trace context goes along, so the evaluation's spans join its trace.
        CompletableFuture<CareGapReport> report = CompletableFuture.supplyAsync(Context.current().wrapSupplier(
                () -> report(measures, RecordBundle.of(loaded.loaded()), patientId,
                        MeasurementPeriod.yearEndingOn(referenceDay), RecordBundle.incompleteSections(loaded.loaded()))),
                executor);
        byLaunch.put(loaded.key(), report);
    }

    /** The launch's gaps, once its record has loaded (empty before that, or after the cache let them go). */
    public Optional<CompletableFuture<CareGapReport>> forLaunch(LaunchSession launch) {
        return forKey(PatientRecords.keyOf(launch));
    }

    /** The gaps for a record key ({@link RecordLoaded#key()}). */
    public Optional<CompletableFuture<CareGapReport>> forKey(String key) {
        return byLaunch.get(key);
    }

    /**
     * Evaluates every measure's active version on a record loaded outside a launch (a CDS Hooks call), now, on the
     * calling thread: the same period (the twelve months ending on the record's reference date) and caveat as a
     * launch's gaps.
     */
    public CareGapReport evaluate(io.chartlens.fhir.LoadedRecord loaded, io.chartlens.record.ReferenceDate reference) {
        LocalDate referenceDay = reference.value().atOffset(ZoneOffset.UTC).toLocalDate();
        return evaluate(RecordBundle.of(loaded), loaded.patientId(), MeasurementPeriod.yearEndingOn(referenceDay),
                RecordBundle.incompleteSections(loaded));
    }

    /** Evaluates every measure's active version on a record (for the API): each measure fails on its own. */
    public CareGapReport evaluate(Bundle record, String patientId, MeasurementPeriod period,
            List<String> incompleteSections) {
        return report(measures(), record, patientId, period, incompleteSections);
    }

    private CareGapReport report(List<MeasureDefinition> measures, Bundle record, String patientId,
            MeasurementPeriod period, List<String> incompleteSections) {
        return new CareGapReport(period, evaluator.evaluate(measures, record, patientId, period), incompleteSections);
    }

    private ActiveVersionsCache.Resolved<MeasureDefinition> current() {
        return activeVersions.resolve(choices.chosenMeasureVersions(versions.ids()));
    }
}
