// After Chromium has printed the document: its link annotations to https://assay.invalid/… are
// our marks, not links. Those to /highlight/<ids> become PDF highlight annotations (one per
// highlight and page, QuadPoints from every line fragment, the note as /Contents), so reviewers
// find each highlight and its note in their PDF reader's comments panel; those to /anchor/<key>
// only tell where something was printed (for page numbers). Neither is left behind as a link.
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { PRINT_LINK_ORIGIN, type PrintAnnotation } from '../../shared/print';
import { HIGHLIGHT_PALETTE } from './print-styles';

type Rect = [number, number, number, number];

interface PrivateLink {
  pageIndex: number;
  kind: 'highlight' | 'anchor';
  /** Highlight ids, or the anchor's key ("article/<id>"). */
  keys: string[];
  rect: Rect;
}

const HIGHLIGHT_PREFIX = `${PRINT_LINK_ORIGIN}/highlight/`;
const ANCHOR_PREFIX = `${PRINT_LINK_ORIGIN}/anchor/`;

function textOf(object: PDFObject | undefined): string | null {
  if (object instanceof PDFString || object instanceof PDFHexString) return object.decodeText();
  return null;
}

function rectOf(dict: PDFDict): Rect | null {
  const rect = dict.lookup(PDFName.of('Rect'));
  if (!(rect instanceof PDFArray) || rect.size() !== 4) return null;
  const numbers = rect.asArray().map((item) => (item instanceof PDFNumber ? item.asNumber() : NaN));
  if (numbers.some((value) => !Number.isFinite(value))) return null;
  const [a, b, c, d] = numbers;
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
}

function privateLinkOf(dict: PDFDict, pageIndex: number): PrivateLink | null {
  if (dict.lookup(PDFName.of('Subtype')) !== PDFName.of('Link')) return null;
  const action = dict.lookup(PDFName.of('A'));
  if (!(action instanceof PDFDict)) return null;
  const uri = textOf(action.lookup(PDFName.of('URI')));
  if (!uri) return null;
  const rect = rectOf(dict);
  if (!rect) return null;
  if (uri.startsWith(HIGHLIGHT_PREFIX)) {
    const keys = uri.slice(HIGHLIGHT_PREFIX.length).split(',').filter(Boolean).map(decodeURIComponent);
    return { pageIndex, kind: 'highlight', keys, rect };
  }
  if (uri.startsWith(ANCHOR_PREFIX)) return { pageIndex, kind: 'anchor', keys: [uri.slice(ANCHOR_PREFIX.length)], rect };
  return null;
}

/** Takes our private links off every page and returns them. */
function extractPrivateLinks(pdf: PDFDocument, remove: boolean): PrivateLink[] {
  const links: PrivateLink[] = [];
  pdf.getPages().forEach((page, pageIndex) => {
    const annots = page.node.Annots();
    if (!annots) return;
    for (let index = annots.size() - 1; index >= 0; index -= 1) {
      const entry = annots.get(index);
      const dict = entry instanceof PDFRef ? pdf.context.lookup(entry) : entry;
      if (!(dict instanceof PDFDict)) continue;
      const link = privateLinkOf(dict, pageIndex);
      if (!link) continue;
      links.unshift(link);
      if (remove) {
        annots.remove(index);
        if (entry instanceof PDFRef) pdf.context.delete(entry);
      }
    }
    if (remove && annots.size() === 0) page.node.delete(PDFName.of('Annots'));
  });
  return links;
}

/** Where each anchor and highlight was printed: "article/<id>" or "highlight/<id>" → first page (1-based). */
export async function readAnchorPages(pdfBytes: Uint8Array): Promise<Map<string, number>> {
  const pdf = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  const pages = new Map<string, number>();
  for (const link of extractPrivateLinks(pdf, false)) {
    for (const key of link.keys) {
      const name = link.kind === 'highlight' ? `highlight/${key}` : key;
      if (!pages.has(name)) pages.set(name, link.pageIndex + 1);
    }
  }
  return pages;
}

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255].map((channel) => Math.round((channel / 255) * 1000) / 1000) as [number, number, number];
}

/** Joins the fragments of one line that touch (a highlight cut by another one) into one box. */
function mergeRects(rects: Rect[]): Rect[] {
  const sorted = [...rects].sort((a, b) => b[3] - a[3] || a[0] - b[0]);
  const merged: Rect[] = [];
  for (const rect of sorted) {
    const last = merged[merged.length - 1];
    const sameLine = last && Math.abs(last[1] - rect[1]) < 1.5 && Math.abs(last[3] - rect[3]) < 1.5;
    if (sameLine && rect[0] <= last[2] + 1.5) {
      last[2] = Math.max(last[2], rect[2]);
      last[1] = Math.min(last[1], rect[1]);
      last[3] = Math.max(last[3], rect[3]);
    } else {
      merged.push([...rect]);
    }
  }
  return merged;
}

const normaliseKey = (text: string) => text.replace(/\s+/g, '');

