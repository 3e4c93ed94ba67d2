// Highlights: text ranges of an article with a colour and a note, stored as selectors so that they
// survive edits to the article (see anchoring.ts).
import { randomUUID } from 'node:crypto';
import type { Highlight, HighlightColor, ReanchorReport } from '../../shared/domain';
import { AssayError } from '../../shared/errors';
import type { Library } from '../db/library';
import { indexNewNote, indexNote } from '../search/search-index';
import { anchorSelectors, describeRange, findExactOccurrences, mapPositionsThroughEdit } from './anchoring';
import { highlightFromRow, type HighlightRow } from './highlight-rows';

const LIVE_HIGHLIGHTS = 'SELECT rowid, * FROM highlights WHERE article_id = ? AND deleted_at IS NULL';
// What the reader shows beside a highlight: its claim's verdict and how many figures cite it.
const HIGHLIGHT_VIEW = `SELECT h.rowid, h.*,
  (SELECT c.verdict FROM claim_highlights ch JOIN claims c ON c.id = ch.claim_id
     WHERE ch.highlight_id = h.id AND c.deleted_at IS NULL ORDER BY c.updated_at DESC LIMIT 1) AS verdict,
  (SELECT count(*) FROM figures f WHERE f.highlight_id = h.id AND f.deleted_at IS NULL) AS figure_count
  FROM highlights h`;

/** The article's highlights in text order; orphans (which have no place) come last. */
export function listHighlights(library: Library, articleId: string): Highlight[] {
  const rows = library
    .statement(
      `${HIGHLIGHT_VIEW} WHERE h.article_id = ? AND h.deleted_at IS NULL
       ORDER BY h.anchor_state = 'orphaned', h.position_start, h.position_end DESC, h.created_at`
    )
    .all(articleId) as HighlightRow[];
  return rows.map(highlightFromRow);
}

function getHighlightRow(library: Library, id: string): HighlightRow {
  const row = library.statement(`${HIGHLIGHT_VIEW} WHERE h.id = ?`).get(id) as HighlightRow | undefined;
  if (!row) throw new AssayError('not_found', `There is no highlight with id ${id}.`);
  return row;
}

function articleText(library: Library, articleId: string): string {
  const row = library.statement('SELECT body_text FROM articles WHERE id = ?').get(articleId) as
    | { body_text: string }
    | undefined;
  if (!row) throw new AssayError('not_found', `There is no article with id ${articleId}.`);
  return row.body_text;
}

// One transaction function per connection, made once: db.transaction() builds four wrapper
// functions each time it is called, which costs as much as the savepoint itself.
const transactionRunners = new WeakMap<Library, (work: () => void) => void>();

/** Runs work in a transaction, or in a savepoint when the caller (the dispatcher) already has one. */
function inTransaction(library: Library, work: () => void): void {
  let run = transactionRunners.get(library);
  if (!run) {
    run = library.db.transaction((inner: () => void) => inner());
    transactionRunners.set(library, run);
  }
  run(work);
}

function preview(quote: string): string {
  return quote.length > 60 ? `${quote.slice(0, 57)}…` : quote;
}

/** Resolves what the caller asked to highlight to a range of the article text. */
function resolveRange(text: string, input: { start?: number; end?: number; exact?: string }): { start: number; end: number } {
  if (input.start !== undefined && input.end !== undefined) {
    if (input.end > text.length) {
      throw new AssayError('invalid_input', `The range ${input.start}–${input.end} is beyond the article's ${text.length} characters.`);
    }
    if (input.exact !== undefined && text.slice(input.start, input.end) !== input.exact) {
      throw new AssayError(
        'quote_not_found',
        `The article no longer reads “${preview(input.exact)}” at that place; reload it and select again.`
      );
    }
    return { start: input.start, end: input.end };
  }
  const exact = input.exact ?? '';
  const occurrences = findExactOccurrences(text, exact, 10);
  if (occurrences.length === 0) {
    throw new AssayError('quote_not_found', `The quote “${preview(exact)}” does not occur in the article.`);
  }
  if (occurrences.length > 1) {
    throw new AssayError(
      'quote_ambiguous',
      `The quote “${preview(exact)}” occurs ${occurrences.length === 10 ? '10 or more' : occurrences.length} times in the article; ` +
        'quote more words so that it points at one place.'
    );
  }
  return { start: occurrences[0], end: occurrences[0] + exact.length };
}

/** Leading and trailing white space of a selection is never part of what the analyst meant. */
function trimRange(text: string, range: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start])) start += 1;
  while (end > start && /\s/.test(text[end - 1])) end -= 1;
  if (start === end) throw new AssayError('invalid_input', 'The selection holds only white space; select some words.');
  return { start, end };
}

export interface CreateHighlightInput {
  articleId: string;
  color: HighlightColor;
  note: string;
  start?: number;
  end?: number;
  exact?: string;
}

