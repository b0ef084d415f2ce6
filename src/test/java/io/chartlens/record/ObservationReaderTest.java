package io.chartlens.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;

class ObservationReaderTest {

    private static final String UCUM = "http://unitsofmeasure.org";
    private final ObservationReader reader = new ObservationReader(TestCatalog.CATALOG);

    private static Observation observation(String id, String date, String... loinc) {
        Observation o = new Observation();
        o.setId(id);
        o.setStatus(ObservationStatus.FINAL);
        CodeableConcept code = new CodeableConcept();
        for (String c : loinc) {
            code.addCoding(new Coding(Code.LOINC, c, null));
        }
        o.setCode(code);
        if (date != null) {
            o.setEffective(new DateTimeType(date));
        }
        return o;
    }

    private static Quantity quantity(String value, String ucum) {
        return new Quantity().setValue(new BigDecimal(value)).setUnit(ucum).setSystem(UCUM).setCode(ucum);
    }

    private static Observation quantityObservation(String id, String date, String value, String unit, String... loinc) {
        Observation o = observation(id, date, loinc);
        o.setValue(quantity(value, unit));
        return o;
    }

    private static Observation bloodPressure(String id, String panelCode, String systolic, String diastolic) {
        Observation o = observation(id, "2024-03-01T10:00:00-04:00", panelCode);
        o.addComponent().setCode(new CodeableConcept(new Coding(Code.LOINC, "8480-6", "Systolic")))
                .setValue(quantity(systolic, "mm[Hg]"));
        o.addComponent().setCode(new CodeableConcept(new Coding(Code.LOINC, "8462-4", "Diastolic")))
                .setValue(quantity(diastolic, "mm[Hg]"));
        return o;
    }

    private Readings read(Observation... observations) {
        return reader.read(List.of(observations));
    }

    private static ObservationIssue onlyIssue(Readings r) {
        assertEquals(1, r.issues().size(), "issues: " + r.issues());
        return r.issues().get(0);
    }

    @Test
    void readsBothValuesOfABloodPressurePanelWithThePanelsDateAndSource() {
        for (String panel : List.of("85354-9", "55284-4", "96607-7")) {
            Readings r = read(bloodPressure("bp1", panel, "128", "82"));
            Measurement sbp = r.latest("systolicBp").orElseThrow(() -> new AssertionError(panel));
            Measurement dbp = r.latest("diastolicBp").orElseThrow();
            assertEquals(new BigDecimal("128"), sbp.value());
            assertEquals(new BigDecimal("82"), dbp.value());
            assertEquals("Observation/bp1", sbp.source());
            assertEquals(OffsetDateTime.parse("2024-03-01T10:00:00-04:00"), dbp.effective());
            assertEquals(2, r.measurements().size());
            assertEquals(List.of(), r.issues());
        }
    }

    @Test
    void countsAnObservationWithTwoCodingsOfOneKindOnce() {
        Readings r = read(quantityObservation("t1", "2024-01-01T08:00:00Z", "37.2", "Cel", "8310-5", "8331-1"));
        assertEquals(1, r.measurements().size());
        assertEquals("bodyTemperature", r.measurements().get(0).kind());
    }

    @Test
    void ignoresUnknownCodesWithoutAnIssue() {
        Observation operative = observation("x", "2024-01-01", "X9999-0");
        operative.addComponent().setCode(new CodeableConcept(new Coding(Code.LOINC, "X9999-1", null)));
        Observation prapare = observation("p", "2024-01-01", "93025-5");
        prapare.addComponent().setCode(new CodeableConcept(new Coding(Code.LOINC, "63586-2", null)))
                .setValue(quantity("40000", "/a"));
        Readings r = read(operative, prapare, quantityObservation("pain", "2024-01-01", "3", "{score}", "72514-3"));
        assertEquals(new Readings(List.of(), List.of(), List.of()), r);
    }

