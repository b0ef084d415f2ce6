-- PostgreSQL only (H2 is the development database): the feedback log is append-only in the database itself, not
-- just in the application. UPDATE, DELETE and TRUNCATE on feedback_event are refused by triggers for every role,
-- the table owner included; changing a row takes a deliberate ALTER TABLE ... DISABLE TRIGGER by the owner, which
-- the hash chain then exposes (FeedbackLog.verify). PUBLIC gets no privilege on the table.
-- The grants for a separate application role (no UPDATE or DELETE) are in R__feedback_grants.sql.

CREATE FUNCTION feedback_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'feedback_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER feedback_event_no_update_or_delete BEFORE UPDATE OR DELETE ON feedback_event
    FOR EACH ROW EXECUTE FUNCTION feedback_event_refuse_change();

CREATE TRIGGER feedback_event_no_truncate BEFORE TRUNCATE ON feedback_event
    FOR EACH STATEMENT EXECUTE FUNCTION feedback_event_refuse_change();

REVOKE ALL ON feedback_event FROM PUBLIC;
REVOKE ALL ON feedback_chain_head FROM PUBLIC;
