package io.chartlens.caregaps;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/** Builds a test patient's record as a FHIR Bundle, one resource at a time, for the care-gap boundary tests. */
final class TestPatient {

    static final String SNOMED = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";
    static final String CPT = "http://www.ama-assn.org/go/cpt";
    static final String CVX = "http://hl7.org/fhir/sid/cvx";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";

    /** Ids for patients created without one: unique and in creation order within a JVM (p-1, p-2, ...). */
    private static final AtomicLong SEQUENCE = new AtomicLong();

    final String id;
    final Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    private final Patient patient;
    private final AtomicInteger next = new AtomicInteger();

    private TestPatient(String id, Enumerations.AdministrativeGender gender, LocalDate birthDate) {
        this.id = id;
        Patient p = new Patient();
        p.setId(id);
        if (gender != null) {
            p.setGender(gender);
        }
        p.setBirthDateElement(new DateType(birthDate.toString()));
        bundle.addEntry().setResource(p);
        this.patient = p;
    }

    static TestPatient female(LocalDate birthDate) {
        return female("p-" + SEQUENCE.incrementAndGet(), birthDate);
    }

    static TestPatient male(LocalDate birthDate) {
        return male("p-" + SEQUENCE.incrementAndGet(), birthDate);
    }

    /** A woman with the given id (a FHIR id: letters, digits, '-' and '.', at most 64). */
    static TestPatient female(String id, LocalDate birthDate) {
        return new TestPatient(id, Enumerations.AdministrativeGender.FEMALE, birthDate);
    }

    /** A man with the given id (a FHIR id: letters, digits, '-' and '.', at most 64). */
    static TestPatient male(String id, LocalDate birthDate) {
        return new TestPatient(id, Enumerations.AdministrativeGender.MALE, birthDate);
    }

    /** Marks the patient deceased ({@code deceasedBoolean = true}). */
    TestPatient deceased() {
        patient.setDeceased(new BooleanType(true));
        return this;
    }

    /** Marks the patient deceased on the day ({@code deceasedDateTime}). */
    TestPatient deceased(LocalDate day) {
        patient.setDeceased(new DateTimeType(day + "T12:00:00Z"));
        return this;
    }

    private <T extends Resource> T add(T resource, String type) {
        resource.setId(type.toLowerCase() + "-" + next.incrementAndGet());
        bundle.addEntry().setResource(resource);
        return resource;
    }

    private Reference subject() {
        return new Reference("Patient/" + id);
    }

    static CodeableConcept code(String system, String code) {
        return new CodeableConcept().addCoding(new Coding(system, code, null));
    }

    /** An office visit (CPT 99213, in the Office Visit value set) on the day. */
    TestPatient officeVisit(LocalDate day) {
        return encounter(day, CPT, "99213", "AMB");
    }

    Encounter encounterResource(LocalDate day, String system, String code, String classCode) {
        Encounter e = add(new Encounter(), "Encounter");
        e.setStatus(Encounter.EncounterStatus.FINISHED);
        e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", classCode, null));
        e.addType(code(system, code));
        e.setSubject(subject());
        e.setPeriod(new Period().setStartElement(new DateTimeType(day + "T09:00:00Z"))
                .setEndElement(new DateTimeType(day + "T09:30:00Z")));
        return e;
    }

    TestPatient encounter(LocalDate day, String system, String code, String classCode) {
        encounterResource(day, system, code, classCode);
        return this;
    }

    /** A hospice admission (SNOMED 183920000, in the Hospice Encounter value set) on the day. */
    TestPatient hospiceEncounter(LocalDate day) {
        return encounter(day, SNOMED, "183920000", "HH");
    }

    /** An emergency-department encounter (class EMER; type SNOMED 183452005, emergency hospital admission). */
    Encounter emergencyEncounter(LocalDate day) {
        return encounterResource(day, SNOMED, "183452005", "EMER");
    }

    TestPatient procedure(LocalDate day, String system, String code) {
        Procedure p = add(new Procedure(), "Procedure");
        p.setStatus(Procedure.ProcedureStatus.COMPLETED);
        p.setCode(code(system, code));
        p.setSubject(subject());
        p.setPerformed(new DateTimeType(day + "T10:00:00Z"));
        return this;
    }

    TestPatient condition(LocalDate onset, String system, String code, String category) {
        conditionResource(onset, system, code, category);
        return this;
    }

    /** A resolved condition: clinical status {@code resolved}, abated on the day (at 00:00 UTC). */
    TestPatient resolvedCondition(LocalDate onset, LocalDate abatement, String system, String code, String category) {
        Condition c = conditionResource(onset, system, code, category);
        c.setClinicalStatus(code("http://terminology.hl7.org/CodeSystem/condition-clinical", "resolved"));
        c.setAbatement(new DateTimeType(abatement + "T00:00:00Z"));
        return this;
    }

