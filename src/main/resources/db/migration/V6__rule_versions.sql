-- Versioned rules and rollback (issue #9): the append-only history of which version of each configurable rule is
-- active. A row is written for every choice, and never changed: 'activate' when someone chooses a version,
-- 'rollback' when someone goes back to the version that was active before the latest choice (that too is a new
-- row). The active version of a rule is the version of its newest row; a rule without rows uses the version its
-- configuration file declares. See io.chartlens.review.RuleVersionChoices.
-- Portable SQL: the same file runs on H2 2.x (development, tests) and PostgreSQL 15 (production).
--
-- seq_no numbers each rule's rows 1, 2, 3, ... The application writes last + 1, so two choices made at the same time
-- on the same rule collide on the unique constraint (one fails and can be retried) instead of both being written
-- against the same history. Ids come from rule_version_choice_seq, which steps by 50 like the other sequences.

CREATE SEQUENCE rule_version_choice_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE rule_version_choice (
    id        BIGINT                   NOT NULL,
    chosen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- SCORE (smart-config/scores), MEASURE (smart-config/measures), BUNDLE (smart-config/bundles), PROMPT (AI)
    kind      VARCHAR(10)              NOT NULL,
    -- the score, Measure, PlanDefinition or prompt id
    rule_id   VARCHAR(100)             NOT NULL,
    -- the version made active, e.g. 1.1.0
    version   VARCHAR(40)              NOT NULL,
    -- who chose it: the fhirUser reference (e.g. Practitioner/123), never a name
    actor     VARCHAR(300)             NOT NULL,
    -- activate or rollback
    note      VARCHAR(10)              NOT NULL,
    seq_no    INTEGER                  NOT NULL,
    CONSTRAINT rule_version_choice_pk PRIMARY KEY (id),
    -- also the index of "the history of this rule, in order"
    CONSTRAINT rule_version_choice_seq_uq UNIQUE (kind, rule_id, seq_no),
    CONSTRAINT rule_version_choice_kind CHECK (kind IN ('SCORE', 'MEASURE', 'BUNDLE', 'PROMPT')),
    CONSTRAINT rule_version_choice_note CHECK (note IN ('activate', 'rollback')),
    CONSTRAINT rule_version_choice_seq_positive CHECK (seq_no > 0)
);
