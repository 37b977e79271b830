-- Read models fed by other services' events. Each row remembers the time of the event that last changed it
-- (as_of), so a late, older event never overwrites a newer fact.
CREATE TABLE studios (
    id          uuid PRIMARY KEY,
    name        text        NULL,             -- null until StudioApproved arrives (a pause may come first)
    time_zone   text        NULL,
    capacity    integer     NULL,
    status      text        NOT NULL,         -- active, paused, retired
    as_of       timestamptz NOT NULL
);

CREATE TABLE studio_members (
    studio_id   uuid        NOT NULL,
    person_id   uuid        NOT NULL,
    role        text        NOT NULL,         -- participant, facilitator, co-facilitator
    active      boolean     NOT NULL,
    as_of       timestamptz NOT NULL,
    PRIMARY KEY (studio_id, person_id)
);

CREATE INDEX studio_members_person ON studio_members (person_id) WHERE active;

-- People erased network-wide: late membership events about them are ignored.
CREATE TABLE erased_people (
    person_id   uuid PRIMARY KEY,
    erased_at   timestamptz NOT NULL
);

CREATE TABLE session_plans (
    id            uuid PRIMARY KEY,
    studio_id     uuid        NOT NULL,
    title         text        NOT NULL,
    practices     jsonb       NOT NULL,      -- [{practiceId, version, minutes}]
    total_minutes integer     NOT NULL,
    as_of         timestamptz NOT NULL
);

-- What Scheduling owns.
CREATE TABLE series (
    id                 uuid PRIMARY KEY,
    studio_id          uuid        NOT NULL,
    title              text        NOT NULL,
    rrule              text        NOT NULL,   -- RFC 5545 RRULE value, UNTIL normalised to UTC
    time_zone          text        NOT NULL,   -- IANA id
    start_date         date        NOT NULL,   -- local date of the first occurrence (DTSTART)
    start_time         time        NOT NULL,   -- local start time of every occurrence
    duration_minutes   integer     NOT NULL,
    exdates            date[]      NOT NULL DEFAULT '{}',
    location           text        NULL,
    online_url         text        NULL,
    capacity           integer     NOT NULL,
    facilitator_id     uuid        NULL,
    previous_series_id uuid        NULL,       -- the series this one continues after a "this and following" edit
    sequence           integer     NOT NULL DEFAULT 0,   -- iCalendar SEQUENCE of the series' VEVENT
    version            integer     NOT NULL DEFAULT 1,   -- ETag
    materialised_until timestamptz NULL,       -- occurrences before this instant exist as sessions
    created_by         uuid        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX series_studio ON series (studio_id, created_at, id);

CREATE TABLE sessions (
    id              uuid PRIMARY KEY,
    series_id       uuid        NOT NULL REFERENCES series (id),
    studio_id       uuid        NOT NULL,
    original_start  timestamptz NOT NULL,      -- the occurrence the series generated (iCalendar RECURRENCE-ID)
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL,
    time_zone       text        NOT NULL,
    title           text        NOT NULL,
    location        text        NULL,
    online_url      text        NULL,
    capacity        integer     NOT NULL,
    facilitator_id  uuid        NULL,
    plan_id         uuid        NULL,
    status          text        NOT NULL DEFAULT 'scheduled',  -- scheduled, cancelled
    cancel_reason   text        NULL,
    cancel_cause    text        NULL,          -- facilitator, studio-paused, studio-retired, series-changed
    detached        boolean     NOT NULL DEFAULT false,        -- edited on its own: an override instance in feeds
    sequence        integer     NOT NULL DEFAULT 0,
    version         integer     NOT NULL DEFAULT 1,
    held_at         timestamptz NULL,          -- first attendance recorded
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sessions_occurrence UNIQUE (series_id, original_start)
);

CREATE INDEX sessions_studio_start ON sessions (studio_id, starts_at, id);

CREATE SEQUENCE rsvp_queue;

CREATE TABLE rsvps (
    session_id   uuid        NOT NULL REFERENCES sessions (id),
    person_id    uuid        NOT NULL,
    status       text        NOT NULL,          -- going, waitlisted, not-going
    queued_at    bigint      NOT NULL DEFAULT nextval('rsvp_queue'),  -- waitlist order
    via_series   boolean     NOT NULL DEFAULT false,
    responded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, person_id)
);

CREATE INDEX rsvps_person ON rsvps (person_id);
CREATE INDEX rsvps_waitlist ON rsvps (session_id, queued_at) WHERE status = 'waitlisted';

-- "Going to every session of this series": applied to sessions as they are materialised.
CREATE TABLE series_rsvps (
    series_id    uuid        NOT NULL REFERENCES series (id),
    person_id    uuid        NOT NULL,
    status       text        NOT NULL,          -- going, not-going
    responded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (series_id, person_id)
);

CREATE TABLE attendance (
    session_id  uuid        NOT NULL REFERENCES sessions (id),
    person_id   uuid        NOT NULL,
    status      text        NOT NULL,           -- present, late, excused, absent
    recorded_by uuid        NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, person_id)
);

-- Per-person feed tokens: only a hash is stored, so a database leak reveals no working URL.
CREATE TABLE calendar_tokens (
    person_id   uuid PRIMARY KEY,
    token_hash  bytea       NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now()
);
