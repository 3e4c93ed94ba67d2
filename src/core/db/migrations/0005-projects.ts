// Projects and project files: a project groups articles (and, through them, their highlights,
// claims and figures); a default project always exists and new articles land in it. Project files
// merge by stable ids, so the library remembers per entity the version last exchanged (sync_base)
// and keeps a report of every applied merge. A small key/value table holds library settings (the
// exporter name written into project files).
export default `
CREATE TABLE projects (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  -- Exactly one live project is the default; new material lands in it.
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE UNIQUE INDEX projects_one_default ON projects (is_default) WHERE is_default = 1;

CREATE TABLE project_articles (
  project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  added_at TEXT NOT NULL,
  PRIMARY KEY (project_id, article_id)
) WITHOUT ROWID;
CREATE INDEX project_articles_article ON project_articles (article_id);

-- Claims without an article, figures without a highlight, and charts belong to projects
-- explicitly; one that is in no project at all belongs to the default project.
CREATE TABLE project_items (
  project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  item_kind TEXT NOT NULL CHECK (item_kind IN ('claim', 'figure', 'chart')),
  item_id TEXT NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (project_id, item_kind, item_id)
) WITHOUT ROWID;
CREATE INDEX project_items_item ON project_items (item_id);

INSERT INTO projects (id, name, is_default, created_at, updated_at)
VALUES (
  lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
    substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
  'My project', 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
);
INSERT INTO project_articles (project_id, article_id, added_at)
  SELECT p.id, a.id, a.added_at FROM projects p, articles a WHERE p.is_default = 1;

-- Whatever creates an article (the importers, the sample project), it lands in the default
-- project; a caller that picks another project moves it in the same transaction.
CREATE TRIGGER articles_into_default_project AFTER INSERT ON articles
BEGIN
  INSERT OR IGNORE INTO project_articles (project_id, article_id, added_at)
    SELECT id, NEW.id, NEW.added_at FROM projects WHERE is_default = 1;
END;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Per entity, the version this library last exchanged: base_json is the record as it stood right
-- after the last export or import (the common ancestor for a three-way merge), seen_hash the
-- content hash of the version last received, so that receiving it again changes nothing.
CREATE TABLE sync_base (
  entity_kind TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  base_hash TEXT NOT NULL,
  base_json TEXT NOT NULL,
  seen_hash TEXT,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (entity_kind, entity_id)
) WITHOUT ROWID;

-- Deletions received in a project file for entities this library never had: kept so that the
-- project, passed on, carries them on.
CREATE TABLE received_tombstones (
  project_id TEXT NOT NULL,
  entity_kind TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  deleted_at TEXT NOT NULL,
  PRIMARY KEY (project_id, entity_kind, entity_id)
) WITHOUT ROWID;

CREATE TABLE merge_reports (
  id TEXT PRIMARY KEY,
  applied_at TEXT NOT NULL,
  file_name TEXT,
  file_hash TEXT NOT NULL,
  project_id TEXT NOT NULL,
  project_name TEXT NOT NULL,
  exporter_name TEXT,
  exported_at TEXT NOT NULL,
  backup_name TEXT,
  summary_json TEXT NOT NULL,
  report_json TEXT NOT NULL
);
CREATE INDEX merge_reports_applied ON merge_reports (applied_at);
`;
