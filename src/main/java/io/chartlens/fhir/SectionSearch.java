package io.chartlens.fhir;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.DateClientParam;
import ca.uhn.fhir.rest.gclient.ICriterion;
import ca.uhn.fhir.rest.gclient.IQuery;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;

/**
 * The typed HAPI search for the first page of each {@link RecordSection}: the patient's resources of the section's
 * type (Observations per observation-category), {@code _count}, {@code _include=MedicationRequest:medication}, and
 * a descending date {@code _sort} when the server offers one.
 */
final class SectionSearch {

    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

    /** Condition has no R4 {@code date} parameter; {@code date} last for servers (like the sandbox) that add one. */
    private static final DateClientParam CONDITION_DATE = new DateClientParam("date");

    private SectionSearch() {
    }

    /** The HAPI model class of a section's resources. */
    static Class<? extends Resource> typeOf(RecordSection section) {
        return switch (section) {
            case PATIENT -> Patient.class;
            case ENCOUNTERS -> Encounter.class;
            case CONDITIONS -> Condition.class;
            case VITAL_SIGNS, LABORATORY, SOCIAL_HISTORY -> Observation.class;
            case MEDICATIONS -> MedicationRequest.class;
            case ALLERGIES -> AllergyIntolerance.class;
            case PROCEDURES -> Procedure.class;
            case IMMUNIZATIONS -> Immunization.class;
            case DIAGNOSTIC_REPORTS -> DiagnosticReport.class;
            case DOCUMENTS -> DocumentReference.class;
        };
    }

    /** The date parameters a section could be sorted by, best first. */
    static List<DateClientParam> sortCandidates(RecordSection section) {
        return switch (section) {
            case PATIENT -> List.of();
            case ENCOUNTERS -> List.of(Encounter.DATE);
            case CONDITIONS -> List.of(Condition.RECORDED_DATE, Condition.ONSET_DATE, CONDITION_DATE);
            case VITAL_SIGNS, LABORATORY, SOCIAL_HISTORY -> List.of(Observation.DATE);
            case MEDICATIONS -> List.of(MedicationRequest.AUTHOREDON);
            case ALLERGIES -> List.of(AllergyIntolerance.DATE);
            case PROCEDURES -> List.of(Procedure.DATE);
            case IMMUNIZATIONS -> List.of(Immunization.DATE);
            case DIAGNOSTIC_REPORTS -> List.of(DiagnosticReport.DATE);
            case DOCUMENTS -> List.of(DocumentReference.DATE);
        };
    }

    /**
     * The first page's query.
     *
     * @param sortBy the date parameter to sort by, descending, or empty for the server's order
     */
    static IQuery<Bundle> firstPage(IGenericClient client, RecordSection section, String patientId, int count,
                                    Optional<DateClientParam> sortBy) {
        if (section == RecordSection.PATIENT) {
            throw new IllegalArgumentException("the Patient is read, not searched");
        }
        IQuery<IBaseBundle> query = client.search().forResource(typeOf(section)).where(patient(section, patientId));
        if (section.observationCategory() != null) {
            query = query.and(Observation.CATEGORY.exactly()
                    .systemAndCode(OBSERVATION_CATEGORY, section.observationCategory()));
        }
        if (section == RecordSection.MEDICATIONS) {
            query = query.include(MedicationRequest.INCLUDE_MEDICATION);
        }
        // Reports and documents: metadata only. Their attached notes (base64 text) are most of a record's bytes and
        // nothing on the page reads them; a server that ignores _elements simply sends more.
        if (section == RecordSection.DOCUMENTS) {
            query = query.elementsSubset("status", "type", "category", "date", "subject", "context");
        }
        if (section == RecordSection.DIAGNOSTIC_REPORTS) {
            query = query.elementsSubset("status", "category", "code", "subject", "encounter", "effective", "issued",
                    "result");
        }
        if (sortBy.isPresent()) {
            query = query.sort().descending(sortBy.get());
        }
        return query.count(count).returnBundle(Bundle.class);
    }

    private static ICriterion<?> patient(RecordSection section, String patientId) {
        return switch (section) {
            case ENCOUNTERS -> Encounter.PATIENT.hasId(patientId);
            case CONDITIONS -> Condition.PATIENT.hasId(patientId);
            case VITAL_SIGNS, LABORATORY, SOCIAL_HISTORY -> Observation.PATIENT.hasId(patientId);
            case MEDICATIONS -> MedicationRequest.PATIENT.hasId(patientId);
            case ALLERGIES -> AllergyIntolerance.PATIENT.hasId(patientId);
            case PROCEDURES -> Procedure.PATIENT.hasId(patientId);
            case IMMUNIZATIONS -> Immunization.PATIENT.hasId(patientId);
            case DIAGNOSTIC_REPORTS -> DiagnosticReport.PATIENT.hasId(patientId);
            case DOCUMENTS -> DocumentReference.PATIENT.hasId(patientId);
            case PATIENT -> throw new IllegalArgumentException("the Patient is read, not searched");
        };
    }
}
