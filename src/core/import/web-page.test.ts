import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { makeHtmlPage } from '../../../bench/html-pages';
import { buildVocabulary, createRandom } from '../../../bench/vocabulary';
import { NEWS_PAGE, NEWS_PAGE_CLUTTER, NEWS_PAGE_PARAGRAPHS } from './fixtures/corpus';
import { prepareArticleFile } from './import-content';
import { dropBylineParagraph, normalizeDate, readWebPage } from './web-page';

const bytes = (html: string) => new Uint8Array(Buffer.from(html, 'utf8'));

describe('web page import', () => {
  it('extracts the article from navigation, share bar, ads, comments and footer', () => {
    const prepared = prepareArticleFile('magnets.html', bytes(NEWS_PAGE));
    for (const passage of NEWS_PAGE_PARAGRAPHS) expect(prepared.text).toContain(passage);
    for (const clutter of NEWS_PAGE_CLUTTER) expect(prepared.text).not.toContain(clutter);
    // The byline is a citation field, not a paragraph of the article.
    expect(prepared.text).not.toContain('By Ines Okafor');
    expect(prepared.format).toBe('html');
  });

  it('fills title, author, publisher, date and canonical URL from the page metadata', () => {
    const prepared = prepareArticleFile('magnets.html', bytes(NEWS_PAGE));
    expect(prepared.suggestedTitle).toBe('Magnet makers race to secure oxides');
    expect(prepared.metadata).toEqual({
      author: 'Ines Okafor',
      publisher: 'The Metals Ledger',
      url: 'https://ledger.example/2024/03/magnet-makers',
      publishedAt: '2024-03-05'
    });
  });

  it('keeps headings, paragraphs, lists, block quotes, tables and absolute links; drops relative links, images and scripts', () => {
    const { doc, html, text } = prepareArticleFile('magnets.html', bytes(NEWS_PAGE));
    const json = JSON.stringify(doc);
    // The table's caption reads as the paragraph before it, then one line per cell.
    expect(text).toContain('Announced supply agreements, 2024\nBuyer\nSupplier\nTonnes a year\nVacuumschmelze\nLynas\n1,500');
    const types = new Set<string>();
    const walk = (node: typeof doc) => {
      types.add(node.type);
      node.content?.forEach(walk);
    };
    walk(doc);
    for (const type of ['heading', 'paragraph', 'bulletList', 'blockquote', 'table', 'tableHeader', 'tableCell']) expect(types).toContain(type);
    expect(json).toContain('https://www.iea.example/reports/critical-minerals');
    expect(json).toContain('earlier story on export controls');
    expect(json).not.toContain('/2024/02/export-controls');
    for (const forbidden of ['<script', 'onerror', '<img', 'tracker.example', 'ads.example', 'cdn.ledger.example', '__assayPageScript']) {
      expect(html).not.toContain(forbidden);
      expect(json).not.toContain(forbidden);
    }
  });

  it('never runs the page: its scripts and handlers do nothing while it is parsed', () => {
    const globals = globalThis as { __assayPageScript?: string };
    readWebPage(NEWS_PAGE);
    prepareArticleFile('magnets.html', bytes(NEWS_PAGE));
    expect(globals.__assayPageScript).toBeUndefined();
  });

  it('keeps a short page whole when there is no article to extract, and takes JSON-LD when meta tags are missing', () => {
    const page = `<html><head><title>Note</title><script type="application/ld+json">
      {"@graph":[{"@type":"WebSite","name":"Site"},{"@type":"NewsArticle","headline":"Cobalt glut","author":[{"name":"A. Bee"},{"name":"C. Dee"}],
       "publisher":{"name":"Wire"},"datePublished":"2023-11-02T10:00:00Z","url":"https://wire.example/cobalt"}]}</script></head>
      <body><p>Cobalt prices fell.</p></body></html>`;
    const prepared = prepareArticleFile('note.html', bytes(page));
    expect(prepared.text).toBe('Cobalt prices fell.');
    expect(prepared.suggestedTitle).toBe('Cobalt glut');
    expect(prepared.metadata).toEqual({ author: 'A. Bee, C. Dee', publisher: 'Wire', url: 'https://wire.example/cobalt', publishedAt: '2023-11-02' });
  });

  it('reads a page in the encoding it declares', () => {
    const page = '<html><head><meta charset="windows-1252"><title>Zürich</title></head><body><p>Prices – “high” in Zürich.</p></body></html>';
    const prepared = prepareArticleFile('zurich.htm', new Uint8Array(Buffer.from(page, 'latin1').map((byte, index) => page.charCodeAt(index) > 255 ? 0x3f : byte)));
    expect(prepared.text).toContain('Zürich');
    expect(prepared.warnings).toEqual([]);
  });

  it.each([
    ['2024-03-05T08:30:00+01:00', '2024-03-05'],
    ['2024-03', '2024-03'],
    ['2024/3/5', '2024-03-05'],
    ['March 5, 2024', '2024-03-05'],
    ['5 March 2024', '2024-03-05'],
    ['yesterday', null],
    ['2024-13-01', '2024']
  ])('reads the date %s as %s', (value, expected) => {
    expect(normalizeDate(value)).toBe(expected);
  });
});

