-- Patient strata on the feedback log, for the informaticists' fairness review (override rates by age band, sex,
-- race and ethnicity) without storing a birth date. Null = not recorded. chain_version says which canonical form
-- row_hash covers (io.chartlens.overrides.FeedbackChain): 1 for rows written before this migration (they have no
-- strata), 2 for every new row (the strata are hashed too).
-- Portable SQL: the same file runs on H2 2.x and PostgreSQL 15.

ALTER TABLE feedback_event ADD COLUMN chain_version SMALLINT DEFAULT 1 NOT NULL;
ALTER TABLE feedback_event ADD COLUMN patient_age_band VARCHAR(10);
ALTER TABLE feedback_event ADD COLUMN patient_sex VARCHAR(10);
ALTER TABLE feedback_event ADD COLUMN patient_race VARCHAR(40);
ALTER TABLE feedback_event ADD COLUMN patient_ethnicity VARCHAR(40);

-- "how is this rule received, by version" and the review pages' time filters
CREATE INDEX feedback_event_rule_version ON feedback_event (rule_id, rule_version, occurred_at);
CREATE INDEX feedback_event_time ON feedback_event (occurred_at);
