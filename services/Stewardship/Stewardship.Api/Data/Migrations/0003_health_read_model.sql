-- What Stewardship knows about each studio's life from other services' events. No foreign keys to studios:
-- events may arrive before the studio is approved here (or for a studio this service never heard of).

-- Roster: active when the latest join is later than the latest leave, so joins and leaves may arrive in any order.
CREATE TABLE studio_members (
    studio_id       uuid        NOT NULL,
    person_id       uuid        NOT NULL,
    role            text        NOT NULL,
    role_changed_at timestamptz NOT NULL,
    joined_at       timestamptz NULL,
    left_at         timestamptz NULL,
    PRIMARY KEY (studio_id, person_id)
);

-- Joins and leaves as facts, keyed by what they are so a republished event is one row.
CREATE TABLE member_movements (
    studio_id   uuid        NOT NULL,
    person_id   uuid        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('joined', 'left')),
    occurred_at timestamptz NOT NULL,
    PRIMARY KEY (studio_id, person_id, kind, occurred_at)
);

CREATE INDEX member_movements_by_time ON member_movements (studio_id, occurred_at);

-- One row per session; held_at and the counts come from the latest SessionHeld (corrections replace).
CREATE TABLE studio_sessions (
    session_id          uuid        PRIMARY KEY,
    studio_id           uuid        NOT NULL,
    starts_at           timestamptz NOT NULL,
    reschedule_sequence integer     NOT NULL DEFAULT 0,
    cancelled_at        timestamptz NULL,
    held_at             timestamptz NULL,
    present             integer     NOT NULL DEFAULT 0,
    late                integer     NOT NULL DEFAULT 0,
    excused             integer     NOT NULL DEFAULT 0,
    absent              integer     NOT NULL DEFAULT 0
);

CREATE INDEX studio_sessions_by_studio ON studio_sessions (studio_id, starts_at DESC);
CREATE INDEX studio_sessions_held ON studio_sessions (starts_at) WHERE held_at IS NOT NULL;

-- One row per person per session; a correction replaces the status.
CREATE TABLE session_attendance (
    session_id        uuid        NOT NULL,
    person_id         uuid        NOT NULL,
    studio_id         uuid        NOT NULL,
    status            text        NOT NULL,
    session_starts_at timestamptz NOT NULL,
    recorded_at       timestamptz NOT NULL,
    PRIMARY KEY (session_id, person_id)
);

CREATE INDEX session_attendance_by_studio ON session_attendance (studio_id, person_id);

CREATE TABLE shared_reflections (
    reflection_id uuid        PRIMARY KEY,
    studio_id     uuid        NOT NULL,
    person_id     uuid        NOT NULL,
    shared_at     timestamptz NOT NULL
);

CREATE INDEX shared_reflections_by_studio ON shared_reflections (studio_id, shared_at);

-- The last health state published for each active studio: a StudioHealthChanged goes out when it changes.
CREATE TABLE studio_health (
    studio_id    uuid        PRIMARY KEY REFERENCES studios (id),
    state        text        NOT NULL CHECK (state IN ('thriving', 'steady', 'at-risk', 'dormant')),
    score        integer     NOT NULL,
    reasons      jsonb       NOT NULL,
    evaluated_at timestamptz NOT NULL,
    changed_at   timestamptz NOT NULL
);
