package io.chartlens.record;

import io.chartlens.fhir.RecordSection;
import io.chartlens.fhir.SectionStatus;
import io.chartlens.record.Entries.AllergyEntry;
import io.chartlens.record.Entries.DocumentEntry;
import io.chartlens.record.Entries.EncounterEntry;
import io.chartlens.record.Entries.ImmunizationEntry;
import io.chartlens.record.Entries.MedicationEntry;
import io.chartlens.record.Entries.Problem;
import io.chartlens.record.Entries.ProcedureEntry;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A patient's record, loaded once per launch and read by every feature (scores, care gaps, summary). Immutable.
 * Lists are newest first. Whether a list can be trusted as complete is in {@link #section}: an empty list in an
 * unavailable section means "unknown", never "none".
 */
public record PatientRecord(String patientId, Demographics demographics, ReferenceDate referenceDate,
                            List<Measurement> measurements, List<CodedValue> coded,
                            List<ObservationIssue> observationIssues, List<Problem> problems,
                            List<MedicationEntry> medications, List<AllergyEntry> allergies,
                            List<EncounterEntry> encounters, List<ProcedureEntry> procedures,
                            List<ImmunizationEntry> immunizations, List<DocumentEntry> documents,
                            List<SectionStatus> sections, int requests, int criticalPathRequests,
                            Instant loadedAt) {

    public PatientRecord {
        measurements = List.copyOf(measurements);
        coded = List.copyOf(coded);
        observationIssues = List.copyOf(observationIssues);
        problems = List.copyOf(problems);
        medications = List.copyOf(medications);
        allergies = List.copyOf(allergies);
        encounters = List.copyOf(encounters);
        procedures = List.copyOf(procedures);
        immunizations = List.copyOf(immunizations);
        documents = List.copyOf(documents);
        sections = List.copyOf(sections);
    }

    /** The most recent measurement of a kind (e.g. "systolicBp"), if any. */
    public Optional<Measurement> latest(String kind) {
        return measurements.stream().filter(m -> kind.equals(m.kind())).findFirst();
    }

    /** The {@code max} most recent measurements of a kind, newest first. */
    public List<Measurement> history(String kind, int max) {
        return measurements.stream().filter(m -> kind.equals(m.kind())).limit(max).toList();
    }

    public Optional<CodedValue> latestCoded(String kind) {
        return coded.stream().filter(c -> kind.equals(c.kind())).findFirst();
    }

    public List<Problem> activeProblems() {
        return problems.stream().filter(Problem::active).toList();
    }

    public List<MedicationEntry> activeMedications() {
        return medications.stream().filter(MedicationEntry::active).toList();
    }

    public List<AllergyEntry> activeAllergies() {
        return allergies.stream().filter(AllergyEntry::active).toList();
    }

    public Optional<EncounterEntry> lastEncounter() {
        return encounters.stream().findFirst();
    }

    /** How the section loaded. */
    public SectionStatus section(RecordSection section) {
        return sections.stream().filter(s -> s.section() == section).findFirst().orElseThrow(() ->
                new IllegalStateException("No status for section " + section));
    }

    /** Sections that did not load completely. */
    public List<SectionStatus> incompleteSections() {
        return sections.stream().filter(s -> !s.complete()).toList();
    }

    static <T> Comparator<T> newestFirst(java.util.function.Function<T, java.time.OffsetDateTime> date) {
        return Comparator.comparing(date, Comparator.nullsLast(Comparator.reverseOrder()));
    }
}
