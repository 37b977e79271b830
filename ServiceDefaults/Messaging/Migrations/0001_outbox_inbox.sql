-- The transactional outbox and inbox every service keeps in its own database.
CREATE TABLE IF NOT EXISTS outbox (
    id              uuid PRIMARY KEY,                -- becomes the message's MessageId
    sequence        bigint GENERATED ALWAYS AS IDENTITY,
    message_type    text        NOT NULL,            -- "Namespace.Type, Assembly" of the contract
    body            jsonb       NOT NULL,
    trace_parent    text        NULL,                -- W3C traceparent of the span that enqueued it
    trace_state     text        NULL,
    enqueued_at     timestamptz NOT NULL DEFAULT now(),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    claimed_until   timestamptz NULL,                -- a relay's lease while it publishes
    last_error      text        NULL,
    sent_at         timestamptz NULL
);

CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (sequence) WHERE sent_at IS NULL;
CREATE INDEX IF NOT EXISTS outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL;

CREATE TABLE IF NOT EXISTS inbox (
    message_id  uuid        NOT NULL,
    consumer    text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (message_id, consumer)
);

CREATE INDEX IF NOT EXISTS inbox_received ON inbox (received_at);
