-- How a person's calendar feed reminds them: minutes before each session, or no reminder (NULL). No row: the default.
CREATE TABLE calendar_preferences (
    person_id        uuid        PRIMARY KEY,
    reminder_minutes integer     NULL CHECK (reminder_minutes BETWEEN 0 AND 10080),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
