package io.chartlens.fhir;

/**
 * The parts of a patient's record that ChartLens loads, one FHIR search each (the Patient is a read). Observations
 * are loaded per category (FHIR R4 observation-category), so vital signs, labs and social history load in parallel.
 */
public enum RecordSection {
    PATIENT("Patient", null, "patient details"),
    ENCOUNTERS("Encounter", null, "encounters"),
    CONDITIONS("Condition", null, "problems"),
    VITAL_SIGNS("Observation", "vital-signs", "vital signs"),
    LABORATORY("Observation", "laboratory", "laboratory results"),
    SOCIAL_HISTORY("Observation", "social-history", "social history"),
    MEDICATIONS("MedicationRequest", null, "medications"),
    ALLERGIES("AllergyIntolerance", null, "allergies"),
    PROCEDURES("Procedure", null, "procedures"),
    IMMUNIZATIONS("Immunization", null, "immunizations"),
    DIAGNOSTIC_REPORTS("DiagnosticReport", null, "diagnostic reports"),
    DOCUMENTS("DocumentReference", null, "documents");

    private final String resourceType;
    private final String observationCategory;
    private final String label;

    RecordSection(String resourceType, String observationCategory, String label) {
        this.resourceType = resourceType;
        this.observationCategory = observationCategory;
        this.label = label;
    }

    public String resourceType() {
        return resourceType;
    }

    /** The observation-category code for Observation sections, else null. */
    public String observationCategory() {
        return observationCategory;
    }

    /** Plain words for the page ("vital signs could not be loaded"). */
    public String label() {
        return label;
    }
}
