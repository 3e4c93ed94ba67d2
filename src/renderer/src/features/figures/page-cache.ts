// Pages of a long list kept in memory while the user scrolls. Bounded (least recently used pages
// go first), so scrolling through 200,000 figures never holds more than a few thousand of them.

export class PageCache<T> {
  private readonly pages = new Map<number, T[]>();

  constructor(readonly pageSize: number, readonly capacity: number) {}

  has(page: number): boolean {
    return this.pages.has(page);
  }

  /** The page's rows; reading a page marks it as recently used. */
  page(page: number): T[] | undefined {
    const rows = this.pages.get(page);
    if (rows) {
      this.pages.delete(page);
      this.pages.set(page, rows);
    }
    return rows;
  }

  set(page: number, rows: T[]): void {
    this.pages.delete(page);
    this.pages.set(page, rows);
    while (this.pages.size > this.capacity) {
      const oldest = this.pages.keys().next().value as number;
      this.pages.delete(oldest);
    }
  }

  /** The row at a list index, if its page is loaded (does not count as a use). */
  row(index: number): T | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Replaces one row wherever it is loaded (after an inline edit), matching by `same`. */
  replace(same: (row: T) => boolean, next: T): boolean {
    let replaced = false;
    for (const rows of this.pages.values()) {
      const at = rows.findIndex(same);
      if (at >= 0) {
        rows[at] = next;
        replaced = true;
      }
    }
    return replaced;
  }

  get size(): number {
    return this.pages.size;
  }
}

/**
 * What a page answer says about the real total. A page that comes back short ends the list, so
 * the total cannot be more than its offset plus its rows, whatever count the answer claimed.
 */
export function totalAfterPage(claimedTotal: number, offset: number, rows: number, limit: number): number {
  if (rows < limit) return Math.min(claimedTotal, offset + rows);
  return Math.max(claimedTotal, offset + rows);
}
