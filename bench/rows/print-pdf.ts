// Printing (issue 6): a 20-page article with 200 highlights to PDF, as the CLI and browser mode
// print it (print.document, then print.pdf with headless Chromium), against the bare Chromium
// page.pdf of the same HTML.
import { PDFDocument } from 'pdf-lib';
import { pageSetupFor } from '../../src/core/print/print-page';
import { chromiumPrinter, findChromium } from '../../src/core/print/print-pdf';
import { finishRow, type BenchGroup } from '../context';
import { pickHighlightRange } from '../generate-library';
import { summarize } from '../measure';
import { createRandom } from '../vocabulary';

const WANTED_HIGHLIGHTS = 200;
// About 20 A4 pages in Assay's print style (measured: the page count is reported in the notes).
const WANTED_WORDS = { min: 8_500, max: 10_000 };

export const printPdfGroup: BenchGroup = {
  id: 'print-pdf',
  title: 'print a 20-page article with 200 highlights to PDF',
  async run(context) {
    findChromium();
    const { library, dispatcher } = context.session();
    const samples = context.small ? 2 : 3;

    // The longest generated article within the range (not the 50,000-word one), highlighted up to 200.
    const article = library.db
      .prepare(
        `SELECT id, title, body_text AS text, (length(body_text) - length(replace(body_text, ' ', '')) + 1) AS words
         FROM articles WHERE deleted_at IS NULL AND id <> ? AND words BETWEEN ? AND ? ORDER BY words DESC, id LIMIT 1`
      )
      .get(context.manifest.longArticle.id, WANTED_WORDS.min, WANTED_WORDS.max) as { id: string; title: string; text: string; words: number } | undefined;
    if (!article) throw new Error(`no article of ${WANTED_WORDS.min}–${WANTED_WORDS.max} words in the library`);
    const existing = (library.db.prepare('SELECT count(*) AS n FROM highlights WHERE article_id = ? AND deleted_at IS NULL').get(article.id) as { n: number }).n;
    const random = createRandom(context.seed + 606);
    for (let added = existing; added < WANTED_HIGHLIGHTS; ) {
      const range = pickHighlightRange(random, article.text);
      if (!range) continue;
      dispatcher.call('highlights.create', {
        articleId: article.id,
        start: range.start,
        end: range.end,
        color: random.pick(['yellow', 'green', 'blue', 'pink', 'purple'] as const),
        note: random.chance(0.4) ? `Check this against the ${random.int(2019, 2025)} edition.` : ''
      });
      added += 1;
    }

    context.log(`  printing “${article.title}” (${article.words} words, ${WANTED_HIGHLIGHTS} highlights) ${samples} times…`);
    const documentMs: number[] = [];
    const pdfMs: number[] = [];
    const totalMs: number[] = [];
    let pageCount = 0;
    let annotationCount = 0;
    let job: Awaited<ReturnType<typeof dispatcher.callAsync<'print.document'>>> | null = null;
    for (let sample = 0; sample < samples; sample += 1) {
      const started = performance.now();
      job = dispatcher.call('print.document', { articleId: article.id });
      const built = performance.now();
      const printed = await dispatcher.callAsync('print.pdf', {
        html: job.html,
        title: job.title,
        fileName: job.fileName,
        paper: job.paper,
        exportedAt: job.exportedAt,
        annotations: job.annotations
      });
      const done = performance.now();
      documentMs.push(built - started);
      pdfMs.push(done - built);
      totalMs.push(done - started);
      pageCount = printed.pageCount;
      annotationCount = printed.annotationCount;
    }

    // Baseline: headless Chromium's page.pdf of the same HTML, once (no second pass for page
    // numbers, no annotation rewrite), through the same launch and page setup.
    const rawMs: number[] = [];
    let rawPages = 0;
    for (let sample = 0; sample < samples; sample += 1) {
      const started = performance.now();
      const raw = await chromiumPrinter(job!.html, pageSetupFor(job!));
      rawMs.push(performance.now() - started);
      rawPages = (await PDFDocument.load(raw, { updateMetadata: false })).getPageCount();
    }

    const assay = summarize(totalMs);
    const raw = summarize(rawMs);
    const htmlMb = (job!.html.length / 1024 / 1024).toFixed(1);
    return [
      finishRow({
        id: 'print-pdf',
        operation: 'print a 20-page article with 200 highlights to PDF',
        unit: 'ms',
        n: samples,
        p50: assay.p50,
        p95: assay.p95,
        baselineP50: raw.p50,
        baselineP95: raw.p95,
        ratio: assay.p50 / raw.p50,
        ratioKind: 'time',
        targets: [{ metric: 'p95', max: 5000, unit: 'ms', label: '≤ 5 s' }],
        notes: [
          `Timed: print.document { articleId } (${summarize(documentMs).p50.toFixed(0)} ms p50: the article rendered with its highlights as private links, notes, fonts inline; ${htmlMb} MB of HTML) then print.pdf through dispatcher.callAsync (${(summarize(pdfMs).p50 / 1000).toFixed(2)} s p50), ` +
            `which launches headless Chromium, prints, prints again in the same browser with the page numbers filled in when the document refers to pages, and rewrites the highlight links as PDF highlight annotations with pdf-lib. ` +
            `The article: ${article.words} words, ${WANTED_HIGHLIGHTS} highlights; the PDF: ${pageCount} pages, ${annotationCount} highlight annotations.`,
          `Baseline: the same HTML printed once by the same headless Chromium (launch, setContent, wait for the document to say it is ready, page.pdf with the same page setup; ${rawPages} pages), without the page-number pass and the annotation rewrite.`
        ],
        details: { documentMs, pdfMs, totalMs, rawMs, pageCount, annotationCount, words: article.words, rawPages }
      })
    ];
  }
};
