package io.chartlens.system.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records who accessed which patient's data, and reads the trail back.
 *
 * <p>Each {@link #record} commits in its own transaction before it returns. If it cannot, it throws
 * {@link AuditUnavailableException} and never swallows the failure: ChartLens fails the page rather than show
 * data it could not audit. Log lines here carry the action, outcome and counts only, never who, the patient or
 * the encounter, and never a database message (H2's can echo values).
 */
@ApplicationScoped
public class AuditTrail {

    /** The most rows {@link #recent} returns, however many are asked for. */
    public static final int RECENT_MAX = 1000;

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

    @Inject
    AuditStore store;

    /** Stored with microsecond precision, which both H2 and PostgreSQL keep, so a read-back equals what was set. */
    Clock clock = Clock.systemUTC();

    /**
     * Writes one audit row, committed in its own transaction ({@code REQUIRES_NEW}) before this returns.
     *
     * @throws AuditUnavailableException if the row could not be written and committed (the access is then not
     *                                   audited, and the caller must not show or send the data)
     */
    public void record(AuditRecord record) {
        Objects.requireNonNull(record, "record");
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MICROS);
        guarded("record " + record.action() + " (" + record.outcome() + ")",
                () -> {
                    store.insert(AuditEvent.of(record, now));
                    return null;
                });
        LOG.fine(() -> "Audited " + record.action() + " " + record.outcome() + " of "
                + record.resourceTypes().size() + " resource type(s)");
    }

    /**
     * The newest entries for one patient, newest first. For administration and tests.
     *
     * @param max how many at most (1 or more; more than {@value #RECENT_MAX} is reduced to that)
     * @throws AuditUnavailableException if the trail cannot be read
     */
    public List<AuditEntry> recent(String patientId, int max) {
        String id = requirePatientId(patientId);
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1 (was " + max + ")");
        }
        return guarded("read recent entries", () -> store.recent(id, Math.min(max, RECENT_MAX)));
    }

    /**
     * How many entries exist for one patient. For administration and tests.
     *
     * @throws AuditUnavailableException if the trail cannot be read
     */
    public long count(String patientId) {
        String id = requirePatientId(patientId);
        return guarded("count entries", () -> store.count(id));
    }

    private static String requirePatientId(String patientId) {
        if (patientId == null || patientId.isBlank()) {
            throw new IllegalArgumentException("patientId is required");
        }
        return patientId.strip();
    }

    /** Runs a database step and turns any failure into a PHI-free {@link AuditUnavailableException}. */
    private static <T> T guarded(String what, Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            String causes = describe(e);
            LOG.log(Level.SEVERE, "Audit trail unavailable: could not {0}: {1}", new Object[] {what, causes});
            throw new AuditUnavailableException("The audit trail is unavailable: could not " + what + " ("
                    + causes + ")", e);
        }
    }

    /**
     * The cause chain as exception types plus SQL states and vendor codes, e.g.
     * {@code PersistenceException <- DatabaseException <- PSQLException[SQLState 08001]}. No messages: they may
     * quote SQL values.
     */

    /** See {@link io.chartlens.system.CauseChain#describe}. */
    static String describe(Throwable failure) {
        return io.chartlens.system.CauseChain.describe(failure);
    }
}
