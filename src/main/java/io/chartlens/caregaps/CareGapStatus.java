package io.chartlens.caregaps;

/**
 * A measure's gap status for one patient, in the DEQM care-gap terms
 * ({@code http://hl7.org/fhir/us/davinci-deqm/CodeSystem/gaps-status}), plus {@link #FAILED}, which DEQM does not
 * have: the measure could not be evaluated, and nothing is claimed about the patient.
 */
public enum CareGapStatus {
    OPEN_GAP("open-gap", "Open gap"),
    PROSPECTIVE_GAP("prospective-gap", "Due soon"),
    CLOSED_GAP("closed-gap", "Met"),
    NOT_APPLICABLE("not-applicable", "Not applicable"),
    FAILED("failed", "Could not evaluate");

    public static final String SYSTEM = "http://hl7.org/fhir/us/davinci-deqm/CodeSystem/gaps-status";

    private final String code;
    private final String label;

    CareGapStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Most urgent first: the order the page lists gaps in. */
    public int urgency() {
        return ordinal();
    }
}
