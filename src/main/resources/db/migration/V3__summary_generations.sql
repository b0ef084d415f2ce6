-- The generation log of the AI summary: one row per generation, a model's answer (source 'model') or a
-- deterministic summary (source 'deterministic'), with what is needed to audit and compare them later: the prompt
-- version, the model, which resources went in, what came out with its citations, what the verifier kept and
-- dropped and why, how long it took, and why the page fell back to the deterministic summary.
-- No PHI: patients appear only as a pseudonymous key chosen by the caller, inputs only as FHIR references
-- (Type/id); the statements were written from de-identified facts (no names, MRNs, addresses or birth dates).
-- Portable SQL: the same file runs on H2 2.x (development, tests) and PostgreSQL 15 (production).
--
-- Ids come from summary_generation_seq, fetched by the application before the insert. The sequence steps by 50
-- only to follow the project's convention (V1, allocationSize = 50); ids therefore go 50, 100, 150, ...

CREATE SEQUENCE summary_generation_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE summary_generation (
    id              BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- pseudonymous launch or patient key given by the caller (e.g. the HMAC patient key of V2), never a FHIR id
    subject_key     VARCHAR(200)             NOT NULL,
    -- what was generated, e.g. patient-summary (a route of smart-config/ai/routes.json)
    task            VARCHAR(100)             NOT NULL,
    -- the prompt template's version for a model's answer (e.g. summary-v1); for a deterministic summary, the
    -- version of its rules if the caller gives one
    prompt_version  VARCHAR(40),
    -- the model as routes.json names it plus the model asked for (e.g. primary:gpt-4o-mini), or 'deterministic'
    model_id        VARCHAR(200)             NOT NULL,
    -- the FHIR references the generation was given, comma-separated Type/id, in order; no text
    input_refs      VARCHAR(100000)          NOT NULL,
    -- the statements as generated, before verification: JSON [{"text": "...", "citations": ["Type/id", ...]}]
    output          VARCHAR(100000)          NOT NULL,
    -- how many statements the verifier kept and dropped
    kept_count      INTEGER                  NOT NULL,
    dropped_count   INTEGER                  NOT NULL,
    -- the verifier's drop reasons, JSON ["...", ...]; [] when nothing was dropped
    verification    VARCHAR(100000)          NOT NULL,
    latency_ms      BIGINT                   NOT NULL,
    -- 'model' or 'deterministic'
    source          VARCHAR(20)              NOT NULL,
    -- why the page shows the deterministic summary instead of a model's (e.g. "TIMEOUT: primary:m (no answer
    -- within 8000 ms)", "VERIFICATION_FAILED: ..."); null when this generation is what the page shows by choice
    fallback_reason VARCHAR(2000),
    CONSTRAINT summary_generation_pk PRIMARY KEY (id),
    CONSTRAINT summary_generation_source CHECK (source IN ('model', 'deterministic')),
    CONSTRAINT summary_generation_model CHECK ((source = 'deterministic' AND model_id = 'deterministic')
        OR (source = 'model' AND model_id <> 'deterministic' AND prompt_version IS NOT NULL)),
    CONSTRAINT summary_generation_counts CHECK (kept_count >= 0 AND dropped_count >= 0 AND latency_ms >= 0)
);

-- "what was generated lately" and "what was generated for this patient/launch"
CREATE INDEX summary_generation_time ON summary_generation (created_at);
CREATE INDEX summary_generation_subject_time ON summary_generation (subject_key, created_at);
