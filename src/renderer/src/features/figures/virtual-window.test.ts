import { describe, expect, it } from 'vitest';
import { nextRowIndex, pagesForRange, rowsPerViewport, scrollToReveal, visibleRange } from './virtual-window';

describe('visibleRange', () => {
  it('covers the viewport plus the overscan on both sides', () => {
    expect(visibleRange(0, 340, 34, 200_000, 5)).toEqual({ start: 0, end: 15 });
    expect(visibleRange(3400, 340, 34, 200_000, 5)).toEqual({ start: 95, end: 115 });
  });

  it('handles a scroll position between rows', () => {
    // Rows 100 (partly) to 110 (partly) are visible.
    expect(visibleRange(3410, 340, 34, 200_000, 0)).toEqual({ start: 100, end: 111 });
  });

  it('stops at the last row', () => {
    expect(visibleRange(34 * 199_995, 340, 34, 200_000, 6)).toEqual({ start: 199_989, end: 200_000 });
  });

  it('is empty without rows and copes with overscroll', () => {
    expect(visibleRange(0, 500, 34, 0)).toEqual({ start: 0, end: 0 });
    expect(visibleRange(-50, 68, 34, 10, 0)).toEqual({ start: 0, end: 2 });
  });

  it('never renders more than a screenful and the overscan, whatever the total', () => {
    const range = visibleRange(34 * 123_456, 900, 34, 200_000, 6);
    expect(range.end - range.start).toBeLessThanOrEqual(Math.ceil(900 / 34) + 1 + 12);
  });
});

describe('pagesForRange', () => {
  it('lists the pages that hold the rows', () => {
    expect(pagesForRange({ start: 0, end: 30 }, 200)).toEqual([0]);
    expect(pagesForRange({ start: 190, end: 215 }, 200)).toEqual([0, 1]);
    expect(pagesForRange({ start: 400, end: 401 }, 200)).toEqual([2]);
    expect(pagesForRange({ start: 5, end: 5 }, 200)).toEqual([]);
  });
});

describe('scrollToReveal', () => {
  it('scrolls up to a row above the viewport and down to one below it', () => {
    expect(scrollToReveal(10, 680, 340, 34)).toBe(340);
    expect(scrollToReveal(40, 680, 340, 34)).toBe(34 * 41 - 340);
  });

  it('leaves a visible row where it is', () => {
    expect(scrollToReveal(22, 680, 340, 34)).toBeNull();
  });
});

describe('keyboard movement', () => {
  it('moves by one, by a page, and to the ends, within the table', () => {
    expect(nextRowIndex('ArrowDown', 4, 10, 3)).toBe(5);
    expect(nextRowIndex('ArrowDown', 9, 10, 3)).toBe(9);
    expect(nextRowIndex('ArrowUp', 0, 10, 3)).toBe(0);
    expect(nextRowIndex('ArrowDown', -1, 10, 3)).toBe(0);
    expect(nextRowIndex('PageDown', 8, 10, 3)).toBe(9);
    expect(nextRowIndex('PageUp', 2, 10, 3)).toBe(0);
    expect(nextRowIndex('End', 0, 10, 3)).toBe(9);
    expect(nextRowIndex('Home', 7, 10, 3)).toBe(0);
    expect(nextRowIndex('Enter', 7, 10, 3)).toBeNull();
    expect(nextRowIndex('ArrowDown', 0, 0, 3)).toBeNull();
  });

  it('counts whole rows per viewport', () => {
    expect(rowsPerViewport(350, 34)).toBe(10);
    expect(rowsPerViewport(10, 34)).toBe(1);
  });
});
