package io.chartlens.system.audit;

/** What a user did with a patient's data. Stored by name (at most 40 characters), so never rename a constant. */
public enum AuditAction {
    /** The app read the patient's record from the EHR's FHIR server. */
    READ_RECORD,
    /** The user was shown the patient summary page. */
    VIEW_SUMMARY,
    /** The patient's data left the app (download, print, copy-out). */
    EXPORT,
    /** The app wrote draft orders for the patient to the EHR's FHIR server. */
    WRITE_DRAFT_ORDERS,
    /** An informaticist or administrator viewed a review page of the (pseudonymised) feedback log. */
    VIEW_REVIEW
}
