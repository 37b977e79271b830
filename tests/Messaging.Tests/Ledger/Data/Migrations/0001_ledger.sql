-- Ledger's own state: entries it records (and announces through the outbox), and the effects of the
-- EntryRecorded events it consumes. Effects have no unique key on purpose: a second effect must be visible.
CREATE TABLE entries (
    id         uuid PRIMARY KEY,
    note       text        NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE effects (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id   uuid        NOT NULL,
    message_id uuid        NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX effects_entry ON effects (entry_id);
