package io.chartlens.caregaps;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A FHIR resource behind a care-gap status: what made the patient eligible, excluded them, or closed the gap.
 *
 * @param role      why it is cited
 * @param reference {@code Type/id}
 * @param display   what it is (its code's text), or the resource type when it has none
 * @param date      its clinical date, when it has one
 */
public record Evidence(Role role, String reference, String display, Optional<LocalDate> date) {

    /** Declared in the order the page lists them: what met the measure first. */
    public enum Role {
        NUMERATOR("met the measure"),
        EXCLUSION("excluded the patient"),
        ELIGIBILITY("made the patient eligible");

        private final String description;

        Role(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public String resourceType() {
        return reference.substring(0, reference.indexOf('/'));
    }
}
