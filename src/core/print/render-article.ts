// An article's document (Tiptap JSON) as print HTML, with its highlights drawn in.
//
// Highlights are text ranges of the article's plain text (shared/document-text.ts), so the walk
// below counts text offsets exactly as indexDocumentText does: every textblock after the first is
// preceded by one "\n", a hard break is one "\n". Overlapping highlights are cut into segments as
// the reader does (src/renderer/src/editor/highlight-decorations.ts; core cannot import renderer
// code, and the cut is a few lines): each segment is drawn once, in the colour of its innermost
// highlight, with the one beneath shown as an underline.
//
// Every highlighted piece of text is a link to https://assay.invalid/highlight/<ids>. Chromium
// writes each link of the printed page as a PDF link annotation per line fragment; after printing,
// pdf-annotations.ts turns those into highlight annotations and removes the links.
import type { DocumentNode, HighlightColor } from '../../shared/domain';
import { PRINT_LINK_ORIGIN } from '../../shared/print';
import { escapeHtml } from './print-format';

export interface PlacedHighlight {
  id: string;
  /** The marker shown in the text and beside the note (1, 2, … in text order). */
  number: number;
  color: HighlightColor;
  start: number;
  end: number;
}

export interface HighlightSegment {
  from: number;
  to: number;
  /** Highlights covering the segment, outermost (longest) first. */
  layers: PlacedHighlight[];
}

/** Cuts possibly overlapping ranges into disjoint segments (as the reader's segmentHighlights). */
export function segmentHighlights(highlights: readonly PlacedHighlight[]): HighlightSegment[] {
  const valid = highlights.filter((highlight) => highlight.end > highlight.start);
  const boundaries = [...new Set(valid.flatMap((highlight) => [highlight.start, highlight.end]))].sort((a, b) => a - b);
  const byStart = [...valid].sort((a, b) => a.start - b.start);
  const segments: HighlightSegment[] = [];
  const open: PlacedHighlight[] = [];
  let next = 0;
  for (let index = 0; index < boundaries.length - 1; index += 1) {
    const from = boundaries[index];
    const to = boundaries[index + 1];
    while (next < byStart.length && byStart[next].start <= from) open.push(byStart[next++]);
    for (let position = open.length - 1; position >= 0; position -= 1) {
      if (open[position].end <= from) open.splice(position, 1);
    }
    if (open.length === 0) continue;
    const layers = [...open].sort((a, b) => b.end - b.start - (a.end - a.start) || a.number - b.number);
    segments.push({ from, to, layers });
  }
  return segments;
}

export function highlightHref(ids: readonly string[]): string {
  return `${PRINT_LINK_ORIGIN}/highlight/${ids.map(encodeURIComponent).join(',')}`;
}

export function markerHtml(highlight: Pick<PlacedHighlight, 'number' | 'color'>): string {
  return `<span class="mk c-${highlight.color}">${highlight.number}</span>`;
}


/** One row of the printed article: a block of text, and the highlights that begin in it. */
export interface RenderedBlock {
  html: string;
  /** Highlights whose first printed piece is in this block, in the order they begin. */
  startedHere: string[];
  isHeading: boolean;
}

export interface RenderedArticle {
  blocks: RenderedBlock[];
  /** The text printed inside each highlight's links (should equal its quote). */
  printedText: Map<string, string>;
}

const TEXTBLOCK_TYPES = new Set(['paragraph', 'heading', 'codeBlock']);

const MARK_TAGS: Record<string, string> = {
  bold: 'strong',
  italic: 'em',
  strike: 's',
  underline: 'u',
  code: 'code',
  superscript: 'sup',
  subscript: 'sub'
};

function safeHref(href: unknown): string | null {
  return typeof href === 'string' && /^(https?:|mailto:)/i.test(href.trim()) ? href.trim() : null;
}

function plainText(node: DocumentNode): string {
  return node.type === 'text' ? (node.text ?? '') : (node.content ?? []).map(plainText).join('').trim();
}

function numberAttr(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : null;
}

/**
 * Renders the document. `headingOffset` moves the article's headings down (its title is the h1).
 * `underlineLayers`: draw each covering highlight as an underline of its colour's style (greyscale-safe).
 */
