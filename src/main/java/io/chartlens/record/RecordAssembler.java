package io.chartlens.record;

import io.chartlens.fhir.LoadedRecord;
import io.chartlens.fhir.RecordSection;
import io.chartlens.record.Entries.AllergyEntry;
import io.chartlens.record.Entries.DocumentEntry;
import io.chartlens.record.Entries.EncounterEntry;
import io.chartlens.record.Entries.ImmunizationEntry;
import io.chartlens.record.Entries.MedicationEntry;
import io.chartlens.record.Entries.Problem;
import io.chartlens.record.Entries.ProcedureEntry;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;

/** Parses a {@link LoadedRecord} (raw FHIR, per section) into a {@link PatientRecord}: the boundary of the record. */
public final class RecordAssembler {

    private final ObservationReader observations;

    public RecordAssembler(ObservationReader observations) {
        this.observations = observations;
    }

    public PatientRecord assemble(LoadedRecord loaded, ReferenceDate.Mode mode, Instant now) {
        Readings readings = observations.read(observationsOf(loaded));
        List<Problem> problems = read(loaded.resources(RecordSection.CONDITIONS, Condition.class), EntryReader::problem,
                Problem::onset);
        List<MedicationEntry> medications = read(loaded.resources(RecordSection.MEDICATIONS, MedicationRequest.class),
                m -> EntryReader.medication(m, loaded.medications()), MedicationEntry::authoredOn);
        List<AllergyEntry> allergies = read(loaded.resources(RecordSection.ALLERGIES, AllergyIntolerance.class),
                EntryReader::allergy, a -> null);
        List<EncounterEntry> encounters = read(loaded.resources(RecordSection.ENCOUNTERS, Encounter.class),
                EntryReader::encounter, EncounterEntry::start);
        List<ProcedureEntry> procedures = read(loaded.resources(RecordSection.PROCEDURES, Procedure.class),
                EntryReader::procedure, ProcedureEntry::performed);
        List<ImmunizationEntry> immunizations = read(loaded.resources(RecordSection.IMMUNIZATIONS, Immunization.class),
                EntryReader::immunization, ImmunizationEntry::occurrence);
        List<DocumentEntry> documents = new ArrayList<>(read(loaded.resources(RecordSection.DIAGNOSTIC_REPORTS,
                DiagnosticReport.class), EntryReader::report, DocumentEntry::date));
        documents.addAll(read(loaded.resources(RecordSection.DOCUMENTS, DocumentReference.class), EntryReader::document,
                DocumentEntry::date));
        documents.sort(PatientRecord.newestFirst(DocumentEntry::date));

        OffsetDateTime lastDate = Stream.of(
                readings.measurements().stream().map(Measurement::effective),
                encounters.stream().flatMap(e -> Stream.of(e.start(), e.end())),
                problems.stream().map(Problem::onset),
                medications.stream().map(MedicationEntry::authoredOn),
                procedures.stream().map(ProcedureEntry::performed),
                immunizations.stream().map(ImmunizationEntry::occurrence),
                documents.stream().map(DocumentEntry::date))
                .flatMap(Function.identity())
                .filter(java.util.Objects::nonNull)
                .max(OffsetDateTime::compareTo).orElse(null);
        ReferenceDate reference = mode == ReferenceDate.Mode.LAST_RECORD && lastDate != null
                ? new ReferenceDate(lastDate.toInstant(), ReferenceDate.Mode.LAST_RECORD)
                : new ReferenceDate(now, ReferenceDate.Mode.NOW);
        return new PatientRecord(loaded.patientId(), Demographics.of(loaded.patient().orElse(null)), reference,
                readings.measurements(), readings.coded(), readings.issues(), problems, medications, allergies,
                encounters, procedures, immunizations, documents, loaded.statuses(), loaded.requests(),
                loaded.criticalPathRequests(), loaded.loadedAt());
    }

    /** The Observations of the three observation sections, each once (one may carry two categories). */
    private static List<Observation> observationsOf(LoadedRecord loaded) {
        Map<String, Observation> byId = new LinkedHashMap<>();
        for (RecordSection section : List.of(RecordSection.VITAL_SIGNS, RecordSection.LABORATORY,
                RecordSection.SOCIAL_HISTORY)) {
            for (Observation o : loaded.resources(section, Observation.class)) {
                byId.putIfAbsent(o.getIdElement().getIdPart(), o);
            }
        }
        return List.copyOf(byId.values());
    }

    private static <R, E> List<E> read(List<R> resources, Function<R, Optional<E>> reader,
                                       Function<E, OffsetDateTime> date) {
        List<E> entries = new ArrayList<>();
        for (R resource : resources) {
            reader.apply(resource).ifPresent(entries::add);
        }
        entries.sort(PatientRecord.newestFirst(date));
        return List.copyOf(entries);
    }
}
