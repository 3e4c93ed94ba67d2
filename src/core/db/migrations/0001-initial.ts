// Articles, tags, highlights and the full-text index. Ids are UUIDs so that project files from
// other libraries can merge by id; the integer rowid only links rows to their FTS entries.
//
// Column order matters: SQLite reads a row's columns in order, and an article's text, document and
// source run to hundreds of kilobytes in overflow pages. Every small column the library list and
// filters read comes first, so listing never walks an article's content; of the large columns the
// text comes first, as highlighting reads it alone.
export default `
CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  author TEXT,
  publisher TEXT,
  url TEXT,
  published_at TEXT,
  file_name TEXT,
  format TEXT NOT NULL CHECK (format IN ('text', 'markdown', 'html')),
  content_hash TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  added_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- In the trash since; the article keeps its highlights and claims and can be restored.
  deleted_at TEXT,
  body_text TEXT NOT NULL,
  doc_json TEXT NOT NULL,
  source_html TEXT
);
CREATE INDEX articles_added ON articles (added_at);
CREATE INDEX articles_live_added ON articles (added_at) WHERE deleted_at IS NULL;
CREATE INDEX articles_title ON articles (title COLLATE NOCASE);
CREATE INDEX articles_published ON articles (published_at);
CREATE INDEX articles_content_hash ON articles (content_hash);

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE article_tags (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags (tag_id);

CREATE TABLE highlights (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  color TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  quote_exact TEXT NOT NULL,
  quote_prefix TEXT NOT NULL,
  quote_suffix TEXT NOT NULL,
  position_start INTEGER NOT NULL,
  position_end INTEGER NOT NULL,
  anchor_state TEXT NOT NULL CHECK (anchor_state IN ('anchored', 'moved', 'fuzzy', 'orphaned')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- Soft delete, so that deleting a highlight can be undone.
  deleted_at TEXT
);
CREATE INDEX highlights_article ON highlights (article_id, position_start) WHERE deleted_at IS NULL;

CREATE VIRTUAL TABLE article_fts USING fts5 (
  title, body,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
-- Titles weigh more than body text.
INSERT INTO article_fts (article_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');

CREATE VIRTUAL TABLE note_fts USING fts5 (
  note,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
`;
