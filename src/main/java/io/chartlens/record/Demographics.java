package io.chartlens.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;

/**
 * What features need to know about the patient (age, sex, death), parsed once. Unknown stays unknown: a missing sex
 * is {@link Sex#UNKNOWN}, never defaulted (MANIFEST: inferno 908 has only the US Core sex extension).
 *
 * @param birthDate null when not recorded
 * @param sex       administrative gender, else US Core sex, else UNKNOWN
 * @param deceased  true when recorded as deceased
 * @param deathDate null when unknown or alive
 */
public record Demographics(LocalDate birthDate, Sex sex, boolean deceased, OffsetDateTime deathDate) {

    /** Sex as used by sex-dependent rules. */
    public enum Sex { FEMALE, MALE, OTHER, UNKNOWN }

    static final String US_CORE_SEX = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-sex";

    public static Demographics of(Patient patient) {
        if (patient == null) {
            return new Demographics(null, Sex.UNKNOWN, false, null);
        }
        OffsetDateTime birth = patient.hasBirthDateElement() ? FhirDates.of(patient.getBirthDateElement()) : null;
        OffsetDateTime death = patient.hasDeceasedDateTimeType() ? FhirDates.of(patient.getDeceasedDateTimeType()) : null;
        boolean deceased = death != null
                || (patient.hasDeceasedBooleanType() && patient.getDeceasedBooleanType().booleanValue());
        return new Demographics(birth != null ? birth.toLocalDate() : null, sex(patient), deceased, death);
    }

    /** Age in whole years at {@code at}, empty when the birth date is unknown. */
    public Optional<Integer> ageAt(LocalDate at) {
        if (birthDate == null || at.isBefore(birthDate)) {
            return Optional.empty();
        }
        return Optional.of(Period.between(birthDate, at).getYears());
    }

    private static Sex sex(Patient patient) {
        if (patient.hasGender()) {
            return switch (patient.getGender()) {
                case FEMALE -> Sex.FEMALE;
                case MALE -> Sex.MALE;
                case OTHER -> Sex.OTHER;
                default -> Sex.UNKNOWN;
            };
        }
        Extension ext = patient.getExtensionByUrl(US_CORE_SEX);
        if (ext != null && ext.getValue() != null) {
            String code = ext.getValue() instanceof Coding c ? c.getCode() : ext.getValue().primitiveValue();
            // US Core sex: SNOMED 248152002 female, 248153007 male; HL7 administrative-gender codes also seen.
            if ("248152002".equals(code) || "female".equalsIgnoreCase(code) || "F".equals(code)) {
                return Sex.FEMALE;
            }
            if ("248153007".equals(code) || "male".equalsIgnoreCase(code) || "M".equals(code)) {
                return Sex.MALE;
            }
        }
        return Sex.UNKNOWN;
    }
}
