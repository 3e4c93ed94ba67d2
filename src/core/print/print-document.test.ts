import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleDetail, Highlight } from '../../shared/domain';
import { PRINT_LINK_ORIGIN } from '../../shared/print';
import type { Library } from '../db/library';
import { createDispatcher, type Dispatcher } from '../dispatch/dispatcher';
import { openAppLibrary } from '../library/app-library';
import { rewriteAnnotations } from './pdf-annotations';
import { buildPrintDocument, fillPageNumbers, hasPageRefs } from './print-document';
import { renderArticleBody, segmentHighlights, type PlacedHighlight } from './render-article';

const RESOURCES = join(__dirname, '../../../resources');
const SAMPLE_CSV = readFileSync(join(RESOURCES, 'sample', 'rare-earth-figures.csv'), 'utf8');

let folder: string;
let library: Library;
let dispatcher: Dispatcher;
let article: ArticleDetail;
let judged: Highlight;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** What a reader sees of the document: text without tags or markers, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>|<script>[\s\S]*?<\/script>/g, '')
    .replace(/<span class="mk [^"]*">\d+<\/span>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_match, name: string) => ENTITIES[name])
    .replace(/\s+/g, ' ');
}

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'assay-print-'));
  library = openAppLibrary(join(folder, 'library.sqlite'), { resourcesDir: RESOURCES, now: () => new Date('2025-06-02T09:30:00Z') });
  dispatcher = createDispatcher({ library, appVersion: 'test' });
  const [summary] = dispatcher.call('articles.list', {}).items;
  article = dispatcher.call('articles.get', { id: summary.id });
  // The third sample highlight: "China's 2023 output … barely 62% of the market".
  judged = article.highlights[2];
  const figure = dispatcher.call('figures.create', {
    metric: 'mine_production',
    entity: 'China',
    period: '2023',
    value: '240,000',
    unit: 't',
    highlightId: judged.id
  });
  const claim = dispatcher.call('claims.create', {
    highlightIds: [judged.id],
    verdict: 'misleading',
    rationale: 'Divides a 2023 national figure by the 2024 world total.'
  });
  dispatcher.call('links.create', { claimId: claim.id, targetKind: 'figure', targetId: figure.id, relation: 'supports' });
});

