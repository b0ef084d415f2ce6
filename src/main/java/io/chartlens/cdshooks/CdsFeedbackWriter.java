package io.chartlens.cdshooks;

import io.chartlens.overrides.FeedbackEntry;
import io.chartlens.overrides.FeedbackLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;

/**
 * Appends one feedback request's entries to the feedback log in one transaction: all of them or none, so that a
 * client that retries after a 503 never leaves half a request logged twice. {@link FeedbackLog#append} joins this
 * transaction; a failure in it (or at commit, which the interceptor raises after this returns) reaches the caller
 * as an unchecked exception.
 */
@ApplicationScoped
public class CdsFeedbackWriter {

    @Inject
    FeedbackLog log;

    @Transactional(TxType.REQUIRED)
    public void appendAll(List<FeedbackEntry> entries) {
        entries.forEach(log::append);
    }
}
