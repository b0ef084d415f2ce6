package io.chartlens.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import io.chartlens.record.Entries.DocumentEntry;
import io.chartlens.record.Entries.EncounterEntry;
import io.chartlens.record.Entries.ImmunizationEntry;
import io.chartlens.record.Entries.MedicationEntry;
import io.chartlens.record.Entries.Problem;
import io.chartlens.record.Entries.ProcedureEntry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class EntryReaderTest {

    private static final FhirContext FHIR = FhirContext.forR4();
    private static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    private static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

    private static CodeableConcept snomed(String code, String display) {
        return new CodeableConcept(new Coding(Code.SNOMED, code, display));
    }

    private static Condition condition(String clinicalStatus) {
        Condition c = new Condition();
        c.setId("c1");
        c.setCode(snomed("49436004", "Atrial Fibrillation"));
        c.setOnset(new DateTimeType("1992-12-21T05:19:57+00:00"));
        if (clinicalStatus != null) {
            c.setClinicalStatus(new CodeableConcept(new Coding(CLINICAL, clinicalStatus, null)));
        }
        return c;
    }

    // --- Condition

    @Test
    void readsAnActiveConditionWithCodeOnsetAndSource() {
        Problem p = EntryReader.problem(condition("active")).orElseThrow();

        assertEquals(new Problem(new Code(Code.SNOMED, "49436004", "Atrial Fibrillation"),
                OffsetDateTime.parse("1992-12-21T05:19:57Z"), true, "active", "Condition/c1"), p);
    }

    @Test
    void treatsRecurrenceAndRelapseAsActive() {
        assertTrue(EntryReader.problem(condition("recurrence")).orElseThrow().active());
        assertTrue(EntryReader.problem(condition("relapse")).orElseThrow().active());
    }

    @Test
    void treatsResolvedInactiveAndRemissionAsNotActive() {
        assertFalse(EntryReader.problem(condition("resolved")).orElseThrow().active());
        assertFalse(EntryReader.problem(condition("inactive")).orElseThrow().active());
        assertFalse(EntryReader.problem(condition("remission")).orElseThrow().active());
    }

    @Test
    void clinicalStatusWinsOverAbatement() {
        Condition c = condition("active");
        c.setAbatement(new DateTimeType("2000-01-01"));

        assertTrue(EntryReader.problem(c).orElseThrow().active());
    }

    @Test
    void withoutClinicalStatusIsActiveUnlessAbated() {
        Problem open = EntryReader.problem(condition(null)).orElseThrow();
        Condition abated = condition(null);
        abated.setAbatement(new DateTimeType("2014-04-04T05:19:57+00:00"));

        assertTrue(open.active());
        assertNull(open.clinicalStatus());
        assertFalse(EntryReader.problem(abated).orElseThrow().active());
    }

    @Test
    void readsAConditionWithoutCategory() {
        Condition c = condition(null);

        assertFalse(c.hasCategory());
        assertTrue(EntryReader.problem(c).isPresent());
    }

    @Test
    void dropsEnteredInErrorAndRefutedConditions() {
        Condition error = condition("active");
        error.setVerificationStatus(new CodeableConcept(new Coding(VERIFICATION, "entered-in-error", null)));
        Condition refuted = condition("active");
        refuted.setVerificationStatus(new CodeableConcept(new Coding(VERIFICATION, "refuted", null)));
        Condition confirmed = condition("active");
        confirmed.setVerificationStatus(new CodeableConcept(new Coding(VERIFICATION, "confirmed", null)));

        assertEquals(Optional.empty(), EntryReader.problem(error));
        assertEquals(Optional.empty(), EntryReader.problem(refuted));
        assertTrue(EntryReader.problem(confirmed).isPresent());
    }

    @Test
    void takesOnsetFromAPeriodStartElseTheRecordedDate() {
        Condition period = condition("active");
        period.setOnset(new Period().setStartElement(new DateTimeType("2010-05-01T08:00:00+00:00")));
        Condition recorded = condition("active");
        recorded.setOnset(null);
        recorded.setRecordedDateElement(new DateTimeType("2011-06-02T09:00:00+00:00"));

        assertEquals(OffsetDateTime.parse("2010-05-01T08:00:00Z"), EntryReader.problem(period).orElseThrow().onset());
        assertEquals(OffsetDateTime.parse("2011-06-02T09:00:00Z"),
                EntryReader.problem(recorded).orElseThrow().onset());
    }

    // --- MedicationRequest

    private static MedicationRequest request(MedicationRequestStatus status) {
        MedicationRequest m = new MedicationRequest();
        m.setId("mr1");
        m.setStatus(status);
        m.setAuthoredOnElement(new DateTimeType("1992-12-21T05:19:57+00:00"));
        return m;
    }

    private static Medication medication(String id, String code, String display) {
        Medication med = new Medication();
        med.setId(id);
        med.setCode(new CodeableConcept(new Coding(Code.RXNORM, code, display)));
        return med;
    }

    @Test
    void namesAMedicationFromItsCodeableConcept() {
        MedicationRequest m = request(MedicationRequestStatus.ACTIVE);
        m.setMedication(new CodeableConcept(new Coding(Code.RXNORM, "855332", "Warfarin Sodium 5 MG Oral Tablet")));

        assertEquals(new MedicationEntry(new Code(Code.RXNORM, "855332", "Warfarin Sodium 5 MG Oral Tablet"), true,
                        "active", OffsetDateTime.parse("1992-12-21T05:19:57Z"), "MedicationRequest/mr1"),
                EntryReader.medication(m, Map.of()).orElseThrow());
    }

    @Test
    void namesAMedicationFromAContainedMedicationAsParsed() {
        String json = """
                {"resourceType":"MedicationRequest","id":"mr1","status":"active","intent":"order",
                 "contained":[{"resourceType":"Medication","id":"med1","code":{"coding":[{
                   "system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"314076",
                   "display":"lisinopril 10 MG Oral Tablet"}]}}],
                 "medicationReference":{"reference":"#med1"},"subject":{"reference":"Patient/p"}}
                """;
        MedicationRequest m = FHIR.newJsonParser().parseResource(MedicationRequest.class, json);

        MedicationEntry e = EntryReader.medication(m, Map.of()).orElseThrow();

        assertEquals(new Code(Code.RXNORM, "314076", "lisinopril 10 MG Oral Tablet"), e.medication());
        assertTrue(e.nameResolved());
    }

    @Test
    void namesAMedicationFromAContainedMedicationBuiltInCode() {
        MedicationRequest m = request(MedicationRequestStatus.ACTIVE);
        m.addContained(medication("med1", "314076", "lisinopril 10 MG Oral Tablet"));
        m.setMedication(new Reference("#med1"));

        MedicationEntry e = EntryReader.medication(m, Map.of()).orElseThrow();

        assertEquals("lisinopril 10 MG Oral Tablet", e.medication().display());
        assertTrue(e.nameResolved());
    }

    @Test
    void namesAMedicationFromTheIncludedMedicationsByRelativeReference() {
        MedicationRequest m = request(MedicationRequestStatus.STOPPED);
        m.setMedication(new Reference("Medication/abc"));

        MedicationEntry e = EntryReader.medication(m,
                Map.of("Medication/abc", medication("abc", "1000126", "Acetaminophen 325 MG"))).orElseThrow();

        assertEquals(new Code(Code.RXNORM, "1000126", "Acetaminophen 325 MG"), e.medication());
        assertTrue(e.nameResolved());
        assertEquals("stopped", e.status());
    }

    @Test
    void namesAMedicationFromTheIncludedMedicationsByAbsoluteReference() {
        MedicationRequest m = request(MedicationRequestStatus.ACTIVE);
        m.setMedication(new Reference("http://x/fhir/Medication/abc"));

        MedicationEntry e = EntryReader.medication(m,
                Map.of("Medication/abc", medication("abc", "1000126", "Acetaminophen 325 MG"))).orElseThrow();

        assertEquals("Acetaminophen 325 MG", e.medication().display());
        assertTrue(e.nameResolved());
    }

    /**
     * Bug: a versioned reference ("Medication/abc/_history/2", valid FHIR) is looked up as "_history/2" and not
     * resolved, though the Medication was included. LoadedRecord.medication resolves it (via IdType).
     */
    @Test
    void namesAMedicationFromTheIncludedMedicationsByVersionedReference() {
        MedicationRequest m = request(MedicationRequestStatus.ACTIVE);
        m.setMedication(new Reference("Medication/abc/_history/2"));

        MedicationEntry e = EntryReader.medication(m,
                Map.of("Medication/abc", medication("abc", "1000126", "Acetaminophen 325 MG"))).orElseThrow();

        assertEquals("Acetaminophen 325 MG", e.medication().display());
        assertTrue(e.nameResolved());
    }

    @Test
    void saysTheNameIsNotAvailableWhenTheReferenceCannotBeResolved() {
        MedicationRequest missing = request(MedicationRequestStatus.ACTIVE);
        missing.setMedication(new Reference("Medication/gone"));
        MedicationRequest missingContained = request(MedicationRequestStatus.ACTIVE);
        missingContained.setMedication(new Reference("#nothere"));

        for (MedicationRequest m : new MedicationRequest[] {missing, missingContained}) {
            MedicationEntry e = EntryReader.medication(m,
                    Map.of("Medication/abc", medication("abc", "1000126", "Acetaminophen 325 MG"))).orElseThrow();
            assertEquals(new Code(null, null, "Medication not available from the EHR"), e.medication());
            assertFalse(e.nameResolved());
        }
    }

    @Test
    void dropsEnteredInErrorMedicationRequests() {
        MedicationRequest m = request(MedicationRequestStatus.ENTEREDINERROR);
        m.setMedication(new CodeableConcept(new Coding(Code.RXNORM, "855332", "Warfarin")));

        assertEquals(Optional.empty(), EntryReader.medication(m, Map.of()));
    }

    @Test
    void countsActiveAndOnHoldAsActive() {
        Code c = new Code(Code.RXNORM, "1", "x");
        assertTrue(new MedicationEntry(c, true, "active", null, "s").active());
        assertTrue(new MedicationEntry(c, true, "on-hold", null, "s").active());
        assertFalse(new MedicationEntry(c, true, "stopped", null, "s").active());
        assertFalse(new MedicationEntry(c, true, "completed", null, "s").active());
        assertFalse(new MedicationEntry(c, true, "unknown", null, "s").active());
    }

    // --- Encounter

    private static Encounter encounter(Encounter.EncounterStatus status) {
        Encounter e = new Encounter();
        e.setId("e1");
        e.setStatus(status);
        e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient encounter"));
        e.addType(snomed("32485007", "Hospital admission"));
        e.setPeriod(new Period().setStartElement(new DateTimeType("2020-10-26T05:19:57+00:00"))
                .setEndElement(new DateTimeType("2020-10-30T06:00:00-04:00")));
        return e;
    }

    @Test
    void readsAnEncountersClassTypeAndPeriod() {
        EncounterEntry e = EntryReader.encounter(encounter(Encounter.EncounterStatus.FINISHED)).orElseThrow();

        assertEquals(new EncounterEntry("IMP", new Code(Code.SNOMED, "32485007", "Hospital admission"),
                OffsetDateTime.parse("2020-10-26T05:19:57Z"), OffsetDateTime.parse("2020-10-30T06:00:00-04:00"),
                "finished", "Encounter/e1"), e);
        assertTrue(e.inpatient());
        assertFalse(e.emergency());
    }

    @Test
    void readsAnInProgressEncounterWithoutEnd() {
        Encounter in = encounter(Encounter.EncounterStatus.INPROGRESS);
        in.getPeriod().setEndElement(null);

        EncounterEntry e = EntryReader.encounter(in).orElseThrow();

        assertEquals("in-progress", e.status());
        assertNull(e.end());
        assertEquals(OffsetDateTime.parse("2020-10-26T05:19:57Z"), e.start());
    }

    @Test
    void namesAnUntypedEncounterEncounter() {
        Encounter untyped = encounter(Encounter.EncounterStatus.FINISHED);
        untyped.setType(null);

        assertEquals(new Code(null, null, "Encounter"), EntryReader.encounter(untyped).orElseThrow().type());
    }

    @Test
    void dropsCancelledAndEnteredInErrorEncounters() {
        assertEquals(Optional.empty(), EntryReader.encounter(encounter(Encounter.EncounterStatus.CANCELLED)));
        assertEquals(Optional.empty(), EntryReader.encounter(encounter(Encounter.EncounterStatus.ENTEREDINERROR)));
    }

    // --- Procedure, Immunization, reports

    @Test
    void takesAProceduresDateFromPerformedDateTime() {
        Procedure p = new Procedure();
        p.setId("p1");
        p.setStatus(Procedure.ProcedureStatus.COMPLETED);
        p.setCode(snomed("73761001", "Colonoscopy"));
        p.setPerformed(new DateTimeType("2019-04-01T10:00:00+00:00"));

        assertEquals(new ProcedureEntry(new Code(Code.SNOMED, "73761001", "Colonoscopy"),
                OffsetDateTime.parse("2019-04-01T10:00:00Z"), "completed", "Procedure/p1"),
                EntryReader.procedure(p).orElseThrow());
    }

    @Test
    void takesAProceduresDateFromPerformedPeriodStart() {
        Procedure p = new Procedure();
        p.setId("p1");
        p.setStatus(Procedure.ProcedureStatus.COMPLETED);
        p.setCode(snomed("73761001", "Colonoscopy"));
        p.setPerformed(new Period().setStartElement(new DateTimeType("2019-04-01T10:00:00+00:00"))
                .setEndElement(new DateTimeType("2019-04-01T11:00:00+00:00")));

        assertEquals(OffsetDateTime.parse("2019-04-01T10:00:00Z"), EntryReader.procedure(p).orElseThrow().performed());
    }

    @Test
    void leavesAProcedureWithoutPerformedUndatedAndDropsEnteredInError() {
        Procedure undated = new Procedure();
        undated.setId("p2");
        undated.setStatus(Procedure.ProcedureStatus.COMPLETED);
        Procedure error = new Procedure();
        error.setId("p3");
        error.setStatus(Procedure.ProcedureStatus.ENTEREDINERROR);

        assertNull(EntryReader.procedure(undated).orElseThrow().performed());
        assertEquals(Optional.empty(), EntryReader.procedure(error));
    }

    @Test
    void readsAnImmunization() {
        Immunization i = new Immunization();
        i.setId("i1");
        i.setStatus(Immunization.ImmunizationStatus.COMPLETED);
        i.setVaccineCode(new CodeableConcept(new Coding(Code.CVX, "140", "Influenza, seasonal, injectable")));
        i.setOccurrence(new DateTimeType("2014-06-02T05:19:57+00:00"));
        Immunization error = i.copy();
        error.setStatus(Immunization.ImmunizationStatus.ENTEREDINERROR);

        assertEquals(new ImmunizationEntry(new Code(Code.CVX, "140", "Influenza, seasonal, injectable"),
                OffsetDateTime.parse("2014-06-02T05:19:57Z"), "completed", "Immunization/i1"),
                EntryReader.immunization(i).orElseThrow());
        assertEquals(Optional.empty(), EntryReader.immunization(error));
    }

    @Test
    void datesADocumentReferenceByItsDate() {
        DocumentReference d = new DocumentReference();
        d.setId("d1");
        d.setStatus(DocumentReferenceStatus.CURRENT);
        d.setType(new CodeableConcept(new Coding(Code.LOINC, "34117-2", "History and physical note")));
        d.setDateElement(new org.hl7.fhir.r4.model.InstantType("2026-11-09T12:35:34.177-04:00"));
        DocumentReference error = d.copy();
        error.setStatus(DocumentReferenceStatus.ENTEREDINERROR);

        DocumentEntry e = EntryReader.document(d).orElseThrow();

        assertEquals(new Code(Code.LOINC, "34117-2", "History and physical note"), e.type());
        assertEquals(OffsetDateTime.parse("2026-11-09T16:35:34.177Z").toInstant(), e.date().toInstant());
        assertEquals(ZoneOffset.UTC, e.date().getOffset());
        assertEquals("DocumentReference", e.resourceType());
        assertEquals("DocumentReference/d1", e.source());
        assertEquals(Optional.empty(), EntryReader.document(error));
    }

    @Test
    void datesADiagnosticReportByEffectiveDateTimeOrPeriodStart() {
        DiagnosticReport at = new DiagnosticReport();
        at.setId("r1");
        at.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        at.setCode(new CodeableConcept(new Coding(Code.LOINC, "51990-0", "Basic metabolic panel")));
        at.setEffective(new DateTimeType("2021-01-04T05:19:57+00:00"));
        DiagnosticReport over = at.copy();
        over.setId("r2");
        over.setEffective(new Period().setStartElement(new DateTimeType("2020-02-03T04:05:06-04:00"))
                .setEndElement(new DateTimeType("2020-02-04T04:05:06-04:00")));
        DiagnosticReport error = at.copy();
        error.setStatus(DiagnosticReport.DiagnosticReportStatus.ENTEREDINERROR);

        assertEquals(new DocumentEntry(new Code(Code.LOINC, "51990-0", "Basic metabolic panel"),
                OffsetDateTime.parse("2021-01-04T05:19:57Z"), "DiagnosticReport", "DiagnosticReport/r1"),
                EntryReader.report(at).orElseThrow());
        assertEquals(OffsetDateTime.parse("2020-02-03T04:05:06-04:00"), EntryReader.report(over).orElseThrow().date());
        assertEquals(Optional.empty(), EntryReader.report(error));
    }
}
