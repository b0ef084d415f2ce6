package io.chartlens.record;

import static io.chartlens.record.SandboxRecords.A04;
import static io.chartlens.record.SandboxRecords.A05;
import static io.chartlens.record.SandboxRecords.P907;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.fhir.RecordSection;
import io.chartlens.fhir.SectionStatus;
import io.chartlens.record.Demographics.Sex;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Assembling the committed sandbox patients as the real loader delivers them. */
class RecordAssemblerTest {

    private static final Instant NOW = Instant.parse("2025-05-06T10:00:00Z");
    private static PatientRecord a04;
    private static PatientRecord a05;

    @BeforeAll
    static void assemble() {
        a04 = SandboxRecords.assemble(A04, ReferenceDate.Mode.LAST_RECORD, NOW);
        a05 = SandboxRecords.assemble(A05, ReferenceDate.Mode.LAST_RECORD, NOW);
    }

    /** Every date in the record, as the reference date should consider them. */
    private static Stream<OffsetDateTime> dates(PatientRecord r) {
        return Stream.of(
                r.measurements().stream().map(Measurement::effective),
                r.encounters().stream().flatMap(e -> Stream.of(e.start(), e.end())),
                r.problems().stream().map(Entries.Problem::onset),
                r.medications().stream().map(Entries.MedicationEntry::authoredOn),
                r.procedures().stream().map(Entries.ProcedureEntry::performed),
                r.immunizations().stream().map(Entries.ImmunizationEntry::occurrence),
                r.documents().stream().map(Entries.DocumentEntry::date))
                .flatMap(Function.identity()).filter(Objects::nonNull);
    }

