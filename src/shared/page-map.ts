// Pages of a PDF article, as text offsets. A highlight or a figure cites "p. 12" by asking which
// page its start offset falls on; the renderer, the CLI and core all use this one function.
import type { PageStart } from './domain';

/** The page the text offset falls on: the last page starting at or before it (null without pages). */
export function pageAtOffset(pages: readonly PageStart[] | null | undefined, offset: number): number | null {
  if (!pages || pages.length === 0) return null;
  let low = 0;
  let high = pages.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (pages[middle].start <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return pages[found].page;
}

/** "p. 12" or "pp. 12–13" for a text range; null when the article has no pages. */
export function pageCitation(pages: readonly PageStart[] | null | undefined, start: number, end: number): string | null {
  const first = pageAtOffset(pages, start);
  if (first === null) return null;
  // The end offset is exclusive: a range that ends exactly where a page begins stays on the page before.
  const last = pageAtOffset(pages, Math.max(start, end - 1)) ?? first;
  return last === first ? `p. ${first}` : `pp. ${first}–${last}`;
}
