-- The overview's at-risk and dormant lists read one health state, worst first, 50 at most: this index serves them in
-- order and stops at the 50th, instead of scanning every studio's health as the network grows.
CREATE INDEX studio_health_attention ON studio_health (state, score, changed_at, studio_id);
