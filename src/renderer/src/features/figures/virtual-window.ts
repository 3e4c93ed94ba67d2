// The windowing maths of the figures table: which rows are on screen, which pages hold them, and
// where to scroll so that a row becomes visible. Rows have one fixed height, so all of this is
// arithmetic on the scroll position; nothing measures the DOM.

/** A half-open range of row indexes [start, end). */
export interface RowRange {
  start: number;
  end: number;
}

/**
 * The rows to render for a viewport: the visible ones plus `overscan` rows either side, so a
 * scroll of a few rows never shows a blank strip before React has drawn the next frame.
 */
export function visibleRange(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan = 6): RowRange {
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, scrollTop);
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight);
  return { start: clamp(first - overscan, 0, total), end: clamp(last + overscan, 0, total) };
}

/** The page numbers (of `pageSize` rows) that hold the rows in `range`. */
export function pagesForRange(range: RowRange, pageSize: number): number[] {
  if (range.end <= range.start) return [];
  const first = Math.floor(range.start / pageSize);
  const last = Math.floor((range.end - 1) / pageSize);
  const pages: number[] = [];
  for (let page = first; page <= last; page++) pages.push(page);
  return pages;
}

/**
 * The scroll position that brings row `index` fully into view with the least movement, or null
 * when it is already fully visible.
 */
export function scrollToReveal(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number | null {
  const rowTop = index * rowHeight;
  const rowBottom = rowTop + rowHeight;
  if (rowTop < scrollTop) return rowTop;
  if (rowBottom > scrollTop + viewportHeight) return Math.max(0, rowBottom - viewportHeight);
  return null;
}

/** How many whole rows fit in the viewport (at least one), for Page Up / Page Down. */
export function rowsPerViewport(viewportHeight: number, rowHeight: number): number {
  return Math.max(1, Math.floor(viewportHeight / rowHeight));
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/** Where the focused row goes for a navigation key, or null for keys that do not move it. */
export function nextRowIndex(key: string, current: number, total: number, pageRows: number): number | null {
  if (total <= 0) return null;
  const last = total - 1;
  switch (key) {
    case 'ArrowDown':
      return clamp(current < 0 ? 0 : current + 1, 0, last);
    case 'ArrowUp':
      return clamp(current < 0 ? 0 : current - 1, 0, last);
    case 'PageDown':
      return clamp(current + pageRows, 0, last);
    case 'PageUp':
      return clamp(current - pageRows, 0, last);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}
