// Printing to PDF end to end, with the real headless Chromium: an annotated article printed by core
// (as browser mode prints it), and a project dossier printed by the CLI. The PDFs are read back the
// way a reviewer meets them: as text (pdftotext), as pixels (pdftoppm), and as annotations and an
// outline in a PDF reader (pdf.js).
import { expect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createDispatcher, type Dispatcher } from '../src/core/dispatch/dispatcher';
import type { Library } from '../src/core/db/library';
import { openAppLibrary } from '../src/core/library/app-library';
import { buildPrintDocument } from '../src/core/print/print-document';
import { printJobToPdf } from '../src/core/print/print-pdf';
import { HIGHLIGHT_PALETTE } from '../src/core/print/print-styles';
import type { ArticleDetail } from '../src/shared/domain';
import { PROJECT_ROOT } from './fixtures';

const run = promisify(execFile);
const RESOURCES = join(PROJECT_ROOT, 'resources');

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
async function loadPdfJs(): Promise<PdfJs> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js parses in this thread when its worker's handler is on globalThis.
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  return pdfjs;
}

interface ReadAnnotation {
  page: number;
  subtype: string;
  contents: string;
  url?: string;
  color: number[] | null;
  quadPoints: number;
}

async function readPdf(path: string) {
  const pdfjs = await loadPdfJs();
  const document = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(path)), isEvalSupported: false, verbosity: 0 }).promise;
  const annotations: ReadAnnotation[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    for (const annotation of await page.getAnnotations()) {
      annotations.push({
        page: number,
        subtype: annotation.subtype,
        contents: annotation.contentsObj?.str ?? '',
        url: annotation.url ?? annotation.unsafeUrl,
        color: annotation.color ? Array.from(annotation.color as Uint8ClampedArray) : null,
        quadPoints: annotation.quadPoints ? annotation.quadPoints.length / 8 : 0
      });
    }
  }
  const outline = (await document.getOutline()) ?? [];
  const outlinePages = new Map<string, number>();
  for (const item of outline) {
    const dest = typeof item.dest === 'string' ? await document.getDestination(item.dest) : item.dest;
    if (dest) outlinePages.set(item.title, (await document.getPageIndex(dest[0])) + 1);
  }
  const pageCount = document.numPages;
  await document.destroy();
  return { annotations, outline: outline.map((item) => item.title), outlinePages, pageCount };
}

/**
 * pdftotext's reading of the PDF in the order it was printed (each passage, then the notes beside
 * it), with whitespace evened out.
 */
async function pdfText(path: string, pages: { first?: number; last?: number } = {}): Promise<string> {
  const range = [...(pages.first ? ['-f', String(pages.first)] : []), ...(pages.last ? ['-l', String(pages.last)] : [])];
  const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', ...range, path, '-']);
  return stdout.replace(/\s+/g, ' ');
}

/**
 * Where a passage is in the printed text. Highlight numbers may stand between its words (another
 * highlight begins inside it), and a line may break after a hyphen.
 */
function findPassage(text: string, passage: string, from = 0): number {
  const words = passage.trim().split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/-/g, '-\\s?'));
  const pattern = new RegExp(words.join('\\s(?:\\d{1,2}\\s)?'), 'g');
  pattern.lastIndex = from;
  return pattern.exec(text)?.index ?? -1;
}

/** Counts the pixels of each colour in a binary PPM (pdftoppm -ppm). */
function countColours(ppm: Buffer, colours: Record<string, string>, tolerance = 6): Record<string, number> {
  let offset = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(ppm[offset]))) offset += 1;
    if (ppm[offset] === 0x23) {
      while (ppm[offset] !== 0x0a) offset += 1;
      continue;
    }
    let field = '';
    while (!/\s/.test(String.fromCharCode(ppm[offset]))) field += String.fromCharCode(ppm[offset++]);
    fields.push(field);
  }
  offset += 1;
  expect(fields[0]).toBe('P6');
  const targets = Object.entries(colours).map(([name, hex]) => {
    const value = Number.parseInt(hex.slice(1), 16);
    return { name, rgb: [(value >> 16) & 255, (value >> 8) & 255, value & 255] };
  });
  const counts = Object.fromEntries(targets.map((target) => [target.name, 0]));
  for (let index = offset; index + 2 < ppm.length; index += 3) {
    for (const target of targets) {
      if (
        Math.abs(ppm[index] - target.rgb[0]) <= tolerance &&
        Math.abs(ppm[index + 1] - target.rgb[1]) <= tolerance &&
        Math.abs(ppm[index + 2] - target.rgb[2]) <= tolerance
      ) {
        counts[target.name] += 1;
      }
    }
  }
  return counts;
}

