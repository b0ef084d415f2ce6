package io.chartlens.review;


/**
 * The review could not read (or, for rule versions, write) the database. The message says what could not be done
 * and the cause chain as exception types and SQL states only: database messages may quote values (PHI).
 */
public class ReviewUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReviewUnavailableException(String what, Throwable cause) {
        super("The review data are unavailable: could not " + what + " (" + describe(cause) + ")", cause);
    }

    /** E.g. {@code PSQLException[SQLState 08001, code 0]}; no messages. */

    static String describe(Throwable failure) {
        return io.chartlens.system.CauseChain.describe(failure);
    }
}
