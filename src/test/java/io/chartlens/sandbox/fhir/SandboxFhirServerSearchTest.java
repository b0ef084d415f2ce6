package io.chartlens.sandbox.fhir;

import static io.chartlens.sandbox.fhir.SandboxTestServer.A04;
import static io.chartlens.sandbox.fhir.SandboxTestServer.USER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.StringClientParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxFhirServerSearchTest {

    private static final String LOINC = "http://loinc.org";
    private IGenericClient client;

    @BeforeEach
    void connect() throws Exception {
        client = SandboxTestServer.client(USER_TOKEN);
    }

    @Test
    void readsPatientsUnderTheirSourceIds() {
        assertEquals("907", client.read().resource(Patient.class).withId("907").execute().getIdElement().getIdPart());
        assertEquals(A04, client.read().resource(Patient.class).withId(A04).execute().getIdElement().getIdPart());
    }

    @Test
    void observationsReferToThePatientByTypeAndId() {
        Bundle bundle = observations().where(Observation.PATIENT.hasId(A04)).returnBundle(Bundle.class).execute();
        assertTrue(bundle.getTotal() > 50, "a04 has 81 Observations");
        Observation first = (Observation) bundle.getEntryFirstRep().getResource();
        assertEquals("Patient/" + A04, first.getSubject().getReference());
    }

    @Test
    void bloodPressureIsFoundByComponentCodeButNotByCode() {
        Bundle panels = observations().where(Observation.PATIENT.hasId(A04))
                .and(Observation.COMPONENT_CODE.exactly().systemAndCode(LOINC, "8480-6"))
                .returnBundle(Bundle.class).execute();
        assertTrue(panels.getTotal() > 0, "syn patients have 85354-9 panels with 8480-6 components");
        for (Bundle.BundleEntryComponent entry : panels.getEntry()) {
            assertEquals("85354-9", ((Observation) entry.getResource()).getCode().getCodingFirstRep().getCode());
        }
        Bundle byCode = observations().where(Observation.PATIENT.hasId(A04))
                .and(Observation.CODE.exactly().systemAndCode(LOINC, "8480-6"))
                .returnBundle(Bundle.class).execute();
        assertEquals(0, byCode.getTotal());
        Bundle byCodeAlone = observations().where(Observation.CODE.exactly().code("85354-9"))
                .returnBundle(Bundle.class).execute();
        assertTrue(byCodeAlone.getTotal() >= panels.getTotal(), "a code without system matches any system");
    }

    @Test
    void dateGeFiltersAndDescendingDateSortOrders() {
        Date from = new Date(java.time.Instant.parse("2024-01-01T00:00:00Z").toEpochMilli());
        Bundle bundle = observations().where(Observation.PATIENT.hasId(A04))
                .and(Observation.DATE.afterOrEquals().day(from))
                .sort().descending(Observation.DATE).count(500)
                .returnBundle(Bundle.class).execute();
        Bundle all = observations().where(Observation.PATIENT.hasId(A04)).returnBundle(Bundle.class).execute();
        assertTrue(bundle.getTotal() > 0 && bundle.getTotal() < all.getTotal(),
                bundle.getTotal() + " of " + all.getTotal());
        Date previous = null;
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Date effective = ((Observation) entry.getResource()).getEffectiveDateTimeType().getValue();
            assertFalse(effective.before(from), "before the ge bound: " + effective);
            assertTrue(previous == null || !effective.after(previous), "not in descending order");
            previous = effective;
        }
    }

    @Test
    void pagingWithCountTenFollowsNextLinksToTheSameTotal() {
        Bundle page = observations().where(Observation.PATIENT.hasId(A04)).count(10)
                .returnBundle(Bundle.class).execute();
        int total = page.getTotal();
        assertEquals(10, page.getEntry().size());
        Set<String> ids = new HashSet<>();
        int pages = 0;
        while (true) {
            page.getEntry().forEach(e -> ids.add(e.getResource().getIdElement().getIdPart()));
            pages++;
            if (page.getLink(Bundle.LINK_NEXT) == null) {
                break;
            }
            page = client.loadPage().next(page).execute();
        }
        assertEquals(total, ids.size());
        assertEquals((total + 9) / 10, pages);
    }

    @Test
    void includeReturnsTheReferencedMedications() {
        Bundle bundle = client.search().forResource(MedicationRequest.class)
                .where(MedicationRequest.PATIENT.hasId(A04))
                .include(MedicationRequest.INCLUDE_MEDICATION)
                .returnBundle(Bundle.class).execute();
        List<MedicationRequest> requests = new ArrayList<>();
        Set<String> medications = new HashSet<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof MedicationRequest request) {
                requests.add(request);
            } else if (entry.getResource() instanceof Medication medication) {
                assertEquals(Bundle.SearchEntryMode.INCLUDE, entry.getSearch().getMode());
                medications.add(medication.getIdElement().getIdPart());
            }
        }
        List<MedicationRequest> byReference = requests.stream().filter(MedicationRequest::hasMedicationReference).toList();
        assertFalse(byReference.isEmpty(), "a04 has MedicationRequests with medicationReference");
        for (MedicationRequest request : byReference) {
            String target = new IdType(request.getMedicationReference().getReference()).getIdPart();
            assertTrue(medications.contains(target), "Medication/" + target + " was not included");
        }
    }

    @Test
    void unknownSearchParameterIsRejectedWithOperationOutcome() {
        InvalidRequestException error = assertThrows(InvalidRequestException.class, () -> observations()
                .where(Observation.PATIENT.hasId(A04))
                .and(new StringClientParam("not-a-parameter").matches().value("x"))
                .returnBundle(Bundle.class).execute());
        assertEquals(400, error.getStatusCode());
        assertTrue(error.getOperationOutcome() instanceof OperationOutcome);
    }

    @Test
    void unsupportedSortIsRejected() {
        assertThrows(InvalidRequestException.class, () -> observations().where(Observation.PATIENT.hasId(A04))
                .sort().ascending(Observation.CODE).returnBundle(Bundle.class).execute());
    }

    private ca.uhn.fhir.rest.gclient.IQuery<org.hl7.fhir.instance.model.api.IBaseBundle> observations() {
        return client.search().forResource(Observation.class);
    }
}
