-- The audit trail of patient-data access: one row per page or export that showed or sent a patient's data.
-- Portable SQL: the same file runs on H2 2.x (development, tests) and PostgreSQL 15 (production).
-- Ids come from a sequence that steps by 50, matching the JPA allocationSize=50: EclipseLink treats the value
-- it fetches as the last id of a block of 50, so START WITH must equal INCREMENT BY (no IDENTITY: EclipseLink 4
-- with H2 2.x fails on it).

CREATE SEQUENCE audit_event_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE audit_event (
    id             BIGINT                   NOT NULL,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the fhirUser reference (e.g. Practitioner/123 or an absolute URL), never a name
    actor          VARCHAR(300)             NOT NULL,
    -- the EHR registration id
    ehr            VARCHAR(100)             NOT NULL,
    patient_id     VARCHAR(200)             NOT NULL,
    encounter_id   VARCHAR(200),
    -- READ_RECORD, VIEW_SUMMARY, EXPORT
    action         VARCHAR(40)              NOT NULL,
    -- comma-separated FHIR resource types, sorted
    resource_types VARCHAR(500)             NOT NULL,
    -- SUCCESS, PARTIAL, FAILURE
    outcome        VARCHAR(20)              NOT NULL,
    -- why a load was partial or failed, without PHI (e.g. "Observation: HTTP 403")
    detail         VARCHAR(500),
    request_id     VARCHAR(64),
    CONSTRAINT audit_event_pk PRIMARY KEY (id)
);

-- "who looked at this patient, recently" and "what did this user look at, recently"
CREATE INDEX audit_event_patient_time ON audit_event (patient_id, occurred_at);
CREATE INDEX audit_event_actor_time ON audit_event (actor, occurred_at);
