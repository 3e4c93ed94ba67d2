// Windowed fetching for the figures table: pages of PAGE_SIZE figures are asked for only when
// rows on them come into view, kept in a bounded cache, and dropped when the query changes.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput } from '../../../../shared/contract';
import type { Figure } from '../../../../shared/evidence';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import type { FigureSortKey } from './figure-columns';
import { PageCache, totalAfterPage } from './page-cache';
import { pagesForRange, type RowRange } from './virtual-window';

export const PAGE_SIZE = 200;
// 40 pages are 8,000 figures: a long scroll back and forth stays cached, memory stays small.
const CACHE_PAGES = 40;
// A fling through 200,000 rows passes hundreds of pages; only where the scroll stops is worth asking
// for. The library answers one call at a time, so pages asked for on the way would delay the page
// in view: fetching waits for the scroll to pause (or for MAX_WAIT_MS of continuous scrolling), and
// at most two pages are on their way at once.
const MAX_IN_FLIGHT = 2;
const SETTLE_MS = 60;
const MAX_WAIT_MS = 250;

export interface FigureQuery {
  query: string;
  metric: string;
  entity: string;
  period: string;
  competingOnly: boolean;
  sort: FigureSortKey;
  direction: 'asc' | 'desc';
}

export const defaultFigureQuery: FigureQuery = {
  query: '',
  metric: '',
  entity: '',
  period: '',
  competingOnly: false,
  sort: 'metric',
  direction: 'asc'
};

export function listInput(query: FigureQuery, page: number): MethodInput<'figures.list'> {
  return {
    query: query.query.trim() || null,
    metric: query.metric.trim() || null,
    entity: query.entity.trim() || null,
    period: query.period.trim() || null,
    competingOnly: query.competingOnly || undefined,
    sort: query.sort,
    direction: query.direction,
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE
  };
}

export interface FigurePages {
  /** Null until the first page has answered. */
  total: number | null;
  error: string | null;
  /** The figure at a list index, or null while its page is on its way. */
  rowAt(index: number): Figure | null;
  /** Tells the hook which rows are on screen; their pages are fetched if missing. */
  show(range: RowRange): void;
  /** Puts an edited figure in place at once, before the reload confirms where it now sorts. */
  replace(figure: Figure): void;
}

export function useFigurePages(query: FigureQuery, revision: number): FigurePages {
  const client = useClient();
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, setVersion] = useState(0);
  const generation = useRef(0);
  const cache = useRef(new PageCache<Figure>(PAGE_SIZE, CACHE_PAGES));
  // After a reload, the previous rows stay on screen until their fresh pages arrive (no flicker).
  const previous = useRef<PageCache<Figure> | null>(null);
  const inFlight = useRef(new Set<number>());
  // Pages whose call failed are not asked for again until the next reload or query: a library that
  // refuses a call would otherwise be asked the same thing in a loop.
  const failed = useRef(new Set<number>());
  const range = useRef<RowRange>({ start: 0, end: 1 });
  const knownTotal = useRef<number | null>(null);
  const upperBound = useRef(Number.POSITIVE_INFINITY);
  const timer = useRef<number | null>(null);
  const lastPump = useRef(0);
  const currentQuery = useRef(query);
  currentQuery.current = query;

  const wantedPages = useCallback((): number[] => {
    const end = knownTotal.current === null ? 1 : Math.min(range.current.end, knownTotal.current);
    return pagesForRange({ start: Math.min(range.current.start, Math.max(0, end - 1)), end: Math.max(end, 1) }, PAGE_SIZE);
  }, []);

  const pump = useCallback(() => {
    lastPump.current = Date.now();
    const wanted = wantedPages();
    // The page in the middle of the screen first.
    const middle = Math.floor((range.current.start + range.current.end) / 2 / PAGE_SIZE);
    wanted.sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle));
    let complete = true;
    for (const page of wanted) {
      if (cache.current.has(page)) {
        cache.current.page(page);
        continue;
      }
      complete = false;
      if (failed.current.has(page) || inFlight.current.has(page) || inFlight.current.size >= MAX_IN_FLIGHT) continue;
      const started = generation.current;
      const pending = inFlight.current;
      pending.add(page);
      client
        .call('figures.list', listInput(currentQuery.current, page))
        .then((result) => {
          if (started !== generation.current) return;
          const offset = page * PAGE_SIZE;
          if (result.items.length < PAGE_SIZE) upperBound.current = Math.min(upperBound.current, offset + result.items.length);
          const next = Math.min(totalAfterPage(result.total, offset, result.items.length, PAGE_SIZE), upperBound.current);
          knownTotal.current = next;
          cache.current.set(page, result.items);
          setTotal(next);
          setError(null);
          setVersion((version) => version + 1);
        })
        .catch((failure) => {
          if (started !== generation.current) return;
          failed.current.add(page);
          setError(errorMessage(failure));
        })
        .finally(() => {
          pending.delete(page);
          if (started === generation.current) pump();
        });
    }
    if (complete && previous.current) {
      previous.current = null;
      setVersion((version) => version + 1);
    }
  }, [client, wantedPages]);

  const show = useCallback(
    (next: RowRange) => {
      range.current = next;
      if (timer.current !== null) window.clearTimeout(timer.current);
      const waited = Date.now() - lastPump.current;
      timer.current = window.setTimeout(
        () => {
          timer.current = null;
          pump();
        },
        waited >= MAX_WAIT_MS ? 0 : SETTLE_MS
      );
    },
    [pump]
  );

  const queryKey = JSON.stringify(query);
  const lastQueryKey = useRef<string | null>(null);
  useEffect(() => {
    const sameQuery = lastQueryKey.current === queryKey;
    lastQueryKey.current = queryKey;
    generation.current++;
    previous.current = sameQuery ? cache.current : null;
    cache.current = new PageCache<Figure>(PAGE_SIZE, CACHE_PAGES);
    inFlight.current = new Set();
    failed.current = new Set();
    upperBound.current = Number.POSITIVE_INFINITY;
    if (!sameQuery) {
      knownTotal.current = null;
      setTotal(null);
      range.current = { start: 0, end: 1 };
    }
    setError(null);
    pump();
  }, [queryKey, revision, pump]);

  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
      generation.current++;
    },
    []
  );

  const rowAt = useCallback((index: number) => cache.current.row(index) ?? previous.current?.row(index) ?? null, []);
  const replace = useCallback((figure: Figure) => {
    cache.current.replace((row) => row.id === figure.id, figure);
    previous.current?.replace((row) => row.id === figure.id, figure);
    setVersion((version) => version + 1);
  }, []);

  return { total, error, rowAt, show, replace };
}
