package io.chartlens.sandbox.fhir;

/**
 * One user the sandbox EHR can simulate.
 *
 * @param id          the Practitioner's logical id (never null)
 * @param displayName the name with its suffixes, for example "Alex Rivera, MD" (never null)
 * @param npi         the US NPI identifier value, or null when the Practitioner has none
 */
public record PractitionerListing(String id, String displayName, String npi) {
}