afterEach(() => {
  library.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the print document of the sample article', () => {
  it('holds every quote, note, verdict and figure, the source details, and a private link per highlight', () => {
    expect(article.highlights).toHaveLength(5);
    const job = buildPrintDocument(library, { articleId: article.id });
    const text = visibleText(job.html);
    for (const highlight of article.highlights) {
      expect(text).toContain(flat(highlight.quote.exact));
      expect(text).toContain(flat(highlight.note));
      expect(job.html).toMatch(new RegExp(`href="${PRINT_LINK_ORIGIN}/highlight/[^"]*${highlight.id}`));
    }
    // The claim: its verdict badge and rationale; the figure under it and in the appendix.
    expect(job.html).toContain('<span class="badge v-misleading">Misleading</span>');
    expect(text).toContain('Divides a 2023 national figure by the 2024 world total.');
    expect(text).toContain('240,000 t — Mine production · China · 2023');
    expect(text).toContain('Figure appendix');
    // The source's details and when it was printed.
    for (const detail of ['Mara Lindqvist', 'Assay sample desk', '14 March 2025', 'Accessed', 'My project', '2 June 2025, 09:30 UTC']) {
      expect(text).toContain(detail);
    }
    expect(job).toMatchObject({ title: article.title, paper: 'a4', fileName: 'who-really-controls-rare-earths-mines-refineries-and-magnets-2025-06-02.pdf' });
    // One annotation per highlight; the judged one carries its note and its verdict.
    expect(job.annotations.map((annotation) => annotation.highlightId)).toEqual(article.highlights.map((highlight) => highlight.id));
    const annotation = job.annotations.find((entry) => entry.highlightId === judged.id)!;
    expect(annotation.contents).toContain(judged.note);
    expect(annotation.contents).toContain('Verdict: Misleading');
  });

  it('is self-contained: fonts inline, nothing to fetch, a policy that forbids fetching', () => {
    const { html } = buildPrintDocument(library, { articleId: article.id });
    expect(html.match(/@font-face\{/g)).toHaveLength(5);
    expect(html).toContain("src:url(data:font/woff2;base64,");
    expect(html).not.toMatch(/<link\b|<img\b[^>]*src="http|url\((?!data:)/);
    expect(html).toContain(`content="default-src 'none'`);
    expect(html).toContain('__assayPrintReadyPromise');
  });

  it('draws every highlight over exactly its quote, overlaps included', () => {
    const placed: PlacedHighlight[] = article.highlights.map((highlight, index) => ({
      id: highlight.id,
      number: index + 1,
      color: highlight.color,
      start: highlight.position.start,
      end: highlight.position.end
    }));
    const rendered = renderArticleBody(article.doc, placed, { headingOffset: 1, underlineLayers: false });
    for (const highlight of article.highlights) expect(rendered.printedText.get(highlight.id)).toBe(highlight.quote.exact);
  });

  it('follows the options: no notes, only some verdicts, greyscale-safe, Letter paper', () => {
    const plain = buildPrintDocument(library, { articleId: article.id, options: { notes: false, paper: 'letter' } });
    const plainText = visibleText(plain.html);
    for (const highlight of article.highlights) expect(plainText).not.toContain(flat(highlight.note));
    expect(plain.annotations.find((entry) => entry.highlightId === judged.id)!.contents).toBe(
      'Verdict: Misleading — Divides a 2023 national figure by the 2024 world total.'
    );
    expect(plain.html).toContain('@page{size:Letter;');

    const accurateOnly = buildPrintDocument(library, { articleId: article.id, options: { verdicts: ['accurate'] } });
    expect(accurateOnly.html).not.toContain('badge v-misleading');
    expect(accurateOnly.html).not.toContain(judged.id);
    expect(accurateOnly.annotations).toHaveLength(4);

    const grey = buildPrintDocument(library, { articleId: article.id, options: { greyscale: true } });
    for (const color of new Set(article.highlights.map((highlight) => highlight.color))) expect(grey.html).toContain(`class="u u-${color}`);
    expect(grey.html).toContain('text-decoration-style:wavy');
  });

  it('a project dossier: cover with verdict counts, contents, the charts as SVG, the figure appendix', () => {
    dispatcher.call('figures.importCsv', {
      csv: SAMPLE_CSV,
      mapping: { metric: 'metric', entity: 'entity', period: 'period', value: 'value', unit: 'unit', citationTitle: 'source', citationEdition: 'edition' },
      commit: true
    });
    dispatcher.call('charts.create', { type: 'bar', selection: { metric: 'mine_production', periods: ['2024'] } });
    const [project] = dispatcher.call('projects.list', {});
    const job = dispatcher.call('print.document', { projectId: project.id });
    const text = visibleText(job.html);
    expect(job.title).toBe(`${project.name} — dossier`);
    expect(text).toContain('Claims by verdict');
    expect(text).toContain('Contents');
    expect(job.html).toContain(`href="#art-${article.id}"`);
    expect(job.html).toMatch(/<figure class="chart"[^>]*><svg[^>]*viewBox=/);
    expect(text).toContain('Mine production, 2024');
    expect(text).toContain('USGS Mineral Commodity Summaries, 2025 edition');
    // Page numbers are placeholders until the first printing says where things landed.
    expect(hasPageRefs(job.html)).toBe(true);
    const filled = fillPageNumbers(job.html, new Map([[`article/${article.id}`, 3]]));
    expect(filled).toContain(`data-anchor="article/${article.id}">3</span>`);
    expect(hasPageRefs(filled)).toBe(false);
  });

  it('refuses a scope that names two things', () => {
    expect(() => dispatcher.call('print.document', { articleId: article.id, projectId: 'x' })).toThrow(/at most one of/);
  });
});

describe('segments of overlapping highlights', () => {
  it('cuts them where they begin and end, outermost first', () => {
    const outer: PlacedHighlight = { id: 'a', number: 1, color: 'green', start: 0, end: 10 };
    const inner: PlacedHighlight = { id: 'b', number: 2, color: 'blue', start: 4, end: 10 };
    expect(segmentHighlights([inner, outer]).map((segment) => [segment.from, segment.to, segment.layers.map((layer) => layer.id)])).toEqual([
      [0, 4, ['a']],
      [4, 10, ['a', 'b']]
    ]);
  });
});

describe('highlight links become highlight annotations', () => {
  it('one annotation per highlight and page, QuadPoints per line, the note as contents; other links stay', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([600, 800]);
    const link = (uri: string, rect: number[]) =>
      pdf.context.register(pdf.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: rect, A: { S: 'URI', URI: PDFString.of(uri) } }));
    for (const ref of [
      link(`${PRINT_LINK_ORIGIN}/highlight/h1`, [50, 700, 300, 712]),
      link(`${PRINT_LINK_ORIGIN}/highlight/h1,h2`, [300, 700, 400, 712]),
      link(`${PRINT_LINK_ORIGIN}/highlight/h1`, [50, 686, 200, 698]),
      link(`${PRINT_LINK_ORIGIN}/anchor/article/x`, [50, 750, 200, 770]),
      link('https://www.usgs.gov/', [50, 600, 100, 612])
    ]) {
      page.node.addAnnot(ref);
    }
    const report = await rewriteAnnotations(
      await pdf.save(),
      [
        { highlightId: 'h1', color: 'green', contents: 'A note — “quoted”' },
        { highlightId: 'h2', color: 'blue', contents: '' }
      ],
      { title: 'Test', exportedAt: '2025-06-02T09:30:00Z' }
    );
    expect(report).toMatchObject({ pageCount: 1, annotationCount: 2 });
    const result = await PDFDocument.load(report.bytes);
    const annots = result.getPage(0).node.Annots()!;
    const dicts = annots.asArray().map((ref) => result.context.lookup(ref, PDFDict));
    const subtypes = dicts.map((dict) => dict.get(PDFName.of('Subtype'))!.toString());
    expect(subtypes.sort()).toEqual(['/Highlight', '/Highlight', '/Link']);
    const h1 = dicts.find((dict) => (dict.get(PDFName.of('NM')) as PDFString | undefined)?.decodeText() === 'h1')!;
    expect((h1.get(PDFName.of('Contents')) as PDFHexString).decodeText()).toBe('A note — “quoted”');
    expect((h1.get(PDFName.of('T')) as PDFHexString).decodeText()).toBe('Assay');
    // The two touching fragments of the first line are one quad; the second line is another.
    expect((h1.get(PDFName.of('QuadPoints')) as PDFArray).size()).toBe(16);
    expect(result.getTitle()).toBe('Test');
  });
});
