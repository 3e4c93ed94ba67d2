// Keeps the full-text tables in step with articles and highlight notes. Callers run these inside
// the transaction that changes the row, so the index never disagrees with the library.
import type { Library } from '../db/library';

export function indexArticle(library: Library, rowid: number, title: string, body: string, mode: 'insert' | 'replace'): void {
  if (mode === 'replace') library.statement('DELETE FROM article_fts WHERE rowid = ?').run(rowid);
  library.statement('INSERT INTO article_fts (rowid, title, body) VALUES (?, ?, ?)').run(rowid, title, body);
}

/** Indexes a highlight's note, or removes it from the index when the note is empty or deleted. */
export function indexNote(library: Library, highlightRowid: number, note: string | null): void {
  library.statement('DELETE FROM note_fts WHERE rowid = ?').run(highlightRowid);
  if (note && note.trim()) library.statement('INSERT INTO note_fts (rowid, note) VALUES (?, ?)').run(highlightRowid, note);
}
