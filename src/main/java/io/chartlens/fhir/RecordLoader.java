package io.chartlens.fhir;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import io.chartlens.system.telemetry.Telemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads a patient's record in one parallel round: one task per {@link RecordSection} (the Patient is a read, the
 * others typed searches with paging), all bounded by one deadline, so the page waits for the slowest section at most
 * and never longer than the policy allows. A section that fails or misses the deadline is marked in its
 * {@link SectionStatus}; the others still load.
 *
 * <p>Server-side sorting needs the server's CapabilityStatement, fetched once per FHIR base and cached. The fetch never
 * lengthens a load's critical path: a load uses what is already known and otherwise starts the fetch alongside its
 * sections and leaves the sorting to memory (so the first load of a base with more than the cap reports "showing the
 * first N" where later loads say "the most recent N"). Every section is ordered most recent first in memory anyway.
 *
 * <p>In Liberty the tasks run on the managed executor {@code concurrent/fhirLoader}; tests pass their own executor.
 * A load is one span ({@code fhir.record.load}: sections, requests, sections not complete) whose context the tasks
 * carry, so each request's span ({@link FhirClientSpans}) is its child.
 */
@ApplicationScoped
public class RecordLoader {

    private static final Logger LOG = Logger.getLogger(RecordLoader.class.getName());

    @Resource(lookup = "concurrent/fhirLoader")
    private ExecutorService executor;

    @Inject
    Telemetry telemetry;

    private final CapabilityCache capabilities = new CapabilityCache();

    /** For CDI, which injects the managed executor. */
    public RecordLoader() {
    }

    /** For tests and tools outside the container. */
    public RecordLoader(ExecutorService executor) {
        this(executor, Telemetry.noop());
    }

    /** For tests and tools outside the container, traced. */
    public RecordLoader(ExecutorService executor, Telemetry telemetry) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    }

    /**
     * Loads the record. Never throws for a failing section or EHR: see each {@link SectionStatus}.
     *
     * @param client    a client for the launch's FHIR base, with its bearer token (see {@link FhirClients})
     * @param patientId the launch's patient id (the id part only)
     * @throws IllegalArgumentException when an argument is null or the patient id is not a FHIR id
     */
    public LoadedRecord load(IGenericClient client, String patientId, LoadPolicy policy) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(policy, "policy");
        if (patientId == null || !patientId.matches("[A-Za-z0-9\\-.]{1,64}")) {
            throw new IllegalArgumentException("patientId must be a FHIR id ([A-Za-z0-9-.]{1,64})");
        }
        Span span = Telemetry.tracer(telemetry).spanBuilder("fhir.record.load").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            LoadedRecord record = loadInSpan(client, patientId, policy);
            span.setAttribute("chartlens.fhir.sections", record.statuses().size());
            span.setAttribute("chartlens.fhir.requests", record.requests());
            span.setAttribute("chartlens.fhir.sections_incomplete",
                    record.statuses().stream().filter(s -> !s.complete()).count());
            return record;
        } finally {
            span.end();
        }
    }

    private LoadedRecord loadInSpan(IGenericClient client, String patientId, LoadPolicy policy) {
        long start = System.nanoTime();
        RetryAfterCapture.registerOn(client);
        Deadline deadline = Deadline.after(policy.deadline());
        Optional<SortSupport> known = capabilities.known(client);
        int extraRequests = known.isEmpty() && capabilities.fetchIfUnknown(client, executor).isPresent() ? 1 : 0;
        SortSupport sorting = known.orElse(SortSupport.NONE);

        List<SectionLoader> tasks = new ArrayList<>();
        for (RecordSection section : RecordSection.values()) {
            tasks.add(new SectionLoader(client, section, patientId, policy, deadline, sorting.sortKey(section)));
        }
        Map<RecordSection, SectionResult> results = run(tasks, deadline);
        LoadedRecord record = new LoadedRecord(patientId, results, extraRequests, Instant.now());
        LOG.fine(() -> "record loaded in " + (System.nanoTime() - start) / 1_000_000 + " ms: " + record.requests()
                + " requests, critical path " + record.criticalPathRequests() + ", "
                + record.statuses().stream().filter(s -> !s.complete()).count() + " sections not complete");
        return record;
    }

    /**
     * Loads the record from resources the caller already holds (CDS Hooks 2.0 "Providing FHIR Resources to a CDS
     * Service": prefetch) and, for the other wanted sections, from the FHIR server in one parallel round as
     * {@link #load(IGenericClient, String, LoadPolicy)} does. A given section is COMPLETE with no request (PARTIAL
     * past the policy's cap); a section that is not wanted is UNAVAILABLE "not requested"; a wanted section that is
     * neither given nor fetchable (no client) is UNAVAILABLE, never empty-as-none.
     *
     * @param client    a client for the FHIR base with a bearer token, or null when no FHIR access was granted
     * @param given     {@link RecordSection#PATIENT} to the Patient (its id must be {@code patientId}); another
     *                  section to a Bundle holding the section's whole search result (an empty Bundle: no data).
     *                  Entries not of the section's type are ignored, except Medications for MEDICATIONS
     * @param wanted    the sections to load
     * @throws IllegalArgumentException when the patient id is not a FHIR id or a given resource does not fit its
     *                                  section
     */
    public LoadedRecord load(IGenericClient client, String patientId, LoadPolicy policy,
                             Map<RecordSection, org.hl7.fhir.r4.model.Resource> given,
                             java.util.Set<RecordSection> wanted) {
        Objects.requireNonNull(policy, "policy");
        if (patientId == null || !patientId.matches("[A-Za-z0-9\\-.]{1,64}")) {
            throw new IllegalArgumentException("patientId must be a FHIR id ([A-Za-z0-9-.]{1,64})");
        }
        Deadline deadline = Deadline.after(policy.deadline());
        Map<RecordSection, SectionResult> results = new EnumMap<>(RecordSection.class);
        List<SectionLoader> tasks = new ArrayList<>();
        for (RecordSection section : RecordSection.values()) {
            if (!wanted.contains(section)) {
                results.put(section, SectionResult.unavailable(section, "not requested", 0));
            } else if (given.containsKey(section)) {
                results.put(section, fromGiven(section, patientId, given.get(section), policy.capFor(section)));
            } else if (client == null) {
                results.put(section, SectionResult.unavailable(section, "not provided, and no FHIR access", 0));
            } else {
                tasks.add(new SectionLoader(client, section, patientId, policy, deadline, Optional.empty()));
            }
        }
        if (!tasks.isEmpty()) {
            RetryAfterCapture.registerOn(client);
            results.putAll(run(tasks, deadline));
        }
        return new LoadedRecord(patientId, results, 0, Instant.now());
    }

    /** A given section as its result: the section's resources up to the cap, most recent first. */
    private static SectionResult fromGiven(RecordSection section, String patientId,
                                           org.hl7.fhir.r4.model.Resource resource, int cap) {
        Class<? extends org.hl7.fhir.r4.model.Resource> type = SectionSearch.typeOf(section);
        List<org.hl7.fhir.r4.model.Resource> kept = new ArrayList<>();
        Map<String, org.hl7.fhir.r4.model.Medication> medications = new java.util.LinkedHashMap<>();
        if (section == RecordSection.PATIENT) {
            if (!(resource instanceof org.hl7.fhir.r4.model.Patient patient)
                    || !patientId.equals(patient.getIdElement().getIdPart())) {
                throw new IllegalArgumentException("the given Patient is not the patient in context");
            }
            kept.add(patient);
        } else if (resource instanceof org.hl7.fhir.r4.model.Bundle bundle) {
            for (org.hl7.fhir.r4.model.Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                org.hl7.fhir.r4.model.Resource r = entry.getResource();
                if (r instanceof org.hl7.fhir.r4.model.Medication m && section == RecordSection.MEDICATIONS) {
                    medications.put("Medication/" + m.getIdElement().getIdPart(), m);
                } else if (type.isInstance(r) && entry.getSearch().getMode()
                        != org.hl7.fhir.r4.model.Bundle.SearchEntryMode.OUTCOME) {
                    kept.add(r);
                }
            }
        } else {
            throw new IllegalArgumentException(section + " must be given as a Bundle");
        }
        kept.sort(Recency.MOST_RECENT_FIRST);
        boolean capped = kept.size() > cap;
        List<org.hl7.fhir.r4.model.Resource> shown = capped ? kept.subList(0, cap) : kept;
        return new SectionResult(new SectionStatus(section, capped ? SectionStatus.Availability.PARTIAL
                : SectionStatus.Availability.COMPLETE, capped ? "more than " + cap + " " + section.label()
                + "; showing the most recent " + cap : null, 0, shown.size()), shown, medications);
    }

    /** Whether this loader has the client's server's CapabilityStatement (a first load starts fetching it). */
    boolean knowsServer(IGenericClient client) {
        return capabilities.known(client).isPresent();
    }

    /** Runs the tasks until done or the deadline; {@code invokeAll} cancels the unfinished ones. */
    private Map<RecordSection, SectionResult> run(List<SectionLoader> tasks, Deadline deadline) {
        List<Future<SectionResult>> futures;
        Context context = Context.current();
        List<Callable<SectionResult>> traced = tasks.stream().map(context::wrap).toList();
        try {
            futures = executor.invokeAll(traced, deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return allUnavailable(tasks, "loading was interrupted");
        } catch (RejectedExecutionException e) {
            LOG.warning("record load rejected by the executor: it is at capacity");
            return allUnavailable(tasks, "the app was too busy to load it; please try again");
        }
        Map<RecordSection, SectionResult> results = new EnumMap<>(RecordSection.class);
        for (int i = 0; i < tasks.size(); i++) {
            results.put(tasks.get(i).section(), outcome(tasks.get(i), futures.get(i), deadline));
        }
        return results;
    }

    private static SectionResult outcome(SectionLoader task, Future<SectionResult> future, Deadline deadline) {
        if (future.isCancelled()) {
            LOG.log(Level.INFO, "section {0} not loaded within the deadline after {1} requests",
                    new Object[] {task.section(), task.requests()});
            return SectionResult.unavailable(task.section(), deadline.notLoadedReason(), task.requests());
        }
        try {
            return future.get();
        } catch (CancellationException | InterruptedException e) {
            return SectionResult.unavailable(task.section(), deadline.notLoadedReason(), task.requests());
        } catch (ExecutionException e) {
            // SectionLoader maps every RuntimeException itself; an Error (or an executor's own failure) lands here
            LOG.log(Level.WARNING, "section {0} task failed: {1}",
                    new Object[] {task.section(), e.getCause().getClass().getSimpleName()});
            return SectionResult.unavailable(task.section(), "an unexpected error occurred while loading",
                    task.requests());
        }
    }

    private static Map<RecordSection, SectionResult> allUnavailable(List<SectionLoader> tasks, String reason) {
        Map<RecordSection, SectionResult> results = new EnumMap<>(RecordSection.class);
        tasks.forEach(t -> results.put(t.section(), SectionResult.unavailable(t.section(), reason, t.requests())));
        return results;
    }
}
