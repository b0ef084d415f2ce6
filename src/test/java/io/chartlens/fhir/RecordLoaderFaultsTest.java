package io.chartlens.fhir;

import static io.chartlens.fhir.FaultyEhr.A04;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.fhir.FaultFilter.Fault;
import io.chartlens.fhir.SectionStatus.Availability;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A misbehaving EHR: each fault costs one section, never the record. */
class RecordLoaderFaultsTest {

    private static final LoadPolicy FAST_RETRIES =
            LoadPolicy.defaults().withRetries(2, Duration.ofSeconds(5), Duration.ofMillis(10));

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
    void sectionAnswering500IsUnavailableWithoutRetryWhileTheOthersLoad() {
        FaultyEhr.FAULTS.on("Condition", Fault.status(500));

        LoadedRecord record = loader.load(FaultyEhr.client(), A04, FAST_RETRIES);

        assertOnlyFailed(record, RecordSection.CONDITIONS, Availability.UNAVAILABLE,
                "the EHR had an internal error (HTTP 500)");
        assertEquals(1, record.status(RecordSection.CONDITIONS).requests());
        assertEquals(1, FaultyEhr.FAULTS.requests("Condition"));
    }

    @Test
    void recoversFrom429AfterWaitingForRetryAfter() {
        FaultyEhr.FAULTS.on("Immunization", Fault.statusOnce(429, Map.of("Retry-After", "1")));
        long start = System.nanoTime();

        LoadedRecord record = loader.load(FaultyEhr.client(), A04, FAST_RETRIES);

        assertTrue(record.complete(), () -> record.statuses().toString());
        assertTrue(System.nanoTime() - start >= 1_000_000_000L, "waited the 1 s the server asked for");
        assertEquals(2, record.status(RecordSection.IMMUNIZATIONS).requests());
        assertEquals(8, record.status(RecordSection.IMMUNIZATIONS).resources());
        assertEquals(2, FaultyEhr.FAULTS.requests("Immunization"));
        assertEquals(RecordSection.values().length + 2, record.requests(), "12 sections, 1 retry, 1 /metadata");
        assertEquals(2, record.criticalPathRequests());
    }

    @Test
    void givesUpOn503AfterTheMaximumRetries() {
        FaultyEhr.FAULTS.on("AllergyIntolerance", Fault.status(503));

        LoadedRecord record = loader.load(FaultyEhr.client(), A04, FAST_RETRIES);

        assertOnlyFailed(record, RecordSection.ALLERGIES, Availability.UNAVAILABLE,
                "the EHR is unavailable (HTTP 503)");
        assertEquals(3, record.status(RecordSection.ALLERGIES).requests(), "first try and 2 retries");
        assertEquals(3, FaultyEhr.FAULTS.requests("AllergyIntolerance"));
    }

    @Test
    void doesNotWaitForARetryThatWouldEndAfterTheDeadline() {
        FaultyEhr.FAULTS.on("AllergyIntolerance", Fault.statusOnce(429, Map.of("Retry-After", "3")));
        long start = System.nanoTime();

        LoadedRecord record = loader.load(FaultyEhr.client(), A04, FAST_RETRIES.withDeadline(Duration.ofSeconds(2)));

        assertOnlyFailed(record, RecordSection.ALLERGIES, Availability.UNAVAILABLE, "the EHR is busy (HTTP 429)");
        assertEquals(1, record.status(RecordSection.ALLERGIES).requests(), "a 3 s Retry-After does not fit in 2 s");
        assertTrue(System.nanoTime() - start < 1_500_000_000L, "gave up at once instead of waiting");
    }

    @Test
    void sectionSlowerThanTheSocketTimeoutDidNotAnswerInTime() {
        FaultyEhr.FAULTS.on("Encounter", Fault.delay(2_000));

        LoadedRecord record = loader.load(FaultyEhr.impatientClient(), A04, FAST_RETRIES);

        assertOnlyFailed(record, RecordSection.ENCOUNTERS, Availability.UNAVAILABLE, "the EHR did not answer in time");
    }

    @Test
    void malformedJsonIsDataThatCouldNotBeRead() {
        FaultyEhr.FAULTS.on("Procedure", Fault.malformedJson());

        LoadedRecord record = loader.load(FaultyEhr.client(), A04, FAST_RETRIES);

        assertOnlyFailed(record, RecordSection.PROCEDURES, Availability.UNAVAILABLE,
                "the EHR sent data that could not be read");
    }