    private static <T> void assertNewestFirst(List<T> list, Function<T, OffsetDateTime> date, String what) {
        List<T> sorted = list.stream().sorted(Comparator.comparing(date,
                Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder()))).toList();
        assertEquals(sorted.stream().map(date).toList(), list.stream().map(date).toList(), what);
    }

    @Test
    void lastRecordReferenceIsTheLatestClinicalDate() {
        // From the bundle: the last Encounter of a05 ends 2021-01-04T05:49:57+00:00, later than any other date.
        assertEquals(ReferenceDate.Mode.LAST_RECORD, a05.referenceDate().mode());
        assertEquals(Instant.parse("2021-01-04T05:49:57Z"), a05.referenceDate().value());
        assertEquals(dates(a05).max(Comparator.naturalOrder()).orElseThrow().toInstant(), a05.referenceDate().value());
        // a04: the last Encounter ends 2026-11-09T13:04:28+00:00.
        assertEquals(Instant.parse("2026-11-09T13:04:28Z"), a04.referenceDate().value());
        assertEquals(dates(a04).max(Comparator.naturalOrder()).orElseThrow().toInstant(), a04.referenceDate().value());
    }

    @Test
    void nowReferenceIsTheGivenInstant() {
        PatientRecord r = SandboxRecords.assemble(A05, ReferenceDate.Mode.NOW, NOW);

        assertEquals(new ReferenceDate(NOW, ReferenceDate.Mode.NOW), r.referenceDate());
        assertTrue(r.referenceDate().isWallClock());
    }

    @Test
    void listsAreNewestFirst() {
        for (PatientRecord r : List.of(a04, a05)) {
            assertNewestFirst(r.measurements(), Measurement::effective, "measurements");
            assertNewestFirst(r.problems(), Entries.Problem::onset, "problems");
            assertNewestFirst(r.medications(), Entries.MedicationEntry::authoredOn, "medications");
            assertNewestFirst(r.encounters(), Entries.EncounterEntry::start, "encounters");
            assertNewestFirst(r.procedures(), Entries.ProcedureEntry::performed, "procedures");
            assertNewestFirst(r.immunizations(), Entries.ImmunizationEntry::occurrence, "immunizations");
            assertNewestFirst(r.documents(), Entries.DocumentEntry::date, "documents");
        }
        assertFalse(a05.encounters().isEmpty());
        assertFalse(a04.documents().isEmpty());
    }

    @Test
    void latestSystolicIsTheNewestBloodPressurePanelsInTheBundle() {
        Observation newest = SandboxRecords.bundle(SandboxRecords.A05_FILE).getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Observation.class::isInstance).map(Observation.class::cast)
                .filter(o -> o.getComponent().stream().anyMatch(c -> Code.anyOf(c.getCode(), Code.LOINC,
                        List.of("8480-6"))))
                .max(Comparator.comparing(o -> o.getEffectiveDateTimeType().getValue())).orElseThrow();
        BigDecimal systolic = component(newest, "8480-6");
        BigDecimal diastolic = component(newest, "8462-4");

        Measurement sbp = a05.latest("systolicBp").orElseThrow();
        Measurement dbp = a05.latest("diastolicBp").orElseThrow();

        assertEquals(0, systolic.compareTo(sbp.value()), systolic + " vs " + sbp.value());
        assertEquals(0, diastolic.compareTo(dbp.value()), diastolic + " vs " + dbp.value());
        assertEquals("mm[Hg]", sbp.unit());
        assertEquals("Observation/" + newest.getIdElement().getIdPart().replaceFirst("^urn:uuid:", ""), sbp.source());
        assertEquals(sbp.source(), dbp.source());
        assertEquals(FhirDates.of(newest.getEffectiveDateTimeType()), sbp.effective());
    }

    private static BigDecimal component(Observation o, String loinc) {
        return o.getComponent().stream().filter(c -> Code.anyOf(c.getCode(), Code.LOINC, List.of(loinc)))
                .map(ObservationComponentComponent::getValueQuantity).findFirst().orElseThrow().getValue();
    }

    @Test
    void readsTheGsdPatientsProblemsAndMedications() {
        assertEquals(new Demographics(LocalDate.of(1913, 1, 13), Sex.MALE, false, null, Demographics.Race.WHITE,
                Demographics.Ethnicity.NOT_HISPANIC_OR_LATINO), a05.demographics(),
                "US Core race ombCategory 2106-3, ethnicity 2186-5");
        assertEquals(java.util.Optional.of(107), a05.demographics().ageAt(LocalDate.of(2021, 1, 4)));
        assertEquals(10, a05.problems().size());
        assertEquals(8, a05.activeProblems().size(), "two sinusitis/sore throat episodes resolved");
        assertTrue(a05.activeProblems().stream().anyMatch(p -> "49436004".equals(p.code().code())), "AF");
        assertEquals(13, a05.medications().size());
        assertTrue(a05.activeMedications().stream()
                .anyMatch(m -> m.medication().display().equals("Warfarin Sodium 5 MG Oral Tablet")));
        assertTrue(a05.medications().stream().allMatch(Entries.MedicationEntry::nameResolved));
        assertEquals(List.of(), a05.incompleteSections());
    }

    @Test
    void resolvesTheNameOfEveryMedicationRequestOfTheSynPatient() {
        assertEquals(12, a04.medications().size());
        for (Entries.MedicationEntry m : a04.medications()) {
            assertTrue(m.nameResolved(), m.source());
            assertEquals(Code.RXNORM, m.medication().system(), m.source());
            assertFalse(m.medication().display().isBlank(), m.source());
        }
    }

    @Test
    void assemblesAPatientWithAlmostNoDataAsEmptyCompleteLists() {
        PatientRecord r = SandboxRecords.assemble(P907, ReferenceDate.Mode.LAST_RECORD, NOW);

        assertEquals(P907, r.patientId());
        assertEquals(List.of(), r.measurements());
        assertEquals(List.of(), r.coded());
        assertEquals(List.of(), r.problems());
        assertEquals(List.of(), r.medications());
        assertEquals(List.of(), r.allergies());
        assertEquals(List.of(), r.procedures());
        assertEquals(List.of(), r.immunizations());
        assertEquals(List.of(), r.documents());
        assertEquals(1, r.encounters().size(), "one Encounter without period");
        assertEquals(null, r.encounters().get(0).start());
        assertEquals(List.of(), r.incompleteSections());
        for (RecordSection section : RecordSection.values()) {
            assertEquals(SectionStatus.Availability.COMPLETE, r.section(section).availability(), section.name());
        }
        assertEquals(Sex.FEMALE, r.demographics().sex());
        assertEquals(new ReferenceDate(NOW, ReferenceDate.Mode.NOW), r.referenceDate(),
                "no dated entry: falls back to the wall clock");
    }
}
