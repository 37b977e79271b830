-- The steward pool operators keep, and which stewards support which studios.
CREATE TABLE stewards (
    person_id    uuid        PRIMARY KEY,
    display_name text        NULL,
    max_studios  integer     NOT NULL CHECK (max_studios BETWEEN 1 AND 100),
    added_by     uuid        NOT NULL,
    added_at     timestamptz NOT NULL,
    removed_at   timestamptz NULL,                 -- out of the pool; the row stays for history
    version      bigint      NOT NULL DEFAULT 1
);

CREATE TABLE studio_stewards (
    studio_id   uuid        NOT NULL REFERENCES studios (id),
    steward_id  uuid        NOT NULL REFERENCES stewards (person_id),
    assigned_by uuid        NULL,                  -- null: chosen automatically on approval
    assigned_at timestamptz NOT NULL,
    PRIMARY KEY (studio_id, steward_id)
);

CREATE INDEX studio_stewards_by_steward ON studio_stewards (steward_id);
