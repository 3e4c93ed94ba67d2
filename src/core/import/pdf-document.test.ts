import { describe, expect, it } from 'vitest';
import { AssayError } from '../../shared/errors';
import { pageAtOffset } from '../../shared/page-map';
import { makeImageOnlyPdf, makePasswordProtectedPdf, reportPdf } from './fixtures/corpus';
import { makeReportPdf } from './fixtures/make-pdf';
import { prepareArticleFileAsync } from './import-content';

async function refusal(fileName: string, bytes: Uint8Array): Promise<AssayError> {
  try {
    await prepareArticleFileAsync(fileName, bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(AssayError);
    return error as AssayError;
  }
  throw new Error(`${fileName} was imported`);
}

describe('PDF import', () => {
  it('rebuilds paragraphs across lines, hyphens, columns and pages, without running heads or page numbers', async () => {
    const report = await reportPdf();
    const prepared = await prepareArticleFileAsync('report.pdf', report.bytes);
    // Exactly the paragraphs that were typeset, in reading order: the left column before the right,
    // a paragraph continued from one column or page to the next, "consider-" + "ably" rejoined.
    expect(prepared.text).toBe(report.blocks.map((block) => block.text).join('\n'));
    expect(prepared.text).not.toContain(report.runningHeader);
    expect(prepared.text).not.toContain(report.runningFooter);
    expect(prepared.text).not.toMatch(/^\d+$/m);
    expect(report.lines.some((line) => line.text.endsWith('-'))).toBe(true);
    expect(prepared.format).toBe('pdf');
    expect(prepared.suggestedTitle).toBe('Rare Earths in 2024: Supply, Refining and Policy');
    expect(prepared.metadata).toMatchObject({ author: 'Example Institute' });
    expect(prepared.warnings).toEqual([]);
    // Headings by type size.
    expect(prepared.doc.content?.filter((node) => node.type === 'heading').map((node) => node.attrs?.level)).toEqual([1, 2, 2, 2]);
  });

  it('knows the page of every line, also where a paragraph runs on to the next page', async () => {
    const report = await reportPdf();
    const { text, pages } = await prepareArticleFileAsync('report.pdf', report.bytes);
    const pageCount = report.lines[report.lines.length - 1].page;
    expect(pageCount).toBeGreaterThanOrEqual(3);
    expect(pages?.map((entry) => entry.page)).toEqual(Array.from({ length: pageCount }, (_, index) => index + 1));
    // The pages of this report begin in the middle of paragraphs.
    for (const entry of pages!.slice(1)) expect(text[entry.start - 1]).toBe(' ');
    // The drawn lines in order, found one after the other in the text.
    let cursor = 0;
    for (const line of report.lines) {
      const words = line.text.endsWith('-') ? line.text.slice(0, -1) : line.text;
      const at = text.indexOf(words, cursor);
      expect(at, line.text).toBeGreaterThanOrEqual(0);
      expect(pageAtOffset(pages, at), line.text).toBe(line.page);
      expect(pageAtOffset(pages, at + words.length - 1), line.text).toBe(line.page);
      cursor = at + words.length;
    }
  });

  it('reads a one-column note and takes the title from the first heading when the metadata has none', async () => {
    const pdf = await makeReportPdf({
      title: 'Graphite anodes',
      body: ['Most graphite for battery anodes is refined in one country.', 'Synthetic graphite is made from petroleum coke.'],
      columns: 1,
      // One page: nothing repeats, so a running head cannot be told from text.
      runningHeader: '',
      runningFooter: ''
    });
    const prepared = await prepareArticleFileAsync('graphite.pdf', pdf.bytes);
    // The page number alone at the foot of the page is dropped even so.
    expect(prepared.text).toBe('Graphite anodes\nMost graphite for battery anodes is refined in one country.\nSynthetic graphite is made from petroleum coke.');
    expect(prepared.suggestedTitle).toBe('Graphite anodes');
    expect(prepared.pages).toEqual([{ start: 0, page: 1 }]);
  });

  it.each([
    ['scan.pdf', () => makeImageOnlyPdf(), /scan\.pdf has no text layer \(a scan\?\).*OCR/],
    ['locked.pdf', () => makePasswordProtectedPdf(), /locked\.pdf is password-protected/],
    ['garbage.pdf', async () => new Uint8Array(Buffer.from(`%PDF-1.7\n${'x'.repeat(3000)}`)), /garbage\.pdf is damaged or is not a PDF/],
    ['truncated.pdf', async () => (await reportPdf()).bytes.subarray(0, 4000), /truncated\.pdf is damaged or is not a PDF/],
    ['renamed.pdf', async () => new Uint8Array(Buffer.from('PK\u0003\u0004 not a pdf')), /renamed\.pdf is not a PDF/]
  ])('refuses %s with a message naming the problem', async (fileName, make, message) => {
    const error = await refusal(fileName, await make());
    expect(error.code).toBe('unreadable_file');
    expect(error.message).toMatch(message);
  });
});
