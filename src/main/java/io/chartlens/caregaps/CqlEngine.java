package io.chartlens.caregaps;

import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The one door to the CQL engine. Its implementation is the only code that knows the engine's API, which changes
 * in the next major version (CQL 5).
 */
public interface CqlEngine {

    /**
     * Evaluates named expressions of a measure's library for one patient.
     *
     * @param library     the library's name and version
     * @param data        the patient's record (read only)
     * @param patientId   the id of the Patient in {@code data}
     * @param period      the measurement period
     * @param expressions the expression names wanted
     * @return each expression's value as a plain Java value
     * @throws CqlEvaluationException when the engine fails, with its reason
     */
    CqlResults evaluate(LibraryRef library, Bundle data, String patientId, MeasurementPeriod period,
            Set<String> expressions);

    /** Translates (and caches) a library ahead of the first evaluation; fails with the translator's messages. */
    void prepare(LibraryRef library);

    /** A library by name and version, as in a CQL {@code library} header. */
    record LibraryRef(String name, String version) {
        @Override
        public String toString() {
            return name + " " + version;
        }
    }
}
