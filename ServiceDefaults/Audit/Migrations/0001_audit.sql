-- The audit trail: who did which privileged action, to which studio or person, when, in which trace.
-- Ids only (no names, no addresses), so a row stays true and harmless after the person is erased.
CREATE TABLE IF NOT EXISTS audit_trail (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    actor_id    uuid        NOT NULL,          -- the person who acted (the token's person id)
    action      text        NOT NULL,          -- e.g. studio.approved, member.removed, error-queue.requeued
    studio_id   uuid        NULL,
    person_id   uuid        NULL,              -- the person acted on
    detail      jsonb       NULL,              -- a few ids, states or counts; never free text
    trace_id    text        NULL
);

CREATE INDEX IF NOT EXISTS audit_trail_studio ON audit_trail (studio_id, id) WHERE studio_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS audit_trail_person ON audit_trail (person_id, id) WHERE person_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS audit_trail_actor ON audit_trail (actor_id, id);

-- Append-only in the database itself, whatever the code does: rows are never changed or removed.
CREATE OR REPLACE FUNCTION audit_trail_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_trail is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE OR REPLACE TRIGGER audit_trail_no_change BEFORE UPDATE OR DELETE ON audit_trail
    FOR EACH ROW EXECUTE FUNCTION audit_trail_is_append_only();
CREATE OR REPLACE TRIGGER audit_trail_no_truncate BEFORE TRUNCATE ON audit_trail
    FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_is_append_only();
