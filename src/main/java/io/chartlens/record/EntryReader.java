package io.chartlens.record;

import io.chartlens.record.Entries.AllergyEntry;
import io.chartlens.record.Entries.DocumentEntry;
import io.chartlens.record.Entries.EncounterEntry;
import io.chartlens.record.Entries.ImmunizationEntry;
import io.chartlens.record.Entries.MedicationEntry;
import io.chartlens.record.Entries.Problem;
import io.chartlens.record.Entries.ProcedureEntry;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads FHIR R4 resources into {@link Entries}. Entered-in-error and refuted resources are dropped here, at the
 * boundary, so that no feature can count them.
 */
final class EntryReader {

    private EntryReader() {
    }

    static String source(Resource resource) {
        return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    }

    static Optional<Problem> problem(Condition c) {
        if (codeIn(c.getVerificationStatus(), "entered-in-error", "refuted")) {
            return Optional.empty();
        }
        String clinical = c.hasClinicalStatus() ? c.getClinicalStatus().getCodingFirstRep().getCode() : null;
        boolean active = clinical != null
                ? clinical.equals("active") || clinical.equals("recurrence") || clinical.equals("relapse")
                : !c.hasAbatement();
        var onset = c.hasOnsetDateTimeType() ? FhirDates.of(c.getOnsetDateTimeType())
                : c.hasOnsetPeriod() ? FhirDates.of(c.getOnsetPeriod().getStartElement())
                : FhirDates.of(c.getRecordedDateElement());
        return Optional.of(new Problem(Code.of(c.getCode()), onset, active, clinical, source(c)));
    }

    static Optional<MedicationEntry> medication(MedicationRequest m, Map<String, Medication> medications) {
        if ("entered-in-error".equals(m.getStatus() != null ? m.getStatus().toCode() : null)) {
            return Optional.empty();
        }
        Code medication;
        boolean resolved = true;
        if (m.hasMedicationCodeableConcept()) {
            medication = Code.of(m.getMedicationCodeableConcept());
        } else if (m.hasMedicationReference()) {
            Optional<Medication> found = resolve(m, m.getMedicationReference(), medications);
            resolved = found.isPresent();
            medication = found.map(med -> Code.of(med.getCode()))
                    .orElse(new Code(null, null, "Medication not available from the EHR"));
        } else {
            resolved = false;
            medication = new Code(null, null, "Medication not stated");
        }
        return Optional.of(new MedicationEntry(medication, resolved,
                m.getStatus() != null ? m.getStatus().toCode() : "unknown",
                FhirDates.of(m.getAuthoredOnElement()), source(m)));
    }

    private static Optional<Medication> resolve(MedicationRequest request, Reference ref,
                                                Map<String, Medication> medications) {
        String reference = ref.getReference();
        if (reference != null && reference.startsWith("#")) {
            return request.getContained().stream()
                    .filter(r -> r instanceof Medication && reference.substring(1).equals(r.getIdElement().getIdPart()))
                    .map(Medication.class::cast).findFirst();
        }
        if (ref.getResource() instanceof Medication inline) {
            return Optional.of(inline);
        }
        if (reference == null) {
            return Optional.empty();
        }
        org.hl7.fhir.r4.model.IdType id = new org.hl7.fhir.r4.model.IdType(reference);
        return Optional.ofNullable(medications.get(id.getResourceType() + "/" + id.getIdPart()));
    }

    static Optional<AllergyEntry> allergy(AllergyIntolerance a) {
        if (codeIn(a.getVerificationStatus(), "entered-in-error", "refuted")) {
            return Optional.empty();
        }
        return Optional.of(new AllergyEntry(Code.of(a.getCode()),
                a.hasClinicalStatus() ? a.getClinicalStatus().getCodingFirstRep().getCode() : null,
                a.hasCriticality() ? a.getCriticality().toCode() : null, source(a)));
    }

    static Optional<EncounterEntry> encounter(Encounter e) {
        if (e.getStatus() == Encounter.EncounterStatus.ENTEREDINERROR || e.getStatus() == Encounter.EncounterStatus.CANCELLED) {
            return Optional.empty();
        }
        return Optional.of(new EncounterEntry(e.getClass_().getCode(),
                e.hasType() ? Code.of(e.getTypeFirstRep()) : new Code(null, null, "Encounter"),
                FhirDates.of(e.getPeriod().getStartElement()), FhirDates.of(e.getPeriod().getEndElement()),
                e.getStatus() != null ? e.getStatus().toCode() : "unknown", source(e)));
    }

    static Optional<ProcedureEntry> procedure(Procedure p) {
        if (p.getStatus() == Procedure.ProcedureStatus.ENTEREDINERROR) {
            return Optional.empty();
        }
        var performed = p.hasPerformedDateTimeType() ? FhirDates.of(p.getPerformedDateTimeType())
                : p.hasPerformedPeriod() ? FhirDates.of(p.getPerformedPeriod().getStartElement()) : null;
        return Optional.of(new ProcedureEntry(Code.of(p.getCode()), performed,
                p.getStatus() != null ? p.getStatus().toCode() : "unknown", source(p)));
    }

    static Optional<ImmunizationEntry> immunization(Immunization i) {
        if (i.getStatus() == Immunization.ImmunizationStatus.ENTEREDINERROR) {
            return Optional.empty();
        }
        return Optional.of(new ImmunizationEntry(Code.of(i.getVaccineCode()),
                i.hasOccurrenceDateTimeType() ? FhirDates.of(i.getOccurrenceDateTimeType()) : null,
                i.getStatus() != null ? i.getStatus().toCode() : "unknown", source(i)));
    }

    static Optional<DocumentEntry> report(DiagnosticReport r) {
        if (r.getStatus() == DiagnosticReport.DiagnosticReportStatus.ENTEREDINERROR) {
            return Optional.empty();
        }
        var date = r.hasEffectiveDateTimeType() ? FhirDates.of(r.getEffectiveDateTimeType())
                : r.hasEffectivePeriod() ? FhirDates.of(r.getEffectivePeriod().getStartElement()) : null;
        return Optional.of(new DocumentEntry(Code.of(r.getCode()), date, "DiagnosticReport", source(r)));
    }

    static Optional<DocumentEntry> document(DocumentReference d) {
        if (d.getStatus() == org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus.ENTEREDINERROR) {
            return Optional.empty();
        }
        return Optional.of(new DocumentEntry(Code.of(d.getType()),
                d.hasDate() ? java.time.OffsetDateTime.ofInstant(d.getDate().toInstant(), java.time.ZoneOffset.UTC) : null,
                "DocumentReference", source(d)));
    }

    private static boolean codeIn(CodeableConcept concept, String... codes) {
        return concept != null && concept.getCoding().stream()
                .anyMatch(c -> java.util.Arrays.asList(codes).contains(c.getCode()));
    }
}
