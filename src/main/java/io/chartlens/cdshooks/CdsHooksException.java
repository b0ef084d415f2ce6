package io.chartlens.cdshooks;

/**
 * A CDS Hooks request refused for a {@link CdsFailure}. The detail is sent to the client and logged, so it never
 * carries PHI or tokens: it names fields, keys and counts, never values.
 */
public class CdsHooksException extends Exception {

    private static final long serialVersionUID = 1L;
    private static final int DETAIL_MAX = 300;

    private final CdsFailure failure;
    private final String detail;

    public CdsHooksException(CdsFailure failure, String detail) {
        this(failure, detail, null);
    }

    public CdsHooksException(CdsFailure failure, String detail, Throwable cause) {
        super(failure + (detail == null ? "" : ": " + safe(detail)), cause);
        this.failure = failure;
        this.detail = detail == null ? null : safe(detail);
    }

    public CdsFailure failure() {
        return failure;
    }

    /** What exactly was wrong, without PHI; may be null. */
    public String detail() {
        return detail;
    }

    /** A value from outside made safe for a log line or a message: no control characters, bounded length. */
    static String safe(String value) {
        if (value == null) {
            return "(none)";
        }
        String cleaned = value.replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]", "?");
        return cleaned.length() > DETAIL_MAX ? cleaned.substring(0, DETAIL_MAX) + "…" : cleaned;
    }
}
