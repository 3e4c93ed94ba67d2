// From positioned text on PDF pages to an article's headings and paragraphs, in reading order.
//
// A PDF has no paragraphs, only text drawn at positions. This module rebuilds them:
//   1. runs of text on one baseline become line fragments (a wide gap, such as a column gutter,
//      splits a row into several fragments);
//   2. running headers and footers (the same line at the top or bottom of most pages, numbers
//      aside) and bare page numbers are dropped;
//   3. columns are found per page as a vertical gutter that body lines do not cross, recursively,
//      so that a full-width title above two columns reads title, left column, right column;
//   4. lines join into paragraphs until a wider gap, an indented first line, a change of type size
//      or a short line ending a sentence; a paragraph continues across a column or page break when
//      its sentence does; words hyphenated at a line end are rejoined;
//   5. each paragraph remembers where each page begins in its text, for page citations.
// Pure functions over plain data, so it is tested without pdf.js.

export interface PdfTextItem {
  str: string;
  /** Left edge, in points from the page's left. */
  x: number;
  /** Baseline, in points from the page's top. */
  y: number;
  width: number;
  fontSize: number;
}

export interface PdfPageText {
  /** 1-based. */
  pageNumber: number;
  width: number;
  height: number;
  items: PdfTextItem[];
}

export interface LayoutBlock {
  kind: 'heading' | 'paragraph';
  /** Headings: 1 for the largest type, then 2 and 3. */
  level: number;
  text: string;
  /** Where in `text` each page begins: the first entry is { at: 0, page: first page }. */
  pages: { at: number; page: number }[];
}

export interface PdfLayout {
  blocks: LayoutBlock[];
  /** Lines dropped as running headers/footers or page numbers. */
  droppedLines: number;
  /** Pages on which at least two columns were found. */
  multiColumnPages: number;
}

interface Fragment {
  text: string;
  x0: number;
  x1: number;
  y: number;
  fontSize: number;
  page: number;
}

interface OrderedLine extends Fragment {
  /** Left and right edges of the column the line was read in. */
  columnLeft: number;
  columnRight: number;
  /** Identifies the column within the page (its left edge and band). */
  columnKey: string;
}

const median = (values: number[]): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

// ---- 1. Line fragments ------------------------------------------------------------------------

function fragmentsOf(page: PdfPageText): Fragment[] {
  // Whitespace-only items are pdf.js's guesses at spaces; they can stretch across a gutter, so
  // spaces are worked out here from the gaps instead.
  const items = page.items
    .filter((item) => item.str.trim().length > 0 && item.fontSize > 0)
    .sort((a, b) => a.y - b.y || a.x - b.x);
  // Rows: items whose baselines are within a fraction of the type size of each other.
  const rows: PdfTextItem[][] = [];
  for (const item of items) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0].y - item.y) <= Math.min(row[0].fontSize, item.fontSize) * 0.4) row.push(item);
    else rows.push([item]);
  }
  const fragments: Fragment[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let current: Fragment | null = null;
    for (const item of row) {
      const size = item.fontSize;
      if (current) {
        const gap = item.x - current.x1;
        // A gap wider than a few spaces is a gutter, a tab stop or a table column: a new fragment.
        if (gap > Math.max(current.fontSize, size) * 1.5) {
          fragments.push(current);
          current = null;
        } else {
          const needsSpace = gap > size * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(item.str);
          current.text += (needsSpace ? ' ' : '') + item.str;
          current.x1 = Math.max(current.x1, item.x + item.width);
          current.fontSize = Math.max(current.fontSize, size);
          continue;
        }
      }
      current = { text: item.str, x0: item.x, x1: item.x + item.width, y: item.y, fontSize: size, page: page.pageNumber };
    }
    if (current) fragments.push(current);
  }
  return fragments
    .map((fragment) => ({ ...fragment, text: fragment.text.replace(/\s+/g, ' ').trim() }))
    .filter((fragment) => fragment.text.length > 0);
}

// ---- 2. Running headers, footers and page numbers ----------------------------------------------

const PAGE_NUMBER =
  /^(?:(?:page|p\.|pg\.?|seite|s\.|pág\.?|página|стр\.?)\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:of|\/|de|von|из)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;

function marginKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** Fragments in the top or bottom margin band of their page, where running heads live. */
function marginCandidates(fragments: Fragment[], height: number): Set<Fragment> {
  const candidates = new Set<Fragment>();
  if (fragments.length === 0) return candidates;
  const rowsY = [...new Set(fragments.map((fragment) => Math.round(fragment.y)))].sort((a, b) => a - b);
  const topRows = new Set(rowsY.slice(0, 2));
  const bottomRows = new Set(rowsY.slice(-2));
  for (const fragment of fragments) {
    const row = Math.round(fragment.y);
    if ((topRows.has(row) && fragment.y < height * 0.12) || (bottomRows.has(row) && fragment.y > height * 0.88)) {
      candidates.add(fragment);
    }
  }
  return candidates;
}

function dropRunningLines(pages: { page: PdfPageText; fragments: Fragment[] }[]): { kept: Fragment[][]; dropped: number } {
  const candidatesByPage = pages.map(({ page, fragments }) => marginCandidates(fragments, page.height));
  const pagesWithKey = new Map<string, number>();
  for (const candidates of candidatesByPage) {
    for (const key of new Set([...candidates].map((fragment) => marginKey(fragment.text)))) {
      pagesWithKey.set(key, (pagesWithKey.get(key) ?? 0) + 1);
    }
  }
  // On most pages, allowing for different heads on left and right pages and for a first page
  // without one.
  const threshold = Math.max(2, Math.ceil(pages.length * 0.4));
  let dropped = 0;
  const kept = pages.map(({ fragments }, index) =>
    fragments.filter((fragment) => {
      if (!candidatesByPage[index].has(fragment)) return true;
      const running = (pagesWithKey.get(marginKey(fragment.text)) ?? 0) >= threshold;
      if (running || PAGE_NUMBER.test(fragment.text)) {
        dropped += 1;
        return false;
      }
      return true;
    })
  );
  return { kept, dropped };
}

// ---- 3. Columns and reading order ---------------------------------------------------------------

interface Gutter {
  start: number;
  end: number;
}

/**
 * A vertical strip between `left` and `right` that (nearly) no fragment crosses, with text on both
 * sides of it: the gap between two columns.
 */
function findGutter(fragments: Fragment[], left: number, right: number): Gutter | null {
  const width = right - left;
  if (fragments.length < 6 || width < 150) return null;
  const bins = Math.ceil(width);
  const coverage = new Array<number>(bins).fill(0);
  for (const fragment of fragments) {
    const from = Math.max(0, Math.floor(fragment.x0 - left));
    const to = Math.min(bins, Math.ceil(fragment.x1 - left));
    for (let bin = from; bin < to; bin += 1) coverage[bin] += 1;
  }
  // Lines that cross the gutter (titles, full-width figures' captions) are allowed, a few.
  const allowed = Math.max(1, Math.floor(fragments.length * 0.15));
  const typeSize = median(fragments.map((fragment) => fragment.fontSize));
  let best: Gutter | null = null;
  let bestScore = Infinity;
  let runStart = -1;
  const searchFrom = Math.floor(width * 0.2);
  const searchTo = Math.ceil(width * 0.8);
  for (let bin = searchFrom; bin <= searchTo; bin += 1) {
    const open = bin < searchTo && coverage[bin] <= allowed;
    if (open && runStart < 0) runStart = bin;
    if (!open && runStart >= 0) {
      // Within the run, the strip the fewest lines cross (a long line reaching into the gutter
      // counts against the wider run, not against this).
      let least = Infinity;
      for (let index = runStart; index < bin; index += 1) least = Math.min(least, coverage[index]);
      let from = runStart;
      let longest: [number, number] = [runStart, runStart];
      for (let index = runStart; index <= bin; index += 1) {
        if (index === bin || coverage[index] !== least) {
          if (index - from > longest[1] - longest[0]) longest = [from, index];
          from = index + 1;
        }
      }
      const gutter = { start: left + longest[0], end: left + longest[1] };
      if (gutter.end - gutter.start >= Math.max(6, typeSize * 0.6)) {
        const leftSide = fragments.filter((fragment) => fragment.x1 <= gutter.start + 0.5).length;
        const rightSide = fragments.filter((fragment) => fragment.x0 >= gutter.end - 0.5).length;
        const crossing = fragments.length - leftSide - rightSide;
        if (leftSide >= 3 && rightSide >= 3 && crossing <= allowed) {
          // Prefer the gutter fewest lines cross, then the widest.
          const score = crossing * 1000 - (gutter.end - gutter.start);
          if (score < bestScore) {
            best = gutter;
            bestScore = score;
          }
        }
      }
      runStart = -1;
    }
  }
  return best;
}

