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

    /**
     * Opens one patient's record for the evaluation of several libraries in turn, so that whatever the engine builds
     * from the record (its data provider, its index of the resources) is built once per record, not once per
     * library. The default evaluates each library on its own through {@link #evaluate}.
     *
     * @param data      the patient's record (read only)
     * @param patientId the id of the Patient in {@code data}
     * @param period    the measurement period
     * @return an evaluation to use from one thread, for this record only
     */
    default RecordEvaluation open(Bundle data, String patientId, MeasurementPeriod period) {
        return (library, expressions) -> evaluate(library, data, patientId, period, expressions);
    }

    /** One record opened for evaluation ({@link #open}); not thread-safe. */
    @FunctionalInterface
    interface RecordEvaluation {
        /**
         * Evaluates named expressions of a library on the opened record.
         *
         * @throws CqlEvaluationException when the engine fails, with its reason
         */
        CqlResults evaluate(LibraryRef library, Set<String> expressions);
    }

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
