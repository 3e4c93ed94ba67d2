// Page starts of a PDF article: building them at import, and carrying them over when the text is
// edited, so that "p. 12" stays right after the analyst fixes a typo.
//
// Design: the pages live beside the text as a sorted list of { start, page } (articles.page_map_json,
// ArticleOrigin.pages), not as attributes in the document. A page often begins in the middle of a
// paragraph (the paragraph was rebuilt across the page break), and offsets keep that exact; the
// document schema stays the same for every format.
import type { PageStart } from '../../shared/domain';

/** Page starts from blocks joined with "\n" (as document-text.ts joins textblocks). */
export function pageStartsFromBlocks(blocks: { text: string; pages: { at: number; page: number }[] }[]): PageStart[] {
  const starts: PageStart[] = [];
  let offset = 0;
  for (const block of blocks) {
    for (const { at, page } of block.pages) {
      const last = starts[starts.length - 1];
      if (last && last.page === page) continue;
      if (last && last.start === offset + at) starts[starts.length - 1] = { start: offset + at, page };
      else starts.push({ start: offset + at, page });
    }
    offset += block.text.length + 1;
  }
  return starts;
}

const ANCHOR_LENGTH = 48;

function commonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let index = 0;
  while (index < limit && a.charCodeAt(index) === b.charCodeAt(index)) index += 1;
  return index;
}

function commonSuffix(a: string, b: string, prefix: number): number {
  const limit = Math.min(a.length, b.length) - prefix;
  let index = 0;
  while (index < limit && a.charCodeAt(a.length - 1 - index) === b.charCodeAt(b.length - 1 - index)) index += 1;
  return index;
}

function nearestOccurrence(text: string, needle: string, around: number): number {
  let best = -1;
  for (let found = text.indexOf(needle); found >= 0; found = text.indexOf(needle, found + 1)) {
    if (best < 0 || Math.abs(found - around) < Math.abs(best - around)) best = found;
  }
  return best;
}

/**
 * The page starts of `oldText` moved onto `newText`. Text before the first change and after the
 * last keeps its pages exactly; a start inside the changed region is found again by the words that
 * follow it, nearest to where it was; a start whose words are gone is dropped (its page then reads
 * as the page before, which is the nearest truthful answer).
 */
export function remapPageStarts(pages: PageStart[] | null, oldText: string, newText: string): PageStart[] | null {
  if (!pages || pages.length === 0 || oldText === newText) return pages;
  const prefix = commonPrefix(oldText, newText);
  const suffix = commonSuffix(oldText, newText, prefix);
  const shift = newText.length - oldText.length;
  const moved: PageStart[] = [];
  for (const { start, page } of pages) {
    let next: number;
    // Inside the unchanged beginning or end, a start moves with it; at the edge of the change the
    // words after it may be new, so it is looked up like one inside the change.
    if (start < prefix) next = start;
    else if (start >= oldText.length - suffix) next = start + shift;
    else {
      next = -1;
      for (const length of [ANCHOR_LENGTH, 24, 12]) {
        const anchor = oldText.slice(start, start + length);
        if (anchor.trim().length < 6) break;
        next = nearestOccurrence(newText, anchor, start + shift * ((start - prefix) / Math.max(1, oldText.length - prefix - suffix)));
        if (next >= 0) break;
      }
      if (next < 0) continue;
    }
    if (moved.length > 0 && next <= moved[moved.length - 1].start) continue;
    moved.push({ start: next, page });
  }
  // Whatever was typed before the first page's words still belongs to the first page.
  if (moved.length > 0 && pages[0].start === 0 && moved[0].page === pages[0].page) moved[0] = { ...moved[0], start: 0 };
  return moved;
}
