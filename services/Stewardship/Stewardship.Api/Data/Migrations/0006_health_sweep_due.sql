-- When the health sweep next looks at each studio: sweeps claim the studios that are due in small batches
-- (FOR NO KEY UPDATE SKIP LOCKED), so several instances share one sweep and each studio is swept once per interval.
-- '-infinity': a new or existing studio is due at once. Expand only: older releases neither read nor write it.
ALTER TABLE studios ADD COLUMN health_due_at timestamptz NOT NULL DEFAULT '-infinity';

CREATE INDEX studios_health_due ON studios (health_due_at) WHERE state = 'active';
