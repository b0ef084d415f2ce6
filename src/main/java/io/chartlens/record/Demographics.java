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
 * @param race      US Core race (OMB category), UNKNOWN when not recorded
 * @param ethnicity US Core ethnicity (OMB category), UNKNOWN when not recorded
 */
public record Demographics(LocalDate birthDate, Sex sex, boolean deceased, OffsetDateTime deathDate, Race race,
                          Ethnicity ethnicity) {

    /** US Core ethnicity, ombCategory: 2135-2 Hispanic or Latino, 2186-5 Not Hispanic or Latino. */
    public enum Ethnicity { HISPANIC_OR_LATINO, NOT_HISPANIC_OR_LATINO, UNKNOWN }

    static final String US_CORE_ETHNICITY = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity";

    /** Without ethnicity (for callers that do not need it). */
    public Demographics(LocalDate birthDate, Sex sex, boolean deceased, OffsetDateTime deathDate, Race race) {
        this(birthDate, sex, deceased, deathDate, race, Ethnicity.UNKNOWN);
    }

    /** OMB race category as the Pooled Cohort Equations use it; UNKNOWN when not recorded (never assumed). */
    public enum Race { WHITE, AFRICAN_AMERICAN, OTHER, UNKNOWN }

    static final String US_CORE_RACE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race";

    /** Without race (for callers that do not need it). */
    public Demographics(LocalDate birthDate, Sex sex, boolean deceased, OffsetDateTime deathDate) {
        this(birthDate, sex, deceased, deathDate, Race.UNKNOWN);
    }

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
        return new Demographics(birth != null ? birth.toLocalDate() : null, sex(patient), deceased, death,
                race(patient), ethnicity(patient));
    }

    /** Age in whole years at {@code at}, empty when the birth date is unknown. */
    public Optional<Integer> ageAt(LocalDate at) {
        if (birthDate == null || at.isBefore(birthDate)) {
            return Optional.empty();
        }
        return Optional.of(Period.between(birthDate, at).getYears());
    }

    /** US Core race, ombCategory: 2106-3 White, 2054-5 Black or African American; other categories OTHER. */
    private static Race race(Patient patient) {
        Extension race = patient.getExtensionByUrl(US_CORE_RACE);
        if (race == null) {
            return Race.UNKNOWN;
        }
        Race found = Race.UNKNOWN;
        for (Extension part : race.getExtensionsByUrl("ombCategory")) {
            if (part.getValue() instanceof Coding c && c.getCode() != null) {
                Race r = switch (c.getCode()) {
                    case "2106-3" -> Race.WHITE;
                    case "2054-5" -> Race.AFRICAN_AMERICAN;
                    default -> Race.OTHER;
                };
                // More than one category: the equations have no answer for that; report OTHER.
                found = found == Race.UNKNOWN ? r : (found == r ? r : Race.OTHER);
            }
        }
        return found;
    }

    private static Ethnicity ethnicity(Patient patient) {
        Extension ethnicity = patient.getExtensionByUrl(US_CORE_ETHNICITY);
        if (ethnicity == null) {
            return Ethnicity.UNKNOWN;
        }
        for (Extension part : ethnicity.getExtensionsByUrl("ombCategory")) {
            if (part.getValue() instanceof Coding c && c.getCode() != null) {
                switch (c.getCode()) {
                    case "2135-2": return Ethnicity.HISPANIC_OR_LATINO;
                    case "2186-5": return Ethnicity.NOT_HISPANIC_OR_LATINO;
                    default: break;
                }
            }
        }
        return Ethnicity.UNKNOWN;
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
