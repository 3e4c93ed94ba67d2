// Bulk import of saved HTML pages through the contract, and insert throughput against raw inserts.
import { randomUUID } from 'node:crypto';
import { generateJSON } from '@tiptap/html/server';
import { createArticle, type CreateArticleInput } from '../../src/core/articles/articles';
import { documentFromSanitizedTree } from '../../src/core/import/article-document';
import { prepareArticleFile, type PreparedArticle } from '../../src/core/import/import-content';
import { sanitizeArticleHtml } from '../../src/core/import/sanitize-html';
import { readWebPage } from '../../src/core/import/web-page';
import { articleExtensions } from '../../src/shared/article-schema';
import { articleIndexValues } from '../../src/core/search/search-index';
import { INSERT_ARTICLE, INSERT_ARTICLE_FTS } from '../baseline-sql';
import { finishRow, type BenchGroup } from '../context';
import { summarize } from '../measure';
import { makeHtmlPage } from '../html-pages';
import { buildVocabulary, createRandom } from '../vocabulary';

interface StoredArticle {
  title: string;
  author: string | null;
  publisher: string | null;
  url: string | null;
  published_at: string | null;
  file_name: string | null;
  format: string;
  content_hash: string;
  source_html: string | null;
  doc_json: string;
  body_text: string;
  imported_at: string;
  added_at: string;
  updated_at: string;
}

