// Keeps the benchmark generator honest: the rows it writes straight into SQLite must be rows Assay
// itself would have written, or the benchmarks measure a library that cannot exist.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../src/core/db/library';
import { createDispatcher } from '../src/core/dispatch/dispatcher';
import { figureInputFromRow, validateFigure } from '../src/core/figures/figures';
import type { FigureRow } from '../src/core/figures/figure-rows';
import { documentFromEditor } from '../src/core/import/article-document';
import { parseQuantity } from '../src/core/quantities/quantity-parser';
import { chartSpecInputSchema } from '../src/shared/charts/chart-spec';
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
  longArticleHighlights: 60,
  figures: 1_500,
  claims: 120,
  charts: 15
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

  it('stores every figure exactly as core validates and normalises it', () => {
    const count = (sql: string) => (library.db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM figures')).toBe(TINY.figures);
    expect(manifest.evidence.highlightFigures).toBeGreaterThan(0);
    expect(manifest.evidence.competingFigures).toBeGreaterThan(0);
    const rows = library.db.prepare('SELECT * FROM figures').all() as FigureRow[];
    for (const row of rows) {
      const valid = validateFigure(library, figureInputFromRow(row));
      expect([row.period, row.period_kind, row.period_start, row.period_end]).toEqual([valid.period.canonical, valid.period.kind, valid.period.start, valid.period.end]);
      expect([row.normalized_value, row.normalized_high, row.base_unit, row.dimension]).toEqual([
        valid.normalized.value,
        valid.normalized.high,
        valid.normalized.baseUnit,
        valid.normalized.dimension
      ]);
      // A figure has a source: its highlight, or a citation.
      expect(row.highlight_id !== null || row.citation_title !== null).toBe(true);
    }
    // One kind of quantity per metric, so every metric can be charted.
    expect(count('SELECT count(*) AS n FROM (SELECT metric FROM figures GROUP BY metric HAVING count(DISTINCT dimension) > 1)')).toBe(0);
  });

  it('reads back through the contract: figures with their quotes, claims, charts with data', () => {
    const dispatcher = createDispatcher({ library, appVersion: 'test' });
    const listed = dispatcher.call('figures.list', { limit: 5000 });
    expect(listed.total).toBe(TINY.figures);
    const quotes = new Map(
      (library.db.prepare('SELECT id, quote_exact FROM highlights').all() as { id: string; quote_exact: string }[]).map((row) => [row.id, row.quote_exact])
    );
    const fromHighlights = listed.items.filter((figure) => figure.source.kind === 'highlight');
    expect(fromHighlights.length).toBe(manifest.evidence.highlightFigures);
    for (const figure of fromHighlights) {
      if (figure.source.kind === 'highlight') expect(figure.source.quote).toBe(quotes.get(figure.source.highlightId));
    }
    expect(listed.items.filter((figure) => figure.competing).length).toBe(manifest.evidence.competingFigures);
    const facets = dispatcher.call('figures.facets', {});
    expect(facets.metrics.length).toBe(manifest.evidence.distinct.metrics);
    expect(facets.units.length).toBeGreaterThan(3);

    const claims = dispatcher.call('claims.list', { limit: 1000 });
    expect(claims.total).toBe(TINY.claims);
    expect(claims.countsByVerdict).toEqual(manifest.evidence.verdicts);
    let links = 0;
    for (const summary of claims.items) {
      const claim = dispatcher.call('claims.get', { id: summary.id });
      // The stated number is what claims.create reads from the statement.
      const parsed = parseQuantity(claim.statement);
      expect(claim.stated).toEqual(parsed && { value: parsed.value, high: parsed.high, unit: parsed.unit, qualifier: parsed.qualifier });
      if (claim.computation) expect(claim.check?.status).not.toBe('cannot_compute');
      links += claim.links.length;
      for (const link of claim.links) expect(link.targetLabel).not.toMatch(/^\(missing/);
    }
    expect(links).toBe(manifest.evidence.evidenceLinks);

    const charts = dispatcher.call('charts.list', {});
    expect(charts.length).toBe(TINY.charts);
    for (const summary of charts) {
      const { chart, data } = dispatcher.call('charts.get', { id: summary.id });
      expect(data.figureCount).toBeGreaterThan(0);
      expect(data.series.length).toBeGreaterThan(0);
      const { id: _id, createdAt: _created, updatedAt: _updated, ...spec } = chart;
      expect(chartSpecInputSchema.parse(spec)).toEqual(spec);
    }
  });

  it('links only rows that exist: highlights, figures, claims, projects', () => {
    const count = (sql: string) => (library.db.prepare(sql).get() as { n: number }).n;
    expect(library.db.pragma('foreign_key_check')).toEqual([]);
    expect(count("SELECT count(*) AS n FROM evidence_links l WHERE l.target_kind = 'figure' AND NOT EXISTS (SELECT 1 FROM figures f WHERE f.id = l.target_id)")).toBe(0);
    expect(count("SELECT count(*) AS n FROM evidence_links l WHERE l.target_kind = 'claim' AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = l.target_id)")).toBe(0);
    // A claim's highlights are of its article, as claims.create requires.
    expect(count('SELECT count(*) AS n FROM claim_highlights ch JOIN highlights h ON h.id = ch.highlight_id JOIN claims c ON c.id = ch.claim_id WHERE c.article_id IS NOT h.article_id')).toBe(0);
    expect(count('SELECT count(*) AS n FROM claim_highlights')).toBeGreaterThan(0);
    // Every article is in the default project, as the trigger puts every new article there.
    expect(count('SELECT count(*) AS n FROM project_articles pa JOIN projects p ON p.id = pa.project_id AND p.is_default = 1')).toBe(TINY.articles + 1);
  });

  it('is the same library for the same seed', () => {
    const again = generateLibrary(join(folder, 'again.sqlite'), { size: TINY, seed: 7 });
    expect({ ...again, generationSeconds: 0, bytes: 0 }).toEqual({ ...manifest, generationSeconds: 0, bytes: 0 });
    const other = openLibrary(join(folder, 'again.sqlite'), { readonly: true });
    try {
      for (const table of ['projects', 'figures', 'claims', 'claim_highlights', 'claim_tags', 'evidence_links', 'charts']) {
        // Two of them are WITHOUT ROWID; their key orders them.
        const order = table.startsWith('claim_') ? '1, 2' : 'rowid';
        const rows = (db: Library) => db.db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all();
        expect(rows(other)).toEqual(rows(library));
      }
    } finally {
      other.close();
    }
  });
});
