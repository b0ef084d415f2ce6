package io.chartlens.cdshooks;

import io.chartlens.fhir.RecordSection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The prefetch templates of {@code chartlens-patient-view} (CDS Hooks 2.0, Prefetch Template): one per record section
 * the risk scores, the care-gap measures and the bundles' "already done" checks read, with the same searches the
 * record loader makes (patient compartment, observation category, {@code _include} of the Medications), so that a
 * prefetched section and a fetched one are the same data. Clinical notes (DocumentReference) are not asked for: no
 * card reads them. Only the query features the spec recommends are used (reads, {@code patient} references, token
 * equality, {@code _include} aside, which HAPI-based and most other EHRs support).
 *
 * <p>These are the wire format of the service's discovery document, so they are written out; the loader's own
 * searches are built with HAPI's typed API ({@code fhir/SectionSearch}).
 */
public enum PrefetchTemplate {
    PATIENT("patient", RecordSection.PATIENT, "Patient/{{context.patientId}}"),
    ENCOUNTERS("encounters", RecordSection.ENCOUNTERS, "Encounter?patient={{context.patientId}}"),
    CONDITIONS("conditions", RecordSection.CONDITIONS, "Condition?patient={{context.patientId}}"),
    VITAL_SIGNS("vitalSigns", RecordSection.VITAL_SIGNS,
            "Observation?patient={{context.patientId}}&category=vital-signs"),
    LABORATORY("laboratory", RecordSection.LABORATORY, "Observation?patient={{context.patientId}}&category=laboratory"),
    SOCIAL_HISTORY("socialHistory", RecordSection.SOCIAL_HISTORY,
            "Observation?patient={{context.patientId}}&category=social-history"),
    MEDICATIONS("medications", RecordSection.MEDICATIONS,
            "MedicationRequest?patient={{context.patientId}}&_include=MedicationRequest:medication"),
    ALLERGIES("allergies", RecordSection.ALLERGIES, "AllergyIntolerance?patient={{context.patientId}}"),
    PROCEDURES("procedures", RecordSection.PROCEDURES, "Procedure?patient={{context.patientId}}"),
    IMMUNIZATIONS("immunizations", RecordSection.IMMUNIZATIONS, "Immunization?patient={{context.patientId}}"),
    DIAGNOSTIC_REPORTS("diagnosticReports", RecordSection.DIAGNOSTIC_REPORTS,
            "DiagnosticReport?patient={{context.patientId}}");

    private final String key;
    private final RecordSection section;
    private final String template;

    PrefetchTemplate(String key, RecordSection section, String template) {
        this.key = key;
        this.section = section;
        this.template = template;
    }

    /** The prefetch key, as in the discovery document and the request's {@code prefetch} object. */
    public String key() {
        return key;
    }

    public RecordSection section() {
        return section;
    }

    /** The FHIR query with its {@code {{context.patientId}}} prefetch token. */
    public String template() {
        return template;
    }

    /** The query for one patient (the token replaced), as a CDS client would run it. */
    public String forPatient(String patientId) {
        return template.replace("{{context.patientId}}", patientId);
    }

    /** Every section the service reads. */
    public static Set<RecordSection> sections() {
        return EnumSet.copyOf(java.util.Arrays.stream(values()).map(PrefetchTemplate::section)
                .collect(Collectors.toSet()));
    }
}
