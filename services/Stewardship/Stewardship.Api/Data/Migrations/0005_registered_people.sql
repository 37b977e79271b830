-- Who Membership says is a registered person (from PersonRegistered / PersonErased): only they may be stewards.
-- An erased person's row stays, marked, so a PersonRegistered delivered after the erasure cannot bring them back.
CREATE TABLE registered_people (
    person_id     uuid        PRIMARY KEY,
    registered_at timestamptz NOT NULL,
    erased_at     timestamptz NULL
);
