package io.chartlens.caregaps;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.AllergyIntolerance;
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

/** Builds a test patient's record as a FHIR Bundle, one resource at a time, for the care-gap boundary tests. */
final class TestPatient {

    static final String SNOMED = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";
    static final String CPT = "http://www.ama-assn.org/go/cpt";
    static final String CVX = "http://hl7.org/fhir/sid/cvx";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";

    final String id;
    final Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
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
    }

    static TestPatient female(LocalDate birthDate) {
        return new TestPatient("p-" + System.nanoTime(), Enumerations.AdministrativeGender.FEMALE, birthDate);
    }

    static TestPatient male(LocalDate birthDate) {
        return new TestPatient("p-" + System.nanoTime(), Enumerations.AdministrativeGender.MALE, birthDate);
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

    TestPatient procedure(LocalDate day, String system, String code) {
        Procedure p = add(new Procedure(), "Procedure");
        p.setStatus(Procedure.ProcedureStatus.COMPLETED);
        p.setCode(code(system, code));
        p.setSubject(subject());
        p.setPerformed(new DateTimeType(day + "T10:00:00Z"));
        return this;
    }

    TestPatient condition(LocalDate onset, String system, String code, String category) {
        Condition c = add(new Condition(), "Condition");
        c.setClinicalStatus(code("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"));
        c.addCategory(code(category.equals("health-concern") ? "http://hl7.org/fhir/us/core/CodeSystem/condition-category"
                : "http://terminology.hl7.org/CodeSystem/condition-category", category));
        c.setCode(code(system, code));
        c.setSubject(subject());
        c.setOnset(new DateTimeType(onset + "T00:00:00Z"));
        return this;
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
        AllergyIntolerance a = add(new AllergyIntolerance(), "AllergyIntolerance");
        a.setClinicalStatus(code("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active"));
        a.setCode(code(system, code));
        a.setPatient(subject());
        if (highCriticality) {
            a.setCriticality(AllergyIntolerance.AllergyIntoleranceCriticality.HIGH);
        }
        return this;
    }
}
