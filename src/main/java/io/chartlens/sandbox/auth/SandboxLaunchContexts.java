package io.chartlens.sandbox.auth;

import java.util.Optional;

/** The sandbox EHR's store of EHR-launch contexts: the opaque {@code launch} value maps to who and which patient. */
public interface SandboxLaunchContexts {

    /** What an EHR launch was opened for. {@code encounterId} may be null. */
    record LaunchContext(String patientId, String encounterId, String practitionerId) {}

    /** Registers a context and returns a fresh, unguessable {@code launch} value. */
    String register(LaunchContext context);

    /** The context of a {@code launch} value, or empty if unknown or expired. */
    Optional<LaunchContext> find(String launch);
}
