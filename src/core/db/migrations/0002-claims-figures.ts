// Claims, figures and the evidence links between them; the undo journal.
// Deletions are soft (deleted_at) so that they can be undone and, later, travel as tombstones in
// project files.
export default `
CREATE TABLE claims (
  id TEXT PRIMARY KEY,
  article_id TEXT REFERENCES articles (id) ON DELETE CASCADE,
  statement TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('accurate', 'mostly_accurate', 'misleading', 'inaccurate', 'unverified', 'disputed')),
  rationale TEXT NOT NULL DEFAULT '',
  -- The number the claim states (JSON: value, high, unit, qualifier), and how it follows from
  -- figures (JSON: kind, numeratorFigureId, denominatorFigureId, tolerance).
  stated_json TEXT,
  computation_json TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX claims_article ON claims (article_id) WHERE deleted_at IS NULL;
CREATE INDEX claims_verdict ON claims (verdict) WHERE deleted_at IS NULL;

CREATE TABLE claim_highlights (
  claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  highlight_id TEXT NOT NULL REFERENCES highlights (id) ON DELETE CASCADE,
  PRIMARY KEY (claim_id, highlight_id)
) WITHOUT ROWID;
CREATE INDEX claim_highlights_highlight ON claim_highlights (highlight_id);

CREATE TABLE claim_tags (
  claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (claim_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX claim_tags_tag ON claim_tags (tag_id);

CREATE TABLE figures (
  id TEXT PRIMARY KEY,
  metric TEXT NOT NULL COLLATE NOCASE,
  entity TEXT NOT NULL COLLATE NOCASE,
  value REAL NOT NULL,
  value_high REAL,
  unit TEXT NOT NULL,
  qualifier TEXT NOT NULL CHECK (qualifier IN ('exact', 'approximately', 'at_least', 'at_most', 'range')),
  -- Normalised to the unit's base (kg, fraction, USD…) so that 3.8 Mt and 3,800,000 t compare.
  normalized_value REAL NOT NULL,
  normalized_high REAL,
  base_unit TEXT NOT NULL,
  dimension TEXT NOT NULL,
  period TEXT NOT NULL,
  period_kind TEXT NOT NULL,
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  basis TEXT,
  notes TEXT,
  highlight_id TEXT REFERENCES highlights (id) ON DELETE SET NULL,
  citation_title TEXT,
  citation_publisher TEXT,
  citation_edition TEXT,
  citation_url TEXT,
  citation_page TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX figures_key ON figures (metric, entity, period) WHERE deleted_at IS NULL;
CREATE INDEX figures_highlight ON figures (highlight_id) WHERE deleted_at IS NULL;
CREATE INDEX figures_period ON figures (period_start) WHERE deleted_at IS NULL;

CREATE TABLE evidence_links (
  id TEXT PRIMARY KEY,
  claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('figure', 'claim')),
  target_id TEXT NOT NULL,
  relation TEXT NOT NULL CHECK (relation IN ('supports', 'contradicts', 'qualifies', 'derived_from')),
  created_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX evidence_links_claim ON evidence_links (claim_id) WHERE deleted_at IS NULL;
CREATE INDEX evidence_links_target ON evidence_links (target_id) WHERE deleted_at IS NULL;

CREATE TABLE undo_journal (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  label TEXT NOT NULL,
  -- The contract call that takes the change back: {"method": …, "input": …}.
  inverse_json TEXT NOT NULL,
  created_at TEXT NOT NULL
);
`;
