// The bare baselines: the SQL Assay runs, copied here verbatim from src/core (articles.ts,
// search.ts, highlights.ts, search-index.ts) and run on a raw better-sqlite3 connection. Every
// group checks that its baseline returns the same rows as Assay, so a drift here cannot go unseen.

const TAG_SEPARATOR = '\u001f';

const SUMMARY_COLUMNS = `a.id, a.title, a.author, a.publisher, a.url, a.published_at, a.added_at, a.updated_at,
  (SELECT count(*) FROM highlights h WHERE h.article_id = a.id AND h.deleted_at IS NULL) AS highlight_count,
  (SELECT group_concat(t.name, '${TAG_SEPARATOR}') FROM article_tags at JOIN tags t ON t.id = at.tag_id
     WHERE at.article_id = a.id) AS tag_names`;

/** articles.list with the defaults the library view uses (sort by added, newest first). */
export const LIST_ARTICLES = `SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.deleted_at IS NULL ORDER BY a.added_at DESC, a.rowid DESC LIMIT ? OFFSET ?`;
export const COUNT_ARTICLES = 'SELECT count(*) AS total FROM articles a WHERE a.deleted_at IS NULL';

const SNIPPET_TOKENS = 14;

// article_fts: the title and the text in 16 body columns (migration 0007); the snippet comes from
// the first body column with a match, else the title, found by halving the range (search.ts).
const BODY_COLUMNS = 16;
const anyMatchIn = (first: number, last: number) =>
  `bm25(article_fts, ${Array.from({ length: BODY_COLUMNS + 1 }, (_, column) => (column >= first && column <= last ? '1' : '0')).join(', ')}) < 0`;
const firstMatchIn = (first: number, last: number): string =>
  first === last
    ? String(first)
    : `CASE WHEN ${anyMatchIn(first, Math.floor((first + last) / 2))} THEN ${firstMatchIn(first, Math.floor((first + last) / 2))} ELSE ${firstMatchIn(Math.floor((first + last) / 2) + 1, last)} END`;
const SNIPPET_COLUMN = `CASE WHEN ${anyMatchIn(1, BODY_COLUMNS)} THEN ${firstMatchIn(1, BODY_COLUMNS)} ELSE 0 END`;

export const ARTICLE_HITS = `
  WITH hits AS (
    SELECT rowid, rank, snippet(article_fts, ${SNIPPET_COLUMN}, ?, ?, '…', ${SNIPPET_TOKENS}) AS snippet
    FROM article_fts WHERE article_fts MATCH ? ORDER BY rank LIMIT ?
  )
  SELECT a.id AS article_id, a.title, hits.snippet, hits.rank, NULL AS highlight_id
  FROM hits JOIN articles a ON a.rowid = hits.rowid WHERE a.deleted_at IS NULL ORDER BY hits.rank`;

export const NOTE_HITS = `
  WITH hits AS (
    SELECT rowid, rank, snippet(note_fts, 0, ?, ?, '…', ${SNIPPET_TOKENS}) AS snippet
    FROM note_fts WHERE note_fts MATCH ? ORDER BY rank LIMIT ?
  )
  SELECT h.article_id, a.title, hits.snippet, hits.rank, h.id AS highlight_id
  FROM hits JOIN highlights h ON h.rowid = hits.rowid JOIN articles a ON a.id = h.article_id
  WHERE a.deleted_at IS NULL ORDER BY hits.rank`;

export const INSERT_HIGHLIGHT = `INSERT INTO highlights (id, article_id, color, note, quote_exact, quote_prefix, quote_suffix,
           position_start, position_end, anchor_state, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'anchored', ?, ?)`;
export const INSERT_NOTE_FTS = 'INSERT INTO note_fts (rowid, note) VALUES (?, ?)';

export const INSERT_ARTICLE = `INSERT INTO articles (id, title, author, publisher, url, published_at, file_name, format, content_hash,
           source_html, doc_json, body_text, imported_at, added_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
/** Run with articleIndexValues(rowid, title, text) (search-index.ts), which splits the text over the body columns. */
export const INSERT_ARTICLE_FTS = `INSERT INTO article_fts (rowid, title, body, ${Array.from({ length: BODY_COLUMNS - 1 }, (_, part) => `body${part + 2}`).join(', ')})
  VALUES (?, ?, ${Array.from({ length: BODY_COLUMNS }, () => '?').join(', ')})`;

export const SELECT_ARTICLE = 'SELECT rowid, * FROM articles WHERE id = ?';
export const SELECT_LIVE_HIGHLIGHTS = `SELECT h.rowid, h.*,
  (SELECT c.verdict FROM claim_highlights ch JOIN claims c ON c.id = ch.claim_id
     WHERE ch.highlight_id = h.id AND c.deleted_at IS NULL ORDER BY c.updated_at DESC LIMIT 1) AS verdict,
  (SELECT count(*) FROM figures f WHERE f.highlight_id = h.id AND f.deleted_at IS NULL) AS figure_count
  FROM highlights h WHERE h.article_id = ? AND h.deleted_at IS NULL
       ORDER BY h.anchor_state = 'orphaned', h.position_start, h.position_end DESC, h.created_at`;
