package io.chartlens.overrides;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The transactional side of {@link FeedbackLog}; use {@code FeedbackLog}, not this class (it is public only so CDI
 * can proxy and intercept it).
 *
 * <p>A separate bean, as with the audit trail's {@code AuditStore}, so that the transaction boundary sits inside
 * {@code FeedbackLog}'s error handling: a failure at commit, which the {@code @Transactional} interceptor raises
 * after {@link #append} returns, still becomes a {@link FeedbackUnavailableException}. Database errors are
 * rethrown unchecked ({@link StoreFailure}) so the interceptor rolls back (or marks the caller's transaction
 * rollback-only): {@code @Transactional} does not roll back on checked exceptions.
 */
@ApplicationScoped
public class FeedbackStore {

    @Resource(lookup = "jdbc/chartlens")
    DataSource dataSource;

    private volatile FeedbackRepository repository;

    /** For CDI. */
    public FeedbackStore() {
    }

    /** For tests and tools: a repository on a plain data source ({@link FeedbackRepository.Transactions#LOCAL}). */
    FeedbackStore(FeedbackRepository repository) {
        this.repository = repository;
    }

    /**
     * Appends in the caller's JTA transaction if there is one (the row then commits or rolls back with it), else
     * in a new one that commits when this returns.
     */
    @Transactional(TxType.REQUIRED)
    public StoredFeedback append(FeedbackEntry entry, String patientKey) {
        try {
            return repository().append(entry, patientKey);
        } catch (SQLException e) {
            throw new StoreFailure(e);
        }
    }

    public ChainVerification verify() {
        try {
            return repository().verify();
        } catch (SQLException e) {
            throw new StoreFailure(e);
        }
    }

    public List<StoredFeedback> recent(String patientKey, int max) {
        try {
            return repository().recent(patientKey, max);
        } catch (SQLException e) {
            throw new StoreFailure(e);
        }
    }

    public long count() {
        try {
            return repository().count();
        } catch (SQLException e) {
            throw new StoreFailure(e);
        }
    }

    private FeedbackRepository repository() {
        FeedbackRepository r = repository;
        if (r == null) {
            if (dataSource == null) {
                throw new IllegalStateException("Data source jdbc/chartlens was not injected");
            }
            r = new FeedbackRepository(dataSource, FeedbackRepository.Transactions.CONTAINER);
            repository = r;
        }
        return r;
    }

    /** A database failure, unchecked so that {@code @Transactional} rolls back. */
    static final class StoreFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        StoreFailure(SQLException cause) {
            super("feedback database step failed", cause);
        }
    }
}