/**
 * Chromium builds the outline from the headings' laid-out text and drops the space where a long
 * heading wraps ("refineries andmagnets"). Titles are put back from the document's headings.
 */
function repairOutline(pdf: PDFDocument, headings: readonly { key: string; title: string }[]): void {
  const byKey = new Map(headings.map((heading) => [normaliseKey(heading.key), heading.title]));
  const outlines = pdf.catalog.lookup(PDFName.of('Outlines'));
  if (!(outlines instanceof PDFDict)) return;
  const seen = new Set<PDFDict>();
  const visit = (item: PDFObject | undefined) => {
    let current = item;
    while (current instanceof PDFDict && !seen.has(current)) {
      seen.add(current);
      const title = textOf(current.lookup(PDFName.of('Title')));
      const fixed = title === null ? undefined : byKey.get(normaliseKey(title));
      if (fixed !== undefined && fixed !== title) current.set(PDFName.of('Title'), PDFHexString.fromText(fixed));
      visit(current.lookup(PDFName.of('First')));
      current = current.lookup(PDFName.of('Next'));
    }
  };
  visit(outlines.lookup(PDFName.of('First')));
}

export interface AnnotationReport {
  bytes: Uint8Array;
  pageCount: number;
  /** Highlight annotations written (one per highlight and page it is on). */
  annotationCount: number;
}

/**
 * Rewrites the printed PDF: private links become highlight annotations (or vanish), and the
 * document gets its title. Highlights without an entry in `annotations` still get an annotation.
 */
export async function rewriteAnnotations(
  pdfBytes: Uint8Array,
  annotations: readonly PrintAnnotation[],
  info: { title: string; exportedAt: string; headings?: readonly { key: string; title: string }[] }
): Promise<AnnotationReport> {
  const pdf = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  if (info.headings?.length) repairOutline(pdf, info.headings);
  const links = extractPrivateLinks(pdf, true);
  const byId = new Map(annotations.map((annotation) => [annotation.highlightId, annotation]));
  // highlight id → page index → rects, in the order the highlights are first printed.
  const placed = new Map<string, Map<number, Rect[]>>();
  for (const link of links) {
    if (link.kind !== 'highlight') continue;
    for (const id of link.keys) {
      const pages = placed.get(id) ?? new Map<number, Rect[]>();
      pages.set(link.pageIndex, [...(pages.get(link.pageIndex) ?? []), link.rect]);
      placed.set(id, pages);
    }
  }
  const pages = pdf.getPages();
  const when = new Date(info.exportedAt);
  const date = Number.isNaN(when.getTime()) ? new Date() : when;
  let annotationCount = 0;
  for (const [id, byPage] of placed) {
    const annotation = byId.get(id);
    const color = hexToRgb(HIGHLIGHT_PALETTE[annotation?.color ?? 'yellow'].background);
    for (const [pageIndex, rawRects] of byPage) {
      const rects = mergeRects(rawRects);
      const bounds: Rect = [
        Math.min(...rects.map((rect) => rect[0])),
        Math.min(...rects.map((rect) => rect[1])),
        Math.max(...rects.map((rect) => rect[2])),
        Math.max(...rects.map((rect) => rect[3]))
      ];
      // Upper left, upper right, lower left, lower right: the order readers expect.
      const quadPoints = rects.flatMap(([x1, y1, x2, y2]) => [x1, y2, x2, y2, x1, y1, x2, y1]);
      // The page already shows the highlight (it is printed in the text). An empty appearance
      // keeps readers from painting it a second time, darker, over the printed one; readers that
      // draw highlights their own way regardless (poppler) are kept off by the opacity.
      const appearance = pdf.context.register(pdf.context.formXObject([], { BBox: bounds }));
      const dict = pdf.context.obj({
        Type: 'Annot',
        Subtype: 'Highlight',
        Rect: bounds,
        QuadPoints: quadPoints,
        C: color,
        CA: 0,
        F: 4,
        AP: { N: appearance }
      });
      dict.set(PDFName.of('P'), pages[pageIndex].ref);
      dict.set(PDFName.of('NM'), PDFString.of(id));
      dict.set(PDFName.of('T'), PDFHexString.fromText('Assay'));
      dict.set(PDFName.of('Subj'), PDFHexString.fromText('Highlight'));
      dict.set(PDFName.of('Contents'), PDFHexString.fromText(annotation?.contents ?? ''));
      dict.set(PDFName.of('M'), PDFString.fromDate(date));
      dict.set(PDFName.of('CreationDate'), PDFString.fromDate(date));
      pages[pageIndex].node.addAnnot(pdf.context.register(dict));
      annotationCount += 1;
    }
  }
  pdf.setTitle(info.title, { showInWindowTitleBar: true });
  pdf.setCreator('Assay');
  pdf.setProducer('Assay (Chromium, pdf-lib)');
  const bytes = await pdf.save();
  return { bytes, pageCount: pages.length, annotationCount };
}
