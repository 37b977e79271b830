-- The pipeline benchmark's state change (on the publishing side) and effect (on the consuming side).
CREATE TABLE bench_state (
    id         uuid PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE bench_effects (
    event_id   uuid PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);
