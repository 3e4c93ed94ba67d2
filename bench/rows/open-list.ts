// Open the library file and list the first page of articles, as the app does at start-up.
import Database from 'better-sqlite3';
import { openLibrary } from '../../src/core/db/library';
import { createDispatcher } from '../../src/core/dispatch/dispatcher';
import { COUNT_ARTICLES, LIST_ARTICLES } from '../baseline-sql';
import { evictFromPageCache, finishRow, type BenchGroup } from '../context';
import { summarize } from '../measure';

const PAGE = 100;

export const openListGroup: BenchGroup = {
  id: 'open-list',
  title: 'open the library and list the first page',
  run(context) {
    context.closeSession();
    const iterations = context.small ? 5 : 15;
    const path = context.workPath;

    const assay = (): string[] => {
      const library = openLibrary(path);
      try {
        const page = createDispatcher({ library, appVersion: 'bench' }).call('articles.list', { limit: PAGE });
        return page.items.map((item) => item.id);
      } finally {
        library.close();
      }
    };
    const raw = (): string[] => {
      const db = new Database(path);
      try {
        const rows = db.prepare(LIST_ARTICLES).all(PAGE, 0) as { id: string }[];
        db.prepare(COUNT_ARTICLES).get();
        return rows.map((row) => row.id);
      } finally {
        db.close();
      }
    };

    // Diagnostics: the count alone, and the same page without the columns stored after the
    // article's source_html, doc_json and body_text (added_at, updated_at, and deleted_at, which
    // migration 0002 appended), counted without the deleted_at filter.
    const leanSql = LIST_ARTICLES.replace('a.published_at, a.added_at, a.updated_at,', 'a.published_at,').replace('WHERE a.deleted_at IS NULL ', '');
    const lean = (): string[] => {
      const db = new Database(path);
      try {
        const rows = db.prepare(leanSql).all(PAGE, 0) as { id: string }[];
        db.prepare('SELECT count(*) AS total FROM articles a').get();
        return rows.map((row) => row.id);
      } finally {
        db.close();
      }
    };
    const countOnly = (): string[] => {
      const db = new Database(path);
      try {
        db.prepare(COUNT_ARTICLES).get();
        return [];
      } finally {
        db.close();
      }
    };

    const sameRows = JSON.stringify(assay()) === JSON.stringify(raw()) && JSON.stringify(lean()) === JSON.stringify(raw()) && leanSql !== LIST_ARTICLES;
    const cold = { assay: [] as number[], raw: [] as number[], lean: [] as number[], count: [] as number[] };
    const warm = { assay: [] as number[], raw: [] as number[], lean: [] as number[], count: [] as number[] };
    let evicted = true;
    // Cold: the file's pages are dropped from the OS cache before each open. Warm: reopened at once.
    for (let i = 0; i < iterations; i += 1) {
      for (const [name, fn] of [
        ['assay', assay],
        ['raw', raw],
        ['lean', lean],
        ['count', countOnly]
      ] as const) {
        evicted = evictFromPageCache(path) && evicted;
        let start = performance.now();
        fn();
        cold[name].push(performance.now() - start);
        start = performance.now();
        fn();
        warm[name].push(performance.now() - start);
      }
    }
    const coldAssay = summarize(cold.assay);
    const coldRaw = summarize(cold.raw);
    const warmAssay = summarize(warm.assay);
    const warmRaw = summarize(warm.raw);
    const coldLean = summarize(cold.lean);
    const coldCount = summarize(cold.count);
    const warmLean = summarize(warm.lean);
    const warmCount = summarize(warm.count);
    const db = new Database(path, { readonly: true });
    const { payload, pageSize } = db
      .prepare(
        `SELECT avg(length(CAST(coalesce(source_html, '') AS BLOB)) + length(CAST(doc_json AS BLOB)) + length(CAST(body_text AS BLOB))) AS payload,
           (SELECT page_size FROM pragma_page_size) AS pageSize FROM articles`
      )
      .get() as { payload: number; pageSize: number };
    db.close();
    const notes = [
      `Each sample opens a new connection (openLibrary: migration check, WAL pragmas) and calls articles.list (limit ${PAGE}, newest first) through the dispatcher; the baseline opens a bare better-sqlite3 connection and runs the same list and count SQL.`,
      evicted
        ? "Cold: before every sample the library file's pages are dropped from the OS page cache (posix_fadvise DONTNEED via dd iflag=nocache), so the open reads from disk."
        : 'Could not drop the file from the OS page cache here; "cold" samples are warm.',
      `Diagnostics (bare SQL, p50 cold / warm): the count alone (SELECT count(*) … WHERE a.deleted_at IS NULL) ${coldCount.p50.toFixed(0)} / ${warmCount.p50.toFixed(1)} ms; ` +
        `the same page without the columns stored after the article's content and counted without the deleted_at filter ${coldLean.p50.toFixed(0)} / ${warmLean.p50.toFixed(1)} ms. ` +
        `added_at, updated_at and deleted_at (appended by migration 0002) come after source_html, doc_json and body_text in each articles row (on average ${(payload / 1024).toFixed(0)} KB, about ${Math.round(payload / pageSize)} overflow pages of ${pageSize} bytes); SQLite reaches them only by walking the row's overflow chain page by page, so filtering every row on deleted_at reads the whole file.`,
      `Warm (file in the OS cache, new connection): Assay p50 ${warmAssay.p50.toFixed(1)} ms / p95 ${warmAssay.p95.toFixed(1)} ms; baseline p50 ${warmRaw.p50.toFixed(1)} ms / p95 ${warmRaw.p95.toFixed(1)} ms.`
    ];
    if (!sameRows) notes.push('WARNING: the baseline listed different articles than Assay.');
    return [
      finishRow({
        id: 'open-list',
        operation: 'open the library (cold) and list the first 100 articles',
        unit: 'ms',
        n: coldAssay.n,
        p50: coldAssay.p50,
        p95: coldAssay.p95,
        baselineP50: coldRaw.p50,
        baselineP95: coldRaw.p95,
        ratio: coldAssay.p50 / coldRaw.p50,
        ratioKind: 'time',
        targets: [{ metric: 'p95', max: 300, unit: 'ms', label: '≤ 300 ms' }],
        notes,
        details: { cold: { assay: coldAssay, baseline: coldRaw, withoutTrailingColumns: coldLean, countOnly: coldCount }, warm: { assay: warmAssay, baseline: warmRaw, withoutTrailingColumns: warmLean, countOnly: warmCount }, averageContentBytes: payload, pageSize, sameRows }
      })
    ];
  }
};
