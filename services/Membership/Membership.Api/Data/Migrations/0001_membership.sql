-- People, studio rosters and invitations: what Membership owns.

CREATE TABLE people (
    id            uuid PRIMARY KEY,                 -- the token's person id
    display_name  text        NULL,                 -- null once erased
    email         text        NULL,                 -- normalised (trimmed, lower case); null once erased
    time_zone     text        NULL,
    locale        text        NULL,
    version       integer     NOT NULL DEFAULT 1,
    registered_at timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    erased_at     timestamptz NULL,
    CONSTRAINT people_profile_complete CHECK (
        erased_at IS NOT NULL
        OR (display_name IS NOT NULL AND email IS NOT NULL AND time_zone IS NOT NULL AND locale IS NOT NULL))
);

CREATE UNIQUE INDEX people_email_unique ON people (email) WHERE email IS NOT NULL;

-- The local view of Stewardship's studios. Pause or retirement may arrive before approval, so the
-- details stay null until StudioApproved fills them in.
CREATE TABLE studios (
    id                uuid PRIMARY KEY,
    name              text        NULL,
    capacity          integer     NULL,
    time_zone         text        NULL,
    approved_at       timestamptz NULL,
    paused            boolean     NOT NULL DEFAULT false,
    paused_changed_at timestamptz NULL,             -- OccurredAt of the pause/resume applied last: older ones arriving late are ignored
    retired_at        timestamptz NULL,
    join_policy       text        NOT NULL DEFAULT 'request-to-join',
    intake_question   text        NULL,
    version           integer     NOT NULL DEFAULT 1,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- One row per time a person comes to a studio (request, invitation, join) until it ends.
CREATE TABLE memberships (
    id             uuid PRIMARY KEY,                -- also the join request's id
    seq            bigint      GENERATED ALWAYS AS IDENTITY,
    studio_id      uuid        NOT NULL REFERENCES studios (id),
    person_id      uuid        NOT NULL,            -- no foreign key: the founding facilitator may not be registered yet
    role           text        NOT NULL,
    state          text        NOT NULL,
    joined_via     text        NULL,
    intake_answer  text        NULL,
    invitation_id  uuid        NULL,
    waitlisted_seq bigint      NULL,                -- first come, first served
    created_at     timestamptz NOT NULL,
    joined_at      timestamptz NULL,
    ended_at       timestamptz NULL,
    end_reason     text        NULL,
    decided_by     uuid        NULL,
    version        integer     NOT NULL DEFAULT 1,
    updated_at     timestamptz NOT NULL
);

CREATE SEQUENCE waitlist_order;

CREATE UNIQUE INDEX memberships_current ON memberships (studio_id, person_id)
    WHERE state IN ('requested', 'invited', 'waitlisted', 'active');
CREATE INDEX memberships_roster ON memberships (studio_id, seq);
CREATE INDEX memberships_waitlist ON memberships (studio_id, waitlisted_seq) WHERE state = 'waitlisted';
CREATE INDEX memberships_person ON memberships (person_id, seq);

CREATE TABLE invitations (
    id          uuid PRIMARY KEY,
    studio_id   uuid        NOT NULL REFERENCES studios (id),
    email       text        NULL,                   -- normalised; null once the invitee is erased
    role        text        NOT NULL,
    token_hash  bytea       NOT NULL UNIQUE,        -- SHA-256 of the token: the token itself is never stored
    invited_by  uuid        NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    accepted_at timestamptz NULL,
    accepted_by uuid        NULL,
    revoked_at  timestamptz NULL,
    revoked_by  uuid        NULL
);

CREATE INDEX invitations_studio ON invitations (studio_id, created_at);
CREATE INDEX invitations_pending_email ON invitations (email) WHERE accepted_at IS NULL AND revoked_at IS NULL;
