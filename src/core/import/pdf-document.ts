// A PDF file to an article: text with positions from pdf.js, laid out into headings and
// paragraphs by pdf-layout.ts, with the page on which each part of the text stands.
//
// pdf.js runs with eval disabled (fonts are never compiled to JavaScript), without font loading,
// system fonts, WebAssembly decoders or any fetching: only its own character maps are read from
// disk, for CJK text. It parses in the calling thread, which in the app is the import worker
// (import-worker.ts), so a long PDF never blocks the main process.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ImportWarning } from '../../shared/domain';
import { AssayError } from '../../shared/errors';
import { layoutPdf, type PdfPageText, type PdfTextItem } from './pdf-layout';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjs: Promise<PdfJs> | null = null;
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const library = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // With the worker's handler on globalThis, pdf.js parses in this thread instead of starting a
    // worker of its own (which would need a script URL to load).
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return library;
  })();
  return pdfjs;
}

function characterMapsFolder(): string {
  return `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps')}/`;
}

export interface PdfBlock {
  kind: 'heading' | 'paragraph';
  level: number;
  text: string;
  pages: { at: number; page: number }[];
}

export interface PdfContent {
  blocks: PdfBlock[];
  title: string | null;
  author: string | null;
  pageCount: number;
  warnings: ImportWarning[];
}

function describeFailure(error: unknown, fileName: string): AssayError {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException') {
    return new AssayError(
      'unreadable_file',
      `${fileName} is password-protected. Open it with its password and save or print it as a new PDF without one, then import that.`
    );
  }
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException') {
    return new AssayError('unreadable_file', `${fileName} is damaged or is not a PDF (pdf.js: ${(error as Error).message}).`);
  }
  return new AssayError('unreadable_file', `${fileName} could not be read as a PDF: ${error instanceof Error ? error.message : String(error)}.`);
}

/** A title from the PDF's own metadata, unless it is a leftover such as "Microsoft Word - draft3.docx". */
function usefulTitle(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const title = value.replace(/\s+/g, ' ').trim();
  if (title.length < 3 || title.length > 300) return null;
  if (/^(untitled|document\d*|title|slide \d+|microsoft (word|powerpoint) - )/i.test(title)) return null;
  if (/\.(docx?|pdf|indd|tex|dvi|pptx?|odt|rtf|txt|qxd)$/i.test(title)) return null;
  return title;
}

function usefulAuthor(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const author = value.replace(/\s+/g, ' ').trim();
  if (author.length < 2 || author.length > 300 || /^(administrator|admin|user|owner|unknown)$/i.test(author)) return null;
  return author;
}

function pageList(pages: number[]): string {
  if (pages.length <= 1) return `Page ${pages[0]}`;
  const shown = pages.slice(0, 8).join(', ');
  return `Pages ${shown}${pages.length > 8 ? ` and ${pages.length - 8} more` : ''}`;
}

export async function readPdf(bytes: Uint8Array, fileName: string): Promise<PdfContent> {
  if (!/^\s*%PDF-/.test(Buffer.from(bytes.subarray(0, 1024)).toString('latin1'))) {
    throw new AssayError('unreadable_file', `${fileName} is not a PDF (it does not start with %PDF), or it is damaged.`);
  }
  const { getDocument, Util } = await loadPdfJs();
  const task = getDocument({
    // pdf.js takes ownership of (and detaches) the buffer it is given.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    useWasm: false,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    cMapUrl: characterMapsFolder(),
    cMapPacked: true,
    stopAtErrors: false,
    verbosity: 0
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw describeFailure(error, fileName);
  }

  try {
    const pages: PdfPageText[] = [];
    const emptyPages: number[] = [];
    let unreadableGlyphs = 0;
    let characters = 0;
    for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber += 1) {
      const page = await document.getPage(pageNumber);
      // Display coordinates: the page as it is shown (rotation applied), y growing downwards.
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.length === 0) continue;
        const [a, b, c, d, e, f] = Util.transform(viewport.transform, item.transform) as number[];
        const fontSize = Math.hypot(c, d);
        // Text that is not upright (margin stamps, rotated watermarks, axis labels) is not prose.
        if (Math.abs(b) > Math.abs(a) * 0.05 || Math.abs(c) > Math.abs(d) * 0.05 || a <= 0 || fontSize < 1) continue;
        // Width in the item's text space, scaled to the page like its height.
        const width = (item.width / Math.hypot(item.transform[0], item.transform[1]) || 0) * Math.hypot(a, b);
        items.push({ str: item.str, x: e, y: f, width, fontSize });
        characters += item.str.trim().length;
        unreadableGlyphs += (item.str.match(/[\ufffd\ue000-\uf8ff]/g) ?? []).length;
      }
      if (items.every((item) => item.str.trim() === '')) emptyPages.push(pageNumber);
      pages.push({ pageNumber, width: viewport.width, height: viewport.height, items });
      page.cleanup();
    }

    if (characters === 0) {
      throw new AssayError(
        'unreadable_file',
        `${fileName} has no text layer (a scan?): its ${document.numPages === 1 ? 'page is' : `${document.numPages} pages are`} ` +
          'only images. Run it through OCR (text recognition) first, then import the result.'
      );
    }

    const warnings: ImportWarning[] = [];
    if (emptyPages.length > 0) {
      warnings.push({
        kind: 'pdf-structure',
        message: `${pageList(emptyPages)} of ${fileName} ${emptyPages.length === 1 ? 'has' : 'have'} no text layer (scanned images?); their content is missing from the article.`
      });
    }
    if (unreadableGlyphs > Math.max(5, characters * 0.02)) {
      warnings.push({
        kind: 'pdf-structure',
        message: `${unreadableGlyphs} characters of ${fileName} could not be decoded (its fonts lack a character map) and show as “\ufffd” or blanks; check the text against the PDF.`
      });
    }

    const layout = layoutPdf(pages);
    let title: string | null = null;
    let author: string | null = null;
    try {
      const info = (await document.getMetadata()).info as Record<string, unknown>;
      title = usefulTitle(info.Title);
      author = usefulAuthor(info.Author);
    } catch {
      // Metadata is optional.
    }
    return { blocks: layout.blocks, title, author, pageCount: document.numPages, warnings };
  } catch (error) {
    if (error instanceof AssayError) throw error;
    throw describeFailure(error, fileName);
  } finally {
    await document.destroy().catch(() => undefined);
  }
}
