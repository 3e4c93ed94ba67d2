import { describe, expect, it } from 'vitest';
import { PageCache, totalAfterPage } from './page-cache';

describe('PageCache', () => {
  it('finds rows by list index', () => {
    const cache = new PageCache<string>(3, 10);
    cache.set(1, ['d', 'e', 'f']);
    expect(cache.row(4)).toBe('e');
    expect(cache.row(0)).toBeUndefined();
    expect(cache.has(1)).toBe(true);
  });

  it('drops the least recently used page past its capacity', () => {
    const cache = new PageCache<number>(2, 2);
    cache.set(0, [0, 1]);
    cache.set(1, [2, 3]);
    cache.page(0);
    cache.set(2, [4, 5]);
    expect(cache.has(0)).toBe(true);
    expect(cache.has(1)).toBe(false);
    expect(cache.has(2)).toBe(true);
    expect(cache.size).toBe(2);
  });

  it('replaces an edited row in place', () => {
    const cache = new PageCache<{ id: string; value: number }>(2, 4);
    cache.set(0, [
      { id: 'a', value: 1 },
      { id: 'b', value: 2 }
    ]);
    expect(cache.replace((row) => row.id === 'b', { id: 'b', value: 20 })).toBe(true);
    expect(cache.row(1)).toEqual({ id: 'b', value: 20 });
    expect(cache.replace((row) => row.id === 'z', { id: 'z', value: 0 })).toBe(false);
  });
});

describe('totalAfterPage', () => {
  it('trusts a full page and the claimed total', () => {
    expect(totalAfterPage(1000, 200, 200, 200)).toBe(1000);
  });

  it('ends the list at a short page', () => {
    expect(totalAfterPage(200_000, 0, 12, 200)).toBe(12);
    expect(totalAfterPage(200_000, 400, 0, 200)).toBe(400);
  });

  it('grows the total when a full page reaches past it', () => {
    expect(totalAfterPage(300, 200, 200, 200)).toBe(400);
  });
});
