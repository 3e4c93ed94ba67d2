// articles.importFile end to end in core: the file is parsed in the import worker (invokeAsync),
// then added in one transaction, or reported as a duplicate, or refused with nothing changed.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleDetail, DocumentNode, ImportedArticle } from '../../shared/domain';
import { pageAtOffset } from '../../shared/page-map';
import { pageAt } from '../articles/articles';
import { createTemporaryLibrary, libraryFingerprint, type TemporaryLibrary } from '../testing/temporary-library';
import { stopImportWorker } from './background-import';
import { makeImageOnlyPdf, makePasswordProtectedPdf, NEWS_PAGE, reportPdf, wordReport } from './fixtures/corpus';
import { makeDocx, paragraph } from './fixtures/make-docx';
import { MAX_IMPORT_BYTES } from './import-content';

let t: TemporaryLibrary;
beforeEach(() => {
  t = createTemporaryLibrary();
});
afterEach(() => t.dispose());
afterAll(() => stopImportWorker());

const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const importFile = (fileName: string, bytes: Uint8Array | string) =>
  t.dispatcher.callAsync('articles.importFile', { fileName, dataBase64: base64(bytes) });

describe('articles.importFile', () => {
  it('imports a web page, a PDF and a Word document, with their citation fields and origin', async () => {
    const page = await importFile('magnets.html', NEWS_PAGE);
    expect(page).toMatchObject({ status: 'imported', title: 'Magnet makers race to secure oxides', fileName: 'magnets.html', warnings: [] });
    expect(t.dispatcher.call('articles.get', { id: page.id })).toMatchObject({
      author: 'Ines Okafor',
      publisher: 'The Metals Ledger',
      url: 'https://ledger.example/2024/03/magnet-makers',
      publishedAt: '2024-03-05',
      origin: { fileName: 'magnets.html', format: 'html', pages: null }
    });

    const report = await reportPdf();
    const pdf = await importFile('rare-earths-2024.pdf', report.bytes);
    const article = t.dispatcher.call('articles.get', { id: pdf.id });
    expect(article).toMatchObject({ title: 'Rare Earths in 2024: Supply, Refining and Policy', author: 'Example Institute', origin: { format: 'pdf' } });
    expect(article.origin.pages?.map((entry) => entry.page)).toEqual([1, 2, 3]);
    const pageThree = article.origin.pages![2].start;
    expect(report.lines.find((line) => line.page === 3)!.text).toContain(article.text.slice(pageThree, pageThree + 10));
    expect([pageAt(t.library, pdf.id, pageThree - 1), pageAt(t.library, pdf.id, pageThree)]).toEqual([2, 3]);

    const word = await importFile('capacity.docx', wordReport());
    expect(t.dispatcher.call('articles.get', { id: word.id })).toMatchObject({
      title: 'Separation capacity outside China',
      author: 'Ana Analyst',
      origin: { format: 'docx', fileName: 'capacity.docx' }
    });
    // Searchable like any article.
    expect(t.dispatcher.call('search.query', { query: 'Kuantan' }).map((hit) => hit.articleId)).toContain(word.id);
  });

  it('skips a file whose text the library already has, and says which article has it', async () => {
    const first = await importFile('magnets.html', NEWS_PAGE);
    const before = libraryFingerprint(t.library);
    // The same article saved again, with another name and other clutter around it.
    const again = await importFile('magnets (1).htm', NEWS_PAGE.replace('Comments (3)', 'Comments (5)'));
    expect(again).toEqual({
      id: first.id,
      title: first.title,
      fileName: 'magnets (1).htm',
      status: 'duplicate',
      duplicateOf: first.id,
      warnings: []
    } satisfies ImportedArticle);
    expect(libraryFingerprint(t.library)).toBe(before);

    // An article in the trash is not a duplicate: the file is imported again.
    t.dispatcher.call('articles.delete', { id: first.id });
    expect((await importFile('magnets.html', NEWS_PAGE)).status).toBe('imported');
  });

  it.each([
    ['locked.pdf', () => makePasswordProtectedPdf(), 'unreadable_file', /^locked\.pdf is password-protected/],
    ['scan.pdf', () => makeImageOnlyPdf(), 'unreadable_file', /^scan\.pdf has no text layer \(a scan\?\)/],
    ['broken.pdf', async () => (await reportPdf()).bytes.subarray(0, 5000), 'unreadable_file', /^broken\.pdf is damaged or is not a PDF/],
    ['memo.docx', async () => new Uint8Array(Buffer.from('plain text, not a zip')), 'unreadable_file', /^memo\.docx is not a Word document/],
    [
      'xxe.docx',
      async () =>
        makeDocx({
          body: [],
          documentPrologue: '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/hostname">]>',
          rawDocument: `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraph('&x;')}</w:body></w:document>`
        }),
      'unreadable_file',
      /^xxe\.docx was refused: .*document type declaration/
    ],
    ['scripts.html', async () => new Uint8Array(Buffer.from('<script>alert(1)</script><script>steal()</script>')), 'invalid_input', /^scripts\.html: The article has no readable text/],
    ['binary.txt', async () => new Uint8Array([0x00, 0x01, 0x02, 0x03, 0xff]), 'unreadable_file', /^binary\.txt looks like a binary file/],
    ['slides.pptx', async () => new Uint8Array([1, 2, 3]), 'unsupported_format', /^slides\.pptx is not a file Assay can import/]
  ])('refuses %s with a clear message and changes nothing', async (fileName, make, code, message) => {
    const bytes = await make();
    const before = libraryFingerprint(t.library);
    const envelope = await t.dispatcher.invokeAsync('articles.importFile', { fileName, dataBase64: base64(bytes) });
    expect(envelope).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
    expect(libraryFingerprint(t.library)).toBe(before);
  });

  it('refuses a file over the size limit, saying the limit', async () => {
    const before = libraryFingerprint(t.library);
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61);
    const envelope = await t.dispatcher.invokeAsync('articles.importFile', { fileName: 'huge.txt', dataBase64: base64(big) });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'unreadable_file', message: 'huge.txt is 50.0 MB; Assay imports files up to 50 MB.' } });
    const far = await t.dispatcher.invokeAsync('articles.importFile', { fileName: 'huger.txt', dataBase64: 'A'.repeat(80 * 1024 * 1024) });
    expect(far).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('larger than 50 MB') } });
    expect(libraryFingerprint(t.library)).toBe(before);
  });

  it('imports an HTML file full of scripts as its text, running none of them', async () => {
    const globals = globalThis as { __assayHostile?: string };
    const hostile = `<html><head><script>globalThis.__assayHostile = 'head'</script></head><body onload="globalThis.__assayHostile = 'load'">
      <script>globalThis.__assayHostile = 'body'</script><p>Cobalt output rose in 2024.</p><img src=x onerror="globalThis.__assayHostile = 'img'">
      <iframe srcdoc="<script>parent.__assayHostile = 'frame'</script>"></iframe><script src="https://evil.example/x.js"></script></body></html>`;
    const imported = await importFile('hostile.html', hostile);
    const article = t.dispatcher.call('articles.get', { id: imported.id });
    expect(article.text).toBe('Cobalt output rose in 2024.');
    expect(globals.__assayHostile).toBeUndefined();
  });

  it('reads PDF and Word files only through the asynchronous path', () => {
    const envelope = t.dispatcher.invoke('articles.importFile', { fileName: 'report.pdf', dataBase64: base64('%PDF-1.7') });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('asynchronously') } });
  });
});

