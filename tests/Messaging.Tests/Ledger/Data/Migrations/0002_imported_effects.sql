-- The effects of the EntryImported events Ledger's batch consumer applies; no unique key, as for effects.
CREATE TABLE imported_effects (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id   uuid        NOT NULL,
    message_id uuid        NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX imported_effects_entry ON imported_effects (entry_id);
