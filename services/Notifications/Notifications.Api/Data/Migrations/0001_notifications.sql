-- Notifications: a read model of the people, studios and sessions mails are about (from the other services' events),
-- each person's preferences, reminders waiting for their time, and every mail to send or sent.

CREATE TABLE people (
    person_id    uuid PRIMARY KEY,
    display_name text,
    time_zone    text,
    locale       text,
    profile_at   timestamptz,           -- the event that last set name, zone and locale
    email        text,
    email_at     timestamptz            -- the event that last set the email
);

-- Erased people: events about them older than the erasure are ignored (a newer registration starts afresh).
CREATE TABLE erased_people (
    person_id uuid PRIMARY KEY,
    erased_at timestamptz NOT NULL
);

CREATE TABLE studios (
    studio_id               uuid PRIMARY KEY,
    name                    text,
    time_zone               text,
    proposed_by             uuid,
    founding_facilitator_id uuid,
    health_state            text,
    health_score            int,
    health_reasons          text[] NOT NULL DEFAULT '{}',
    health_at               timestamptz
);

CREATE TABLE studio_members (
    studio_id   uuid NOT NULL,
    person_id   uuid NOT NULL,
    role        text NOT NULL,
    active      boolean NOT NULL,
    left_reason text,
    changed_at  timestamptz NOT NULL,
    PRIMARY KEY (studio_id, person_id)
);
CREATE INDEX studio_members_person ON studio_members (person_id);

CREATE TABLE studio_stewards (
    studio_id  uuid NOT NULL,
    steward_id uuid NOT NULL,
    active     boolean NOT NULL,
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (studio_id, steward_id)
);
CREATE INDEX studio_stewards_steward ON studio_stewards (steward_id) WHERE active;

CREATE TABLE sessions (
    session_id uuid PRIMARY KEY,
    studio_id  uuid NOT NULL,
    title      text NOT NULL,
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    cancelled  boolean NOT NULL DEFAULT false,
    changed_at timestamptz NOT NULL
);
CREATE INDEX sessions_studio ON sessions (studio_id, starts_at);

CREATE TABLE rsvps (
    session_id uuid NOT NULL,
    person_id  uuid NOT NULL,
    status     text NOT NULL,           -- going, waitlisted, not-going
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (session_id, person_id)
);
CREATE INDEX rsvps_person ON rsvps (person_id);

CREATE TABLE follow_ups (
    follow_up_id uuid PRIMARY KEY,
    studio_id    uuid NOT NULL,
    steward_id   uuid NOT NULL,
    due_on       date NOT NULL,
    completed    boolean NOT NULL DEFAULT false
);
CREATE INDEX follow_ups_open ON follow_ups (steward_id) WHERE NOT completed;

-- Preferences: kinds a person turned off, and how long before a session they want reminding.
CREATE TABLE preferences (
    person_id       uuid PRIMARY KEY,
    disabled_kinds  text[] NOT NULL DEFAULT '{}',
    reminder_minutes int[] NOT NULL,
    version         int NOT NULL DEFAULT 1
);

-- One-click unsubscribes of addresses that belong to no registered person (invitations): the address is kept only as a hash.
CREATE TABLE address_opt_outs (
    address_hash bytea NOT NULL,
    kind         text NOT NULL,
    PRIMARY KEY (address_hash, kind)
);

-- The link in each mail's List-Unsubscribe header: only the token's SHA-256 is stored.
CREATE TABLE unsubscribe_links (
    token_hash   bytea PRIMARY KEY,
    person_id    uuid,
    address_hash bytea,
    kind         text NOT NULL,
    created_at   timestamptz NOT NULL
);
CREATE INDEX unsubscribe_links_person ON unsubscribe_links (person_id);

-- A reminder per (session, person, offset) waiting for its due time; deleted when its mail is created.
CREATE TABLE reminders (
    session_id     uuid NOT NULL,
    person_id      uuid NOT NULL,
    minutes_before int NOT NULL,
    due_at         timestamptz NOT NULL,
    starts_at      timestamptz NOT NULL,
    PRIMARY KEY (session_id, person_id, minutes_before)
);
CREATE INDEX reminders_due ON reminders (due_at);
CREATE INDEX reminders_person ON reminders (person_id);

-- Every mail, once per (event, recipient, kind): dedupe_key is unique. Rendered when sent (so the person's current
-- address, name, zone and locale are used); a sent mail keeps no address, facts or token.
CREATE TABLE mails (
    id                uuid PRIMARY KEY,
    dedupe_key        text NOT NULL UNIQUE,
    kind              text NOT NULL,
    person_id         uuid,
    address           text,
    facts             jsonb,
    unsubscribe_token text,
    status            text NOT NULL DEFAULT 'pending',   -- pending, sent, failed, skipped
    attempts          int NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz NOT NULL,
    last_error        text,
    due_at            timestamptz,                        -- a reminder's due time (reminder lag = sent - due)
    created_at        timestamptz NOT NULL,
    sent_at           timestamptz
);
CREATE INDEX mails_due ON mails (next_attempt_at) WHERE status = 'pending';
CREATE INDEX mails_person ON mails (person_id);
CREATE INDEX mails_status ON mails (status, created_at, id);
