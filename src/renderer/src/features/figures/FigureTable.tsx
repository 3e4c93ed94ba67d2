// The figures table: a virtualised grid. Only the rows in view (plus a few) are in the DOM, each
// of one fixed height and placed by index inside a spacer as tall as all rows together; their
// pages are fetched as they scroll into view. The grid keeps the keyboard focus itself and points
// at the active row (aria-activedescendant), because the row elements come and go as it scrolls.
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Figure } from '../../../../shared/evidence';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { changesForEdit, FIGURE_COLUMNS, GRID_TEMPLATE, nextEditableColumn, type EditableColumn, type FigureSortKey } from './figure-columns';
import { FigureTableRow, type RowEdit } from './FigureTableRow';
import { useFigurePages, type FigureQuery } from './use-figure-pages';
import { nextRowIndex, rowsPerViewport, scrollToReveal, visibleRange } from './virtual-window';

export const ROW_HEIGHT = 34;
const OVERSCAN = 8;

export function FigureTable({
  query,
  revision,
  selectedId,
  filtered,
  onSort,
  onOpen,
  onChanged
}: {
  query: FigureQuery;
  revision: number;
  selectedId: string | null;
  /** Whether any filter is set (changes the empty-table message). */
  filtered: boolean;
  onSort: (key: FigureSortKey) => void;
  onOpen: (figure: Figure) => void;
  onChanged: (figure: Figure) => void;
}) {
  const client = useClient();
  const pages = useFigurePages(query, revision);
  const total = pages.total ?? 0;
  const scroller = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const [active, setActive] = useState(-1);
  const [activeColumn, setActiveColumn] = useState<EditableColumn>('value');
  const [editing, setEditing] = useState<({ index: number; figureId: string } & RowEdit) | null>(null);
  const frame = useRef<number | null>(null);
  const idPrefix = useId();
  const rowDomId = (index: number) => `${idPrefix}-row-${index}`;

  // A new query starts at the top.
  const queryKey = JSON.stringify(query);
  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
    setActive(-1);
    setEditing(null);
  }, [queryKey]);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    setViewport(element.clientHeight);
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const range = visibleRange(scrollTop, viewport, ROW_HEIGHT, total, OVERSCAN);
  const { show, rowAt, replace } = pages;
  useEffect(() => {
    show({ start: range.start, end: range.end });
  }, [show, range.start, range.end]);

  const onScroll = () => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      if (scroller.current) setScrollTop(scroller.current.scrollTop);
    });
  };
  useEffect(() => () => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
  }, []);

  const reveal = useCallback(
    (index: number) => {
      const element = scroller.current;
      if (!element) return;
      const next = scrollToReveal(index, element.scrollTop, element.clientHeight, ROW_HEIGHT);
      if (next !== null) {
        element.scrollTop = next;
        setScrollTop(next);
      }
    },
    []
  );

  const onActivate = useCallback(
    (index: number, figure: Figure | null) => {
      setActive(index);
      grid.current?.focus({ preventScroll: true });
      if (figure) onOpen(figure);
    },
    [onOpen]
  );

  const onStartEdit = useCallback((index: number, column: EditableColumn) => {
    setActive(index);
    setActiveColumn(column);
    const figure = rowAt(index);
    if (figure) setEditing({ index, figureId: figure.id, column, error: null, busy: false });
  }, [rowAt]);

  const onCancelEdit = useCallback(() => {
    setEditing(null);
    grid.current?.focus({ preventScroll: true });
  }, []);

  const onCommitEdit = useCallback(
    async (figure: Figure, column: EditableColumn, text: string) => {
      setEditing((current) => current && { ...current, busy: true, error: null });
      try {
        const saved = await client.call('figures.update', { id: figure.id, ...changesForEdit(column, text) });
        replace(saved);
        setEditing(null);
        grid.current?.focus({ preventScroll: true });
        onChanged(saved);
      } catch (error) {
        // The table keeps showing the saved value; the editor stays open with the reason.
        setEditing((current) => current && { ...current, busy: false, error: errorMessage(error) });
      }
    },
    [client, onChanged, replace]
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys belong to the grid only when it has the focus itself (not an editor or a header button).
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const next = nextRowIndex(event.key, active, total, rowsPerViewport(viewport, ROW_HEIGHT));
    if (next !== null) {
      event.preventDefault();
      setActive(next);
      reveal(next);
      return;
    }
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      setActiveColumn((current) => nextEditableColumn(current, event.key === 'ArrowRight' ? 1 : -1));
      return;
    }
    const figure = active >= 0 ? rowAt(active) : null;
    if (!figure) return;
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      reveal(active);
      setEditing({ index: active, figureId: figure.id, column: activeColumn, error: null, busy: false });
    } else if (event.key === ' ') {
      event.preventDefault();
      onOpen(figure);
    }
  };

  const rows = [];
  for (let index = range.start; index < range.end; index++) {
    const figure = rowAt(index);
    const edit = editing && editing.index === index && figure?.id === editing.figureId ? editing : null;
    rows.push(
      <FigureTableRow
        key={index}
        domId={rowDomId(index)}
        figure={figure}
        index={index}
        top={index * ROW_HEIGHT}
        selected={figure !== null && figure.id === selectedId}
        active={index === active}
        activeColumn={activeColumn}
        edit={edit}
        onActivate={onActivate}
        onStartEdit={onStartEdit}
        onCommitEdit={onCommitEdit}
        onCancelEdit={onCancelEdit}
      />
    );
  }

  return (
    <div className="figure-table">
      <div
        ref={grid}
        role="grid"
        aria-label="Figures"
        aria-rowcount={total + 1}
        aria-colcount={FIGURE_COLUMNS.length}
        aria-activedescendant={active >= range.start && active < range.end ? rowDomId(active) : undefined}
        tabIndex={0}
        className="figure-grid"
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          // Tabbing into the table starts at the first row in view.
          if (event.target === event.currentTarget && total > 0) {
            const first = Math.min(Math.ceil(scrollTop / ROW_HEIGHT), total - 1);
            setActive((current) => (current < 0 ? first : current));
          }
        }}
      >
        <div role="rowgroup" className="figure-grid-head">
          <div role="row" aria-rowindex={1} className="figure-head-row" style={{ gridTemplateColumns: GRID_TEMPLATE }}>
            {FIGURE_COLUMNS.map((column) => {
              const sorted = column.sort && query.sort === column.sort;
              return (
                <div
                  key={column.key}
                  role="columnheader"
                  className={`figure-head cell-${column.key}${column.numeric ? ' number' : ''}`}
                  aria-sort={sorted ? (query.direction === 'asc' ? 'ascending' : 'descending') : column.sort ? 'none' : undefined}
                >
                  {column.sort ? (
                    <button type="button" onClick={() => onSort(column.sort!)}>
                      {column.label}
                      {sorted ? (query.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                    </button>
                  ) : column.key === 'competing' ? (
                    <span className="visually-hidden">{column.label}</span>
                  ) : (
                    <span>{column.label}</span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div ref={scroller} role="rowgroup" className="figure-grid-body" onScroll={onScroll}>
          <div className="figure-grid-spacer" style={{ height: total * ROW_HEIGHT, ['--figure-columns' as string]: GRID_TEMPLATE }}>
            {rows}
          </div>
          {pages.total === 0 && (
            <p className="empty figure-empty">
              {filtered ? 'No figure matches these filters.' : 'No figures yet. Add one by hand, from a highlight in an article, or import a CSV file.'}
            </p>
          )}
        </div>
      </div>
      <div className="figure-table-footer">
        <span className="figure-count" aria-live="polite">
          {pages.total === null ? 'Loading figures…' : `${total.toLocaleString('en-US')} figure${total === 1 ? '' : 's'}`}
        </span>
        {pages.error && (
          <span className="form-problem" role="alert">
            {pages.error}
          </span>
        )}
        <span className="hint">↑↓ move · ←→ column · Enter edit · Space details · double-click a cell to edit</span>
      </div>
    </div>
  );
}
