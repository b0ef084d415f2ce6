package io.chartlens.fhir;

import static io.chartlens.fhir.FaultyEhr.A04;
import static io.chartlens.fhir.FaultyEhr.P907;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.fhir.SectionStatus.Availability;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Loading the committed sandbox patients from a well-behaved EHR. */
class RecordLoaderTest {

    /** a04 (Synthea 3.3.0) per resource type, from the bundle; Observations per category. */
    private static final Map<RecordSection, Integer> A04_COUNTS = Map.ofEntries(
            Map.entry(RecordSection.PATIENT, 1), Map.entry(RecordSection.ENCOUNTERS, 43),
            Map.entry(RecordSection.CONDITIONS, 21), Map.entry(RecordSection.VITAL_SIGNS, 28),
            Map.entry(RecordSection.LABORATORY, 25), Map.entry(RecordSection.SOCIAL_HISTORY, 4),
            Map.entry(RecordSection.MEDICATIONS, 12), Map.entry(RecordSection.ALLERGIES, 0),
            Map.entry(RecordSection.PROCEDURES, 81), Map.entry(RecordSection.IMMUNIZATIONS, 8),
            Map.entry(RecordSection.DIAGNOSTIC_REPORTS, 56), Map.entry(RecordSection.DOCUMENTS, 43));

    private static ExecutorService executor;
    private RecordLoader loader;

    @BeforeAll
    static void startExecutor() {
        executor = Executors.newFixedThreadPool(16);
    }

    @AfterAll
    static void stopExecutor() {
        executor.shutdownNow();
    }

    @BeforeEach
    void freshLoader() {
        FaultyEhr.FAULTS.reset();
        loader = new RecordLoader(executor);
    }

    @Test
    void loadsEverySectionOfTheSandboxPatientComplete() {
        LoadedRecord record = loader.load(FaultyEhr.client(), A04, LoadPolicy.defaults());

        assertEquals(A04, record.patientId());
        assertEquals(A04, record.patient().orElseThrow().getIdElement().getIdPart());
        for (RecordSection section : RecordSection.values()) {
            SectionStatus status = record.status(section);
            assertEquals(Availability.COMPLETE, status.availability(), section + ": " + status.reason());
            assertEquals(A04_COUNTS.get(section), status.resources(), section.name());
            assertEquals(status.resources(), record.resources(section, Resource.class).size(), section.name());
            assertEquals(1, status.requests(), section.name());
        }
        assertEquals(RecordSection.values().length, record.statuses().size());
        assertEquals(RecordSection.values().length + 1, record.requests(), "12 sections + one /metadata");
        assertEquals(1, record.criticalPathRequests());
        assertTrue(record.complete());
    }

    @Test
    void keepsOnlyTheSectionsCategoryOfObservations() {
        LoadedRecord record = loader.load(FaultyEhr.client(), A04, LoadPolicy.defaults());

        for (Observation vital : record.resources(RecordSection.VITAL_SIGNS, Observation.class)) {
            assertTrue(vital.getCategory().stream().flatMap(c -> c.getCoding().stream())
                    .anyMatch(c -> "vital-signs".equals(c.getCode())));
        }
    }

    @Test
    void resolvesMedicationReferencesThroughIncludedMedications() {
        LoadedRecord record = loader.load(FaultyEhr.client(), A04, LoadPolicy.defaults());

        List<MedicationRequest> requests = record.resources(RecordSection.MEDICATIONS, MedicationRequest.class);
        List<MedicationRequest> byReference = requests.stream()
                .filter(MedicationRequest::hasMedicationReference).toList();
        assertEquals(11, byReference.size(), "a04 has 11 requests with medicationReference");
        for (MedicationRequest request : byReference) {
            Medication medication = record.medication(request).orElseThrow();
            String key = "Medication/" + medication.getIdElement().getIdPart();
            assertEquals(medication, record.medications().get(key));
            assertTrue(medication.getCode().hasCoding());
        }
        assertFalse(record.medications().isEmpty());
        assertTrue(record.medication(requests.stream().filter(MedicationRequest::hasMedicationCodeableConcept)
                .findFirst().orElseThrow()).isEmpty());
    }

    @Test
    void smallPagesYieldTheSameResourcesAsOnePage() {
        LoadedRecord onePage = loader.load(FaultyEhr.client(), A04, LoadPolicy.defaults());
        LoadedRecord paged = loader.load(FaultyEhr.client(), A04, LoadPolicy.defaults().withPageSize(10));

        for (RecordSection section : RecordSection.values()) {
            assertEquals(ids(onePage, section), ids(paged, section), section.name());
            assertEquals(Availability.COMPLETE, paged.status(section).availability(), section.name());
        }
        assertEquals(9, paged.status(RecordSection.PROCEDURES).requests(), "81 procedures in pages of 10");
        assertEquals(9, paged.criticalPathRequests());
        assertEquals(paged.statuses().stream().mapToInt(SectionStatus::requests).sum(), paged.requests(),
                "the second load of a base fetches no /metadata");
    }

