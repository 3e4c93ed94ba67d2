import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEARCH_MATCH_END, SEARCH_MATCH_START } from '../../shared/domain';
import { openLibrary } from '../db/library';
import { MIGRATIONS } from '../db/migrations';
import { createDispatcher } from '../dispatch/dispatcher';
import { createTemporaryLibrary, type TemporaryLibrary } from '../testing/temporary-library';
import { buildMatchQuery } from './search';
import { ARTICLE_BODY_COLUMNS, splitArticleBody } from './search-index';

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

  it('cuts the snippet of a long article from the part that matches, with the same ranking', () => {
    const filler = (count: number) => Array.from({ length: count }, (_, index) => `Paragraph ${index} is about mining and refining ore.`);
    const long = t.dispatcher.call('articles.create', {
      title: 'Long',
      content: [...filler(600), 'Late in the text, gadolinium appears once.', ...filler(50)].join('\n\n'),
      format: 'text'
    });
    const short = t.dispatcher.call('articles.create', { title: 'Short', content: 'Gadolinium and gadolinium again.', format: 'text' });
    const hits = t.dispatcher.call('search.query', { query: 'gadolinium' });
    expect(hits.map((hit) => hit.articleId)).toEqual([short.id, long.id]);
    expect(hits[1].snippet).toContain(`${SEARCH_MATCH_START}gadolinium${SEARCH_MATCH_END} appears once`);
    // A phrase typed as a prefix, and a word found only in the title.
    expect(t.dispatcher.call('search.query', { query: 'gadolin' })).toHaveLength(2);
    expect(t.dispatcher.call('search.query', { query: 'Short' })[0].snippet).toBe(`${SEARCH_MATCH_START}Short${SEARCH_MATCH_END}`);
  });

  it('never fails on FTS syntax typed by the user', () => {
    t.dispatcher.call('articles.create', { title: 'A', content: 'NEAR the mine.', format: 'text' });
    for (const query of ['"', 'NEAR(', 'a OR', '-x', 'title:', '(((', '^']) {
      expect(t.dispatcher.invoke('search.query', { query }).ok).toBe(true);
    }
  });
});

describe('splitArticleBody', () => {
  it('splits at line breaks only, into at most ARTICLE_BODY_COLUMNS parts that join back to the text', () => {
    const text = Array.from({ length: 2000 }, (_, index) => `Line ${index} of the article.`).join('\n');
    const parts = splitArticleBody(text);
    expect(parts).toHaveLength(ARTICLE_BODY_COLUMNS);
    expect(parts.filter((part) => part !== '').join('\n')).toBe(text);
    expect(parts.every((part) => !part.startsWith('\n') && !part.endsWith('\n'))).toBe(true);
    expect(splitArticleBody('Short text.')).toEqual(['Short text.', ...Array(ARTICLE_BODY_COLUMNS - 1).fill('')]);
  });
});

describe('upgrading a library to the split article index (migration 7)', () => {
  it('re-indexes existing articles, in the trash too, so that search finds them with snippets', () => {
    const folder = mkdtempSync(join(tmpdir(), 'assay-search-'));
    const path = join(folder, 'v6.sqlite');
    // A library as Assay wrote it before migration 7: whole bodies in one column.
    const raw = new Database(path);
    raw.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const migration of MIGRATIONS.filter((candidate) => candidate.version < 7)) {
      raw.exec(migration.sql);
      raw
        .prepare('INSERT INTO schema_migrations VALUES (?, ?, ?, ?)')
        .run(migration.version, migration.name, createHash('sha256').update(migration.sql).digest('hex'), '2026-01-01T00:00:00Z');
    }
    const body = [...Array.from({ length: 900 }, (_, index) => `Paragraph ${index} on separation plants.`), 'Samarium closes the text.'].join('\n');
    const insert = raw.prepare(
      `INSERT INTO articles (id, title, format, content_hash, imported_at, added_at, updated_at, deleted_at, body_text, doc_json)
       VALUES (?, ?, 'text', 'x', '2026-01-01', '2026-01-01', '2026-01-01', ?, ?, '{"type":"doc"}')`
    );
    const rowids = [
      insert.run('a1', 'Separation', null, body).lastInsertRowid,
      insert.run('a2', 'Empty', null, '').lastInsertRowid,
      insert.run('a3', 'Trashed samarium', '2026-02-01', 'Samarium in the trash.').lastInsertRowid
    ];
    const old = raw.prepare('INSERT INTO article_fts (rowid, title, body) VALUES (?, ?, ?)');
    old.run(rowids[0], 'Separation', body);
    old.run(rowids[1], 'Empty', '');
    old.run(rowids[2], 'Trashed samarium', 'Samarium in the trash.');
    raw.close();

    const library = openLibrary(path);
    try {
      const parts = library.db.prepare('SELECT * FROM article_fts WHERE rowid = ?').get(rowids[0]) as Record<string, string | null>;
      const stored = Object.entries(parts).filter(([column]) => column !== 'title').map(([, value]) => value ?? '');
      expect(stored).toEqual(splitArticleBody(body));
      expect(library.db.prepare('SELECT count(*) AS n FROM article_fts').get()).toEqual({ n: 3 });
      const dispatcher = createDispatcher({ library, appVersion: 'test' });
      const hits = dispatcher.call('search.query', { query: 'samarium' });
      expect(hits.map((hit) => hit.articleId)).toEqual(['a1']);
      expect(hits[0].snippet).toContain(`${SEARCH_MATCH_START}Samarium${SEARCH_MATCH_END} closes the text`);
      expect(library.db.prepare("SELECT rowid FROM article_fts WHERE article_fts MATCH 'samarium' ORDER BY rowid").all()).toEqual([
        { rowid: Number(rowids[0]) },
        { rowid: Number(rowids[2]) }
      ]);
    } finally {
      library.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
