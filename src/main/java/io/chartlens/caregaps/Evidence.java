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

    public enum Role {
        ELIGIBILITY("made the patient eligible"),
        EXCLUSION("excluded the patient"),
        NUMERATOR("met the measure");

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
