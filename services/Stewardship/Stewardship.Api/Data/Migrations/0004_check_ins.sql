-- The nourishment log: a steward's check-ins with a studio's facilitator and the follow-ups they agreed.
CREATE TABLE check_ins (
    id               uuid        PRIMARY KEY,
    studio_id        uuid        NOT NULL REFERENCES studios (id),
    steward_id       uuid        NOT NULL,
    steward_name     text        NULL,             -- nulled when the person is erased
    facilitator_id   uuid        NOT NULL,
    facilitator_name text        NULL,             -- nulled when the person is erased
    held_on          date        NOT NULL,
    notes            text        NOT NULL,
    recorded_at      timestamptz NOT NULL
);

CREATE INDEX check_ins_by_studio ON check_ins (studio_id, held_on DESC, id DESC);
CREATE INDEX check_ins_by_person ON check_ins (steward_id);
CREATE INDEX check_ins_by_facilitator ON check_ins (facilitator_id);

CREATE TABLE follow_ups (
    id           uuid        PRIMARY KEY,
    check_in_id  uuid        NOT NULL REFERENCES check_ins (id),
    studio_id    uuid        NOT NULL,
    steward_id   uuid        NOT NULL,
    position     integer     NOT NULL,
    action       text        NOT NULL,
    due_on       date        NOT NULL,
    completed_at timestamptz NULL,
    completed_by uuid        NULL
);

CREATE INDEX follow_ups_open_by_steward ON follow_ups (steward_id, due_on, id) WHERE completed_at IS NULL;
CREATE INDEX follow_ups_by_check_in ON follow_ups (check_in_id, position);
