-- The event store is the book of record: its rows are appended, never changed or removed. A wrong event is answered
-- with a compensating event (docs/audit.md), not an edit. The trigger refuses UPDATE, DELETE and TRUNCATE from every
-- role, the application's included; only a superuser who deliberately disables it (ALTER TABLE ... DISABLE TRIGGER,
-- or session_replication_role = replica) can rewrite history, and the audit hash chain then names the rewritten
-- position.
CREATE FUNCTION refuse_event_rewrite() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'domain_event_entry is append-only: % refused; append a compensating event instead', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER domain_event_entry_append_only
    BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_event_rewrite();

CREATE TRIGGER domain_event_entry_no_truncate
    BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_rewrite();
