package io.chartlens.aisummary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.fhir.LoadedRecord;
import io.chartlens.fhir.RecordSection;
import io.chartlens.record.Entries.MedicationEntry;
import io.chartlens.record.Measurement;
import io.chartlens.record.PatientRecord;
import io.chartlens.record.SandboxRecords;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The index of a committed sandbox patient (Synthea 3.3, medications by reference), loaded by the real loader. */
class EvidenceIndexTest {

    private static LoadedRecord loaded;
    private static PatientRecord record;
    private static EvidenceIndex index;

    @BeforeAll
    static void load() {
        loaded = SandboxRecords.load(SandboxRecords.A04);
        record = SummaryFixtures.assemble(loaded);
        index = EvidenceIndex.of(loaded);
    }

    @Test
    void indexesEveryLoadedResourceAndTheIncludedMedications() {
        Set<String> expected = new HashSet<>();
        for (RecordSection section : RecordSection.values()) {
            for (Resource r : loaded.resources(section, Resource.class)) {
                expected.add(r.fhirType() + "/" + r.getIdElement().getIdPart());
            }
        }
        expected.addAll(loaded.medications().keySet());
        assertEquals(expected, index.references());
        assertEquals(expected.size(), index.size());
        assertTrue(index.contains("Patient/" + SandboxRecords.A04));
        assertFalse(index.contains("Patient/someone-else"));
        assertFalse(index.contains(null));
    }

    @Test
    void everyMeasurementsRecordedValueIsANumberOfItsObservation() {
        assertFalse(record.measurements().isEmpty());
        for (Measurement m : record.measurements()) {
            assertTrue(index.containsNumber(m.source(), m.originalValue()), m.source() + " " + m.originalValue()
                    + " not in " + index.numbers(m.source()));
            if (m.dateSource() == Measurement.DateSource.EFFECTIVE_DATE_TIME) {
                assertEquals(m.effective().toLocalDate(), index.date(m.source()).orElseThrow(), m.source());
                assertTrue(index.dates(m.source()).contains(m.effective().toLocalDate()));
            }
        }
    }

    @Test
    void aMedicationRequestHoldsTheNumbersOfTheMedicationItNames() {
        int checked = 0;
        for (MedicationEntry m : record.medications()) {
            List<BigDecimal> inName = StatementText.values(m.medication().display());
            assertTrue(index.numbers(m.source()).containsAll(inName), m.medication().display() + " in " + m.source());
            checked += inName.isEmpty() ? 0 : 1;
        }
        assertTrue(checked > 0, "some medication names carry a strength");
        assertTrue(index.date(record.medications().get(0).source()).isPresent(), "authoredOn");
    }

    @Test
    void thePatientHasNoClinicalDateAndNoNumbersFromIdentifiersOrNames() {
        String patient = "Patient/" + SandboxRecords.A04;
        assertTrue(index.date(patient).isEmpty());
        var p = loaded.patient().orElseThrow();
        for (var id : p.getIdentifier()) {
            for (BigDecimal n : StatementText.values(id.getValue())) {
                if (n.toPlainString().length() > 3) {
                    assertFalse(index.containsNumber(patient, n), "identifier digits " + n);
                }
            }
        }
    }

    @Test
    void refusesAReferenceThatIsNotInTheRecord() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> index.numbers("Observation/not-there"));
        assertEquals("not a resource of this record: Observation/not-there", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> index.date("Observation/not-there"));
    }
}
