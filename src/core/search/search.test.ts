import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEARCH_MATCH_END, SEARCH_MATCH_START } from '../../shared/domain';
import { createTemporaryLibrary, type TemporaryLibrary } from '../testing/temporary-library';
import { buildMatchQuery } from './search';

describe('buildMatchQuery', () => {
  it.each([
    ['rare earths', '"rare" "earths"*'],
    ['rare earths ', '"rare" "earths"'],
    ['"rare earth" magnets', '"rare earth" "magnets"*'],
    ['China\'s share', '"China\'s" "share"*'],
    ['AND OR NOT (', '"AND" "OR" "NOT"'],
    ['magnet"s', '"magnet" "s"*'],
    ['   ', null],
    ['*:^', null]
  ])('%j → %j', (input, expected) => {
    expect(buildMatchQuery(input)).toBe(expected);
  });
});

describe('searchLibrary', () => {
  let t: TemporaryLibrary;
  beforeEach(() => {
    t = createTemporaryLibrary();
  });
  afterEach(() => t.dispose());

  it('ranks title matches first, returns snippets with match markers, and finds prefixes as you type', () => {
    const magnets = t.dispatcher.call('articles.create', { title: 'Magnets and motors', content: 'Neodymium magnets spin motors.', format: 'text' });
    const mining = t.dispatcher.call('articles.create', {
      title: 'Mining',
      content: 'Mines dig ore. Later, factories make magnets from the refined oxides.',
      format: 'text'
    });
    const hits = t.dispatcher.call('search.query', { query: 'magnet' });
    expect(hits.map((hit) => hit.articleId)).toEqual([magnets.id, mining.id]);
    expect(hits[1].snippet).toContain(`${SEARCH_MATCH_START}magnets${SEARCH_MATCH_END}`);
    expect(hits[1].matchedIn).toBe('article');
  });

  it('finds an article by a word in a highlight note, and follows note edits', () => {
    const article = t.dispatcher.call('articles.create', { title: 'Burma', content: 'Burma produced 31,000 tons.', format: 'text' });
    const highlight = t.dispatcher.call('highlights.create', { articleId: article.id, exact: '31,000 tons', note: 'Check against Kachin data' });
    expect(t.dispatcher.call('search.query', { query: 'kachin' })).toMatchObject([
      { articleId: article.id, matchedIn: 'note', highlightId: highlight.id }
    ]);
    t.dispatcher.call('highlights.update', { id: highlight.id, note: 'verified' });
    expect(t.dispatcher.call('search.query', { query: 'kachin' })).toEqual([]);
  });

  it('follows title and text edits', () => {
    const article = t.dispatcher.call('articles.create', { title: 'Draft', content: 'Old words.', format: 'text' });
    t.dispatcher.call('articles.updateMetadata', { id: article.id, title: 'Dysprosium supply' });
    t.dispatcher.call('articles.revise', { id: article.id, content: 'Terbium separation.', format: 'text' });
    expect(t.dispatcher.call('search.query', { query: 'dysprosium' })).toHaveLength(1);
    expect(t.dispatcher.call('search.query', { query: 'terbium' })).toHaveLength(1);
    expect(t.dispatcher.call('search.query', { query: 'old words' })).toHaveLength(0);
  });

  it('never fails on FTS syntax typed by the user', () => {
    t.dispatcher.call('articles.create', { title: 'A', content: 'NEAR the mine.', format: 'text' });
    for (const query of ['"', 'NEAR(', 'a OR', '-x', 'title:', '(((', '^']) {
      expect(t.dispatcher.invoke('search.query', { query }).ok).toBe(true);
    }
  });
});
