// The plain text of an article, and the map between its offsets and ProseMirror positions.
//
// Selectors are stored against this text, so core (which stores and re-anchors them) and the
// renderer (which draws them over the Tiptap document) must derive exactly the same string from
// the same document. Both call this one function on the document's JSON.
import type { DocumentNode } from './domain';

/** Node types whose content is inline text. Each one becomes a line of the plain text. */
const TEXTBLOCK_TYPES = new Set(['paragraph', 'heading', 'codeBlock']);
/** Inline leaf nodes that read as a line break. */
const LINE_BREAK_TYPES = new Set(['hardBreak']);

/** text[textStart, textStart + length) is the document's [pos, pos + length). */
export interface TextSegment {
  textStart: number;
  pos: number;
  length: number;
}

export interface DocumentText {
  text: string;
  segments: TextSegment[];
}

/**
 * Walks the document the way ProseMirror counts positions: a text node is as long as its text,
 * a leaf node is 1, any other node is 2 plus its content. Textblocks are separated by one "\n".
 */
export function indexDocumentText(doc: DocumentNode): DocumentText {
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let textLength = 0;
  let blocksSeen = 0;

  const append = (value: string, pos: number | null) => {
    if (pos !== null) segments.push({ textStart: textLength, pos, length: value.length });
    parts.push(value);
    textLength += value.length;
  };

  // Returns the node's size in ProseMirror positions.
  const walk = (node: DocumentNode, pos: number): number => {
    if (node.type === 'text') {
      const value = node.text ?? '';
      append(value, pos);
      return value.length;
    }
    const children = node.content ?? [];
    if (children.length === 0 && !TEXTBLOCK_TYPES.has(node.type) && isLeafType(node.type)) {
      if (LINE_BREAK_TYPES.has(node.type)) append('\n', pos);
      return 1;
    }
    if (TEXTBLOCK_TYPES.has(node.type)) {
      if (blocksSeen > 0) append('\n', null);
      blocksSeen += 1;
    }
    let size = 0;
    for (const child of children) size += walk(child, pos + 1 + size);
    return size + 2;
  };

  let pos = 0;
  for (const child of doc.content ?? []) pos += walk(child, pos);
  return { text: parts.join(''), segments };
}

// Leaf block and inline nodes of the article schema. Anything else without content is an empty
// container (an empty list item, say), which still occupies its open and close positions.
const LEAF_TYPES = new Set(['hardBreak', 'horizontalRule', 'image']);
function isLeafType(type: string): boolean {
  return LEAF_TYPES.has(type);
}

function segmentIndexAtOrBefore(segments: TextSegment[], key: (segment: TextSegment) => number, value: number): number {
  let low = 0;
  let high = segments.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (key(segments[middle]) <= value) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * The document position of a text offset. `side` decides offsets that fall between segments
 * (on a block separator): a range's start binds to the following text, its end to the preceding.
 */
export function textOffsetToPos(index: DocumentText, offset: number, side: 'start' | 'end'): number | null {
  const { segments } = index;
  if (segments.length === 0) return null;
  const at = segmentIndexAtOrBefore(segments, (segment) => segment.textStart, offset);
  if (at >= 0) {
    const segment = segments[at];
    const inside = offset - segment.textStart;
    if (inside < segment.length || (inside === segment.length && side === 'end')) return segment.pos + inside;
    if (side === 'end') return segment.pos + segment.length;
  }
  const next = segments[at + 1];
  if (next) return next.pos;
  const last = segments[segments.length - 1];
  return last.pos + last.length;
}

/** The text offset of a document position; positions between blocks snap as in textOffsetToPos. */
export function posToTextOffset(index: DocumentText, pos: number, side: 'start' | 'end'): number {
  const { segments } = index;
  if (segments.length === 0) return 0;
  const at = segmentIndexAtOrBefore(segments, (segment) => segment.pos, pos);
  if (at >= 0) {
    const segment = segments[at];
    const inside = pos - segment.pos;
    if (inside <= segment.length) {
      if (inside === segment.length && side === 'start' && segments[at + 1] && segments[at + 1].pos === pos) {
        return segments[at + 1].textStart;
      }
      return segment.textStart + inside;
    }
    if (side === 'end') return segment.textStart + segment.length;
  }
  const next = segments[at + 1];
  if (next) return next.textStart;
  const last = segments[segments.length - 1];
  return last.textStart + last.length;
}