    @Test
    void refusedTypeIsUnavailableWith403() {
        FaultyEhr.FAULTS.on("DocumentReference", Fault.status(403));

        LoadedRecord record = loader.load(FaultyEhr.client(), A04, FAST_RETRIES);

        assertOnlyFailed(record, RecordSection.DOCUMENTS, Availability.UNAVAILABLE,
                "the EHR refused access (HTTP 403)");
    }

    @Test
    void oneObservationCategoryFailingLeavesTheOtherCategories() {
        FaultyEhr.FAULTS.on("Observation", "laboratory", Fault.status(403));

        LoadedRecord record = loader.load(FaultyEhr.client(), A04, FAST_RETRIES);

        assertOnlyFailed(record, RecordSection.LABORATORY, Availability.UNAVAILABLE,
                "the EHR refused access (HTTP 403)");
        assertEquals(28, record.status(RecordSection.VITAL_SIGNS).resources());
    }

    @Test
    void brokenNextLinkKeepsTheFirstPageAsPartial() {
        FaultyEhr.FAULTS.on("DiagnosticReport", Fault.brokenNextLink());

        LoadedRecord record = loader.load(FaultyEhr.client(), A04, FAST_RETRIES.withPageSize(10));

        SectionStatus reports = record.status(RecordSection.DIAGNOSTIC_REPORTS);
        assertOnlyFailed(record, RecordSection.DIAGNOSTIC_REPORTS, Availability.PARTIAL,
                reports.reason().startsWith("the EHR") ? reports.reason() : "a reason naming the EHR");
        assertTrue(reports.reason().matches("the EHR .*\\(HTTP 4\\d\\d\\); showing the first 10"), reports.reason());
        assertEquals(10, reports.resources());
        assertEquals(10, record.resources(RecordSection.DIAGNOSTIC_REPORTS,
                org.hl7.fhir.r4.model.DiagnosticReport.class).size());
        assertEquals(2, reports.requests());
    }

    @Test
    void sectionSlowerThanTheDeadlineIsUnavailableAndTheLoadDoesNotWaitForIt() {
        FaultyEhr.FAULTS.on("Procedure", Fault.delay(4_000));
        long start = System.nanoTime();

        LoadedRecord record = loader.load(FaultyEhr.client(), A04, FAST_RETRIES.withDeadline(Duration.ofSeconds(2)));

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertOnlyFailed(record, RecordSection.PROCEDURES, Availability.UNAVAILABLE, "not loaded within 2 s");
        assertEquals(1, record.status(RecordSection.PROCEDURES).requests());
        assertTrue(millis < 3_500, "returned at the deadline, not after the slow section: " + millis + " ms");
    }

    @Test
    void failedPatientReadStillReturnsTheRecord() {
        FaultyEhr.FAULTS.on("Patient", Fault.status(500));

        LoadedRecord record = loader.load(FaultyEhr.client(), A04, FAST_RETRIES);

        assertTrue(record.patient().isEmpty());
        assertOnlyFailed(record, RecordSection.PATIENT, Availability.UNAVAILABLE,
                "the EHR had an internal error (HTTP 500)");
    }

    @Test
    void failedCapabilityStatementMeansNoServerSortButAFullLoad() {
        FaultyEhr.FAULTS.on("metadata", Fault.status(500));

        LoadedRecord record = loader.load(FaultyEhr.sortingClient(), A04,
                FAST_RETRIES.withSectionCap(RecordSection.PROCEDURES, 5));

        assertOnlyFailed(record, RecordSection.PROCEDURES, Availability.PARTIAL,
                "more than 5 procedures; showing the first 5");
        assertTrue(record.requests() >= RecordSection.values().length + 1, "the /metadata request is counted");
    }

    /** The section failed as expected and every other section is COMPLETE. */
    private static void assertOnlyFailed(LoadedRecord record, RecordSection failed, Availability availability,
                                         String reason) {
        SectionStatus status = record.status(failed);
        assertEquals(availability, status.availability(), failed.name());
        assertEquals(reason, status.reason());
        for (SectionStatus other : record.statuses()) {
            if (!Set.of(failed).contains(other.section())) {
                assertEquals(Availability.COMPLETE, other.availability(), other.section() + ": " + other.reason());
            }
        }
    }
}
