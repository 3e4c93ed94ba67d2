// Keeps the full-text tables in step with articles and highlight notes. Callers run these inside
// the transaction that changes the row, so the index never disagrees with the library.
import type { Library } from '../db/library';

/**
 * article_fts holds an article's text in this many body columns, consecutive runs of its
 * paragraphs (migration 0007). Ranking is unchanged by the split: every body column weighs 1.0
 * and bm25 counts hits and length over the whole row. It lets search build a hit's snippet from
 * one column — about 1/16 of the text — instead of re-tokenising the whole article per hit.
 */
export const ARTICLE_BODY_COLUMNS = 16;
// A part shorter than this is not worth its own column; short articles use fewer columns.
const MIN_PART_LENGTH = 1500;

export const ARTICLE_BODY_COLUMN_NAMES = Array.from({ length: ARTICLE_BODY_COLUMNS }, (_, index) => (index === 0 ? 'body' : `body${index + 1}`));

export const INSERT_ARTICLE_FTS = `INSERT INTO article_fts (rowid, title, ${ARTICLE_BODY_COLUMN_NAMES.join(', ')})
  VALUES (?, ?, ${ARTICLE_BODY_COLUMN_NAMES.map(() => '?').join(', ')})`;

/**
 * Splits an article's text into ARTICLE_BODY_COLUMNS parts of about equal length, cut only at
 * line breaks (between paragraphs), so that no word or sentence is split. Unused parts are empty.
 * Migration 0007 splits existing articles the same way in SQL.
 */
export function splitArticleBody(body: string): string[] {
  const parts: string[] = [];
  const partLength = Math.max(MIN_PART_LENGTH, Math.ceil(body.length / ARTICLE_BODY_COLUMNS));
  let at = 0;
  while (at < body.length && parts.length < ARTICLE_BODY_COLUMNS - 1) {
    let cut = body.indexOf('\n', at + partLength);
    if (cut < 0) cut = body.length;
    parts.push(body.slice(at, cut));
    at = cut + 1;
  }
  if (at < body.length) parts.push(body.slice(at));
  while (parts.length < ARTICLE_BODY_COLUMNS) parts.push('');
  return parts;
}

/** The values for INSERT_ARTICLE_FTS. */
export function articleIndexValues(rowid: number | bigint, title: string, body: string): unknown[] {
  return [rowid, title, ...splitArticleBody(body)];
}

export function indexArticle(library: Library, rowid: number, title: string, body: string, mode: 'insert' | 'replace'): void {
  if (mode === 'replace') library.statement('DELETE FROM article_fts WHERE rowid = ?').run(rowid);
  library.statement(INSERT_ARTICLE_FTS).run(...articleIndexValues(rowid, title, body));
}

/** Re-indexes every article and live note from the tables, e.g. after a backup was restored. */
export function rebuildSearchIndex(library: Library): void {
  library.db.prepare('DELETE FROM article_fts').run();
  const insert = library.statement(INSERT_ARTICLE_FTS);
  for (const row of library.db.prepare('SELECT rowid, title, body_text FROM articles').all() as { rowid: number; title: string; body_text: string }[]) {
    insert.run(...articleIndexValues(row.rowid, row.title, row.body_text));
  }
  library.db.prepare('DELETE FROM note_fts').run();
  library.db.prepare("INSERT INTO note_fts (rowid, note) SELECT rowid, note FROM highlights WHERE deleted_at IS NULL AND trim(note) <> ''").run();
}

/** Indexes a highlight's note, or removes it from the index when the note is empty or deleted. */
export function indexNote(library: Library, highlightRowid: number, note: string | null): void {
  library.statement('DELETE FROM note_fts WHERE rowid = ?').run(highlightRowid);
  if (note && note.trim()) library.statement('INSERT INTO note_fts (rowid, note) VALUES (?, ?)').run(highlightRowid, note);
}

/** Indexes the note of a highlight row inserted in this transaction, which has no entry to replace yet. */
export function indexNewNote(library: Library, highlightRowid: number, note: string): void {
  if (note.trim()) library.statement('INSERT INTO note_fts (rowid, note) VALUES (?, ?)').run(highlightRowid, note);
}
