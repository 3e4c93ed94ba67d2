// Full-text search over article titles, text and highlight notes (SQLite FTS5, ranked by bm25).
import { SEARCH_MATCH_END, SEARCH_MATCH_START, type SearchHit } from '../../shared/domain';
import type { Library } from '../db/library';
import { ARTICLE_BODY_COLUMNS } from './search-index';

/**
 * Turns what the user typed into an FTS5 query that cannot be a syntax error: every word is
 * quoted, "quoted phrases" stay phrases, and the last word matches as a prefix so results follow
 * the typing. Returns null when there is nothing to search for.
 */
export function buildMatchQuery(input: string): string | null {
  const terms: string[] = [];
  const pattern = /"([^"]*)"|([\p{L}\p{N}_]+(?:['’.-][\p{L}\p{N}_]+)*)/gu;
  let match: RegExpExecArray | null;
  let lastWasWord = false;
  let lastEnd = 0;
  while ((match = pattern.exec(input)) !== null) {
    const phrase = match[1] !== undefined ? match[1].trim() : match[2];
    lastEnd = pattern.lastIndex;
    if (!phrase) continue;
    terms.push(`"${phrase.replace(/"/g, '""')}"`);
    lastWasWord = match[2] !== undefined;
  }
  if (terms.length === 0) return null;
  // A word still being typed (no space or punctuation after it) is matched as a prefix.
  if (lastWasWord && lastEnd === input.length) terms[terms.length - 1] += '*';
  return terms.join(' ');
}

interface HitRow {
  article_id: string;
  title: string;
  snippet: string;
  rank: number;
  highlight_id: string | null;
}

const SNIPPET_TOKENS = 14;

/**
 * The article_fts column a hit's snippet is cut from: the first body column with a match, else the
 * title. snippet() re-tokenises every column it is given, so asking for one part of the text
 * (about 1/16 of it, see search-index.ts) instead of all of it (-1) makes snippets cheap.
 * bm25() weighted to a range of columns is below zero exactly when one of them holds a match; it
 * reads the match positions FTS5 already has, without tokenising. Halving the range each time
 * finds the first matching column with 1 + log2(bodyColumns) calls.
 */
export function snippetColumnSql(table: string, bodyColumns: number): string {
  const anyMatchIn = (first: number, last: number) =>
    `bm25(${table}, ${Array.from({ length: bodyColumns + 1 }, (_, column) => (column >= first && column <= last ? '1' : '0')).join(', ')}) < 0`;
  const firstMatchIn = (first: number, last: number): string => {
    if (first === last) return String(first);
    const middle = Math.floor((first + last) / 2);
    return `CASE WHEN ${anyMatchIn(first, middle)} THEN ${firstMatchIn(first, middle)} ELSE ${firstMatchIn(middle + 1, last)} END`;
  };
  return `CASE WHEN ${anyMatchIn(1, bodyColumns)} THEN ${firstMatchIn(1, bodyColumns)} ELSE 0 END`;
}

// The FTS query sits in a CTE ordered by rank alone with a LIMIT; joining or sorting by anything
// else inside the MATCH query makes SQLite rank every row, which is slow on a large library.
const ARTICLE_HITS = `
  WITH hits AS (
    SELECT rowid, rank, snippet(article_fts, ${snippetColumnSql('article_fts', ARTICLE_BODY_COLUMNS)}, ?, ?, '…', ${SNIPPET_TOKENS}) AS snippet
    FROM article_fts WHERE article_fts MATCH ? ORDER BY rank LIMIT ?
  )
  SELECT a.id AS article_id, a.title, hits.snippet, hits.rank, NULL AS highlight_id
  FROM hits JOIN articles a ON a.rowid = hits.rowid WHERE a.deleted_at IS NULL ORDER BY hits.rank`;

const NOTE_HITS = `
  WITH hits AS (
    SELECT rowid, rank, snippet(note_fts, 0, ?, ?, '…', ${SNIPPET_TOKENS}) AS snippet
    FROM note_fts WHERE note_fts MATCH ? ORDER BY rank LIMIT ?
  )
  SELECT h.article_id, a.title, hits.snippet, hits.rank, h.id AS highlight_id
  FROM hits JOIN highlights h ON h.rowid = hits.rowid JOIN articles a ON a.id = h.article_id
  WHERE a.deleted_at IS NULL ORDER BY hits.rank`;

export function searchLibrary(library: Library, query: string, limit: number): SearchHit[] {
  const match = buildMatchQuery(query);
  if (!match) return [];
  const articleRows = library.statement(ARTICLE_HITS).all(SEARCH_MATCH_START, SEARCH_MATCH_END, match, limit) as HitRow[];
  const noteRows = library.statement(NOTE_HITS).all(SEARCH_MATCH_START, SEARCH_MATCH_END, match, limit) as HitRow[];

  // One hit per article: its best match, whether in the text or in a note.
  const best = new Map<string, SearchHit>();
  const consider = (row: HitRow, matchedIn: SearchHit['matchedIn']) => {
    const current = best.get(row.article_id);
    if (current && current.rank <= row.rank) return;
    best.set(row.article_id, {
      articleId: row.article_id,
      title: row.title,
      snippet: row.snippet,
      matchedIn,
      highlightId: row.highlight_id,
      rank: row.rank
    });
  };
  for (const row of articleRows) consider(row, 'article');
  for (const row of noteRows) consider(row, 'note');
  return [...best.values()].sort((a, b) => a.rank - b.rank).slice(0, limit);
}