function orderFragments(fragments: Fragment[], left: number, right: number, band: string, depth = 0): OrderedLine[] {
  const byY = (a: Fragment, b: Fragment) => a.y - b.y || a.x0 - b.x0;
  const gutter = depth < 3 ? findGutter(fragments, left, right) : null;
  if (!gutter) {
    return [...fragments].sort(byY).map((fragment) => ({ ...fragment, columnLeft: left, columnRight: right, columnKey: `${band}:${Math.round(left)}` }));
  }
  const spanning = fragments.filter((fragment) => fragment.x0 < gutter.start - 0.5 && fragment.x1 > gutter.end + 0.5).sort(byY);
  const columns = fragments.filter((fragment) => !spanning.includes(fragment));
  const ordered: OrderedLine[] = [];
  // Spanning lines cut the page into bands; within a band, the left column is read before the right.
  let bandTop = -Infinity;
  const emitBand = (bandBottom: number, index: number) => {
    const inBand = columns.filter((fragment) => fragment.y > bandTop && fragment.y <= bandBottom);
    const leftColumn = inBand.filter((fragment) => fragment.x1 <= gutter.start + 0.5);
    const rightColumn = inBand.filter((fragment) => fragment.x1 > gutter.start + 0.5);
    const name = `${band}.${depth}.${index}`;
    ordered.push(...orderFragments(leftColumn, left, gutter.start, name, depth + 1));
    ordered.push(...orderFragments(rightColumn, gutter.end, right, name, depth + 1));
  };
  spanning.forEach((line, index) => {
    emitBand(line.y, index);
    ordered.push({ ...line, columnLeft: left, columnRight: right, columnKey: `${band}.${depth}.span${index}` });
    bandTop = line.y;
  });
  emitBand(Infinity, spanning.length);
  return ordered;
}

// ---- 4. Paragraphs ------------------------------------------------------------------------------

const SENTENCE_END = /[.!?:;…"”’»)\]]$/;
const HYPHEN_END = /(\p{L})[-\u00ad\u2010]$/u;
const STARTS_LOWER = /^\p{Ll}/u;

/** Words written with a hyphen somewhere in the document, to keep "well-known" hyphenated. */
function hyphenatedWords(lines: OrderedLine[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    for (const match of line.text.matchAll(/\p{L}+-\p{L}+/gu)) words.add(match[0].toLowerCase());
  }
  return words;
}

function joinLines(previous: string, next: string, hyphenated: Set<string>): string {
  const hyphen = HYPHEN_END.exec(previous);
  if (hyphen && STARTS_LOWER.test(next)) {
    const head = /\p{L}+[-\u00ad\u2010]$/u.exec(previous)?.[0].slice(0, -1) ?? '';
    const tail = /^\p{L}+/u.exec(next)?.[0] ?? '';
    const keepHyphen = previous.endsWith('-') && hyphenated.has(`${head}-${tail}`.toLowerCase());
    return keepHyphen ? `${previous}${next}` : `${previous.slice(0, -1)}${next}`;
  }
  // "Franco-" + "German": a compound broken at its own hyphen.
  if (/[-\u2010]$/.test(previous) && /^\p{Lu}/u.test(next)) return `${previous}${next}`;
  return `${previous} ${next}`;
}

function bodySizeOf(lines: OrderedLine[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.fontSize * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + line.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, total] of weight) {
    if (total > bestWeight) {
      best = size;
      bestWeight = total;
    }
  }
  return best;
}

