package io.chartlens.overrides;

import java.time.Instant;

/**
 * A feedback row as written (returned by {@link FeedbackLog#append}) or read back ({@link FeedbackLog#recent}).
 *
 * @param id         the row's id (from {@code feedback_event_seq}, fetched under the chain lock, so id order is
 *                   chain order)
 * @param occurredAt when the row was appended (UTC, microsecond precision, as stored and hashed)
 * @param patientKey the pseudonymous patient key (lower-case hex HMAC-SHA256 of the patient id)
 * @param entry      what was recorded; its {@code toString} leaves out actor, patient and free text
 * @param prevHash   the previous row's {@code rowHash} (64 zeros for the first row)
 * @param rowHash    this row's hash, see {@link FeedbackChain#rowHash(String, Instant, String, FeedbackEntry)}
 */
public record StoredFeedback(long id, Instant occurredAt, String patientKey, FeedbackEntry entry, String prevHash,
                             String rowHash) {
}
