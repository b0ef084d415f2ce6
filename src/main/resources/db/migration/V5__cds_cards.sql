-- The cards the CDS Hooks service issued (io.chartlens.cdshooks), one row per card. CDS Hooks 2.0 feedback names a
-- card only by its uuid, so this is what lets ChartLens record the outcome in the feedback log with what produced
-- the card: the rule (score or measure) and its version, the EHR, the patient, the patient's strata and the inputs
-- shown. A card that is not here gets no feedback row. Rows are written once and never changed.
-- Portable SQL: the same file runs on H2 2.x (development, tests) and PostgreSQL 15 (production).

CREATE TABLE cds_issued_card (
    -- the card's uuid as sent (lower-case, 36 characters)
    card_uuid         VARCHAR(36)              NOT NULL,
    issued_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the hookInstance of the call that issued it
    hook_instance     VARCHAR(36)              NOT NULL,
    -- the CDS client it was issued to (the JWT iss); feedback from another client does not find it
    client_iss        VARCHAR(300)             NOT NULL,
    -- the EHR registration id
    ehr               VARCHAR(100)             NOT NULL,
    patient_id        VARCHAR(200)             NOT NULL,
    encounter_id      VARCHAR(200),
    -- the patient's strata at the record's reference date, as in feedback_event (V4); null = not recorded
    patient_age_band  VARCHAR(10),
    patient_sex       VARCHAR(10),
    patient_race      VARCHAR(40),
    patient_ethnicity VARCHAR(40),
    -- SCORE or CARE_GAP (io.chartlens.overrides.CardType)
    card_type         VARCHAR(20)              NOT NULL,
    -- the score or measure id and its definition's version
    rule_id           VARCHAR(100)             NOT NULL,
    rule_version      VARCHAR(40)              NOT NULL,
    indicator         VARCHAR(10)              NOT NULL,
    -- the card's suggestions, JSON [{"uuid": ..., "bundle": <PlanDefinition id>, "version": ...}]; [] for none
    suggestions       VARCHAR(4000)            NOT NULL,
    -- canonical JSON (io.chartlens.overrides.FeedbackPayload) of what the card showed: inputs or evidence with ids
    shown             VARCHAR(6000)            NOT NULL,
    CONSTRAINT cds_issued_card_pk PRIMARY KEY (card_uuid),
    CONSTRAINT cds_issued_card_indicator CHECK (indicator IN ('info', 'warning', 'critical'))
);

-- for a retention job: cards older than any feedback a client could still send
CREATE INDEX cds_issued_card_time ON cds_issued_card (issued_at);
