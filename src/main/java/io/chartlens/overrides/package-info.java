/**
 * The override/feedback log: every clinician decision on a card (accepted, overridden with a reason, dismissed)
 * and every what-if input correction, kept so that no feedback is ever lost and none can be changed unnoticed.
 *
 * <p>Entry point: {@link io.chartlens.overrides.FeedbackLog}. Rules that hold throughout:
 * <ul>
 *   <li>An append either commits (or joins the caller's transaction) or throws
 *       {@link io.chartlens.overrides.FeedbackUnavailableException} ("the decision was NOT saved"); it never fails
 *       silently.</li>
 *   <li>The log is a hash chain ({@link io.chartlens.overrides.FeedbackChain}): each row's hash covers the
 *       previous row's hash and the row's content, and a single head row ({@code feedback_chain_head}) holds the
 *       newest hash and the count. Appends lock the head row, so they are serialised across threads and servers,
 *       and ids (fetched inside the lock) are in chain order. {@link io.chartlens.overrides.FeedbackLog#verify()}
 *       finds a changed, deleted or forged row.</li>
 *   <li>Plain JDBC over the container's data source {@code jdbc/chartlens} inside a JTA transaction, not JPA: the
 *       append is a lock, a sequence fetch, an insert and a guarded update, which JDBC says exactly (and the same
 *       code runs in plain unit tests on H2 and PostgreSQL); JPA's preallocated id blocks would also break "id order
 *       is chain order" across servers.</li>
 *   <li>Nothing here logs PHI: actor, patient and encounter ids, comments and payloads never reach a log line or
 *       an exception message (logs carry card types, outcomes, counts, SQL states).</li>
 *   <li>Flyway owns the schema ({@code db/migration/V2__feedback_log.sql}).</li>
 * </ul>
 */
package io.chartlens.overrides;
