package io.chartlens.launch;

/** How a launch began (SMART App Launch 2.x §2.0.1 "EHR launch" and "standalone launch"). */
public enum LaunchType {
    /** Opened by the EHR with a {@code launch} parameter, in the patient's chart. */
    EHR,
    /** Opened by the user; the EHR asks which patient ({@code launch/patient}). */
    STANDALONE,
    /** Opened by the user for work without a patient (review pages). */
    PROVIDER
}
