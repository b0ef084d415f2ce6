-- PostgreSQL only. When ChartLens connects as its own role (chartlens.db.app-role, e.g. chartlens_app) while the
-- schema belongs to a migration role, that role may read and append to the feedback log and move its chain head,
-- and nothing more: no UPDATE or DELETE on feedback_event. Re-run by Flyway whenever the role changes.
-- With chartlens.db.app-role empty (the default) this does nothing.

DO $$
DECLARE
    app_role text := '${appRole}';
BEGIN
    IF app_role <> '' THEN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app_role) THEN
            RAISE EXCEPTION 'chartlens.db.app-role names role %, which does not exist', app_role;
        END IF;
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), app_role);
        EXECUTE format('REVOKE ALL ON feedback_event FROM %I', app_role);
        EXECUTE format('GRANT SELECT, INSERT ON feedback_event TO %I', app_role);
        EXECUTE format('REVOKE ALL ON feedback_chain_head FROM %I', app_role);
        EXECUTE format('GRANT SELECT, UPDATE ON feedback_chain_head TO %I', app_role);
        EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE feedback_event_seq TO %I', app_role);
        -- the CDS Hooks cards issued, which feedback from a CDS client refers to (V5): written once, then read
        EXECUTE format('REVOKE ALL ON cds_issued_card FROM %I', app_role);
        EXECUTE format('GRANT SELECT, INSERT ON cds_issued_card TO %I', app_role);
        -- the history of active rule versions (V6): append-only, like the log
        EXECUTE format('REVOKE ALL ON rule_version_choice FROM %I', app_role);
        EXECUTE format('GRANT SELECT, INSERT ON rule_version_choice TO %I', app_role);
        EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE rule_version_choice_seq TO %I', app_role);
        -- the cards shown (V7): inserted once (ON CONFLICT DO NOTHING), then counted
        EXECUTE format('REVOKE ALL ON card_impression FROM %I', app_role);
        EXECUTE format('GRANT SELECT, INSERT ON card_impression TO %I', app_role);
    END IF;
END
$$;
