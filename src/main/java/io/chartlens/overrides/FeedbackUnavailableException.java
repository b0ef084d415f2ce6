package io.chartlens.overrides;

/**
 * The feedback log could not save (or read) feedback: the database is down, the commit failed, the schema is
 * missing, or the pseudonym key is not configured. When {@link FeedbackLog#append} throws this, the decision was
 * NOT saved, and the user must be told so (and may retry).
 *
 * <p>Unchecked, like {@code AuditUnavailableException}. The message never contains PHI; it names the step and the
 * exception types and SQL states of the cause. Log the message, not the whole cause chain.
 */
public class FeedbackUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FeedbackUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
