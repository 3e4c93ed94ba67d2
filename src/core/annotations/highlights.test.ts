import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentNode } from '../../shared/domain';
import { createTemporaryLibrary, libraryFingerprint, type TemporaryLibrary } from '../testing/temporary-library';

let t: TemporaryLibrary;
let articleId: string;

const ARTICLE = [
  'China accounts for nearly 70% of global mine production.',
  'Chinese mines produced an estimated 270,000 tons in 2024, out of a world total of roughly 390,000 tons.',
  'The Bayan Obo deposit alone holds about 40% of known reserves.',
  'Burma produced 31,000 tons.'
].join('\n\n');

const paragraphs = (...texts: string[]): DocumentNode => ({
  type: 'doc',
  content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }))
});

beforeEach(() => {
  t = createTemporaryLibrary();
  articleId = t.dispatcher.call('articles.create', { content: ARTICLE, format: 'text', title: 'Rare earths' }).id;
});
afterEach(() => t.dispose());

describe('highlights', () => {
  it('stores a range as W3C quote and position selectors', () => {
    const text = t.dispatcher.call('articles.get', { id: articleId }).text;
    const start = text.indexOf('270,000 tons');
    const highlight = t.dispatcher.call('highlights.create', { articleId, start, end: start + 12, color: 'green', note: 'USGS MCS 2025' });
    expect(highlight.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: '270,000 tons',
      prefix: text.slice(start - 32, start),
      suffix: text.slice(start + 12, start + 44)
    });
    expect(highlight.position).toEqual({ type: 'TextPositionSelector', start, end: start + 12 });
    expect(highlight).toMatchObject({ color: 'green', note: 'USGS MCS 2025', anchorState: 'anchored' });
  });

  it('trims white space off a selection and refuses one that is only white space', () => {
    const text = t.dispatcher.call('articles.get', { id: articleId }).text;
    const start = text.indexOf('\nBurma');
    const highlight = t.dispatcher.call('highlights.create', { articleId, start, end: start + 7 });
    expect(highlight.quote.exact).toBe('Burma');
    expect(t.dispatcher.invoke('highlights.create', { articleId, start, end: start + 1 })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/only white space/) }
    });
  });

  it('finds a quote by its exact words and refuses a missing or ambiguous one without writing', () => {
    expect(t.dispatcher.call('highlights.create', { articleId, exact: 'Bayan Obo deposit' }).position.start).toBeGreaterThan(0);
    const before = libraryFingerprint(t.library);
    expect(t.dispatcher.invoke('highlights.create', { articleId, exact: 'cobalt' })).toMatchObject({
      ok: false,
      error: { code: 'quote_not_found' }
    });
    expect(t.dispatcher.invoke('highlights.create', { articleId, exact: 'tons' })).toMatchObject({
      ok: false,
      error: { code: 'quote_ambiguous', message: expect.stringMatching(/occurs 3 times.*quote more words/) }
    });
    expect(t.dispatcher.invoke('highlights.create', { articleId, start: 0, end: 5, exact: 'Burma' })).toMatchObject({
      ok: false,
      error: { code: 'quote_not_found' }
    });
    expect(libraryFingerprint(t.library)).toBe(before);
  });

  it('allows overlapping highlights and lists them in text order', () => {
    const sentence = t.dispatcher.call('highlights.create', { articleId, exact: 'Chinese mines produced an estimated 270,000 tons in 2024' });
    const inner = t.dispatcher.call('highlights.create', { articleId, exact: '270,000 tons in 2024', color: 'blue' });
    const first = t.dispatcher.call('highlights.create', { articleId, exact: 'nearly 70%' });
    const ids = t.dispatcher.call('articles.get', { id: articleId }).highlights.map((highlight) => highlight.id);
    expect(ids).toEqual([first.id, sentence.id, inner.id]);
  });

  it('edits colour and note, deletes, and restores a deleted highlight (undo)', () => {
    const highlight = t.dispatcher.call('highlights.create', { articleId, exact: 'Burma produced 31,000 tons' });
    expect(t.dispatcher.call('highlights.update', { id: highlight.id, color: 'pink', note: 'provisional' })).toMatchObject({
      color: 'pink',
      note: 'provisional'
    });
    t.dispatcher.call('highlights.delete', { id: highlight.id });
    expect(t.dispatcher.call('articles.get', { id: articleId }).highlights).toHaveLength(0);
    expect(t.dispatcher.call('search.query', { query: 'provisional' })).toHaveLength(0);
    const restored = t.dispatcher.call('highlights.restore', { id: highlight.id });
    expect(restored).toMatchObject({ id: highlight.id, color: 'pink', note: 'provisional', anchorState: 'anchored' });
    expect(t.dispatcher.call('search.query', { query: 'provisional' })).toHaveLength(1);
    expect(t.dispatcher.invoke('highlights.update', { id: 'missing', note: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('re-anchors when the text is edited: moved, fuzzy, and orphaned rather than misplaced', () => {
    const moved = t.dispatcher.call('highlights.create', { articleId, exact: 'Burma produced 31,000 tons' });
    const edited = t.dispatcher.call('highlights.create', { articleId, exact: 'out of a world total of roughly 390,000 tons' });
    const deleted = t.dispatcher.call('highlights.create', { articleId, exact: 'The Bayan Obo deposit alone holds about 40% of known reserves' });

    const { article, reanchor } = t.dispatcher.call('articles.updateDocument', {
      id: articleId,
      doc: paragraphs(
        'A new opening paragraph pushes everything down.',
        'China accounts for nearly 70% of global mine production.',
        'Chinese mines produced an estimated 270,000 tons in 2024, out of a world total of about 390,000 tons.',
        'Burma produced 31,000 tons.'
      )
    });
    expect(reanchor).toEqual({ anchored: 0, moved: 1, fuzzy: 1, orphaned: 1 });
    const byId = new Map(article.highlights.map((highlight) => [highlight.id, highlight]));
    const slice = (id: string) => article.text.slice(byId.get(id)!.position.start, byId.get(id)!.position.end);
    expect(byId.get(moved.id)!.anchorState).toBe('moved');
    expect(slice(moved.id)).toBe('Burma produced 31,000 tons');
    expect(byId.get(edited.id)!.anchorState).toBe('fuzzy');
    expect(slice(edited.id)).toBe('out of a world total of about 390,000 tons');
    expect(byId.get(deleted.id)!.anchorState).toBe('orphaned');
    // The orphan keeps the words it was made on, so the analyst can see what was lost.
    expect(byId.get(deleted.id)!.quote.exact).toBe('The Bayan Obo deposit alone holds about 40% of known reserves');
    // Orphans come last in the list.
    expect(article.highlights[article.highlights.length - 1].id).toBe(deleted.id);
  });

  it('re-anchors when a revised version of the article is imported', () => {
    const highlight = t.dispatcher.call('highlights.create', { articleId, exact: 'Burma produced 31,000 tons' });
    const { article } = t.dispatcher.call('articles.revise', {
      id: articleId,
      content: `Correction appended at the top.\n\n${ARTICLE}`,
      format: 'text'
    });
    const placed = article.highlights.find((candidate) => candidate.id === highlight.id)!;
    expect(placed.anchorState).toBe('moved');
    expect(article.text.slice(placed.position.start, placed.position.end)).toBe('Burma produced 31,000 tons');
  });

  it('refuses an edited document that does not fit the article schema, changing nothing', () => {
    const before = libraryFingerprint(t.library);
    const envelope = t.dispatcher.invoke('articles.updateDocument', {
      id: articleId,
      doc: { type: 'doc', content: [{ type: 'script', content: [{ type: 'text', text: 'alert(1)' }] }] }
    });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/article schema/) } });
    expect(libraryFingerprint(t.library)).toBe(before);
  });
});
