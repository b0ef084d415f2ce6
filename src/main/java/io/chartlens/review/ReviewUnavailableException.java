package io.chartlens.review;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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
        List<String> parts = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null && parts.size() < 8;
             t = t.getCause()) {
            String part = t.getClass().getSimpleName();
            if (t instanceof SQLException sql) {
                part += "[SQLState " + sql.getSQLState() + ", code " + sql.getErrorCode() + "]";
            }
            parts.add(part);
        }
        return String.join(" <- ", parts);
    }
}
