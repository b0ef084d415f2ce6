package io.chartlens.caregaps;

/** The CQL engine could not translate or evaluate a library; the message says why, without patient data. */
public class CqlEvaluationException extends RuntimeException {

    public CqlEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }

    public CqlEvaluationException(String message) {
        super(message);
    }
}
