package io.chartlens.summary;

import java.time.LocalDate;
import java.time.Period;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/**
 * What the patient banner shows (SMART App Launch 2.x "need_patient_banner"). Every field is display text; a value the
 * record lacks is said to be unknown, never guessed.
 *
 * @param name      the official (else first) name, "Name unknown" if none
 * @param age       "54 y", "7 mo", "12 d", or "Age unknown"
 * @param sex       administrative gender or US Core sex; "Sex unknown" when neither is recorded
 * @param birthDate ISO date or "unknown"
 * @param mrn       the medical record number (identifier type MR), or "MRN unknown"
 * @param deceased  "Deceased 2016-04-05" or null when not recorded as deceased
 */
public record PatientBanner(String name, String age, String sex, String birthDate, String mrn, String deceased) {

    static final String US_CORE_SEX = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-sex";

    public static PatientBanner from(Patient patient, LocalDate today) {
        LocalDate birth = patient.hasBirthDateElement() ? localDate(patient.getBirthDateElement().getValueAsString()) : null;
        LocalDate death = patient.hasDeceasedDateTimeType()
                ? localDate(patient.getDeceasedDateTimeType().getValueAsString()) : null;
        boolean deceased = death != null || (patient.hasDeceasedBooleanType() && patient.getDeceasedBooleanType().booleanValue());
        return new PatientBanner(name(patient), age(birth, death != null ? death : today), sex(patient),
                birth != null ? patient.getBirthDateElement().getValueAsString() : "unknown", mrn(patient),
                deceased ? "Deceased" + (death != null ? " " + asRecorded(patient.getDeceasedDateTimeType()
                        .getValueAsString()) : "") : null);
    }

    static String name(Patient patient) {
        HumanName chosen = patient.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL)
                .findFirst().orElse(patient.getName().isEmpty() ? null : patient.getName().get(0));
        if (chosen == null) {
            return "Name unknown";
        }
        String text = chosen.hasText() ? chosen.getText() : (chosen.getGivenAsSingleString() + " " + chosen.getFamily()).trim();
        return text.isBlank() || "null".equals(text) ? "Name unknown" : text.replace(" null", "");
    }

    static String age(LocalDate birth, LocalDate at) {
        if (birth == null || at.isBefore(birth)) {
            return "Age unknown";
        }
        Period p = Period.between(birth, at);
        if (p.getYears() >= 2) {
            return p.getYears() + " y";
        }
        long months = p.toTotalMonths();
        return months >= 1 ? months + " mo" : java.time.temporal.ChronoUnit.DAYS.between(birth, at) + " d";
    }

    static String sex(Patient patient) {
        if (patient.hasGender()) {
            return switch (patient.getGender()) {
                case MALE -> "Male";
                case FEMALE -> "Female";
                case OTHER -> "Other";
                default -> "Sex unknown";
            };
        }
        Extension sex = patient.getExtensionByUrl(US_CORE_SEX);
        if (sex != null && sex.getValue() instanceof Coding coding && coding.hasDisplay()) {
            return coding.getDisplay();
        }
        if (sex != null && sex.getValue() != null && sex.getValue().isPrimitive()) {
            return sex.getValue().primitiveValue();
        }
        return "Sex unknown";
    }

    static String mrn(Patient patient) {
        for (Identifier identifier : patient.getIdentifier()) {
            boolean isMrn = identifier.getType().getCoding().stream()
                    .anyMatch(c -> "MR".equals(c.getCode()));
            if (isMrn && identifier.hasValue()) {
                return identifier.getValue();
            }
        }
        return "MRN unknown";
    }

    /** A date as written in the record, to the day at most; partial dates stay partial (never a guessed day). */
    static String asRecorded(String fhirDate) {
        return fhirDate.length() > 10 ? fhirDate.substring(0, 10) : fhirDate;
    }

    /** The calendar date as written in the record (no time-zone shift); partial dates take their first day. */
    static LocalDate localDate(String fhirDate) {
        if (fhirDate == null || fhirDate.length() < 4) {
            return null;
        }
        String d = fhirDate.length() >= 10 ? fhirDate.substring(0, 10)
                : fhirDate.length() >= 7 ? fhirDate.substring(0, 7) + "-01" : fhirDate.substring(0, 4) + "-01-01";
        try {
            return LocalDate.parse(d);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
