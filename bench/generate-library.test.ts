// Keeps the benchmark generator honest: the rows it writes straight into SQLite must be rows Assay
// itself would have written, or the benchmarks measure a library that cannot exist.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../src/core/db/library';
import { createDispatcher } from '../src/core/dispatch/dispatcher';
import { documentFromEditor } from '../src/core/import/article-document';
import { indexDocumentText } from '../src/shared/document-text';
import type { DocumentNode } from '../src/shared/domain';
import { generateLibrary, type LibraryManifest, type LibrarySize } from './generate-library';

const TINY: LibrarySize = {
  name: 'tiny',
  articles: 12,
  highlights: 150,
  minWords: 200,
  maxWords: 900,
  longArticleWords: 3_000,
  longArticleHighlights: 60
};

describe('the synthetic benchmark library', () => {
  let folder: string;
  let manifest: LibraryManifest;
  let library: Library;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'assay-bench-test-'));
    manifest = generateLibrary(join(folder, 'library.sqlite'), { size: TINY, seed: 7 });
    library = openLibrary(join(folder, 'library.sqlite'));
  });

  afterAll(() => {
    library?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('has the requested rows, with search rows sharing their rowids', () => {
    const count = (sql: string) => (library.db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM articles')).toBe(TINY.articles + 1);
    expect(count('SELECT count(*) AS n FROM highlights')).toBe(TINY.highlights + TINY.longArticleHighlights);
    expect(manifest.highlights).toBe(TINY.highlights + TINY.longArticleHighlights);
    expect(count('SELECT count(*) AS n FROM article_fts')).toBe(TINY.articles + 1);
    expect(count('SELECT count(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_fts f WHERE f.rowid = a.rowid)')).toBe(0);
    expect(count('SELECT count(*) AS n FROM note_fts')).toBe(manifest.notes);
    expect(count("SELECT count(*) AS n FROM highlights h WHERE h.note <> '' AND NOT EXISTS (SELECT 1 FROM note_fts f WHERE f.rowid = h.rowid)")).toBe(0);
    const long = library.db.prepare('SELECT body_text FROM articles WHERE id = ?').get(manifest.longArticle.id) as { body_text: string };
    expect(long.body_text.split(/\s+/).length).toBeGreaterThanOrEqual(TINY.longArticleWords);
  });

  it("stores each article's text exactly as indexDocumentText derives it from the document", () => {
    const rows = library.db.prepare('SELECT doc_json, body_text FROM articles').all() as { doc_json: string; body_text: string }[];
    for (const row of rows) {
      const doc = JSON.parse(row.doc_json) as DocumentNode;
      expect(indexDocumentText(doc).text).toBe(row.body_text);
      // The reader loads the document through the article schema; it must fit it unchanged.
      expect(documentFromEditor(doc).text).toBe(row.body_text);
    }
  });

  it('gives every highlight selectors that match its article text', () => {
    const rows = library.db
      .prepare(
        `SELECT h.quote_exact, h.quote_prefix, h.quote_suffix, h.position_start, h.position_end, a.body_text
         FROM highlights h JOIN articles a ON a.id = h.article_id`
      )
      .all() as { quote_exact: string; quote_prefix: string; quote_suffix: string; position_start: number; position_end: number; body_text: string }[];
    for (const row of rows) {
      const text = row.body_text;
      expect(text.slice(row.position_start, row.position_end)).toBe(row.quote_exact);
      expect(text.slice(Math.max(0, row.position_start - 32), row.position_start)).toBe(row.quote_prefix);
      expect(text.slice(row.position_end, row.position_end + 32)).toBe(row.quote_suffix);
      expect(row.quote_exact.trim()).toBe(row.quote_exact);
    }
  });

  it('is found by search: generated words, domain words and note words', () => {
    const dispatcher = createDispatcher({ library, appVersion: 'test' });
    const article = library.db.prepare('SELECT id, body_text FROM articles ORDER BY rowid LIMIT 1 OFFSET 3').get() as { id: string; body_text: string };
    const word = article.body_text.split(/[^\p{L}]+/u).find((candidate) => candidate.length >= 9)!;
    expect(dispatcher.call('search.query', { query: `${word} ` }).map((hit) => hit.articleId)).toContain(article.id);
    expect(dispatcher.call('search.query', { query: 'China' }).length).toBeGreaterThan(0);
    const noted = library.db.prepare("SELECT article_id, note FROM highlights WHERE note <> '' LIMIT 1").get() as { article_id: string; note: string };
    const noteWord = noted.note.split(/[^\p{L}]+/u).find((candidate) => candidate.length >= 6)!;
    expect(dispatcher.call('search.query', { query: noteWord, limit: 200 }).map((hit) => hit.articleId)).toContain(noted.article_id);
    expect(dispatcher.call('articles.list', { limit: 5 }).total).toBe(TINY.articles + 1);
  });

  it('is the same library for the same seed', () => {
    const again = generateLibrary(join(folder, 'again.sqlite'), { size: TINY, seed: 7 });
    expect({ ...again, generationSeconds: 0, bytes: 0 }).toEqual({ ...manifest, generationSeconds: 0, bytes: 0 });
  });
});
