package io.chartlens.sandbox.fhir;

import ca.uhn.fhir.context.FhirContext;

/**
 * The one R4 {@link FhirContext} of the sandbox. A context is expensive to build (it scans the whole model),
 * and parsers and the server must agree on one, so every sandbox class takes it from here.
 */
public final class SandboxFhirContext {

    private SandboxFhirContext() {
    }

    /** The shared, thread-safe R4 context. */
    public static FhirContext get() {
        return FhirContext.forR4Cached();
    }
}