function buildBlocks(lines: OrderedLine[]): LayoutBlock[] {
  if (lines.length === 0) return [];
  const bodySize = bodySizeOf(lines);
  const isHeadingSize = (line: OrderedLine) => line.fontSize >= bodySize * 1.15;
  const headingSizes = [...new Set(lines.filter(isHeadingSize).map((line) => Math.round(line.fontSize)))].sort((a, b) => b - a);
  const levelOf = (line: OrderedLine) => Math.min(3, headingSizes.indexOf(Math.round(line.fontSize)) + 1);

  // The usual distance between lines of a paragraph.
  const spacings: number[] = [];
  for (let index = 1; index < lines.length; index += 1) {
    const [a, b] = [lines[index - 1], lines[index]];
    const dy = b.y - a.y;
    if (a.page === b.page && a.columnKey === b.columnKey && dy > 0 && dy < bodySize * 3 && !isHeadingSize(b)) spacings.push(dy);
  }
  // Too few lines to tell (a one-page note): assume ordinary leading.
  const lineSpacing = spacings.length >= 5 ? median(spacings) : bodySize * 1.25;
  // Left and right edges of the text in each column, from its lines.
  const edges = new Map<string, { left: number; right: number }>();
  for (const line of lines) {
    const key = `${line.page}/${line.columnKey}`;
    const edge = edges.get(key) ?? { left: Infinity, right: -Infinity };
    edge.left = Math.min(edge.left, line.x0);
    edge.right = Math.max(edge.right, line.x1);
    edges.set(key, edge);
  }
  const edgeOf = (line: OrderedLine) => edges.get(`${line.page}/${line.columnKey}`)!;
  const isIndented = (line: OrderedLine) => {
    const indent = line.x0 - edgeOf(line).left;
    return indent > line.fontSize * 0.8 && indent < line.fontSize * 5;
  };

  const hyphenated = hyphenatedWords(lines);
  const blocks: LayoutBlock[] = [];
  let block: LayoutBlock | null = null;
  let previous: OrderedLine | null = null;
  let lastPage = 0;

  for (const line of lines) {
    const heading = isHeadingSize(line) && line.text.length <= 200;
    let startNew = true;
    if (block && previous) {
      const samePlace = line.page === previous.page && line.columnKey === previous.columnKey;
      const dy = line.y - previous.y;
      if (heading || block.kind === 'heading') {
        // Consecutive lines of one heading: same size, close together.
        startNew = !(
          heading &&
          block.kind === 'heading' &&
          samePlace &&
          Math.round(line.fontSize) === Math.round(previous.fontSize) &&
          dy > 0 &&
          dy < line.fontSize * 1.8
        );
      } else if (samePlace) {
        const edge = edgeOf(previous);
        const shortLine = previous.x1 < edge.right - Math.max(previous.fontSize * 3, (edge.right - edge.left) * 0.15);
        startNew =
          dy <= 0 ||
          dy > lineSpacing * 1.4 ||
          Math.abs(line.fontSize - previous.fontSize) > bodySize * 0.1 ||
          isIndented(line) ||
          (shortLine && SENTENCE_END.test(previous.text));
      } else {
        // A column or page break: the paragraph goes on if its sentence does.
        startNew =
          isIndented(line) ||
          Math.abs(line.fontSize - previous.fontSize) > bodySize * 0.1 ||
          (SENTENCE_END.test(previous.text) && !STARTS_LOWER.test(line.text));
      }
    }
    if (startNew || !block) {
      block = { kind: heading ? 'heading' : 'paragraph', level: heading ? levelOf(line) : 0, text: line.text, pages: [{ at: 0, page: line.page }] };
      blocks.push(block);
    } else {
      const joined = joinLines(block.text, line.text, hyphenated);
      if (line.page !== lastPage) block.pages.push({ at: joined.length - line.text.length, page: line.page });
      block.text = joined;
    }
    lastPage = line.page;
    previous = line;
  }
  return blocks;
}

export function layoutPdf(pages: PdfPageText[]): PdfLayout {
  const fragmented = pages.map((page) => ({ page, fragments: fragmentsOf(page) }));
  const { kept, dropped } = dropRunningLines(fragmented);
  let multiColumnPages = 0;
  const lines: OrderedLine[] = [];
  kept.forEach((fragments, index) => {
    const page = pages[index];
    const ordered = orderFragments(fragments, 0, page.width, `p${page.pageNumber}`);
    if (new Set(ordered.map((line) => line.columnLeft)).size > 1) multiColumnPages += 1;
    lines.push(...ordered);
  });
  return { blocks: buildBlocks(lines), droppedLines: dropped, multiColumnPages };
}
