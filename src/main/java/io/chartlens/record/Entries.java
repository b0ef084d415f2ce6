package io.chartlens.record;

import java.time.OffsetDateTime;

/** The typed entries of a {@link PatientRecord} other than observations. Each names its FHIR source ("Type/id"). */
public final class Entries {

    private Entries() {
    }

    /** A Condition. {@code active} follows clinicalStatus, or the absence of an abatement when there is none. */
    public record Problem(Code code, OffsetDateTime onset, boolean active, String clinicalStatus, String source) {
    }

    /** A MedicationRequest with its medication resolved (contained, referenced or coded). */
    public record MedicationEntry(Code medication, boolean nameResolved, String status, OffsetDateTime authoredOn,
                                  String source) {
        public boolean active() {
            return "active".equals(status) || "on-hold".equals(status);
        }
    }

    /** An AllergyIntolerance. */
    public record AllergyEntry(Code substance, String clinicalStatus, String criticality, String source) {
        public boolean active() {
            return clinicalStatus == null || "active".equals(clinicalStatus);
        }
    }

    /** An Encounter; {@code classCode} is v3 ActCode (AMB, EMER, IMP, HH, VR…). {@code end} is null while ongoing. */
    public record EncounterEntry(String classCode, Code type, OffsetDateTime start, OffsetDateTime end, String status,
                                 String source) {
        public boolean inpatient() {
            return "IMP".equals(classCode) || "ACUTE".equals(classCode) || "NONAC".equals(classCode);
        }

        public boolean emergency() {
            return "EMER".equals(classCode);
        }
    }

    /** A Procedure. */
    public record ProcedureEntry(Code code, OffsetDateTime performed, String status, String source) {
    }

    /** An Immunization (CVX). */
    public record ImmunizationEntry(Code vaccine, OffsetDateTime occurrence, String status, String source) {
    }

    /** A DiagnosticReport or DocumentReference: metadata only (type and date), never content. */
    public record DocumentEntry(Code type, OffsetDateTime date, String resourceType, String source) {
    }
}
