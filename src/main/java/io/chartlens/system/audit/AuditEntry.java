package io.chartlens.system.audit;

import java.time.Instant;

/**
 * A recorded access, as read back from the trail: the database id and time plus what the caller recorded.
 *
 * @param id         the row's id (from {@code audit_event_seq}); ids are not in time order across servers
 * @param occurredAt when {@link AuditTrail#record} wrote it (microsecond precision, as stored)
 * @param record     what was recorded; its {@code toString} leaves out PHI
 */
public record AuditEntry(long id, Instant occurredAt, AuditRecord record) {
}