export function renderArticleBody(
  doc: DocumentNode,
  highlights: readonly PlacedHighlight[],
  options: { headingOffset: number; underlineLayers: boolean; title?: string }
): RenderedArticle {
  const segments = segmentHighlights(highlights);
  const printedText = new Map<string, string>();
  const started = new Set<string>();
  let offset = 0;
  let blocksSeen = 0;
  let segmentCursor = 0;
  let startedInBlock: string[] = [];

  const wrapMarks = (text: string, marks: DocumentNode['marks'], inHighlight: boolean): string => {
    let html = escapeHtml(text);
    for (const mark of marks ?? []) {
      if (mark.type === 'link') {
        const href = safeHref(mark.attrs?.href);
        // A link cannot hold the highlight's link; inside a highlight it is drawn, not followed.
        html = href && !inHighlight ? `<a class="ext" href="${escapeHtml(href)}">${html}</a>` : `<span class="ext">${html}</span>`;
        continue;
      }
      const tag = MARK_TAGS[mark.type];
      if (tag) html = `<${tag}>${html}</${tag}>`;
    }
    return html;
  };

  const renderText = (node: DocumentNode): string => {
    const text = node.text ?? '';
    const from = offset;
    const to = from + text.length;
    offset = to;
    let html = '';
    let cursor = from;
    while (segmentCursor < segments.length && segments[segmentCursor].to <= from) segmentCursor += 1;
    for (let index = segmentCursor; index < segments.length && segments[index].from < to; index += 1) {
      const segment = segments[index];
      const pieceFrom = Math.max(segment.from, from);
      const pieceTo = Math.min(segment.to, to);
      if (pieceFrom > cursor) html += wrapMarks(text.slice(cursor - from, pieceFrom - from), node.marks, false);
      const pieceText = text.slice(pieceFrom - from, pieceTo - from);
      // A highlight's number opens its first piece (inside the link, so that a highlight starting
      // inside another one does not cut the colour around it).
      let markers = '';
      for (const layer of segment.layers) {
        if (!started.has(layer.id)) {
          started.add(layer.id);
          startedInBlock.push(layer.id);
          markers += markerHtml(layer);
        }
        printedText.set(layer.id, (printedText.get(layer.id) ?? '') + pieceText);
      }
      const top = segment.layers[segment.layers.length - 1];
      const beneath = segment.layers.length > 1 ? segment.layers[segment.layers.length - 2] : null;
      const classes = ['hl', `c-${top.color}`];
      if (beneath && !options.underlineLayers) classes.push(`under-${beneath.color}`);
      const decorate = (part: string): string => {
        let inner = wrapMarks(part, node.marks, true);
        if (options.underlineLayers) {
          // Each highlight's line keeps one height along its whole length: the outermost
          // highlight's sits closest to the text, each one inside it a step lower.
          segment.layers.forEach((layer, depth) => {
            inner = `<span class="u u-${layer.color} d${Math.min(depth, 3)}">${inner}</span>`;
          });
        }
        return part ? inner : '';
      };
      // The number stays on the line of the first word it marks (Chromium may break after an
      // inline block even before a word joiner).
      const head = markers ? (/^\S*/.exec(pieceText)?.[0] ?? '') : '';
      const body = markers
        ? `<span class="nb">${markers}${decorate(head)}</span>${decorate(pieceText.slice(head.length))}`
        : decorate(pieceText);
      html += `<a class="${classes.join(' ')}" href="${highlightHref(segment.layers.map((layer) => layer.id))}">${body}</a>`;
      cursor = pieceTo;
    }
    if (cursor < to) html += wrapMarks(text.slice(cursor - from), node.marks, false);
    return html;
  };

  const renderChildren = (node: DocumentNode): string => (node.content ?? []).map(renderNode).join('');

  function renderNode(node: DocumentNode): string {
    if (node.type === 'text') return renderText(node);
    if (TEXTBLOCK_TYPES.has(node.type)) {
      if (blocksSeen > 0) offset += 1;
      blocksSeen += 1;
    }
    switch (node.type) {
      case 'paragraph':
        return `<p>${renderChildren(node) || '&#8203;'}</p>`;
      case 'heading': {
        const level = Math.min(6, Math.max(1, numberAttr(node.attrs?.level) ?? 2) + options.headingOffset);
        return `<h${level}>${renderChildren(node)}</h${level}>`;
      }
      case 'codeBlock':
        return `<pre><code>${renderChildren(node)}</code></pre>`;
      case 'hardBreak':
        offset += 1;
        return '<br>';
      case 'horizontalRule':
        return '<hr>';
      case 'blockquote':
        return `<blockquote>${renderChildren(node)}</blockquote>`;
      case 'bulletList':
        return `<ul>${renderChildren(node)}</ul>`;
      case 'orderedList': {
        const start = numberAttr(node.attrs?.start);
        return `<ol${start && start !== 1 ? ` start="${start}"` : ''}>${renderChildren(node)}</ol>`;
      }
      case 'listItem':
        return `<li>${renderChildren(node)}</li>`;
      case 'table':
        return `<table class="doc-table"><tbody>${renderChildren(node)}</tbody></table>`;
      case 'tableRow':
        return `<tr>${renderChildren(node)}</tr>`;
      case 'tableHeader':
      case 'tableCell': {
        const tag = node.type === 'tableHeader' ? 'th' : 'td';
        const colspan = numberAttr(node.attrs?.colspan);
        const rowspan = numberAttr(node.attrs?.rowspan);
        const spans = `${colspan && colspan > 1 ? ` colspan="${colspan}"` : ''}${rowspan && rowspan > 1 ? ` rowspan="${rowspan}"` : ''}`;
        return `<${tag}${spans}>${renderChildren(node)}</${tag}>`;
      }
      default:
        // Anything else the schema may grow: keep its text, in its place.
        return node.content?.length ? `<div>${renderChildren(node)}</div>` : '';
    }
  }

  const blocks: RenderedBlock[] = [];
  const emit = (html: string, isHeading: boolean) => {
    blocks.push({ html, startedHere: startedInBlock, isHeading });
    startedInBlock = [];
  };
  (doc.content ?? []).forEach((node, index) => {
    // Lists print one item per row, so that a note sits beside its own item.
    if ((node.type === 'bulletList' || node.type === 'orderedList') && node.content?.length) {
      let number = numberAttr(node.attrs?.start) ?? 1;
      node.content.forEach((item, itemIndex) => {
        const itemHtml = renderNode(item);
        const last = itemIndex === node.content!.length - 1 ? ' class="last"' : '';
        emit(node.type === 'orderedList' ? `<ol${last} start="${number}">${itemHtml}</ol>` : `<ul${last}>${itemHtml}</ul>`, false);
        number += 1;
      });
      return;
    }
    const html = renderNode(node);
    // The article's title usually opens its text too; the header shows it already.
    const repeatsTitle =
      index === 0 && node.type === 'heading' && startedInBlock.length === 0 && options.title !== undefined && plainText(node) === options.title.trim();
    if (!repeatsTitle) emit(html, node.type === 'heading');
  });
  return { blocks, printedText };
}
