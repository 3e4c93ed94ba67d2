import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTemporaryLibrary, libraryFingerprint, type TemporaryLibrary } from '../testing/temporary-library';

let t: TemporaryLibrary;
beforeEach(() => {
  t = createTemporaryLibrary();
});
afterEach(() => t.dispose());

const add = (title: string, extra: Record<string, unknown> = {}) =>
  t.dispatcher.call('articles.create', { content: `${title} body text.`, format: 'text', title, ...extra });

describe('articles', () => {
  it('keeps and edits title, author, publisher, URL, published date and tags', () => {
    const created = add('Magnets', {
      author: 'M. Lindqvist',
      publisher: 'Assay desk',
      url: 'https://example.org/magnets',
      publishedAt: '2025-03',
      tags: ['rare earths', 'Magnets', 'rare earths']
    });
    expect(created).toMatchObject({ title: 'Magnets', author: 'M. Lindqvist', publishedAt: '2025-03', highlightCount: 0 });
    expect(created.tags).toEqual(['Magnets', 'rare earths']);

    const edited = t.dispatcher.call('articles.updateMetadata', { id: created.id, author: '', publisher: 'USGS', tags: ['usgs'] });
    expect(edited).toMatchObject({ title: 'Magnets', author: null, publisher: 'USGS', tags: ['usgs'] });
    expect(t.dispatcher.call('tags.list', {})).toEqual([{ name: 'usgs', count: 1 }]);
  });

  it('lists with sorting, paging and a tag filter', () => {
    add('Beta', { publishedAt: '2024-01-01', publisher: 'Zeta' });
    add('alpha', { publishedAt: '2025-01-01', tags: ['mining'] });
    add('Gamma', { tags: ['mining'] });
    const titles = (input: Record<string, unknown>) =>
      t.dispatcher.call('articles.list', input).items.map((article) => article.title);
    expect(titles({ sort: 'title', direction: 'asc' })).toEqual(['alpha', 'Beta', 'Gamma']);
    expect(titles({ sort: 'published', direction: 'desc' })).toEqual(['alpha', 'Beta', 'Gamma']);
    expect(titles({ sort: 'source', direction: 'asc' })).toEqual(['Beta', 'alpha', 'Gamma']);
    expect(titles({ tag: 'mining', sort: 'title', direction: 'asc' })).toEqual(['alpha', 'Gamma']);
    const page = t.dispatcher.call('articles.list', { sort: 'title', direction: 'asc', limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 3, items: [{ title: 'Gamma' }] });
  });

  it('counts highlights per article and sorts by them', () => {
    const one = add('One');
    add('Two');
    t.dispatcher.call('highlights.create', { articleId: one.id, exact: 'body' });
    const list = t.dispatcher.call('articles.list', { sort: 'highlights', direction: 'desc' });
    expect(list.items.map((article) => [article.title, article.highlightCount])).toEqual([
      ['One', 1],
      ['Two', 0]
    ]);
  });

  it.each([
    [{ content: '', format: 'text' }, /content: the article has no content/],
    [{ content: 'x', format: 'pdf' }, /format/],
    [{ content: 'x', format: 'text', url: 'ftp://example.org' }, /url: a URL must start with http/],
    [{ content: 'x', format: 'text', publishedAt: '2024-13' }, /publishedAt: a date must be YYYY, YYYY-MM or YYYY-MM-DD/],
    [{ content: 'x', format: 'text', surprise: true }, /surprise/]
  ])('refuses bad input %j with a message naming the field, and adds nothing', (input, message) => {
    const before = libraryFingerprint(t.library);
    const envelope = t.dispatcher.invoke('articles.create', input);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!envelope.ok && envelope.error.message).toMatch(message);
    expect(libraryFingerprint(t.library)).toBe(before);
  });

  it('reports unknown methods and missing articles as errors, not crashes', () => {
    expect(t.dispatcher.invoke('articles.explode', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(t.dispatcher.invoke('articles.get', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'There is no article with id nope.' }
    });
  });

  it('imports a file and keeps its name, format and content hash', () => {
    const imported = t.dispatcher.call('articles.importFile', {
      fileName: 'notes.md',
      dataBase64: Buffer.from('# Refining\n\nSeparation is the bottleneck.').toString('base64')
    });
    const article = t.dispatcher.call('articles.get', { id: imported.id });
    expect(article.title).toBe('Refining');
    expect(article.origin).toMatchObject({ fileName: 'notes.md', format: 'markdown' });
    expect(article.origin.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a file that cannot be read adds nothing', () => {
    const before = libraryFingerprint(t.library);
    const envelope = t.dispatcher.invoke('articles.importFile', { fileName: 'x.txt', dataBase64: Buffer.from([1, 0, 2]).toString('base64') });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'unreadable_file' } });
    expect(libraryFingerprint(t.library)).toBe(before);
  });
});
