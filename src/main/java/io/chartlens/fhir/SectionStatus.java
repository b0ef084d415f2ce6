package io.chartlens.fhir;

/**
 * How the load of one {@link RecordSection} went. A section that is not COMPLETE must be shown as such: missing data
 * is never shown as normal.
 *
 * @param section      the section
 * @param availability COMPLETE, PARTIAL (some pages failed, or the cap was reached) or UNAVAILABLE
 * @param reason       why it is not complete, in plain words without PHI (null when COMPLETE)
 * @param requests     HTTP requests made for this section, retries included
 * @param resources    resources kept
 */
public record SectionStatus(RecordSection section, Availability availability, String reason, int requests,
                            int resources) {

    /** Whether a section's data can be relied on as complete. */
    public enum Availability { COMPLETE, PARTIAL, UNAVAILABLE }

    public boolean complete() {
        return availability == Availability.COMPLETE;
    }
}
