-- The feedback log: every clinician decision on a card (accepted, overridden with a reason, dismissed) and every
-- what-if input correction. Append-only and hash-chained: each row's row_hash is SHA-256 over the previous row's
-- hash plus this row's time and content (see io.chartlens.overrides.FeedbackChain for the exact serialisation),
-- and feedback_chain_head holds the newest hash and the row count, so a changed, deleted or forged row is found by
-- FeedbackLog.verify().
-- Portable SQL: the same file runs on H2 2.x (development, tests) and PostgreSQL 15 (production).
--
-- Ids come from feedback_event_seq, fetched by the application INSIDE the lock on feedback_chain_head, so id
-- order is chain order (a JPA-style preallocated id block would break that across servers). The sequence steps by
-- 50 only to follow the project's convention (V1, allocationSize = 50); ids therefore go 50, 100, 150, ...

CREATE SEQUENCE feedback_event_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE feedback_event (
    id           BIGINT                   NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the fhirUser reference (e.g. Practitioner/123 or an absolute URL), never a name
    actor        VARCHAR(300)             NOT NULL,
    actor_role   VARCHAR(40),
    -- the EHR registration id
    ehr          VARCHAR(100)             NOT NULL,
    -- pseudonymous: lower-case hex HMAC-SHA256 of the patient id (key: chartlens.pseudonym.key)
    patient_key  VARCHAR(64)              NOT NULL,
    -- the real FHIR patient id, for audit only; analyses use patient_key
    patient_id   VARCHAR(200)             NOT NULL,
    encounter_id VARCHAR(200),
    -- SCORE, CARE_GAP, BUNDLE, AI_STATEMENT
    card_type    VARCHAR(20)              NOT NULL,
    -- what produced the card, e.g. a score id, and its version
    rule_id      VARCHAR(100)             NOT NULL,
    rule_version VARCHAR(40)              NOT NULL,
    -- ACCEPTED, OVERRIDDEN (the CDS Hooks 2.0 feedback outcomes), DISMISSED, INPUT_CORRECTED
    outcome      VARCHAR(20)              NOT NULL,
    -- the override reason (code or display), if any
    reason       VARCHAR(200),
    user_comment VARCHAR(2000),
    -- canonical JSON: the inputs shown at the time (ids, values) and, for INPUT_CORRECTED, the correction
    payload      VARCHAR(8000)            NOT NULL,
    launch_id    VARCHAR(64),
    prev_hash    CHAR(64)                 NOT NULL,
    row_hash     CHAR(64)                 NOT NULL,
    CONSTRAINT feedback_event_pk PRIMARY KEY (id),
    CONSTRAINT feedback_event_row_hash_uq UNIQUE (row_hash)
);

-- "what was decided for this patient, recently" and "how is this rule/score received, over time"
CREATE INDEX feedback_event_patient_time ON feedback_event (patient_key, occurred_at);
CREATE INDEX feedback_event_rule_time ON feedback_event (rule_id, occurred_at);

-- Exactly one row (id = 1): the newest row_hash and how many rows the chain holds. Every append locks this row
-- (SELECT ... FOR UPDATE), which serialises appends across threads and servers.
CREATE TABLE feedback_chain_head (
    id        INTEGER  NOT NULL,
    last_hash CHAR(64) NOT NULL,
    row_count BIGINT   NOT NULL,
    CONSTRAINT feedback_chain_head_pk PRIMARY KEY (id),
    CONSTRAINT feedback_chain_head_single CHECK (id = 1)
);

-- the genesis: no rows yet, and the hash the first row links to is 64 zeros
INSERT INTO feedback_chain_head (id, last_hash, row_count)
VALUES (1, '0000000000000000000000000000000000000000000000000000000000000000', 0);