export function createHighlight(library: Library, input: CreateHighlightInput): Highlight {
  const text = articleText(library, input.articleId);
  const range = trimRange(text, resolveRange(text, input));
  const { quote, position } = describeRange(text, range.start, range.end);
  const id = randomUUID();
  const now = library.now();
  inTransaction(library, () => {
    const { lastInsertRowid } = library
      .statement(
        `INSERT INTO highlights (id, article_id, color, note, quote_exact, quote_prefix, quote_suffix,
           position_start, position_end, anchor_state, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'anchored', ?, ?)`
      )
      .run(id, input.articleId, input.color, input.note, quote.exact, quote.prefix, quote.suffix, position.start, position.end, now, now);
    indexNewNote(library, Number(lastInsertRowid), input.note);
  });
  // The row just written, as getHighlightRow would read it back: a new highlight has no claim and
  // no figures yet, so there is nothing to look up (creating highlights is on the reader's hot path).
  return highlightFromRow({
    rowid: 0,
    id,
    article_id: input.articleId,
    color: input.color,
    note: input.note,
    quote_exact: quote.exact,
    quote_prefix: quote.prefix,
    quote_suffix: quote.suffix,
    position_start: position.start,
    position_end: position.end,
    anchor_state: 'anchored',
    created_at: now,
    updated_at: now,
    deleted_at: null,
    verdict: null,
    figure_count: 0
  });
}

export function updateHighlight(library: Library, id: string, changes: { color?: HighlightColor; note?: string }): Highlight {
  const row = getHighlightRow(library, id);
  if (row.deleted_at) throw new AssayError('not_found', `The highlight ${id} was deleted.`);
  library.db.transaction(() => {
    library
      .statement('UPDATE highlights SET color = ?, note = ?, updated_at = ? WHERE id = ?')
      .run(changes.color ?? row.color, changes.note ?? row.note, library.now(), id);
    if (changes.note !== undefined) indexNote(library, row.rowid, changes.note);
  })();
  return highlightFromRow(getHighlightRow(library, id));
}

/** Deletes softly, so that the reader can undo it (restoreHighlight). */
export function deleteHighlight(library: Library, id: string): Highlight {
  const row = getHighlightRow(library, id);
  if (row.deleted_at) throw new AssayError('not_found', `The highlight ${id} was already deleted.`);
  library.db.transaction(() => {
    library.statement('UPDATE highlights SET deleted_at = ?, updated_at = ? WHERE id = ?').run(library.now(), library.now(), id);
    indexNote(library, row.rowid, null);
  })();
  return highlightFromRow(getHighlightRow(library, id));
}

export function restoreHighlight(library: Library, id: string): Highlight {
  const row = getHighlightRow(library, id);
  if (!row.deleted_at) return highlightFromRow(row);
  // The article may have been edited since the delete: re-anchor before showing it again.
  const text = articleText(library, row.article_id);
  library.db.transaction(() => {
    library.statement('UPDATE highlights SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(library.now(), id);
    reanchorRow(library, row, text);
    indexNote(library, row.rowid, row.note);
  })();
  return highlightFromRow(getHighlightRow(library, id));
}

type PositionMap = ReturnType<typeof mapPositionsThroughEdit>;

function reanchorRow(library: Library, row: HighlightRow, text: string, mapPosition?: PositionMap): Highlight['anchorState'] {
  const mappedStart = mapPosition ? mapPosition(row.position_start, 'start') : row.position_start;
  const mappedEnd = mapPosition ? mapPosition(row.position_end, 'end') : row.position_end;
  const guess = mappedStart !== null && mappedEnd !== null && mappedEnd > mappedStart ? { start: mappedStart, end: mappedEnd } : null;
  const found = anchorSelectors(
    text,
    { type: 'TextQuoteSelector', exact: row.quote_exact, prefix: row.quote_prefix, suffix: row.quote_suffix },
    { type: 'TextPositionSelector', ...(guess ?? { start: row.position_start, end: row.position_end }) }
  );
  // Found where the edit moved it: that is a move, not the same place.
  const result =
    found.state === 'anchored' && (found.start !== row.position_start || found.end !== row.position_end)
      ? { ...found, state: 'moved' as const }
      : found;
  if (result.state === 'orphaned') {
    // Keep the old selectors: they are what the orphan shows, and a later revision may place it again.
    if (row.anchor_state !== 'orphaned') {
      library.statement("UPDATE highlights SET anchor_state = 'orphaned' WHERE id = ?").run(row.id);
    }
    return 'orphaned';
  }
  // A fuzzy placement stays flagged until the analyst has seen it, even when later saves leave it be.
  const state = result.state === 'anchored' && row.anchor_state === 'fuzzy' ? 'fuzzy' : result.state;
  const unchanged = result.start === row.position_start && result.end === row.position_end && state === row.anchor_state;
  if (!unchanged) {
    // Once placed, the highlight's selectors describe its new place; the state says how it got there.
    const { quote } = describeRange(text, result.start, result.end);
    library
      .statement(
        `UPDATE highlights SET quote_exact = ?, quote_prefix = ?, quote_suffix = ?, position_start = ?, position_end = ?,
           anchor_state = ? WHERE id = ?`
      )
      .run(quote.exact, quote.prefix, quote.suffix, result.start, result.end, state, row.id);
  }
  return state;
}

/** Re-anchors every live highlight of an article against its new text. Call inside a transaction. */
/**
 * Re-anchors every live highlight of an article against its new text. With the previous text,
 * positions are first carried through the edit, so only highlights inside the edited region need a
 * search. Call inside a transaction.
 */
export function reanchorHighlights(library: Library, articleId: string, text: string, previousText?: string): ReanchorReport {
  const report: ReanchorReport = { anchored: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  const rows = library.statement(LIVE_HIGHLIGHTS).all(articleId) as HighlightRow[];
  const mapPosition = previousText !== undefined && previousText !== text ? mapPositionsThroughEdit(previousText, text) : undefined;
  for (const row of rows) report[reanchorRow(library, row, text, mapPosition)] += 1;
  return report;
}
