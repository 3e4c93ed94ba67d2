// Indexes for each order the figures table can be sorted in, so that a page of a 200,000-row table
// is read from an index instead of sorting every figure (see docs/benchmarks.md).
export default `
CREATE INDEX figures_by_metric ON figures (metric, entity, period_start) WHERE deleted_at IS NULL;
CREATE INDEX figures_by_entity ON figures (entity, metric, period_start) WHERE deleted_at IS NULL;
CREATE INDEX figures_by_value ON figures (dimension, normalized_value) WHERE deleted_at IS NULL;
CREATE INDEX figures_by_added ON figures (created_at) WHERE deleted_at IS NULL;
CREATE INDEX figures_by_period ON figures (period_start, metric, entity) WHERE deleted_at IS NULL;
`;