/** dropBylineParagraph as it was before it skipped articles that cannot hold the byline. */
function dropBylineParagraphReference(html: string, author: string | null): string {
  if (!author) return html;
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const normalise = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  const forms = [normalise(author), `by ${normalise(author)}`];
  const top = [...document.querySelectorAll('p, div, span, address')]
    .filter((element) => {
      const text = normalise(element.textContent);
      return text !== '' && text.length < 200;
    })
    .slice(0, 5);
  const byline = top.find((element) => forms.includes(normalise(element.textContent)));
  if (!byline) return html;
  byline.remove();
  return document.body.innerHTML;
}

/** An article as Readability hands it over: its HTML and the text of the DOM it came from. */
function article(html: string): { html: string; text: string } {
  const { document } = parseHTML(`<!doctype html><html><body><div id="readability-page-1">${html}</div></body></html>`);
  const root = document.getElementById('readability-page-1')!;
  return { html: root.innerHTML, text: root.textContent ?? '' };
}

describe('removing the byline paragraph', () => {
  const cases: [string, string][] = [
    ['<p>By Jane Roe</p><p>The article.</p>', 'Jane Roe'],
    ['<div><p>BY  <b>Jane</b>\n Roe</p></div><p>The article.</p>', 'jane roe'],
    ['<p>AT&amp;T staff</p><p>The article.</p>', 'AT&T staff'],
    ['<p>By Jane&nbsp;Roe</p><p>The article.</p>', 'Jane Roe'],
    ['<p>By Jane Roe and others</p><p>Text.</p>', 'Jane Roe'],
    // The final sigma: lower-cased alone "νίκος", inside the article text "νίκοσ…".
    ['<p>ΝΊΚΟΣ</p><p>ΑΒΓ text.</p>', 'Νίκος'],
    ['<p>Nobody named here.</p>', 'Jane Roe'],
    ['<p>Jane</p><p>Roe</p>', 'Jane Roe'],
    ['<p>Jane <!-- x --> Roe</p>', 'Jane Roe'],
    ['<p>Jane<textarea>x</textarea> Roe</p>', 'Janex Roe'],
    ['<p>By Jane Roe</p>', '']
  ];
  it.each(cases)('%s (author %s) comes out as before', (html, author) => {
    const input = article(html);
    expect(dropBylineParagraph(input.html, input.text, author || null)).toBe(dropBylineParagraphReference(input.html, author || null));
  });

  it('comes out as before for the news page fixture and the benchmark pages', () => {
    const random = createRandom(20250117 + 303);
    const vocabulary = buildVocabulary(20250117);
    const pages = [NEWS_PAGE, ...Array.from({ length: 20 }, (_, index) => makeHtmlPage(random, vocabulary, random.int(500, 3000), index).html)];
    for (const page of pages) {
      const { document } = parseHTML(page);
      const extracted = new Readability(document as unknown as Document, { charThreshold: 200, keepClasses: false }).parse()!;
      // The byline Readability found, and a name that is in the article text, so both branches run.
      for (const author of [extracted.byline ?? 'Nobody', extracted.textContent!.trim().split(/\s+/).slice(0, 2).join(' ')]) {
        expect(dropBylineParagraph(extracted.content!, extracted.textContent!, author)).toBe(dropBylineParagraphReference(extracted.content!, author));
      }
    }
  });
});
