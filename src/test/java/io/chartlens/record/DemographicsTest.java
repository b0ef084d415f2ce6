package io.chartlens.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.record.Demographics.Sex;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class DemographicsTest {

    private static final String SCT = "http://snomed.info/sct";

    private static Patient patient() {
        Patient p = new Patient();
        p.setBirthDateElement(new DateType("1913-01-13"));
        return p;
    }

    @Test
    void readsAdministrativeGender() {
        Patient male = patient().setGender(AdministrativeGender.MALE);
        Patient female = patient().setGender(AdministrativeGender.FEMALE);
        Patient other = patient().setGender(AdministrativeGender.OTHER);
        Patient unknown = patient().setGender(AdministrativeGender.UNKNOWN);

        assertEquals(Sex.MALE, Demographics.of(male).sex());
        assertEquals(Sex.FEMALE, Demographics.of(female).sex());
        assertEquals(Sex.OTHER, Demographics.of(other).sex());
        assertEquals(Sex.UNKNOWN, Demographics.of(unknown).sex());
    }

    @Test
    void genderWinsOverTheUsCoreSexExtension() {
        Patient p = patient().setGender(AdministrativeGender.FEMALE);
        p.addExtension(Demographics.US_CORE_SEX, new Coding(SCT, "248153007", "Male"));

        assertEquals(Sex.FEMALE, Demographics.of(p).sex());
    }

    @Test
    void readsUsCoreSexAsValueCodingWithoutGender() {
        Patient female = patient();
        female.addExtension(Demographics.US_CORE_SEX, new Coding(SCT, "248152002", "Female"));
        Patient male = patient();
        male.addExtension(Demographics.US_CORE_SEX, new Coding(SCT, "248153007", "Male"));

        assertEquals(Sex.FEMALE, Demographics.of(female).sex());
        assertEquals(Sex.MALE, Demographics.of(male).sex());
    }

    @Test
    void readsUsCoreSexAsValueCodeWithoutGender() {
        Patient female = patient();
        female.addExtension(Demographics.US_CORE_SEX, new CodeType("248152002"));
        Patient male = patient();
        male.addExtension(Demographics.US_CORE_SEX, new CodeType("248153007"));

        assertEquals(Sex.FEMALE, Demographics.of(female).sex());
        assertEquals(Sex.MALE, Demographics.of(male).sex());
    }

    @Test
    void leavesSexUnknownWithoutGenderOrUsCoreSex() {
        Patient unrecognised = patient();
        unrecognised.addExtension(Demographics.US_CORE_SEX, new Coding(SCT, "32570681000036106", "Indeterminate"));

        assertEquals(Sex.UNKNOWN, Demographics.of(patient()).sex());
        assertEquals(Sex.UNKNOWN, Demographics.of(unrecognised).sex());
        assertEquals(new Demographics(null, Sex.UNKNOWN, false, null), Demographics.of(null));
    }

    @Test
    void readsDeceasedDateTime() {
        Patient p = patient();
        p.setDeceased(new DateTimeType("1981-07-14T10:00:00-04:00"));

        Demographics d = Demographics.of(p);

        assertTrue(d.deceased());
        assertEquals(OffsetDateTime.parse("1981-07-14T10:00:00-04:00"), d.deathDate());
    }

    @Test
    void readsDeceasedBoolean() {
        Patient dead = patient();
        dead.setDeceased(new BooleanType(true));
        Patient alive = patient();
        alive.setDeceased(new BooleanType(false));

        assertTrue(Demographics.of(dead).deceased());
        assertNull(Demographics.of(dead).deathDate());
        assertFalse(Demographics.of(alive).deceased());
        assertFalse(Demographics.of(patient()).deceased());
    }

    @Test
    void readsTheBirthDate() {
        assertEquals(LocalDate.of(1913, 1, 13), Demographics.of(patient()).birthDate());
    }

    @Test
    void countsAgeInWholeYearsChangingOnTheBirthday() {
        Demographics d = Demographics.of(patient());

        assertEquals(Optional.of(107), d.ageAt(LocalDate.of(2021, 1, 4)));
        assertEquals(Optional.of(107), d.ageAt(LocalDate.of(2021, 1, 12)));
        assertEquals(Optional.of(108), d.ageAt(LocalDate.of(2021, 1, 13)));
        assertEquals(Optional.of(0), d.ageAt(LocalDate.of(1913, 1, 13)));
    }

    @Test
    void hasNoAgeBeforeBirthOrWithoutBirthDate() {
        assertEquals(Optional.empty(), Demographics.of(patient()).ageAt(LocalDate.of(1913, 1, 12)));
        assertEquals(Optional.empty(), Demographics.of(new Patient()).ageAt(LocalDate.of(2021, 1, 4)));
    }
}
