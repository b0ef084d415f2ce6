package io.chartlens.system.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A row of {@code audit_event} (created by {@code db/migration/V1__audit.sql}; JPA never generates schema).
 *
 * <p>Write-once: there are no setters, and nothing in the app updates or deletes audit rows. Ids come from the
 * sequence {@code audit_event_seq}, which steps by 50 to match {@code allocationSize = 50} (EclipseLink takes the
 * fetched value as the last id of a block of 50). Not IDENTITY: EclipseLink 4 with H2 2.x fails on it.
 *
 * <p>The time is an {@link OffsetDateTime} in UTC, a type JPA 3.1 maps natively to
 * {@code TIMESTAMP WITH TIME ZONE} ({@code Instant} only became a standard JPA type in 3.2). The object's default
 * {@code toString} is kept on purpose: it prints no field, so no PHI.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", initialValue = 50,
            allocationSize = 50)
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "actor", nullable = false, updatable = false, length = AuditRecord.WHO_MAX)
    private String actor;

    @Column(name = "ehr", nullable = false, updatable = false, length = AuditRecord.EHR_MAX)
    private String ehr;

    @Column(name = "patient_id", nullable = false, updatable = false, length = AuditRecord.PATIENT_MAX)
    private String patientId;

    @Column(name = "encounter_id", updatable = false, length = AuditRecord.ENCOUNTER_MAX)
    private String encounterId;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, updatable = false, length = 40)
    private AuditAction action;

    @Column(name = "resource_types", nullable = false, updatable = false, length = AuditRecord.RESOURCE_TYPES_MAX)
    private String resourceTypes;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, updatable = false, length = 20)
    private AuditOutcome outcome;

    @Column(name = "detail", updatable = false, length = AuditRecord.DETAIL_MAX)
    private String detail;

    @Column(name = "request_id", updatable = false, length = AuditRecord.REQUEST_ID_MAX)
    private String requestId;

    /** For JPA only. */
    protected AuditEvent() {
    }

    /** A new, not yet persisted row for a validated record, stamped with the given time (converted to UTC). */
    static AuditEvent of(AuditRecord record, OffsetDateTime occurredAt) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = occurredAt.withOffsetSameInstant(ZoneOffset.UTC);
        event.actor = record.who();
        event.ehr = record.ehr();
        event.patientId = record.patientId();
        event.encounterId = record.encounterId();
        event.action = record.action();
        event.resourceTypes = record.resourceTypesJoined();
        event.outcome = record.outcome();
        event.detail = record.detail();
        event.requestId = record.requestId();
        return event;
    }

    /** The immutable view handed out of the audit package. */
    AuditEntry toEntry() {
        return new AuditEntry(id, occurredAt.toInstant(), new AuditRecord(actor, ehr, patientId, encounterId, action,
                AuditRecord.splitResourceTypes(resourceTypes), outcome, detail, requestId));
    }

    public Long getId() {
        return id;
    }

    public OffsetDateTime getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getEhr() {
        return ehr;
    }

    public String getPatientId() {
        return patientId;
    }

    public String getEncounterId() {
        return encounterId;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getResourceTypes() {
        return resourceTypes;
    }

    public AuditOutcome getOutcome() {
        return outcome;
    }

    public String getDetail() {
        return detail;
    }

    public String getRequestId() {
        return requestId;
    }
}
