-- The studio registry: identity, proposal and lifecycle state.
CREATE TABLE studios (
    id                      uuid        PRIMARY KEY,
    name                    text        NOT NULL,
    purpose                 text        NOT NULL,
    practice_focus          text        NOT NULL,
    intended_cadence        text        NOT NULL,
    capacity                integer     NOT NULL CHECK (capacity BETWEEN 1 AND 500),
    time_zone               text        NOT NULL,
    founding_facilitator_id uuid        NOT NULL,
    proposed_by             uuid        NOT NULL,
    proposed_at             timestamptz NOT NULL,
    state                   text        NOT NULL CHECK (state IN ('proposed', 'active', 'paused', 'declined', 'retired')),
    state_reason            text        NULL,
    state_changed_by        uuid        NULL,
    state_changed_at        timestamptz NOT NULL,
    active_since            timestamptz NULL,      -- approved or last resumed: health's grace period for new studios starts here
    version                 bigint      NOT NULL DEFAULT 1
);

-- Names are unique in the network, ignoring case; a declined proposal gives its name back.
CREATE UNIQUE INDEX studios_name_key ON studios (lower(name)) WHERE state <> 'declined';
CREATE INDEX studios_by_name ON studios (lower(name), id);
CREATE INDEX studios_by_state ON studios (state, lower(name), id);
