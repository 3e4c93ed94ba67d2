// Printing in the desktop app: the print document (made by core, as for the CLI) is loaded into a
// hidden window and printed with webContents.printToPDF; core's pipeline then fills in page
// numbers and turns the highlight links into PDF annotations (src/core/print/print-pdf.ts).
//
// No timer decides when to print. The document itself says when it is ready (fonts loaded,
// pictures decoded, a frame laid out) by resolving window.__assayPrintReadyPromise, and
// executeJavaScript waits for that promise: no IPC, no preload, no polling.
//
// The window runs sandboxed in its own in-memory session that fetches nothing but the document
// file (the document's content security policy forbids everything else as well).
import { BrowserWindow, session, type Session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HandlerMap } from '../core/dispatch/handler-types';
import { configurePrintFonts } from '../core/print/print-fonts';
import { printPdfHandler } from '../core/print/print-handlers';
import { PAGE_MARGINS_MM, PAPER_NAMES, READY_PROMISE, type PdfPrinter } from '../core/print/print-page';

const PRINT_PARTITION = 'assay-print';
const MM_PER_INCH = 25.4;
/** The document files being printed; the print session loads these and nothing else. */
const documentUrls = new Set<string>();
let printSession: Session | null = null;

function getPrintSession(): Session {
  if (printSession) return printSession;
  printSession = session.fromPartition(PRINT_PARTITION, { cache: false });
  printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  printSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !(documentUrls.has(details.url) || details.url.startsWith('data:')) });
  });
  return printSession;
}

const inches = (millimetres: number) => millimetres / MM_PER_INCH;

export const printInHiddenWindow: PdfPrinter = async (html, setup) => {
  // A file, not a data: URL: Chromium limits URLs to 2 MB, and a dossier with charts is larger.
  const folder = await mkdtemp(join(tmpdir(), 'assay-print-'));
  const file = join(folder, 'print.html');
  const url = pathToFileURL(file).href;
  await writeFile(file, html, 'utf8');
  documentUrls.add(url);
  const window = new BrowserWindow({
    show: false,
    width: 1000,
    height: 1400,
    webPreferences: {
      session: getPrintSession(),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      javascript: true,
      spellcheck: false,
      webviewTag: false,
      navigateOnDragDrop: false
    }
  });
  const contents = window.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  try {
    await window.loadFile(file);
    await contents.executeJavaScript(`window.${READY_PROMISE}`);
    const margins = PAGE_MARGINS_MM;
    const pdf = await contents.printToPDF({
      pageSize: PAPER_NAMES[setup.paper],
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: setup.headerTemplate,
      footerTemplate: setup.footerTemplate,
      margins: { top: inches(margins.top), right: inches(margins.right), bottom: inches(margins.bottom), left: inches(margins.left) },
      generateDocumentOutline: true,
      generateTaggedPDF: true
    });
    return new Uint8Array(pdf);
  } finally {
    documentUrls.delete(url);
    window.destroy();
    await rm(folder, { recursive: true, force: true });
  }
};

/**
 * The contract's handlers as the desktop app serves them: print.pdf prints in a hidden window
 * instead of core's headless Chromium, and the fonts come from the app's resources folder.
 */
export function withWindowPrinting(handlers: HandlerMap, resourcesDir: string): HandlerMap {
  configurePrintFonts(join(resourcesDir, 'fonts'));
  return { ...handlers, 'print.pdf': printPdfHandler(printInHiddenWindow) };
}
