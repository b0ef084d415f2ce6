package io.chartlens.system.audit;

/**
 * The audit trail could not record (or read) an access: the database is down, full, misconfigured or not migrated.
 *
 * <p>Unchecked because the caller's only sensible reaction is policy, not recovery: ChartLens fails the page rather
 * than show patient data that was not audited. The message never contains PHI; it names the action and the
 * exception types and SQL states that caused the failure. The cause is kept for diagnosis; with the validation in
 * {@link AuditRecord} and bind parameters hidden from EclipseLink's messages it should carry no PHI either, but
 * callers should log this exception's message rather than dump the whole cause chain into user-visible pages.
 */
public class AuditUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
