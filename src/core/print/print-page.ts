// What a printer needs besides the document: paper, margins, the page footer, and how it knows
// the document is ready. The CLI and browser mode print with headless Chromium (print-pdf.ts), the
// desktop app with a hidden window's webContents.printToPDF (src/main/print-window.ts); both get
// exactly these settings, so the PDFs match.
import type { PaperSize, PrintJob } from '../../shared/print';
import { fontFaceCss } from './print-fonts';
import { escapeHtml, formatTimestamp, shortText } from './print-format';

/** Page margins in millimetres; the footer is drawn inside the bottom one. */
export const PAGE_MARGINS_MM = { top: 16, right: 15, bottom: 18, left: 18 } as const;

export const PAPER_NAMES: Record<PaperSize, 'A4' | 'Letter'> = { a4: 'A4', letter: 'Letter' };

/** The global the print document sets once its fonts are loaded and its pictures decoded. */
export const READY_FLAG = '__assayPrintReady';
/** A promise the print document resolves at the same moment (a host can await it instead of polling). */
export const READY_PROMISE = '__assayPrintReadyPromise';

export interface PageSetup {
  paper: PaperSize;
  title: string;
  /** Chromium's header and footer templates (Chromium has no CSS margin boxes). */
  headerTemplate: string;
  footerTemplate: string;
}

/** Prints a self-contained HTML document to PDF, waiting for the document to say it is ready. */
export type PdfPrinter = (html: string, setup: PageSetup) => Promise<Uint8Array>;

export function pageSetupFor(job: Pick<PrintJob, 'paper' | 'title' | 'exportedAt'>): PageSetup {
  // Header and footer templates are little documents of their own: they see neither the page's
  // styles nor its fonts, so the footer brings its font along.
  const style = [
    'width:100%',
    'box-sizing:border-box',
    `padding:0 ${PAGE_MARGINS_MM.right}mm 0 ${PAGE_MARGINS_MM.left}mm`,
    "font-family:'Inter','Helvetica Neue',Arial,sans-serif",
    'font-size:7pt',
    'color:#6b7280',
    'display:flex',
    'justify-content:space-between',
    'gap:6mm',
    '-webkit-print-color-adjust:exact'
  ].join(';');
  const footerTemplate =
    `<style>${fontFaceCss('Inter')}</style><div style="${style}">` +
    `<span style="white-space:nowrap;overflow:hidden;text-overflow:ellipsis">${escapeHtml(shortText(job.title, 90))}</span>` +
    `<span style="white-space:nowrap">Exported ${escapeHtml(formatTimestamp(job.exportedAt))} · Assay</span>` +
    `<span style="white-space:nowrap">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>` +
    '</div>';
  return { paper: job.paper, title: job.title, headerTemplate: '<span></span>', footerTemplate };
}
