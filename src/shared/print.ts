// Printing as the contract speaks of it. core turns an article, a project or the library into one
// self-contained HTML document (a PrintJob); a host prints that document to PDF with Chromium and
// turns the highlight links in it into PDF highlight annotations (src/core/print).
import type { HighlightColor } from './domain';
import type { Verdict } from './evidence';

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export interface PrintOptions {
  paper: PaperSize;
  /** Highlight notes in the margin beside their passage. */
  notes: boolean;
  /** Only claims with these verdicts (and the highlights they are made from); null: every claim. */
  verdicts: Verdict[] | null;
  /** Highlights told apart without colour: an underline style per colour besides the numbers. */
  greyscale: boolean;
}

/** A highlight as a PDF annotation: the link to it in the print document becomes this. */
export interface PrintAnnotation {
  highlightId: string;
  color: HighlightColor;
  /** The annotation's text in a PDF reader's comments panel: the note, and the verdict if any. */
  contents: string;
}

/** What print.document returns and print.pdf prints. */
export interface PrintJob {
  /** The whole document: inline CSS, fonts as data, charts as SVG; it loads nothing. */
  html: string;
  /** The document's title (PDF title and page footer). */
  title: string;
  /** A suggested file name, e.g. "who-really-controls-rare-earths.pdf". */
  fileName: string;
  paper: PaperSize;
  /** When the document was made (ISO), printed in every page footer. */
  exportedAt: string;
  annotations: PrintAnnotation[];
}

export interface PrintedPdf {
  /** The PDF, base64-encoded. */
  pdfBase64: string;
  pageCount: number;
  /** How many highlight annotations it carries. */
  annotationCount: number;
}

/** The origin of the private links that mark highlights and anchors in the print document. */
export const PRINT_LINK_ORIGIN = 'https://assay.invalid';
