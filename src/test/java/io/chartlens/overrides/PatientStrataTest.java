package io.chartlens.overrides;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.record.Demographics;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class PatientStrataTest {

    private static final LocalDate AT = LocalDate.of(2026, 6, 1);

    @Test
    void ageBandsHaveExactEdges() {
        assertEquals("0-17", PatientStrata.band(17));
        assertEquals("18-44", PatientStrata.band(18));
        assertEquals("18-44", PatientStrata.band(44));
        assertEquals("45-64", PatientStrata.band(45));
        assertEquals("65-74", PatientStrata.band(65));
        assertEquals("75-84", PatientStrata.band(84));
        assertEquals("85+", PatientStrata.band(85));
        assertThrows(IllegalArgumentException.class, () -> PatientStrata.band(-1));
    }

    @Test
    void readsUsCoreRaceAndEthnicityAndAgeAtTheReferenceDate() {
        Patient p = new Patient().setGender(Enumerations.AdministrativeGender.FEMALE);
        p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1961-06-02"));
        Extension race = new Extension("http://hl7.org/fhir/us/core/StructureDefinition/us-core-race");
        race.addExtension("ombCategory", new Coding("urn:oid:2.16.840.1.113883.6.238", "2054-5", "Black"));
        p.addExtension(race);
        Extension ethnicity = new Extension("http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity");
        ethnicity.addExtension("ombCategory", new Coding("urn:oid:2.16.840.1.113883.6.238", "2135-2", "Hispanic"));
        p.addExtension(ethnicity);
        // 64 on 1 June 2026 (65 the next day)
        assertEquals(new PatientStrata("45-64", "female", "black-or-african-american", "hispanic-or-latino"),
                PatientStrata.of(Demographics.of(p), AT));
    }

    @Test
    void nothingRecordedStaysUnrecorded() {
        assertEquals(PatientStrata.NOT_RECORDED, PatientStrata.of(Demographics.of(new Patient()), AT));
    }

    @Test
    void onlyKnownCodesAreAccepted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PatientStrata("65+", null, null, null));
        assertTrue(e.getMessage().startsWith("ageBand is not one of"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PatientStrata(null, "F", null, null));
    }
}
