package io.chartlens.sandbox.fhir;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumeration;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * The search profiles of the clinical (patient-compartment) types the sandbox serves. The same table answers
 * "whose record is this resource in", which the store and the scope checks both need.
 */
final class SearchProfiles {

    private static final Map<String, SearchProfile> BY_TYPE = Map.ofEntries(
            Map.entry("Observation", SearchProfile.of(Observation.class, o -> List.of(o.getSubject()),
                    o -> codings(o.getCode()), o -> codings(o.getCategory()),
                    o -> o.getComponent().stream().flatMap(c -> c.getCode().getCoding().stream()).toList(),
                    o -> status(o.getStatusElement()), none())),
            Map.entry("Encounter", SearchProfile.of(Encounter.class, e -> List.of(e.getSubject()),
                    e -> codings(e.getType()), none(), none(), e -> status(e.getStatusElement()), none())),
            Map.entry("Condition", SearchProfile.of(Condition.class, c -> List.of(c.getSubject()),
                    c -> codings(c.getCode()), c -> codings(c.getCategory()), none(), none(),
                    c -> codings(c.getClinicalStatus()))),
            Map.entry("Procedure", SearchProfile.of(Procedure.class, p -> List.of(p.getSubject()),
                    p -> codings(p.getCode()), none(), none(), p -> status(p.getStatusElement()), none())),
            Map.entry("Immunization", SearchProfile.of(Immunization.class, i -> List.of(i.getPatient()),
                    i -> codings(i.getVaccineCode()), none(), none(), i -> status(i.getStatusElement()), none())),
            Map.entry("DiagnosticReport", SearchProfile.of(DiagnosticReport.class, d -> List.of(d.getSubject()),
                    d -> codings(d.getCode()), d -> codings(d.getCategory()), none(),
                    d -> status(d.getStatusElement()), none())),
            Map.entry("DocumentReference", SearchProfile.of(DocumentReference.class, d -> List.of(d.getSubject()),
                    d -> codings(d.getType()), d -> codings(d.getCategory()), none(),
                    d -> status(d.getStatusElement()), none())),
            Map.entry("MedicationRequest", SearchProfile.of(MedicationRequest.class, m -> List.of(m.getSubject()),
                    m -> m.hasMedicationCodeableConcept() ? codings(m.getMedicationCodeableConcept()) : List.of(),
                    none(), none(), m -> status(m.getStatusElement()), none())),
            Map.entry("AllergyIntolerance", SearchProfile.of(AllergyIntolerance.class, a -> List.of(a.getPatient()),
                    a -> codings(a.getCode()), none(), none(), none(), a -> codings(a.getClinicalStatus()))),
            // Draft orders written back by the app (DraftOrderTransactions)
            Map.entry("ServiceRequest", SearchProfile.of(ServiceRequest.class, r -> List.of(r.getSubject()),
                    r -> codings(r.getCode()), r -> codings(r.getCategory()), none(),
                    r -> status(r.getStatusElement()), none())),
            Map.entry("Task", SearchProfile.of(Task.class, t -> List.of(t.getFor()),
                    t -> codings(t.getCode()), none(), none(), t -> status(t.getStatusElement()), none())));

    private SearchProfiles() {
    }

    /** The profile of a clinical type, or empty for Patient and the shared (non-compartment) types. */
    static Optional<SearchProfile> of(String resourceType) {
        return Optional.ofNullable(BY_TYPE.get(resourceType));
    }

    /** The clinical types, whose resources belong to exactly one patient's compartment. */
    static java.util.Set<String> clinicalTypes() {
        return BY_TYPE.keySet();
    }

    /** The id of the patient whose compartment holds this resource (a Patient is in its own), or empty. */
    static Optional<String> patientIdOf(Resource resource) {
        if (resource instanceof Patient) {
            return Optional.of(resource.getIdElement().getIdPart());
        }
        return of(resource.fhirType()).flatMap(profile -> profile.patient().apply(resource).stream()
                .map(Reference::getReferenceElement)
                .filter(id -> "Patient".equals(id.getResourceType()) && id.hasIdPart())
                .map(id -> id.getIdPart())
                .findFirst());
    }

    private static <T> Function<T, List<Coding>> none() {
        return resource -> List.of();
    }

    private static List<Coding> codings(CodeableConcept concept) {
        return concept == null ? List.of() : concept.getCoding();
    }

    private static List<Coding> codings(List<CodeableConcept> concepts) {
        return concepts.stream().flatMap(c -> c.getCoding().stream()).toList();
    }

    private static List<Coding> status(Enumeration<?> status) {
        return status.hasValue() ? List.of(new Coding(status.getSystem(), status.getCode(), null)) : List.of();
    }
}
