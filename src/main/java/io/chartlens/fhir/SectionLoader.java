package io.chartlens.fhir;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.DateClientParam;
import io.chartlens.fhir.SectionStatus.Availability;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * Loads one {@link RecordSection}: reads the Patient, or searches and follows {@code next} links until the last page,
 * the section's cap or the deadline. Never throws: a failure becomes an UNAVAILABLE section, or PARTIAL when pages
 * had arrived, so one broken resource type cannot blank the whole record. Logs the section, counts, status codes and
 * durations only (never ids, URLs or server messages, which can carry PHI).
 */
final class SectionLoader implements Callable<SectionResult> {

    private static final Logger LOG = Logger.getLogger(SectionLoader.class.getName());

    private final IGenericClient client;
    private final RecordSection section;
    private final String patientId;
    private final LoadPolicy policy;
    private final Deadline deadline;
    private final Optional<DateClientParam> sortBy;
    private final Retrying retrying;
    private final Class<? extends Resource> type;
    private final List<Resource> kept = new ArrayList<>();
    private final Map<String, Medication> medications = new LinkedHashMap<>();

    /** @param sortBy the date parameter the server sorts by, descending; empty to take the server's order */
    SectionLoader(IGenericClient client, RecordSection section, String patientId, LoadPolicy policy,
                  Deadline deadline, Optional<DateClientParam> sortBy) {
        this.client = client;
        this.section = section;
        this.patientId = patientId;
        this.policy = policy;
        this.deadline = deadline;
        this.sortBy = section == RecordSection.PATIENT ? Optional.empty() : sortBy;
        this.retrying = new Retrying(policy, deadline);
        this.type = SectionSearch.typeOf(section);
    }

    RecordSection section() {
        return section;
    }

    /** Requests made so far; also read for a section cancelled at the deadline. */
    int requests() {
        return retrying.requests();
    }

    @Override
    public SectionResult call() {
        long start = System.nanoTime();
        SectionResult result;
        try {
            result = section == RecordSection.PATIENT ? readPatient() : searchPages();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = SectionResult.unavailable(section, deadline.notLoadedReason(), requests());
        } catch (RuntimeException e) {
            result = failed(e);
        }
        SectionStatus status = result.status();
        LOG.fine(() -> "section " + section + ": " + status.availability() + ", " + status.resources()
                + " resources, " + status.requests() + " requests, " + (System.nanoTime() - start) / 1_000_000 + " ms");
        return result;
    }

    private SectionResult readPatient() throws InterruptedException {
        Patient patient = retrying.execute(() -> client.read().resource(Patient.class).withId(patientId).execute());
        kept.add(patient);
        return finish(Availability.COMPLETE, null);
    }

    private SectionResult searchPages() throws InterruptedException {
        int cap = policy.capFor(section);
        Bundle page = retrying.execute(() -> SectionSearch.firstPage(client, section, patientId,
                Math.min(policy.pageSize(), cap), sortBy).execute());
        while (true) {
            boolean dropped = collect(page, cap);
            boolean hasNext = page.getLink(Bundle.LINK_NEXT) != null;
            if (dropped || (hasNext && kept.size() >= cap && !(page.hasTotal() && page.getTotal() <= cap))) {
                return finish(Availability.PARTIAL, "more than " + cap + " " + section.label() + "; showing the "
                        + (sortBy.isPresent() ? "most recent " : "first ") + cap);
            }
            if (!hasNext) {
                return finish(Availability.COMPLETE, null);
            }
            if (deadline.passed()) {
                return finish(Availability.PARTIAL, deadline.notLoadedReason() + "; showing the first " + kept.size());
            }
            Bundle current = page;
            page = retrying.execute(() -> client.loadPage().next(current).execute());
        }
    }

    /**
     * Keeps the page's matches of the section's type up to the cap and its included Medications; OperationOutcome
     * entries (search mode "outcome") are warnings about the search, not record content.
     *
     * @return whether matches were left out because the cap was reached
     */
    private boolean collect(Bundle page, int cap) {
        boolean dropped = false;
        for (BundleEntryComponent entry : page.getEntry()) {
            Resource resource = entry.getResource();
            SearchEntryMode mode = entry.getSearch().getMode();
            if (resource instanceof Medication medication && mode == SearchEntryMode.INCLUDE) {
                medications.put("Medication/" + medication.getIdElement().getIdPart(), medication);
            } else if (type.isInstance(resource) && mode != SearchEntryMode.INCLUDE
                    && mode != SearchEntryMode.OUTCOME) {
                if (kept.size() < cap) {
                    kept.add(resource);
                } else {
                    dropped = true;
                }
            }
        }
        return dropped;
    }

    private SectionResult failed(RuntimeException exception) {
        SectionFailure failure = SectionFailure.of(exception);
        LOG.log(Level.INFO, "section {0} failed: {1} ({2}, HTTP {3}) after {4} requests", new Object[] {
                section, exception.getClass().getSimpleName(), kept.isEmpty() ? "nothing kept" : kept.size() + " kept",
                failure.statusCode(), requests()});
        return kept.isEmpty() ? SectionResult.unavailable(section, failure.reason(), requests())
                : finish(Availability.PARTIAL, failure.reason() + "; showing the first " + kept.size());
    }

    private SectionResult finish(Availability availability, String reason) {
        List<Resource> ordered = new ArrayList<>(kept);
        ordered.sort(Recency.MOST_RECENT_FIRST);
        return new SectionResult(new SectionStatus(section, availability, reason, requests(), ordered.size()),
                ordered, medications);
    }
}
