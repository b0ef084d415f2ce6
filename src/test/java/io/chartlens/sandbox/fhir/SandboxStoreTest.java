package io.chartlens.sandbox.fhir;

import static io.chartlens.sandbox.fhir.SandboxTestServer.A04;
import static io.chartlens.sandbox.fhir.SandboxTestServer.A05;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.util.FhirTerser;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class SandboxStoreTest {

    private final SandboxStore store = SandboxTestServer.store();

    @Test
    void keepsNumericPutIdAndUuidIdsOfPatients() {
        assertTrue(store.read("Patient", "907").isPresent(), "inferno's PUT Patient/907 keeps its numeric id");
        assertTrue(store.read("Patient", A04).isPresent(), "syn patient keeps its urn:uuid id");
        assertTrue(store.read("Patient", A05).isPresent(), "gsd patient keeps its urn:uuid id");
        assertFalse(store.read("Patient", "a24eb240-9ea3-4fa5-b12d-b798587879d7").isPresent(),
                "907's fullUrl uuid is not an id");
    }

    @Test
    void rewritesEveryUrnUuidReferenceToTypeAndId() {
        FhirTerser terser = SandboxFhirContext.get().newTerser();
        List<Resource> record = store.compartment(A04);
        assertTrue(record.size() > 300, "a04 has about 340 resources of the clinical types, got " + record.size());
        for (Resource resource : record) {
            for (Reference reference : terser.getAllPopulatedChildElementsOfType(resource, Reference.class)) {
                String value = reference.getReference();
                assertFalse(value != null && value.startsWith("urn:uuid:"), "left unrewritten: " + value);
            }
        }
        Observation observation = (Observation) store.snapshot("Observation").stream()
                .filter(o -> ((Observation) o).getSubject().getReference().endsWith(A04)).findFirst().orElseThrow();
        assertEquals("Patient/" + A04, observation.getSubject().getReference());
    }

    @Test
    void referencesToEncounterPatientOf907UseThePutId() {
        Encounter encounter = (Encounter) store.compartment("907").stream()
                .filter(Encounter.class::isInstance).findFirst().orElseThrow();
        assertEquals("Patient/907", encounter.getSubject().getReference());
    }

    @Test
    void resolvesConditionalPractitionerReferencesFromThePrereqBundle() {
        Encounter encounter = (Encounter) store.compartment(A04).stream()
                .filter(Encounter.class::isInstance).findFirst().orElseThrow();
        String practitioner = encounter.getParticipantFirstRep().getIndividual().getReference();
        assertTrue(practitioner.startsWith("Practitioner/") && !practitioner.contains("?"), practitioner);
        assertTrue(store.read("Practitioner", practitioner.substring("Practitioner/".length())).isPresent());
    }

    @Test
    void setsVersionOneAndLastUpdatedWhereAbsent() {
        Resource patient = (Resource) store.read("Patient", A05).orElseThrow();
        assertEquals("1", patient.getMeta().getVersionId());
        assertTrue(patient.getMeta().hasLastUpdated());
    }

    @Test
    void listsTheBuiltInPatientsSortedByFamilyName() {
        List<PatientListing> patients = store.patients();
        // five samples and the fictitious readmission demo patient (c01)
        assertEquals(6, patients.size(), patients.toString());
        PatientListing amy = patients.stream().filter(p -> p.id().equals("907")).findFirst().orElseThrow();
        assertEquals(LocalDate.of(1987, 2, 20), amy.birthDate());
        assertEquals("female", amy.gender());
        assertTrue(patients.stream().anyMatch(PatientListing::deceased), "a13 Michele Wolf is deceased");
        List<String> families = patients.stream().map(p -> p.displayName().substring(p.displayName()
                .lastIndexOf(' ') + 1).toLowerCase()).toList();
        assertEquals(families.stream().sorted().toList(), families);
    }

    @Test
    void listsTheThreeSandboxUsersFirst() {
        List<PractitionerListing> practitioners = store.practitioners();
        assertEquals(List.of("sandbox-clinician", "sandbox-hospitalist", "sandbox-informaticist"),
                practitioners.subList(0, 3).stream().map(PractitionerListing::id).toList());
        assertEquals("Alex Rivera, MD", practitioners.get(0).displayName());
        assertTrue(practitioners.size() > 3, "the prereq bundle adds Synthea's practitioners");
    }

    @Test
    void lastRecordDateIsTheLatestClinicalDateOfThePatient() {
        LocalDate last = store.lastRecordDate(A04).orElseThrow().atZone(ZoneOffset.UTC).toLocalDate();
        assertEquals(LocalDate.of(2026, 11, 9), last, "MANIFEST.md: a04's last resource is dated 2026-11-09");
        assertTrue(store.lastRecordDate("no-such-patient").isEmpty());
    }

    @Test
    void createStoresACopyUnderANewUuid() {
        MedicationRequest draft = new MedicationRequest();
        draft.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
        draft.setSubject(new Reference("Patient/907"));
        IIdType id = store.create(draft);
        assertEquals("MedicationRequest", id.getResourceType());
        assertEquals(36, id.getIdPart().length());
        MedicationRequest stored = (MedicationRequest) store.read("MedicationRequest", id.getIdPart()).orElseThrow();
        assertEquals("1", stored.getMeta().getVersionId());
        assertNotEquals(draft, stored);
        assertTrue(store.compartment("907").stream().anyMatch(r -> r.getIdElement().getIdPart().equals(id.getIdPart())));
    }
}