    @Test
    void matchesOnCodeNeverOnDisplay() {
        Observation egfr = quantityObservation("e", "2020-01-01", "59", "mL/min/{1.73_m2}");
        egfr.getCode().addCoding(new Coding(Code.LOINC, "33914-3", "Glomerular filtration rate/\u200b1.73 sq M"));
        Observation misleading = quantityObservation("m", "2020-01-01", "120", "mm[Hg]");
        misleading.getCode().addCoding(new Coding("http://example.org/local", "SBP", "Systolic blood pressure"));
        Readings r = read(egfr, misleading);
        assertEquals(List.of("egfr"), r.measurements().stream().map(Measurement::kind).toList());
    }

    @Test
    void reportsEnteredInErrorAndCancelledObservationsAsIssues() {
        Observation wrong = quantityObservation("w", "2024-01-01", "80", "/min", "8867-4");
        wrong.setStatus(ObservationStatus.ENTEREDINERROR);
        assertEquals(new ObservationIssue("Observation/w", "heartRate", "status entered-in-error"), onlyIssue(read(wrong)));
        Observation cancelled = bloodPressure("c", "85354-9", "120", "80");
        cancelled.setStatus(ObservationStatus.CANCELLED);
        Readings r = read(cancelled);
        assertEquals(List.of(), r.measurements());
        assertEquals(List.of(new ObservationIssue("Observation/c", "systolicBp", "status cancelled"),
                new ObservationIssue("Observation/c", "diastolicBp", "status cancelled")), r.issues());
    }

    @Test
    void usesPreliminaryAmendedAndCorrectedValues() {
        for (ObservationStatus status : List.of(ObservationStatus.PRELIMINARY, ObservationStatus.AMENDED,
                ObservationStatus.CORRECTED)) {
            Observation o = quantityObservation("h", "2024-01-01", "80", "/min", "8867-4");
            o.setStatus(status);
            assertEquals(1, read(o).measurements().size(), status.toCode());
        }
    }

