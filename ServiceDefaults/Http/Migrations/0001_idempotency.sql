-- Responses to commands sent with an Idempotency-Key, replayed when the client retries.
CREATE TABLE IF NOT EXISTS idempotent_requests (
    idempotency_key text        NOT NULL,
    subject         text        NOT NULL,      -- keys are per caller: two people may pick the same key
    fingerprint     text        NOT NULL,      -- method + path + body hash: the same key with another request is an error
    status_code     integer     NULL,          -- null while the first request is still running
    content_type    text        NULL,
    location        text        NULL,
    etag            text        NULL,
    body            bytea       NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (idempotency_key, subject)
);

CREATE INDEX IF NOT EXISTS idempotent_requests_created ON idempotent_requests (created_at);
