/**
 * The audit trail of patient-data access: who (a fhirUser reference) saw or exported which patient's data, from
 * which EHR, with what outcome.
 *
 * <p>Rules that hold throughout: an audit write runs in its own transaction, so it commits even if the caller's
 * work fails; an audit write that cannot be made throws {@link io.chartlens.system.audit.AuditUnavailableException}
 * and never fails silently; nothing here logs PHI (patient and encounter ids count as PHI; log lines carry only
 * actions, outcomes and counts). Flyway owns the schema ({@code db/migration}); JPA only maps it.
 */
package io.chartlens.system.audit;
