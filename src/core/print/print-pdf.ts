// Printing a print job to PDF. The pipeline (printJobToPdf) is the same whoever prints: print,
// fill in the page numbers from where the anchors landed (and print again), then turn the
// highlight links into PDF highlight annotations. The printer differs: headless Chromium through
// playwright-core for the CLI and the browser-mode host (chromiumPrinter, below), a hidden window's
// webContents.printToPDF in the desktop app (src/main/print-window.ts).
import { existsSync } from 'node:fs';
import { AssayError } from '../../shared/errors';
import type { PrintJob, PrintedPdf } from '../../shared/print';
import { readAnchorPages, rewriteAnnotations } from './pdf-annotations';
import { fillPageNumbers, hasPageRefs, headingsOf } from './print-document';
import { PAGE_MARGINS_MM, PAPER_NAMES, pageSetupFor, READY_PROMISE, type PdfPrinter } from './print-page';

/** Chromium's flags for printing: no sandbox (containers, root), no GPU, nothing on the network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
];

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'
];

/** The Chromium to print with: $ASSAY_CHROMIUM, else the first one installed in a usual place. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.ASSAY_CHROMIUM?.trim();
  if (chosen) {
    if (!existsSync(chosen)) throw new AssayError('not_found', `ASSAY_CHROMIUM names ${chosen}, which does not exist.`);
    return chosen;
  }
  const found = CHROMIUM_CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new AssayError(
      'not_found',
      'Printing to PDF needs Chromium or Google Chrome, and none was found. Install one (e.g. `apt-get install chromium`) ' +
        'or set ASSAY_CHROMIUM to its executable.'
    );
  }
  return found;
}

/** How long a document may take to say it is ready before printing gives up (not a wait: a limit). */
const READY_LIMIT_MS = 60_000;

/** One headless Chromium (playwright-core) that prints any number of documents, each in a fresh context. */
export interface ChromiumSession {
  print: PdfPrinter;
  close(): Promise<void>;
}

export async function openChromiumSession(): Promise<ChromiumSession> {
  const executablePath = findChromium();
  // Loaded on demand: only printing needs it, and the desktop app never does.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const print: PdfPrinter = async (html, setup) => {
    const context = await browser.newContext({ offline: true, javaScriptEnabled: true });
    try {
      // The document is self-contained; anything it asks for beyond data: URLs is refused.
      await context.route(/^(?!data:)/, (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load', timeout: READY_LIMIT_MS });
      await page.evaluate(`window.${READY_PROMISE}`, undefined);
      const margin = PAGE_MARGINS_MM;
      const pdf = await page.pdf({
        format: PAPER_NAMES[setup.paper],
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: setup.headerTemplate,
        footerTemplate: setup.footerTemplate,
        margin: { top: `${margin.top}mm`, right: `${margin.right}mm`, bottom: `${margin.bottom}mm`, left: `${margin.left}mm` },
        outline: true,
        tagged: true
      });
      return new Uint8Array(pdf);
    } finally {
      await context.close();
    }
  };
  return { print, close: () => browser.close() };
}

/** Headless Chromium, one browser for this one print. */
export const chromiumPrinter: PdfPrinter = async (html, setup) => {
  const session = await openChromiumSession();
  try {
    return await session.print(html, setup);
  } finally {
    await session.close();
  }
};

/** Prints the job with the printer and makes the finished PDF (page numbers, annotations). */
export async function printJobToPdf(job: PrintJob, printer: PdfPrinter = chromiumPrinter): Promise<PrintedPdf & { bytes: Uint8Array }> {
  const setup = pageSetupFor(job);
  // A document with page references prints twice; with headless Chromium both printings share one
  // browser, since launching it costs seconds. (The desktop app's hidden window is its own printer.)
  const session = printer === chromiumPrinter ? await openChromiumSession() : null;
  const print = session?.print ?? printer;
  try {
    let raw = await print(job.html, setup);
    if (hasPageRefs(job.html)) {
      // The placeholders take the same room empty as filled, so the second printing puts every
      // anchor on the page the first one found for it.
      raw = await print(fillPageNumbers(job.html, await readAnchorPages(raw)), setup);
    }
    const { bytes, pageCount, annotationCount } = await rewriteAnnotations(raw, job.annotations, {
      title: job.title,
      exportedAt: job.exportedAt,
      headings: headingsOf(job.html)
    });
    return { bytes, pdfBase64: Buffer.from(bytes).toString('base64'), pageCount, annotationCount };
  } finally {
    await session?.close();
  }
}
