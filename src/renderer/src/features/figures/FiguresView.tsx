// The figures view: a toolbar (search, filters, add, import, competing values), the virtualised
// table or the competing-values panel, and the detail pane of the figure in the route.
import { useCallback, useEffect, useId, useState } from 'react';
import type { Figure } from '../../../../shared/evidence';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { useNotices } from '../../app/notices';
import { navigate } from '../../app/route';
import { announceLibraryChanged, useLibraryChanged } from '../../app/undo';
import { CompetingPanel } from './CompetingPanel';
import { FIGURE_COLUMNS, type FigureSortKey } from './figure-columns';
import { FigureCsvImportDialog } from './FigureCsvImportDialog';
import { FigureDetail } from './FigureDetail';
import { FigureFormDialog } from './FigureFormDialog';
import { FigureTable } from './FigureTable';
import { defaultFigureQuery, type FigureQuery } from './use-figure-pages';
import { useFigureVocabulary } from './use-figure-vocabulary';

// Long enough not to query on every key of a fast typist, short enough to feel immediate.
const FILTER_DELAY_MS = 200;

type TextFilters = Pick<FigureQuery, 'query' | 'metric' | 'entity' | 'period'>;

export function FiguresView({ figureId }: { figureId: string | null }) {
  const client = useClient();
  const notices = useNotices();
  const vocabulary = useFigureVocabulary({ lazy: true });
  const ids = useId();
  const [query, setQuery] = useState<FigureQuery>(defaultFigureQuery);
  const [typed, setTyped] = useState<TextFilters>({ query: '', metric: '', entity: '', period: '' });
  const [revision, setRevision] = useState(0);
  const [mode, setMode] = useState<'table' | 'competing'>('table');
  const [dialog, setDialog] = useState<{ kind: 'add' } | { kind: 'edit'; figureId: string } | { kind: 'import' } | null>(null);

  const reload = useCallback(() => setRevision((current) => current + 1), []);
  useLibraryChanged(reload);

  useEffect(() => {
    const timer = window.setTimeout(() => setQuery((current) => ({ ...current, ...typed })), FILTER_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [typed]);

  const setFilter = (key: keyof TextFilters, value: string) => setTyped((current) => ({ ...current, [key]: value }));
  const filtered = Boolean(query.query || query.metric || query.entity || query.period || query.competingOnly);

  const sortBy = useCallback((key: FigureSortKey) => {
    const column = FIGURE_COLUMNS.find((candidate) => candidate.sort === key);
    setQuery((current) =>
      current.sort === key
        ? { ...current, direction: current.direction === 'asc' ? 'desc' : 'asc' }
        : { ...current, sort: key, direction: column?.defaultDirection ?? 'asc' }
    );
  }, []);

  const open = useCallback((figure: Figure) => navigate({ view: 'figures', figureId: figure.id }), []);

  const showAll = useCallback((figure: Figure) => {
    const filters = { query: '', metric: figure.metric, entity: figure.entity, period: figure.period };
    setTyped(filters);
    setQuery((current) => ({ ...current, ...filters, competingOnly: false }));
    setMode('table');
  }, []);

  const added = (figure: Figure) => {
    setDialog(null);
    reload();
    navigate({ view: 'figures', figureId: figure.id });
    notices.show({
      kind: 'info',
      message: `Added the figure ${figure.entity} ${figure.metric} ${figure.period}.`,
      action: {
        label: 'Undo',
        run: () => {
          client
            .call('figures.delete', { id: figure.id })
            .then(() => {
              announceLibraryChanged();
              navigate({ view: 'figures', figureId: null });
            })
            .catch((error) => notices.error(errorMessage(error)));
        }
      }
    });
  };

  const clearFilters = () => {
    const blank = { query: '', metric: '', entity: '', period: '' };
    setTyped(blank);
    setQuery((current) => ({ ...current, ...blank, competingOnly: false }));
  };

  return (
    <section className={figureId ? 'figures with-detail' : 'figures'} aria-label="Figures view">
      <div className="figures-toolbar">
        <div className="figures-filters">
          <input
            type="search"
            className="search-input"
            placeholder="Search figures…"
            aria-label="Search figures"
            value={typed.query}
            onChange={(event) => setFilter('query', event.target.value)}
          />
          <input
            className="filter-input"
            placeholder="Metric"
            aria-label="Filter by metric"
            list={`${ids}-metrics`}
            onFocus={vocabulary.request}
            value={typed.metric}
            onChange={(event) => setFilter('metric', event.target.value)}
          />
          <input
            className="filter-input"
            placeholder="Entity"
            aria-label="Filter by entity"
            list={`${ids}-entities`}
            onFocus={vocabulary.request}
            value={typed.entity}
            onChange={(event) => setFilter('entity', event.target.value)}
          />
          <input
            className="filter-input period-filter"
            placeholder="Period"
            aria-label="Filter by period"
            value={typed.period}
            onChange={(event) => setFilter('period', event.target.value)}
          />
          <label className="inline competing-only">
            <input
              type="checkbox"
              checked={query.competingOnly}
              onChange={(event) => setQuery((current) => ({ ...current, competingOnly: event.target.checked }))}
            />
            Competing values only
          </label>
          {filtered && (
            <button type="button" className="link-button" onClick={clearFilters}>
              Clear filters
            </button>
          )}
        </div>
        <div className="figures-actions">
          <div className="segmented" role="group" aria-label="Show">
            <button type="button" aria-pressed={mode === 'table'} onClick={() => setMode('table')}>
              Table
            </button>
            <button type="button" aria-pressed={mode === 'competing'} onClick={() => setMode('competing')}>
              Competing values
            </button>
          </div>
          <button type="button" onClick={() => setDialog({ kind: 'import' })}>
            Import CSV…
          </button>
          <button type="button" className="primary" onClick={() => setDialog({ kind: 'add' })}>
            Add figure
          </button>
        </div>
      </div>

      <div className="figures-body">
        <div className="figures-main">
          {mode === 'table' ? (
            <FigureTable
              query={query}
              revision={revision}
              selectedId={figureId}
              filtered={filtered}
              onSort={sortBy}
              onOpen={open}
              onChanged={reload}
            />
          ) : (
            <CompetingPanel revision={revision} selectedId={figureId} />
          )}
        </div>
        {figureId ? (
          <FigureDetail
            figureId={figureId}
            revision={revision}
            onEdit={(figure) => setDialog({ kind: 'edit', figureId: figure.id })}
            onDeleted={() => {
              navigate({ view: 'figures', figureId: null });
              reload();
            }}
            onShowAll={showAll}
          />
        ) : (
          // The pane keeps its place when empty, so a click that opens a figure does not reflow the
          // table under the pointer (the second click of a double-click lands on the same cell).
          <aside className="figure-detail figure-detail-empty" aria-label="Figure">
            <p className="hint">Select a figure to see its source, the claims that cite it, and to edit or delete it.</p>
          </aside>
        )}
      </div>

      {dialog?.kind === 'add' && <FigureFormDialog onSaved={added} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && (
        <FigureFormDialog
          figureId={dialog.figureId}
          onSaved={(figure) => {
            setDialog(null);
            reload();
            notices.show({ kind: 'info', message: `Saved the figure ${figure.entity} ${figure.metric} ${figure.period}.` });
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'import' && <FigureCsvImportDialog onClose={() => setDialog(null)} onImported={() => setDialog(null)} />}

      <datalist id={`${ids}-metrics`}>
        {vocabulary.metrics.map((metric) => (
          <option key={metric} value={metric} />
        ))}
      </datalist>
      <datalist id={`${ids}-entities`}>
        {vocabulary.entities.map((entity) => (
          <option key={entity} value={entity} />
        ))}
      </datalist>
    </section>
  );
}
