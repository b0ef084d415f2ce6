package io.chartlens.overrides;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The override/feedback log: saves every clinician decision on a card and every what-if input correction, in a
 * tamper-evident hash chain, and reads it back.
 *
 * <p>{@link #append} either saves the decision (committed when it returns, or part of the caller's transaction if
 * one is active) or throws {@link FeedbackUnavailableException}, whose message says the decision was NOT saved;
 * it never swallows a failure. Log lines carry card types, outcomes and counts only; never the actor, the patient,
 * the encounter, comments, payloads or database messages (they can echo values).
 *
 * <p>Configuration (MicroProfile Config): {@value PatientPseudonyms#KEY_PROPERTY}, the HMAC key for patient keys
 * (hex or Base64, at least 32 bytes; see {@link PatientPseudonyms}); required unless
 * {@code chartlens.sandbox.enabled=true}, where a fixed development key is used with a warning.
 */
@ApplicationScoped
public class FeedbackLog {

    /** The most rows {@link #recent} returns, however many are asked for. */
    public static final int RECENT_MAX = 1000;

    private static final Logger LOG = Logger.getLogger(FeedbackLog.class.getName());
    private static final Pattern PATIENT_KEY = Pattern.compile("[0-9a-f]{64}");

    @Inject
    FeedbackStore store;

    @Inject
    @ConfigProperty(name = PatientPseudonyms.KEY_PROPERTY)
    Optional<String> pseudonymKey;

    @Inject
    @ConfigProperty(name = "chartlens.sandbox.enabled", defaultValue = "false")
    boolean sandboxEnabled;

    private volatile PatientPseudonyms pseudonyms;

    /** For CDI. */
    public FeedbackLog() {
    }

    /** For tests and tools: no container, a store on a plain data source. */
    FeedbackLog(FeedbackStore store, PatientPseudonyms pseudonyms) {
        this.store = Objects.requireNonNull(store, "store");
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
    }

    /**
     * For tools and tests outside this package (the review feature's synthetic-history seeder and its tests): a log
     * on a plain data source whose appends commit themselves, stamped with {@code clock}'s time. Everything else is
     * the production path (lock, sequence, hash, guarded head update).
     *
     * <p>The chain does not hash the order of times, but readers assume that times never go backwards in id order:
     * the caller must give a clock that does not run backwards and does not start before the newest stored row.
     *
     * @param pseudonymKey   as {@value PatientPseudonyms#KEY_PROPERTY}; empty with {@code sandboxEnabled} = the fixed
     *                       development key (see {@link PatientPseudonyms})
     * @throws IllegalStateException if there is no usable key (see {@link PatientPseudonyms})
     */
    public static FeedbackLog onDataSource(javax.sql.DataSource dataSource, Optional<String> pseudonymKey,
                                           boolean sandboxEnabled, java.time.Clock clock) {
        return new FeedbackLog(new FeedbackStore(new FeedbackRepository(dataSource,
                FeedbackRepository.Transactions.LOCAL, clock, FeedbackRepository.DEFAULT_PAGE_SIZE)),
                PatientPseudonyms.fromConfig(pseudonymKey, sandboxEnabled));
    }

    /**
     * Saves one decision: locks the chain head, stamps the time (UTC, microseconds), computes the patient key and
     * the row hash, inserts the row and moves the head, all in one transaction ({@code REQUIRED}: the caller's if
     * active, else its own, committed before this returns).
     *
     * @return the row as stored (id, time, patient key, hashes)
     * @throws FeedbackUnavailableException if it was not saved: database down or not migrated, lock wait over
     *                                      {@value FeedbackRepository#LOCK_TIMEOUT_SECONDS} s, commit failed, or
     *                                      no pseudonym key configured. When joining the caller's transaction, that
     *                                      transaction is marked rollback-only, and a failure of the caller's later
     *                                      commit is the caller's to report.
     */
    public StoredFeedback append(FeedbackEntry entry) {
        Objects.requireNonNull(entry, "entry");
        String what = "save a " + entry.outcome() + " decision on a " + entry.cardType() + " card";
        StoredFeedback stored = guarded(what, () -> store.append(entry, pseudonyms().keyOf(entry.patientId())));
        LOG.fine(() -> "Saved feedback " + entry.outcome() + " on " + entry.cardType() + " " + entry.ruleId()
                + " as row " + stored.id());
        return stored;
    }

    /**
     * Checks the whole chain, reading it in id order a page (1,000 rows) at a time. Appends may continue
     * meanwhile. A broken chain is a result, not an exception; it is also logged as SEVERE (ids and reason only).
     *
     * @throws FeedbackUnavailableException if the log cannot be read
     */
    public ChainVerification verify() {
        ChainVerification result = guarded("verify the feedback chain", store::verify);
        if (!result.ok()) {
            LOG.log(Level.SEVERE, "Feedback chain is broken at row {0} after {1} row(s): {2}",
                    new Object[] {result.firstBrokenId(), result.rowsChecked(), result.reason()});
        }
        return result;
    }

    /**
     * The newest decisions for one patient, newest first.
     *
     * @param patientKey the patient key ({@link #patientKey(String)}), 64 lower-case hex digits
     * @param max        how many at most (1 or more; more than {@value #RECENT_MAX} is reduced to that)
     * @throws FeedbackUnavailableException if the log cannot be read
     */
    public List<StoredFeedback> recent(String patientKey, int max) {
        if (patientKey == null || !PATIENT_KEY.matcher(patientKey).matches()) {
            throw new IllegalArgumentException("patientKey must be 64 lower-case hex digits (see patientKey())");
        }
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1 (was " + max + ")");
        }
        return guarded("read recent feedback", () -> store.recent(patientKey, Math.min(max, RECENT_MAX)));
    }

    /**
     * How many rows the log holds.
     *
     * @throws FeedbackUnavailableException if the log cannot be read
     */
    public long count() {
        return guarded("count feedback", store::count);
    }

    /**
     * The pseudonymous key of a patient: lower-case hex HMAC-SHA256 of the stripped FHIR logical id, with the key
     * {@value PatientPseudonyms#KEY_PROPERTY}.
     *
     * @throws IllegalArgumentException if the id is blank
     * @throws IllegalStateException    if no key is configured (outside the sandbox) or the key is malformed
     */
    public String patientKey(String patientId) {
        return pseudonyms().keyOf(patientId);
    }

    private PatientPseudonyms pseudonyms() {
        PatientPseudonyms p = pseudonyms;
        if (p == null) {
            p = PatientPseudonyms.fromConfig(pseudonymKey == null ? Optional.empty() : pseudonymKey,
                    sandboxEnabled);
            pseudonyms = p;
        }
        return p;
    }

    /** Runs a step and turns any failure into a PHI-free {@link FeedbackUnavailableException}. */
    private static <T> T guarded(String what, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalStateException e) {
            if (e.getMessage() != null && e.getMessage().contains(PatientPseudonyms.KEY_PROPERTY)) {
                LOG.log(Level.SEVERE, "Feedback log unavailable: could not {0}: {1}",
                        new Object[] {what, e.getMessage()});
                throw new FeedbackUnavailableException(notSaved(what) + e.getMessage(), e);
            }
            throw unavailable(what, e);
        } catch (RuntimeException e) {
            throw unavailable(what, e);
        }
    }

    private static FeedbackUnavailableException unavailable(String what, RuntimeException e) {
        String causes = describe(e);
        LOG.log(Level.SEVERE, "Feedback log unavailable: could not {0}: {1}", new Object[] {what, causes});
        return new FeedbackUnavailableException(notSaved(what) + "(" + causes + ")", e);
    }

    private static String notSaved(String what) {
        return what.startsWith("save")
                ? "The feedback log is unavailable: the decision was NOT saved (could not " + what + ") "
                : "The feedback log is unavailable: could not " + what + " ";
    }

    /**
     * The cause chain as exception types plus SQL states and vendor codes, e.g.
     * {@code StoreFailure <- PSQLException[SQLState 08001, code 0]}. No messages: they may quote SQL values.
     */

    /** See {@link io.chartlens.system.CauseChain#describe}. */
    static String describe(Throwable failure) {
        return io.chartlens.system.CauseChain.describe(failure);
    }
}
