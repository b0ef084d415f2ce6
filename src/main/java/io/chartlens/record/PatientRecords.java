package io.chartlens.record;

import io.chartlens.fhir.FhirClients;
import io.chartlens.fhir.LoadPolicy;
import io.chartlens.fhir.LoadedRecord;
import io.chartlens.fhir.RecordLoader;
import io.chartlens.fhir.SectionStatus;
import io.chartlens.launch.EhrRegistration;
import io.chartlens.launch.LaunchSession;
import io.chartlens.system.ConfigFiles;
import io.chartlens.system.audit.AuditAction;
import io.chartlens.system.audit.AuditOutcome;
import io.chartlens.system.audit.AuditRecord;
import io.chartlens.system.audit.AuditTrail;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Loads each launch's record once and shares it between the page's sections. The record is kept in a small,
 * bounded, short-lived cache on this instance (never in the HTTP session), and every load is audited before any of
 * it is shown: if the audit cannot be written, the record is not shown.
 */
@ApplicationScoped
public class PatientRecords {

    static final int MAX_CACHED = 200;
    static final Duration KEEP_FOR = Duration.ofMinutes(5);

    private record Entry(CompletableFuture<PatientRecord> record, Instant startedAt) {
    }

    /** Where a record load spent its time (milliseconds), for Server-Timing and the benchmark. No PHI. */
    public record LoadMetrics(long fhirMs, long auditMs, long assembleMs) {
    }

    private final Map<String, LoadMetrics> metrics = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    RecordLoader loader;
    @Inject
    FhirClients clients;
    @Inject
    AuditTrail audit;
    @Inject
    ConfigFiles configFiles;
    @Inject
    jakarta.enterprise.event.Event<RecordLoaded> recordLoaded;
    /** registration (each EHR registration's referenceDate), now, or last-record for all. */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "chartlens.reference-date",
            defaultValue = "registration")
    String referenceDateSetting;
    /** The orchestrating task waits for the section tasks, so it must not run on the loader's own bounded pool. */
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService orchestration;

    private RecordAssembler assembler;
    private java.util.Optional<ReferenceDate.Mode> referenceDateOverride;
    private Freshness freshness;

    private final Map<String, Entry> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_CACHED;
        }
    };

    @PostConstruct
    void init() {
        assembler = new RecordAssembler(new ObservationReader(ObservationCatalog.fromConfig(configFiles)));
        freshness = Freshness.fromConfig(configFiles);
        referenceDateOverride = ReferenceDate.Mode.override(referenceDateSetting); // a bad value stops the start
    }

    public Freshness freshness() {
        return freshness;
    }

    /** Starts loading as soon as a launch with a patient completes, so the record is on its way during redirects. */
    void onLaunch(@jakarta.enterprise.event.Observes io.chartlens.launch.LaunchCompleted completed) {
        if (completed.launch().patient().isPresent()) {
            recordFor(completed.launch(), completed.registration());
        }
    }

    /** The launch's record: the one being loaded or recently loaded, else a new load. */
    public CompletableFuture<PatientRecord> recordFor(LaunchSession launch, EhrRegistration registration) {
        String patientId = launch.patient().orElseThrow(() -> new IllegalArgumentException("launch has no patient"));
        String key = keyOf(launch);
        synchronized (cache) {
            Entry entry = cache.get(key);
            boolean fresh = entry != null && entry.startedAt().plus(KEEP_FOR).isAfter(Instant.now())
                    && !entry.record().isCompletedExceptionally();
            if (fresh) {
                return entry.record();
            }
            CompletableFuture<PatientRecord> load = CompletableFuture.supplyAsync(
                    () -> load(launch, registration, patientId), orchestration);
            cache.put(key, new Entry(load, Instant.now()));
            return load;
        }
    }

    /** The key a launch's record is cached under (also carried by {@link RecordLoaded}). */
    public static String keyOf(LaunchSession launch) {
        return launch.id() + "|" + launch.patient().orElse("");
    }

    /** How the launch's last record load spent its time, if it has finished. */
    public java.util.Optional<LoadMetrics> metrics(LaunchSession launch) {
        return java.util.Optional.ofNullable(metrics.get(keyOf(launch)));
    }

    /**
     * Audits a record loaded outside a launch (a CDS Hooks call) and assembles it, under the same rule as a launch:
     * the audit row is written first, and a record that could not be audited is not handed out.
     *
     * @param requested the sections the caller asked for; only their outcome counts (the others were not read)
     * @param who       who read it, e.g. {@code cds-client:<iss>}
     * @param requestId a correlation id (the CDS Hooks {@code hookInstance}), or null
     * @throws io.chartlens.system.audit.AuditUnavailableException if the access could not be audited
     */
    public PatientRecord auditAndAssemble(LoadedRecord loaded, Set<io.chartlens.fhir.RecordSection> requested,
                                          EhrRegistration registration, String who, String encounterId,
                                          String requestId) {
        auditRead(loaded, requested, registration, who, encounterId, requestId);
        return assembler.assemble(loaded,
                referenceDateOverride.orElse(registration.referenceDate()), Instant.now());
    }

    /** One READ_RECORD row: the resource types obtained, and what did not load (without PHI). */
    private void auditRead(LoadedRecord loaded, Set<io.chartlens.fhir.RecordSection> requested,
                           EhrRegistration registration, String who, String encounterId, String requestId) {
        var statuses = loaded.statuses().stream().filter(s -> requested.contains(s.section())).toList();
        Set<String> types = statuses.stream()
                .filter(s -> s.availability() != SectionStatus.Availability.UNAVAILABLE)
                .map(s -> s.section().resourceType()).collect(Collectors.toCollection(java.util.TreeSet::new));
        String failures = statuses.stream().filter(s -> !s.complete())
                .map(s -> s.section().name() + ": " + s.reason()).collect(Collectors.joining("; "));
        AuditOutcome outcome = types.isEmpty() ? AuditOutcome.FAILURE
                : failures.isEmpty() ? AuditOutcome.SUCCESS : AuditOutcome.PARTIAL;
        audit.record(new AuditRecord(who, registration.id(), loaded.patientId(), encounterId, AuditAction.READ_RECORD,
                types, outcome, failures.isEmpty() ? null : failures, requestId));
    }

    private PatientRecord load(LaunchSession launch, EhrRegistration registration, String patientId) {
        long t0 = System.nanoTime();
        LoadedRecord loaded = loader.load(clients.forLaunch(launch), patientId, LoadPolicy.defaults());
        long t1 = System.nanoTime();
        // Throws AuditUnavailableException: an unaudited record is never shown.
        auditRead(loaded, java.util.EnumSet.allOf(io.chartlens.fhir.RecordSection.class), registration,
                launch.user().orElse("unknown-user"), launch.encounter().orElse(null), launch.id());
        long t2 = System.nanoTime();
        PatientRecord record = assembler.assemble(loaded,
                referenceDateOverride.orElse(registration.referenceDate()), Instant.now());
        recordLoaded.fire(new RecordLoaded(keyOf(launch), loaded, record));
        long t3 = System.nanoTime();
        if (metrics.size() > MAX_CACHED) {
            metrics.clear();
        }
        metrics.put(keyOf(launch),
                new LoadMetrics((t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000));
        return record;
    }
}