describe('page numbers of a PDF article', () => {
  async function importReport(): Promise<ArticleDetail> {
    const { id } = await importFile('report.pdf', (await reportPdf()).bytes);
    return t.dispatcher.call('articles.get', { id });
  }

  function editFirstParagraph(article: ArticleDetail, edit: (text: string) => string): ArticleDetail {
    const doc = structuredClone(article.doc);
    const first = doc.content!.find((node) => node.type === 'paragraph')!;
    const textNode = first.content![0] as DocumentNode;
    textNode.text = edit(textNode.text!);
    return t.dispatcher.call('articles.updateDocument', { id: article.id, doc }).article;
  }

  it('stay with their words when the text before them is edited', async () => {
    const article = await importReport();
    const pages = article.origin.pages!;
    const page3Words = article.text.slice(pages[2].start, pages[2].start + 40);
    const edited = editFirstParagraph(article, (text) => `Added by the analyst. ${text}`);
    const moved = edited.origin.pages!;
    expect(moved.map((entry) => entry.page)).toEqual([1, 2, 3]);
    expect(edited.text.slice(moved[2].start, moved[2].start + 40)).toBe(page3Words);
    expect(moved[2].start - pages[2].start).toBe('Added by the analyst. '.length);
    expect(pageAtOffset(moved, moved[2].start - 1)).toBe(2);
  });

  it('survive a reload of the library', async () => {
    const article = await importReport();
    expect(t.dispatcher.call('articles.get', { id: article.id }).origin.pages).toEqual(article.origin.pages);
  });
});