export const bulkImportGroup: BenchGroup = {
  id: 'bulk-import',
  title: 'bulk import of HTML articles',
  run(context) {
    const { library, dispatcher } = context.session();
    const db = library.db;
    const count = context.small ? 100 : 1000;
    const random = createRandom(context.seed + 303);
    const vocabulary = buildVocabulary(context.seed);

    context.log(`  generating ${count} HTML pages…`);
    const files = Array.from({ length: count }, (_, index) => {
      const { html } = makeHtmlPage(random, vocabulary, random.int(500, 3000), index);
      const bytes = Buffer.from(html);
      return { fileName: `saved-page-${String(index).padStart(4, '0')}.html`, bytes, dataBase64: bytes.toString('base64') };
    });
    const pageBytes = summarize(files.map((file) => file.bytes.length));

    // A warm-up import, so the first timed file does not pay for loading the parser.
    dispatcher.call('articles.importFile', { fileName: 'warm-up.html', dataBase64: files[0].dataBase64 });

    const firstRowid = (db.prepare('SELECT max(rowid) AS m FROM articles').get() as { m: number }).m;
    context.log(`  importing ${count} pages through articles.importFile…`);
    const perArticle: number[] = [];
    const started = performance.now();
    for (const file of files) {
      const start = performance.now();
      dispatcher.call('articles.importFile', { fileName: file.fileName, dataBase64: file.dataBase64 });
      perArticle.push(performance.now() - start);
    }
    const totalSeconds = (performance.now() - started) / 1000;
    const imported = db.prepare('SELECT * FROM articles WHERE rowid > ? ORDER BY rowid').all(firstRowid) as StoredArticle[];

    // Raw baseline: the very rows Assay stored (new ids), INSERTed with prepared statements, with
    // their FTS rows, in one transaction.
    const insertArticle = db.prepare(INSERT_ARTICLE);
    const insertFts = db.prepare(INSERT_ARTICLE_FTS);
    const rawPerArticle: number[] = [];
    const rawStarted = performance.now();
    db.transaction(() => {
      for (const row of imported) {
        const start = performance.now();
        const { lastInsertRowid } = insertArticle.run(
          randomUUID(), row.title, row.author, row.publisher, row.url, row.published_at, row.file_name, row.format,
          row.content_hash, row.source_html, row.doc_json, row.body_text, row.imported_at, row.added_at, row.updated_at
        );
        insertFts.run(...articleIndexValues(lastInsertRowid, row.title, row.body_text));
        rawPerArticle.push(performance.now() - start);
      }
    })();
    const rawSeconds = (performance.now() - rawStarted) / 1000;

    // Diagnostic: the same raw inserts with one transaction per article, as one import call commits.
    const insertOne = db.transaction((row: StoredArticle) => {
      const { lastInsertRowid } = insertArticle.run(
        randomUUID(), row.title, row.author, row.publisher, row.url, row.published_at, row.file_name, row.format,
        row.content_hash, row.source_html, row.doc_json, row.body_text, row.imported_at, row.added_at, row.updated_at
      );
      insertFts.run(...articleIndexValues(lastInsertRowid, row.title, row.body_text));
    });
    const perTransactionStarted = performance.now();
    for (const row of imported) insertOne(row);
    const rawPerTransactionSeconds = (performance.now() - perTransactionStarted) / 1000;

    // What dominates: the same files through Assay's parsing alone, its stages, and Assay's write path alone.
    context.log('  timing the parse, its stages and the write path separately…');
    // One file at a time (parse, then write what it parsed), so no thousand documents pile up in memory.
    const extractTimes: number[] = [];
    const sanitizeTimes: number[] = [];
    const documentTimes: number[] = [];
    const generateJsonTimes: number[] = [];
    const prepareTimes: number[] = [];
    const writeTimes: number[] = [];
    let declinedByTree = 0;
    const extensions = articleExtensions();
    for (const [index, file] of files.entries()) {
      let start = performance.now();
      const page = readWebPage(file.bytes.toString('utf8'));
      extractTimes.push(performance.now() - start);
      start = performance.now();
      const clean = sanitizeArticleHtml(page.html);
      sanitizeTimes.push(performance.now() - start);
      start = performance.now();
      if (!documentFromSanitizedTree(clean)) declinedByTree += 1;
      documentTimes.push(performance.now() - start);
      // The document step as it was (Tiptap's generateJSON on happy-dom), on every tenth file.
      if (index % 10 === 0) {
        start = performance.now();
        generateJSON(clean, extensions);
        generateJsonTimes.push(performance.now() - start);
      }
      start = performance.now();
      const prepared: PreparedArticle = prepareArticleFile(file.fileName, file.bytes);
      prepareTimes.push(performance.now() - start);
      const input: CreateArticleInput = { prepared, fileName: file.fileName };
      start = performance.now();
      createArticle(library, input);
      writeTimes.push(performance.now() - start);
    }
    const seconds = (times: number[]) => times.reduce((a, b) => a + b, 0) / 1000;
    const writeSeconds = seconds(writeTimes);
    const prepareSeconds = seconds(prepareTimes);
    const extractSeconds = seconds(extractTimes);
    const sanitizeSeconds = seconds(sanitizeTimes);
    const documentSeconds = seconds(documentTimes);
    const generateJsonSeconds = (seconds(generateJsonTimes) / generateJsonTimes.length) * count;
    const writeOnlyRatio = rawSeconds / writeSeconds;

    const assay = summarize(perArticle);
    const raw = summarize(rawPerArticle);
    const throughput = count / totalSeconds;
    const rawThroughput = count / rawSeconds;
    const wordsPerArticle = summarize(imported.map((row) => row.body_text.split(/\s+/).length));
    const breakdown = [
      `Where the time goes (totals over the ${count} files): parsing (prepareArticleFile: decode, mojibake check, Readability extraction, sanitize-html, the document, text index, hash) ${prepareSeconds.toFixed(2)} s, of which, timed apart: extraction (linkedom + Readability + metadata + byline) ${extractSeconds.toFixed(2)} s, sanitize-html ${sanitizeSeconds.toFixed(2)} s, the document from the sanitised HTML (small tree + ProseMirror DOMParser) ${documentSeconds.toFixed(2)} s` +
        `${declinedByTree ? ` (${declinedByTree} files declined by the tree and read by generateJSON)` : ''}; Tiptap's generateJSON on happy-dom, the document step before, would take ${generateJsonSeconds.toFixed(2)} s (timed on every tenth file); ` +
        `Assay's write path alone (createArticle with the parsed content: one transaction per article, INSERT + FTS row + reading the summary back) ${writeSeconds.toFixed(2)} s; raw inserts in one transaction ${rawSeconds.toFixed(2)} s, and in one transaction per article ${rawPerTransactionSeconds.toFixed(2)} s.`,
      `So parsing is ${((prepareSeconds / (prepareSeconds + writeSeconds)) * 100).toFixed(0)}% of an import's work, and the write path alone runs at ${(writeOnlyRatio * 100).toFixed(0)}% of raw transactional throughput.`
    ];
    return [
      finishRow({
        id: 'bulk-import',
        operation: `bulk import of ${count.toLocaleString('en')} HTML articles (per article; total in brackets)`,
        unit: 'ms',
        n: count,
        p50: assay.p50,
        p95: assay.p95,
        total: totalSeconds,
        baselineP50: raw.p50,
        baselineP95: raw.p95,
        baselineTotal: rawSeconds,
        ratio: totalSeconds / rawSeconds,
        ratioKind: 'time',
        targets: [
          context.small
            ? { metric: 'total', max: 1.5, unit: 's', label: '≤ 1.5 s (the 15 s target scaled to 100)' }
            : { metric: 'total', max: 15, unit: 's', label: '≤ 15 s' }
        ],
        notes: [
          `${count} generated news pages (${Math.round(pageBytes.p50 / 1024)} KB median, ${Math.round(pageBytes.min / 1024)}–${Math.round(pageBytes.max / 1024)} KB: head with styles and tracking scripts, navigation, the article with links, emphasis, a list, a figure and a pull quote, related links, an iframe; ${wordsPerArticle.p50} words of text median), imported one by one with articles.importFile (base64 bytes, as the file picker and drag and drop send them) into the full library.`,
          'Baseline: the rows Assay stored for these pages (same columns and text, new ids) INSERTed with a prepared statement, with their article_fts rows, in one transaction.',
          ...breakdown
        ],
        details: { assay, raw, totalSeconds, rawSeconds, rawPerTransactionSeconds, prepareSeconds, extractSeconds, sanitizeSeconds, documentSeconds, generateJsonSeconds, declinedByTree, writeSeconds, pageBytes, wordsPerArticle }
      }),
      finishRow({
        id: 'import-throughput',
        operation: 'insert throughput in a batch import (articles/s)',
        unit: 'articles/s',
        n: count,
        p50: throughput,
        baselineP50: rawThroughput,
        ratio: throughput / rawThroughput,
        ratioKind: 'throughput',
        targets: [{ metric: 'ratio', min: 0.5, unit: '%', label: '≥ 50% of raw transactional inserts' }],
        notes: [
          'Assay: articles per second over the whole import above (parse + write, one call per file). Raw: the same rows with prepared statements in one transaction.',
          `Assay's write path without the parse reaches ${(count / writeSeconds).toFixed(0)} articles/s, ${(writeOnlyRatio * 100).toFixed(0)}% of raw.`
        ],
        details: { throughput, rawThroughput, writeOnlyThroughput: count / writeSeconds, writeOnlyRatio }
      })
    ];
  }
};