    @Test
    void reportsADataAbsentReasonOrAMissingValue() {
        Observation absent = observation("a", "2024-01-01", "8867-4");
        absent.setDataAbsentReason(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/data-absent-reason", "unknown", "Unknown")));
        assertEquals("no value (data absent: unknown)", onlyIssue(read(absent)).reason());
        assertEquals("no value", onlyIssue(read(observation("n", "2024-01-01", "8867-4"))).reason());
    }

    @Test
    void reportsAPanelComponentWithoutAValue() {
        Observation bp = observation("bp", "2024-01-01", "85354-9");
        bp.addComponent().setCode(new CodeableConcept(new Coding(Code.LOINC, "8480-6", null)))
                .setValue(quantity("130", "mm[Hg]"));
        bp.addComponent().setCode(new CodeableConcept(new Coding(Code.LOINC, "8462-4", null)));
        Readings r = read(bp);
        assertEquals(List.of("systolicBp"), r.measurements().stream().map(Measurement::kind).toList());
        assertEquals(new ObservationIssue("Observation/bp", "diastolicBp", "no value"), onlyIssue(r));
    }

    @Test
    void reportsAQuantityWithoutAUnitOrWithAnUnknownOne() {
        Observation noUnit = observation("u", "2024-01-01", "2093-3");
        noUnit.setValue(new Quantity().setValue(new BigDecimal("190")));
        assertEquals(new ObservationIssue("Observation/u", "totalCholesterol", "no unit"), onlyIssue(read(noUnit)));
        Observation foo = observation("f", "2024-01-01", "2093-3");
        foo.setValue(new Quantity().setValue(new BigDecimal("190")).setUnit("foo"));
        assertEquals("unit 'foo' is not a UCUM unit", onlyIssue(read(foo)).reason());
    }

    @Test
    void reportsAPhysiologicallyImpossibleValue() {
        Readings r = read(bloodPressure("bp", "85354-9", "900", "80"));
        assertEquals(new ObservationIssue("Observation/bp", "systolicBp", "physiologically impossible value 900 mm[Hg]"),
                onlyIssue(r));
        assertEquals(List.of("diastolicBp"), r.measurements().stream().map(Measurement::kind).toList());
    }

    @Test
    void reportsAValueWithAComparator() {
        Observation egfr = quantityObservation("g", "2024-01-01", "90", "mL/min/{1.73_m2}", "33914-3");
        egfr.getValueQuantity().setComparator(Quantity.QuantityComparator.GREATER_THAN);
        assertEquals("value >90 is a bound, not an exact value", onlyIssue(read(egfr)).reason());
    }

    @Test
    void convertsUnitsAndKeepsTheRecordedValue() {
        Measurement m = read(quantityObservation("c", "2024-01-01", "5.5", "mmol/L", "2093-3")).measurements().get(0);
        assertEquals(new BigDecimal("212.7"), m.value());
        assertEquals("mg/dL", m.unit());
        assertEquals(new BigDecimal("5.5"), m.originalValue());
        assertEquals("mmol/L", m.originalUnit());
    }

    @Test
    void takesTheDateFromEffectiveThenPeriodStartThenIssued() {
        Observation period = quantityObservation("p", null, "70", "/min", "8867-4");
        period.setEffective(new Period().setStartElement(new DateTimeType("2023-05-01T09:00:00+02:00")));
        Observation issued = quantityObservation("i", null, "71", "/min", "8867-4");
        issued.setIssuedElement(new InstantType("2023-06-01T09:00:00.000+00:00"));
        Readings r = read(period, issued, quantityObservation("d", "2023-04-01", "72", "/min", "8867-4"));
        assertEquals(List.of(Measurement.DateSource.ISSUED, Measurement.DateSource.EFFECTIVE_PERIOD_START,
                Measurement.DateSource.EFFECTIVE_DATE_TIME),
                r.measurements().stream().map(Measurement::dateSource).toList());
        assertEquals(OffsetDateTime.parse("2023-05-01T09:00:00+02:00"), r.measurements().get(1).effective());
        assertEquals(OffsetDateTime.parse("2023-04-01T00:00:00Z"), r.measurements().get(2).effective());
    }

    @Test
    void reportsAnObservationWithoutAnyDate() {
        assertEquals("no effective date or issued time",
                onlyIssue(read(quantityObservation("n", null, "70", "/min", "8867-4"))).reason());
    }

    @Test
    void sortsMeasurementsNewestFirst() {
        Readings r = read(quantityObservation("old", "2020-01-01T00:00:00Z", "60", "/min", "8867-4"),
                quantityObservation("new", "2024-01-01T00:00:00Z", "90", "/min", "8867-4"),
                quantityObservation("mid", "2022-01-01T00:00:00Z", "75", "/min", "8867-4"));
        assertEquals(List.of("Observation/new", "Observation/mid", "Observation/old"),
                r.measurements().stream().map(Measurement::source).toList());
        assertEquals(new BigDecimal("90"), r.latest("heartRate").orElseThrow().value());
    }

    @Test
    void readsACodedAnswerWithoutInvisibleCharacters() {
        Observation smoking = observation("s", "2024-01-01", "72166-2");
        smoking.setValue(new CodeableConcept(new Coding(Code.SNOMED, "8517006", "Ex-smoker\u200b (finding)")));
        Readings r = read(smoking);
        assertEquals(List.of(new CodedValue("smokingStatus", Code.SNOMED, "8517006", "Ex-smoker (finding)",
                OffsetDateTime.parse("2024-01-01T00:00:00Z"), "Observation/s")), r.coded());
        assertTrue(r.measurements().isEmpty());
    }

    @Test
    void readsInhaledOxygenComponentsOfAPulseOximetryObservation() {
        Observation spo2 = quantityObservation("o", "2024-01-01T12:00:00Z", "94", "%", "59408-5", "2708-6");
        spo2.addComponent().setCode(new CodeableConcept(new Coding(Code.LOINC, "3151-8", null)))
                .setValue(quantity("2", "L/min"));
        Readings r = read(spo2);
        assertEquals(new BigDecimal("94"), r.latest("oxygenSaturation").orElseThrow().value());
        assertEquals(new BigDecimal("2"), r.latest("oxygenFlowRate").orElseThrow().value());
    }
}
