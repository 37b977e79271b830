-- Materialisation passes claim the series that are behind in small batches, oldest first.
CREATE INDEX series_materialised_until ON series (materialised_until NULLS FIRST, id);
