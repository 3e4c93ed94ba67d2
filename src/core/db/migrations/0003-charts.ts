// Saved charts. A chart is a specification (which figures, how they are encoded, its labels), never
// a copy of the data: it is resolved against the live figures each time it is shown, so a corrected
// figure corrects every chart that uses it. The title is kept in its own column for the list.
export default `
CREATE TABLE charts (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  -- The spec as JSON (see src/shared/charts/chart-spec.ts), without its id.
  spec_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX charts_updated ON charts (updated_at) WHERE deleted_at IS NULL;
`;
