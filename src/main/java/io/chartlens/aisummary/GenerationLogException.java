package io.chartlens.aisummary;

/**
 * The generation log could not be written or read. The message says which, with exception types and SQL states
 * only: database messages can quote the values of a statement.
 */
public class GenerationLogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GenerationLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
