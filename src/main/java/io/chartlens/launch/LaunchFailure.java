package io.chartlens.launch;

/**
 * Why a launch could not go on. Each reason carries the HTTP status of its page and what the user should do;
 * {@link io.chartlens.system.ErrorPages} turns it into a page.
 */
public enum LaunchFailure {
    MISSING_ISS(400, "The EHR did not say which FHIR server to use (no iss).",
            "Please relaunch ChartLens from the EHR."),
    UNKNOWN_ISS(403, "This EHR is not registered with ChartLens, so ChartLens did not contact it.",
            "Ask your informatics team to register this EHR, then relaunch."),
    MISSING_LAUNCH(400, "The EHR did not send a launch context.",
            "Please relaunch ChartLens from the patient's chart."),
    UNKNOWN_EHR(404, "No EHR with that name is registered.",
            "Choose an EHR from the list on the start page."),
    DISCOVERY_FAILED(502, "ChartLens could not read the EHR's SMART configuration.",
            "Please try again in a minute; if it persists, contact your informatics team."),
    STATE_MISSING(400, "The sign-in response had no state, so it cannot be matched to a launch.",
            "Please relaunch ChartLens from the EHR."),
    STATE_MISMATCH(400, "The sign-in response does not belong to a launch started in this browser session.",
            "Please relaunch ChartLens from the EHR."),
    STATE_REUSED(400, "This sign-in response was already used.",
            "Continue to the summary, or relaunch ChartLens from the EHR."),
    AUTHORIZATION_DENIED(403, "The EHR did not authorize ChartLens.",
            "Please relaunch ChartLens from the EHR; if it persists, contact your informatics team."),
    TOKEN_EXCHANGE_FAILED(502, "ChartLens could not complete sign-in with the EHR.",
            "Please relaunch ChartLens from the EHR."),
    ID_TOKEN_INVALID(502, "The EHR's identity token could not be verified, so ChartLens did not sign you in.",
            "Please relaunch ChartLens from the EHR; if it persists, contact your informatics team."),
    NO_PATIENT_IN_CONTEXT(400, "The EHR did not say which patient to show.",
            "Please relaunch ChartLens from a patient's chart."),
    SESSION_EXPIRED(401, "Your ChartLens session has ended or was never started.",
            "Please relaunch ChartLens from the EHR."),
    TOKEN_REFRESH_FAILED(401, "Your access to the EHR expired and could not be renewed.",
            "Please relaunch ChartLens from the EHR."),
    SESSION_STORE_UNAVAILABLE(503, "ChartLens cannot keep your sign-in right now (its session store is unavailable).",
            "Please try again in a minute; if it keeps happening, tell your IT support."),
    CONFIGURATION_ERROR(500, "ChartLens is not configured correctly for this EHR.",
            "Contact your informatics team.");

    private final int status;
    private final String message;
    private final String action;

    LaunchFailure(int status, String message, String action) {
        this.status = status;
        this.message = message;
        this.action = action;
    }

    public int status() {
        return status;
    }

    /** What happened, in plain words. */
    public String message() {
        return message;
    }

    /** What the user should do next. */
    public String action() {
        return action;
    }
}
