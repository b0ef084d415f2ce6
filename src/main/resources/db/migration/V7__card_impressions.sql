-- The cards shown (issue #9): one row per decidable card shown, so the informaticists' review can say how many cards
-- were shown, not only how many were decided. A row is one impression: a card of the summary page rendered with its
-- decision control in one launch, or a card the CDS Hooks service issued in one hook call. A section rendered again
-- in the same launch (a reload) is the same impression: impression_key is unique and the application inserts only
-- if absent (io.chartlens.impressions.ImpressionStore). Rows are written once and never changed.
-- No PHI: no patient id, patient key, launch id, encounter or user; impression_key is a SHA-256 digest only good
-- for spotting a repeat. The patient appears only as the strata of V4, for the same stratified review.
-- Statistics, not a record: unlike feedback_event, a row that could not be written is logged and lost.
-- Portable SQL: the same file runs on H2 2.x (development, tests) and PostgreSQL 15 (production).

CREATE TABLE card_impression (
    -- lower-case hex SHA-256 of the source, the launch id or hook instance, the card type, the card's id on the
    -- page, the rule and its version (io.chartlens.impressions.CardImpression)
    impression_key    CHAR(64)     NOT NULL,
    -- the UTC day it was first shown; no time of day
    shown_on          DATE         NOT NULL,
    -- SUMMARY (the summary page) or CDS_HOOKS (a card issued to the EHR, which may or may not have displayed it)
    source            VARCHAR(20)  NOT NULL,
    -- SCORE, CARE_GAP, BUNDLE, AI_STATEMENT (io.chartlens.overrides.CardType), as in feedback_event
    card_type         VARCHAR(20)  NOT NULL,
    rule_id           VARCHAR(100) NOT NULL,
    rule_version      VARCHAR(40)  NOT NULL,
    -- the EHR registration id
    ehr               VARCHAR(100) NOT NULL,
    -- the user's role (smart-config/roles.json); null when not known (CDS Hooks calls carry no verified user)
    actor_role        VARCHAR(40),
    -- the patient's strata at the record's reference date, as in feedback_event (V4); null = not recorded
    patient_age_band  VARCHAR(10),
    patient_sex       VARCHAR(10),
    patient_race      VARCHAR(40),
    patient_ethnicity VARCHAR(40),
    CONSTRAINT card_impression_pk PRIMARY KEY (impression_key),
    CONSTRAINT card_impression_source CHECK (source IN ('SUMMARY', 'CDS_HOOKS'))
);

-- "how often was this rule version shown, per day" (the overview and the weekly trend)
CREATE INDEX card_impression_rule_day ON card_impression (rule_id, rule_version, shown_on);
CREATE INDEX card_impression_day ON card_impression (shown_on);