let folder: string;
let libraryPath: string;
let library: Library;
let dispatcher: Dispatcher;
let sample: ArticleDetail;

test.beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'assay-print-e2e-'));
  libraryPath = join(folder, 'library.sqlite');
  library = openAppLibrary(libraryPath, { resourcesDir: RESOURCES });
  dispatcher = createDispatcher({ library, appVersion: 'e2e' });
  sample = dispatcher.call('articles.get', { id: dispatcher.call('articles.list', {}).items[0].id });
  // The misleading 62%: a claim with its verdict and the figure it rests on.
  const judged = sample.highlights[2];
  const figure = dispatcher.call('figures.create', { metric: 'mine_production', entity: 'China', period: '2023', value: '240,000', unit: 't', highlightId: judged.id });
  const claim = dispatcher.call('claims.create', {
    highlightIds: [judged.id],
    verdict: 'misleading',
    rationale: 'Divides a 2023 national figure by the 2024 world total.'
  });
  dispatcher.call('links.create', { claimId: claim.id, targetKind: 'figure', targetId: figure.id, relation: 'supports' });
});

test.afterEach(() => {
  library?.close();
  rmSync(folder, { recursive: true, force: true });
});

test('an annotated article: text in order, highlight colours on paper, highlight annotations with notes, an outline', async ({}, testInfo) => {
  test.setTimeout(180_000);
  const job = buildPrintDocument(library, { articleId: sample.id });
  const printed = await printJobToPdf(job);
  const pdfPath = testInfo.outputPath('article.pdf');
  writeFileSync(pdfPath, printed.bytes);

  // The text: every quote and every note, in the order of the article, then the figure appendix.
  const text = await pdfText(pdfPath);
  let at = findPassage(text, sample.title);
  expect(at).toBeGreaterThanOrEqual(0);
  for (const detail of ['Mara Lindqvist', 'Assay sample desk', '14 March 2025', 'Accessed']) expect(text).toContain(detail);
  let lastQuote = 0;
  for (const highlight of sample.highlights) {
    const quoteAt = findPassage(text, highlight.quote.exact);
    expect(quoteAt, `the quote “${highlight.quote.exact}”`).toBeGreaterThan(0);
    // A highlight inside another one starts inside that one's quote; it never starts before it.
    expect(quoteAt).toBeGreaterThanOrEqual(lastQuote);
    lastQuote = quoteAt;
    const noteAt = findPassage(text, highlight.note);
    expect(noteAt, `the note “${highlight.note}”`).toBeGreaterThan(0);
  }
  const verdictAt = text.indexOf('MISLEADING', findPassage(text, sample.highlights[2].quote.exact) - 2000);
  expect(verdictAt).toBeGreaterThan(0);
  expect(findPassage(text, 'Divides a 2023 national figure by the 2024 world total.')).toBeGreaterThan(0);
  at = text.indexOf('Figure appendix');
  expect(at).toBeGreaterThan(lastQuote);
  const appendix = text.slice(at);
  expect(appendix).toContain('Mine production · China · 2023');
  expect(appendix).toContain('240,000 t');
  expect(appendix).toMatch(/p\. \d/);

  // The annotations: a highlight annotation per highlight (one on each page a passage runs
  // over), its note as contents, no private link left.
  const read = await readPdf(pdfPath);
  const highlights = read.annotations.filter((annotation) => annotation.subtype === 'Highlight');
  expect(highlights).toHaveLength(printed.annotationCount);
  for (const highlight of sample.highlights) {
    const parts = highlights.filter((candidate) => candidate.contents.startsWith(highlight.note));
    expect(parts.length, `the annotation of “${highlight.quote.exact}”`).toBeGreaterThanOrEqual(1);
    expect(new Set(parts.map((part) => part.page)).size).toBe(parts.length);
    for (const part of parts) expect(part.quadPoints).toBeGreaterThanOrEqual(1);
  }
  expect(highlights.length).toBeLessThanOrEqual(sample.highlights.length + 1);
  expect(highlights.find((annotation) => annotation.contents.includes('Verdict: Misleading'))).toBeDefined();
  expect(read.annotations.filter((annotation) => annotation.url?.includes('assay.invalid'))).toEqual([]);
  expect(read.outline).toContain(sample.title);

  // The paper: the first page shows the colours of the highlights printed on it.
  const firstPage = new Set(highlights.filter((annotation) => annotation.page === 1).map((annotation) => annotation.contents));
  const colours = sample.highlights.filter((highlight) => [...firstPage].some((contents) => contents.startsWith(highlight.note))).map((highlight) => highlight.color);
  expect(colours.length).toBeGreaterThanOrEqual(2);
  const { stdout: ppm } = await run('pdftoppm', ['-r', '50', '-f', '1', '-l', '1', pdfPath], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  const counts = countColours(ppm, Object.fromEntries(colours.map((color) => [color, HIGHLIGHT_PALETTE[color].background])));
  for (const color of colours) expect(counts[color], `${color} pixels on page 1`).toBeGreaterThan(40);
});

test('a project dossier from the command line: cover, contents with page numbers, every article, charts, figure appendix', async ({}, testInfo) => {
  test.setTimeout(180_000);
  const second = dispatcher.call('articles.create', {
    title: 'A second look at magnets',
    author: 'Ines Park',
    publisher: 'Assay review desk',
    publishedAt: '2025-04-02',
    format: 'markdown',
    content: '# A second look at magnets\n\nMagnet plants outside China are growing, but from a small base.\n\nMost new capacity is planned in Japan and Vietnam.'
  });
  const highlight = dispatcher.call('highlights.create', { articleId: second.id, exact: 'growing, but from a small base', color: 'yellow', note: 'True for 2024.' });
  dispatcher.call('claims.create', { highlightIds: [highlight.id], verdict: 'accurate', rationale: 'Matches the industry survey.' });
  dispatcher.call('figures.importCsv', {
    csv: readFileSync(join(RESOURCES, 'sample', 'rare-earth-figures.csv'), 'utf8'),
    mapping: { metric: 'metric', entity: 'entity', period: 'period', value: 'value', unit: 'unit', citationTitle: 'source', citationEdition: 'edition' },
    commit: true
  });
  dispatcher.call('charts.create', { type: 'bar', selection: { metric: 'mine_production', periods: ['2024'] } });
  const [project] = dispatcher.call('projects.list', {});
  library.close();

  const pdfPath = testInfo.outputPath('dossier.pdf');
  const { stdout } = await run(process.execPath, [join(PROJECT_ROOT, 'bin', 'assay.mjs'), 'print', '--project', project.id, '-o', pdfPath, '--library', libraryPath, '--json'], {
    cwd: PROJECT_ROOT
  });
  const result = JSON.parse(stdout) as { pageCount: number; annotationCount: number };
  expect(result.annotationCount).toBeGreaterThanOrEqual(6);

  const read = await readPdf(pdfPath);
  expect(read.pageCount).toBe(result.pageCount);
  expect(read.outline).toEqual(['Contents', sample.title, 'A second look at magnets', 'Charts', 'Figure appendix']);
  expect(read.annotations.filter((annotation) => annotation.subtype === 'Highlight')).toHaveLength(result.annotationCount);

  const cover = await pdfText(pdfPath, { first: 1, last: 1 });
  expect(cover).toContain('CLAIMS BY VERDICT');
  expect(cover).toMatch(/2 articles/);
  // The contents give each article's page, and it is the page the outline goes to.
  const contents = await pdfText(pdfPath, { first: 2, last: 2 });
  for (const title of [sample.title, 'A second look at magnets', 'Figure appendix']) {
    const page = read.outlinePages.get(title)!;
    expect(page).toBeGreaterThan(2);
    expect(contents).toMatch(new RegExp(`${title.split(' ').slice(-2).join(' ')}\\s+${page}\\b`));
  }
  const text = await pdfText(pdfPath);
  expect(text.indexOf('Mine production, 2024')).toBeGreaterThan(findPassage(text, 'growing, but from a small base'));
  // The chart is vector: its title and labels are text on its page.
  const chartPage = await pdfText(pdfPath, { first: read.outlinePages.get('Charts'), last: read.outlinePages.get('Charts') });
  for (const label of ['Mine production, 2024', 'United States', '390,000']) expect(chartPage).toContain(label);
  const appendix = text.slice(text.lastIndexOf('Figure appendix'));
  expect(appendix).toContain('USGS Mineral Commodity Summaries, 2025 edition');
  expect(appendix).toContain('Mine production · China · 2023');
});