    Condition conditionResource(LocalDate onset, String system, String code, String category) {
        Condition c = add(new Condition(), "Condition");
        c.setClinicalStatus(code("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"));
        c.addCategory(code(category.equals("health-concern") ? "http://hl7.org/fhir/us/core/CodeSystem/condition-category"
                : "http://terminology.hl7.org/CodeSystem/condition-category", category));
        c.setCode(code(system, code));
        c.setSubject(subject());
        c.setOnset(new DateTimeType(onset + "T00:00:00Z"));
        return c;
    }

    TestPatient lab(LocalDate day, String loinc, Double value, String unit) {
        Observation o = add(new Observation(), "Observation");
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(code("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory"));
        o.setCode(code(LOINC, loinc));
        o.setSubject(subject());
        o.setEffective(new DateTimeType(day + "T08:00:00Z"));
        if (value != null) {
            o.setValue(new Quantity().setValue(value).setUnit(unit).setSystem("http://unitsofmeasure.org").setCode(unit));
        }
        return this;
    }

    /** A laboratory result reported as text (for example a cytology or HPV result), not as a quantity. */
    TestPatient labText(LocalDate day, String loinc, String result) {
        Observation o = add(new Observation(), "Observation");
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(code("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory"));
        o.setCode(code(LOINC, loinc));
        o.setSubject(subject());
        o.setEffective(new DateTimeType(day + "T08:00:00Z"));
        o.setValue(new StringType(result));
        return this;
    }

    TestPatient study(LocalDate day, String loinc) {
        Observation o = add(new Observation(), "Observation");
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(code(LOINC, loinc));
        o.setSubject(subject());
        o.setEffective(new DateTimeType(day + "T08:00:00Z"));
        return this;
    }

    /** A blood pressure panel (85354-9) with both components, optionally tied to an encounter. */
    TestPatient bloodPressure(LocalDate day, int systolic, int diastolic, Encounter during) {
        Observation o = add(new Observation(), "Observation");
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(code("http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs"));
        o.setCode(code(LOINC, "85354-9"));
        o.setSubject(subject());
        o.setEffective(new DateTimeType(day + "T08:00:00Z"));
        if (during != null) {
            o.setEncounter(new Reference("Encounter/" + during.getIdElement().getIdPart()));
        }
        o.addComponent().setCode(code(LOINC, "8480-6"))
                .setValue(new Quantity().setValue(systolic).setUnit("mm[Hg]").setSystem("http://unitsofmeasure.org").setCode("mm[Hg]"));
        o.addComponent().setCode(code(LOINC, "8462-4"))
                .setValue(new Quantity().setValue(diastolic).setUnit("mm[Hg]").setSystem("http://unitsofmeasure.org").setCode("mm[Hg]"));
        return this;
    }

    TestPatient statin(LocalDate authored, String rxnorm) {
        MedicationRequest m = add(new MedicationRequest(), "MedicationRequest");
        m.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        m.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        m.setMedication(code(RXNORM, rxnorm));
        m.setSubject(subject());
        m.setAuthoredOnElement(new DateTimeType(authored + "T12:00:00Z"));
        return this;
    }

    TestPatient immunization(LocalDate day, String cvx) {
        Immunization i = add(new Immunization(), "Immunization");
        i.setStatus(Immunization.ImmunizationStatus.COMPLETED);
        i.setVaccineCode(code(CVX, cvx));
        i.setPatient(subject());
        i.setOccurrence(new DateTimeType(day + "T11:00:00Z"));
        return this;
    }

    TestPatient allergy(String system, String code, boolean highCriticality) {
        allergyResource(system, code, highCriticality);
        return this;
    }

    /** An active allergy with an onset date (statin allergies count only when their onset overlaps the period). */
    TestPatient allergy(String system, String code, LocalDate onset) {
        allergyResource(system, code, false).setOnset(new DateTimeType(onset + "T00:00:00Z"));
        return this;
    }

    AllergyIntolerance allergyResource(String system, String code, boolean highCriticality) {
        AllergyIntolerance a = add(new AllergyIntolerance(), "AllergyIntolerance");
        a.setClinicalStatus(code("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active"));
        a.setCode(code(system, code));
        a.setPatient(subject());
        if (highCriticality) {
            a.setCriticality(AllergyIntolerance.AllergyIntoleranceCriticality.HIGH);
        }
        return a;
    }
}
