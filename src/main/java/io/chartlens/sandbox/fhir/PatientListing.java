package io.chartlens.sandbox.fhir;

import java.time.LocalDate;

/**
 * One row of the sandbox EHR's patient picker.
 *
 * @param id          the Patient's logical id (never null)
 * @param displayName given names and family name of the official (else usual, else first) name; "(no name)" if none
 * @param birthDate   the birth date, or null when the record has none
 * @param gender      the administrative gender code, or "unknown" when absent (inferno 908 has none)
 * @param deceased    true when deceasedBoolean is true or a deceasedDateTime is present
 */
public record PatientListing(String id, String displayName, LocalDate birthDate, String gender, boolean deceased) {
}
