package io.chartlens.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatientBannerTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final String TERMINOLOGY = "http://terminology.hl7.org/CodeSystem/v2-0203";

    private static Patient born(String birthDate) {
        Patient p = new Patient();
        p.setBirthDateElement(new DateType(birthDate));
        return p;
    }

    private static Identifier identifier(String typeCode, String value) {
        return new Identifier().setType(new CodeableConcept(new Coding(TERMINOLOGY, typeCode, null))).setValue(value);
    }

    @Test
    void fullyRecordedPatient() {
        Patient p = born("1971-01-10");
        p.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily("Chalmers").addGiven("Peter").addGiven("James");
        p.setGender(AdministrativeGender.MALE);
        p.addIdentifier(identifier("MR", "12345"));
        assertEquals(new PatientBanner("Peter James Chalmers", "54 y", "Male", "1971-01-10", "12345", null),
                PatientBanner.from(p, TODAY));
    }

    @Test
    void officialNameIsPreferredOverAnEarlierName() {
        Patient p = new Patient();
        p.addName().setUse(HumanName.NameUse.USUAL).setFamily("Chalmers").addGiven("Jim");
        p.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily("Chalmers").addGiven("Peter");
        assertEquals("Peter Chalmers", PatientBanner.from(p, TODAY).name());
    }

    @Test
    void firstNameIsUsedWithoutAnOfficialOne() {
        Patient p = new Patient();
        p.addName().setUse(HumanName.NameUse.NICKNAME).setFamily("Chalmers").addGiven("Jim");
        p.addName().setUse(HumanName.NameUse.MAIDEN).setFamily("Windsor");
        assertEquals("Jim Chalmers", PatientBanner.from(p, TODAY).name());
    }

    @Test
    void nameTextIsUsedAsWritten() {
        Patient p = new Patient();
        p.addName().setUse(HumanName.NameUse.OFFICIAL).setText("Dr. Peter Chalmers").setFamily("Chalmers");
        assertEquals("Dr. Peter Chalmers", PatientBanner.from(p, TODAY).name());
    }

    @Test
    void givenOrFamilyAloneIsShownWithoutAPlaceholder() {
        Patient given = new Patient();
        given.addName().addGiven("Peter");
        Patient family = new Patient();
        family.addName().setFamily("Chalmers");
        assertEquals("Peter", PatientBanner.from(given, TODAY).name());
        assertEquals("Chalmers", PatientBanner.from(family, TODAY).name());
    }

    @Test
    void missingOrEmptyNameIsUnknown() {
        Patient empty = new Patient();
        empty.addName().setUse(HumanName.NameUse.OFFICIAL);
        assertEquals("Name unknown", PatientBanner.from(new Patient(), TODAY).name());
        assertEquals("Name unknown", PatientBanner.from(empty, TODAY).name());
    }

    @ParameterizedTest(name = "born {0} -> {1}")
    @CsvSource({
            "1971-01-10, 54 y",
            "1971-06-15, 54 y",
            "1971-06-16, 53 y",
            "2023-06-15, 2 y",
            "2023-12-01, 18 mo",
            "2024-11-10, 7 mo",
            "2025-05-15, 1 mo",
            "2025-06-03, 12 d",
            "2025-06-15, 0 d",
            "2025-06-16, Age unknown"})
    void ageIsInYearsMonthsOrDays(String birthDate, String age) {
        assertEquals(age, PatientBanner.from(born(birthDate), TODAY).age());
    }

    @Test
    void missingBirthDateIsUnknown() {
        PatientBanner banner = PatientBanner.from(new Patient(), TODAY);
        assertEquals("Age unknown", banner.age());
        assertEquals("unknown", banner.birthDate());
    }

    @Test
    void deceasedPatientShowsAgeAtDeathAndDateOfDeath() {
        Patient p = born("1950-05-01");
        p.setDeceased(new DateTimeType("2016-04-05T10:30:00+10:00"));
        PatientBanner banner = PatientBanner.from(p, TODAY);
        assertEquals("65 y", banner.age());
        assertEquals("Deceased 2016-04-05", banner.deceased());
    }

    @Test
    void deceasedFlagWithoutDateSaysDeceased() {
        Patient p = born("1950-05-01");
        p.setDeceased(new BooleanType(true));
        assertEquals("Deceased", PatientBanner.from(p, TODAY).deceased());
    }

    @Test
    void livingPatientHasNoDeceasedText() {
        Patient p = born("1950-05-01");
        p.setDeceased(new BooleanType(false));
        assertNull(PatientBanner.from(p, TODAY).deceased());
        assertNull(PatientBanner.from(born("1950-05-01"), TODAY).deceased());
    }

    @ParameterizedTest
    @CsvSource({"MALE, Male", "FEMALE, Female", "OTHER, Other", "UNKNOWN, Sex unknown"})
    void administrativeGenderIsShown(AdministrativeGender gender, String shown) {
        Patient p = new Patient();
        p.setGender(gender);
        assertEquals(shown, PatientBanner.from(p, TODAY).sex());
    }

    @Test
    void usCoreSexCodingIsUsedWhenGenderIsMissing() {
        Patient p = new Patient();
        p.addExtension(PatientBanner.US_CORE_SEX, new Coding("http://snomed.info/sct", "248152002", "Female"));
        assertEquals("Female", PatientBanner.from(p, TODAY).sex());
    }

    @Test
    void usCoreSexUrlIsTheUsCoreOne() {
        assertEquals("http://hl7.org/fhir/us/core/StructureDefinition/us-core-sex", PatientBanner.US_CORE_SEX);
    }

    @Test
    void usCoreSexCodeIsShownWhenItIsAPrimitive() {
        Patient p = new Patient();
        p.addExtension(PatientBanner.US_CORE_SEX, new CodeType("F"));
        assertEquals("F", PatientBanner.from(p, TODAY).sex());
    }

    @Test
    void genderTakesPrecedenceOverUsCoreSex() {
        Patient p = new Patient();
        p.setGender(AdministrativeGender.MALE);
        p.addExtension(PatientBanner.US_CORE_SEX, new Coding("http://snomed.info/sct", "248152002", "Female"));
        assertEquals("Male", PatientBanner.from(p, TODAY).sex());
    }

    @Test
    void neitherGenderNorExtensionIsSexUnknown() {
        Patient p = new Patient();
        p.addExtension("http://example.org/other", new Coding("http://snomed.info/sct", "248152002", "Female"));
        assertEquals("Sex unknown", PatientBanner.from(new Patient(), TODAY).sex());
        assertEquals("Sex unknown", PatientBanner.from(p, TODAY).sex());
    }

    @Test
    void mrnIsTheIdentifierOfTypeMr() {
        Patient p = new Patient();
        p.addIdentifier(identifier("SS", "999-99-9999"));
        p.addIdentifier(new Identifier().setValue("no-type"));
        p.addIdentifier(identifier("MR", null));
        p.addIdentifier(identifier("MR", "MRN-42"));
        assertEquals("MRN-42", PatientBanner.from(p, TODAY).mrn());
    }

    @Test
    void withoutMrnItIsUnknown() {
        Patient p = new Patient();
        p.addIdentifier(identifier("SS", "999-99-9999"));
        assertEquals("MRN unknown", PatientBanner.from(p, TODAY).mrn());
        assertEquals("MRN unknown", PatientBanner.from(new Patient(), TODAY).mrn());
    }

    @Test
    void yearOnlyBirthDateGivesAnAge() {
        // Born any day in 1987, the patient is 54 on the last day of 2041.
        assertEquals("54 y", PatientBanner.from(born("1987"), LocalDate.of(2041, 12, 31)).age());
    }

    @Test
    void yearMonthBirthDateGivesAnAge() {
        // Born any day in February 1987, the patient is 54 on 1 March 2041.
        assertEquals("54 y", PatientBanner.from(born("1987-02"), LocalDate.of(2041, 3, 1)).age());
    }

    @Test
    void partialBirthDateIsShownAsRecordedNotWithAGuessedDay() {
        // The class contract: "a value the record lacks is said to be unknown, never guessed".
        assertEquals("1987", PatientBanner.from(born("1987"), TODAY).birthDate());
        assertEquals("1987-02", PatientBanner.from(born("1987-02"), TODAY).birthDate());
    }

    @Test
    void birthDateNearMidnightDoesNotShiftADay() {
        TimeZone saved = TimeZone.getDefault();
        try {
            for (String zone : new String[] {"Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"}) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                Patient p = FhirContext.forR4Cached().newJsonParser().parseResource(Patient.class,
                        "{\"resourceType\":\"Patient\",\"birthDate\":\"2025-06-03\","
                                + "\"deceasedDateTime\":\"2025-06-15T23:59:00-11:00\"}");
                PatientBanner banner = PatientBanner.from(p, TODAY);
                assertEquals("2025-06-03", banner.birthDate(), zone);
                assertEquals("12 d", banner.age(), zone);
                assertEquals("Deceased 2025-06-15", banner.deceased(), zone);
            }
        } finally {
            TimeZone.setDefault(saved);
        }
    }
}