    @Test
    void capSmallerThanTheCountKeepsExactlyTheCapAsPartial() {
        LoadPolicy policy = LoadPolicy.defaults().withPageSize(10).withSectionCap(RecordSection.PROCEDURES, 15);

        LoadedRecord record = loader.load(FaultyEhr.client(), A04, policy);

        SectionStatus procedures = record.status(RecordSection.PROCEDURES);
        assertEquals(Availability.PARTIAL, procedures.availability());
        assertEquals(15, procedures.resources());
        assertEquals(15, record.resources(RecordSection.PROCEDURES, Procedure.class).size());
        assertEquals(2, procedures.requests(), "stops following next links at the cap");
        assertEquals("more than 15 procedures; showing the first 15", procedures.reason());
        assertEquals(Availability.COMPLETE, record.status(RecordSection.DIAGNOSTIC_REPORTS).availability());
    }

    @Test
    void capOnAServerThatSortsKeepsTheMostRecent() throws InterruptedException {
        RecordLoader sorting = new RecordLoader(executor);
        LoadedRecord full = sorting.load(FaultyEhr.sortingClient(), A04, LoadPolicy.defaults());
        waitForMetadata(sorting);

        LoadedRecord capped = sorting.load(FaultyEhr.sortingClient(), A04,
                LoadPolicy.defaults().withSectionCap(RecordSection.PROCEDURES, 5));

        SectionStatus procedures = capped.status(RecordSection.PROCEDURES);
        assertEquals("more than 5 procedures; showing the most recent 5", procedures.reason());
        List<Procedure> all = full.resources(RecordSection.PROCEDURES, Procedure.class);
        List<Procedure> kept = capped.resources(RecordSection.PROCEDURES, Procedure.class);
        assertEquals(5, kept.size());
        assertEquals(Recency.clinicalDate(all.get(4)), Recency.clinicalDate(kept.get(4)),
                "the fifth kept is as recent as the fifth of all");
    }

    @Test
    void ordersEverySectionMostRecentFirst() {
        LoadedRecord record = loader.load(FaultyEhr.client(), A04, LoadPolicy.defaults());

        List<Condition> conditions = record.resources(RecordSection.CONDITIONS, Condition.class);
        List<Condition> sorted = conditions.stream().sorted(Comparator.comparing(
                (Condition c) -> Recency.clinicalDate(c).orElseThrow()).reversed()).toList();
        assertEquals(sorted, conditions);
    }

    @Test
    void loadsAPatientWithAlmostNoDataAsEmptyCompleteSections() {
        LoadedRecord record = loader.load(FaultyEhr.client(), P907, LoadPolicy.defaults());

        assertTrue(record.complete(), () -> record.statuses().toString());
        assertEquals(P907, record.patient().orElseThrow().getIdElement().getIdPart());
        assertEquals(1, record.resources(RecordSection.ENCOUNTERS, Resource.class).size());
        for (RecordSection section : List.of(RecordSection.CONDITIONS, RecordSection.VITAL_SIGNS,
                RecordSection.LABORATORY, RecordSection.MEDICATIONS, RecordSection.ALLERGIES,
                RecordSection.PROCEDURES, RecordSection.DOCUMENTS)) {
            assertTrue(record.resources(section, Resource.class).isEmpty(), section.name());
        }
        assertTrue(record.medications().isEmpty());
    }

    @Test
    void refusesToReadASectionAsTheWrongType() {
        LoadedRecord record = loader.load(FaultyEhr.client(), P907, LoadPolicy.defaults());

        assertThrows(IllegalArgumentException.class, () -> record.resources(RecordSection.CONDITIONS,
                Observation.class));
        assertThrows(UnsupportedOperationException.class, () -> record.resources(RecordSection.ENCOUNTERS,
                Resource.class).clear());
    }

    @Test
    void rejectsInvalidArguments() {
        assertThrows(IllegalArgumentException.class,
                () -> loader.load(FaultyEhr.client(), "../Observation?x=1", LoadPolicy.defaults()));
        assertThrows(IllegalArgumentException.class, () -> loader.load(FaultyEhr.client(), "", LoadPolicy.defaults()));
        assertThrows(NullPointerException.class, () -> loader.load(null, A04, LoadPolicy.defaults()));
        assertThrows(NullPointerException.class, () -> loader.load(FaultyEhr.client(), A04, null));
    }

    private static List<String> ids(LoadedRecord record, RecordSection section) {
        return record.resources(section, Resource.class).stream().map(r -> r.getIdElement().getIdPart())
                .sorted().toList();
    }

    /** The first load starts /metadata alongside; later loads use it once it has arrived. */
    private static void waitForMetadata(RecordLoader loader) throws InterruptedException {
        long until = System.nanoTime() + 5_000_000_000L;
        while (!loader.knowsServer(FaultyEhr.sortingClient()) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertTrue(loader.knowsServer(FaultyEhr.sortingClient()), "CapabilityStatement fetched");
    }
}
