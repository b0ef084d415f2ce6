package io.chartlens.bundles;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import io.chartlens.record.Code;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * The patient's open orders in the EHR that the record does not carry: ServiceRequests and Tasks, plus the
 * MedicationRequests ChartLens drafted (the record has the medications, but a draft's text-only product cannot be
 * matched by code, only by its draft-order identifier). Read with typed searches; a type that cannot be read (no
 * scope, an error) is listed in {@link #unread} with the reason, never read as "no orders".
 *
 * @param orders the open orders found
 * @param unread what could not be read and why, in plain words; empty when everything was read
 */
public record ExistingOrders(List<ExistingOrder> orders, List<String> unread) {

    static final int MAX_PAGES = 5;
    static final Set<String> OPEN_REQUEST = Set.of("draft", "active", "on-hold");
    static final Set<String> OPEN_TASK = Set.of("draft", "requested", "received", "accepted", "ready", "in-progress",
            "on-hold");

    public ExistingOrders {
        orders = List.copyOf(orders);
        unread = List.copyOf(unread);
    }

    /**
     * One open order.
     *
     * @param reference        {@code Type/id}
     * @param what             its code or product
     * @param status           its FHIR status
     * @param draftIdentifiers the values of its identifiers in {@link DraftOrders#IDENTIFIER_SYSTEM}
     * @param date             authoredOn, when given
     */
    public record ExistingOrder(String reference, Concept what, String status, Set<String> draftIdentifiers,
                                Optional<LocalDate> date) {
        public ExistingOrder {
            draftIdentifiers = Set.copyOf(draftIdentifiers);
        }
    }

    /** Nothing read: the suggestion says so, and an item may already be ordered. */
    public static ExistingOrders notRead(String reason) {
        return new ExistingOrders(List.of(), List.of(reason));
    }

    /** Reads the open orders of one patient. Never throws for a server or connection problem: see {@link #unread}. */
    public static ExistingOrders read(IGenericClient client, String patientId) {
        List<ExistingOrder> orders = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        search(client, "ServiceRequest", unread, orders, () -> client.search().forResource(ServiceRequest.class)
                .where(ServiceRequest.PATIENT.hasId(patientId))
                .and(ServiceRequest.STATUS.exactly().codes(OPEN_REQUEST)).count(100)
                .returnBundle(Bundle.class).execute());
        search(client, "Task", unread, orders, () -> client.search().forResource(Task.class)
                .where(Task.PATIENT.hasId(patientId))
                .and(Task.STATUS.exactly().codes(OPEN_TASK)).count(100)
                .returnBundle(Bundle.class).execute());
        search(client, "MedicationRequest", unread, orders, () -> client.search().forResource(MedicationRequest.class)
                .where(MedicationRequest.PATIENT.hasId(patientId))
                .and(MedicationRequest.IDENTIFIER.hasSystemWithAnyCode(DraftOrders.IDENTIFIER_SYSTEM)).count(100)
                .returnBundle(Bundle.class).execute());
        return new ExistingOrders(orders, unread);
    }

    private static void search(IGenericClient client, String type, List<String> unread, List<ExistingOrder> into,
                               java.util.function.Supplier<Bundle> first) {
        try {
            Bundle page = first.get();
            for (int pages = 1; page != null; pages++) {
                page.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).map(ExistingOrders::order)
                        .flatMap(Optional::stream).forEach(into::add);
                if (page.getLink(Bundle.LINK_NEXT) == null) {
                    return;
                }
                if (pages == MAX_PAGES) {
                    unread.add(type + ": more than " + (MAX_PAGES * 100) + " open orders; only the first were read");
                    return;
                }
                page = client.loadPage().next(page).execute();
            }
        } catch (FhirClientConnectionException e) {
            unread.add(type + ": the EHR could not be reached");
        } catch (BaseServerResponseException e) {
            unread.add(type + ": the EHR answered HTTP " + e.getStatusCode()
                    + (e.getStatusCode() == 403 ? " (the launch has no scope to read them)" : ""));
        }
    }

    private static Optional<ExistingOrder> order(Resource r) {
        if (r instanceof ServiceRequest s && s.hasStatus() && OPEN_REQUEST.contains(s.getStatus().toCode())) {
            return Optional.of(of(s, s.getCode(), s.getStatus().toCode(), s.getIdentifier(), s.getAuthoredOn()));
        } else if (r instanceof Task t && t.hasStatus() && OPEN_TASK.contains(t.getStatus().toCode())) {
            return Optional.of(of(t, t.getCode(), t.getStatus().toCode(), t.getIdentifier(), t.getAuthoredOn()));
        } else if (r instanceof MedicationRequest m && m.hasStatus() && OPEN_REQUEST.contains(m.getStatus().toCode())
                && m.hasMedicationCodeableConcept()) {
            return Optional.of(of(m, m.getMedicationCodeableConcept(), m.getStatus().toCode(), m.getIdentifier(),
                    m.getAuthoredOn()));
        }
        return Optional.empty();
    }

    private static ExistingOrder of(Resource r, CodeableConcept code, String status, List<Identifier> identifiers,
                                    java.util.Date authoredOn) {
        Set<String> drafts = new java.util.HashSet<>();
        identifiers.stream().filter(i -> DraftOrders.IDENTIFIER_SYSTEM.equals(i.getSystem()) && i.hasValue())
                .forEach(i -> drafts.add(i.getValue()));
        Concept what = code == null || code.isEmpty() ? new Concept(List.<Code>of(), r.fhirType()) : Concept.of(code);
        return new ExistingOrder(r.fhirType() + "/" + r.getIdElement().getIdPart(), what, status, drafts,
                Optional.ofNullable(authoredOn).map(d -> d.toInstant().atZone(ZoneOffset.UTC).toLocalDate()));
    }
}
