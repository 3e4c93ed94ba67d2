// The saved charts, newest change first; the one in the route is marked current.
import type { ChartSummary } from '../../../../shared/charts/chart-spec';
import { CHART_TYPE_LABELS } from '../../../../shared/charts/chart-spec';
import { navigate } from '../../app/route';

export function ChartList({ charts, activeId, loading }: { charts: ChartSummary[]; activeId: string | null; loading: boolean }) {
  return (
    <nav className="chart-list" aria-label="Saved charts">
      <button type="button" className={activeId === null ? 'chart-list-new active' : 'chart-list-new'} onClick={() => navigate({ view: 'charts', chartId: null })}>
        New chart
      </button>
      {loading && charts.length === 0 && <p className="chart-list-empty">Loading…</p>}
      {!loading && charts.length === 0 && <p className="chart-list-empty">No saved charts yet.</p>}
      <ul>
        {charts.map((chart) => (
          <li key={chart.id}>
            <a
              href={`#/charts/${encodeURIComponent(chart.id)}`}
              className={chart.id === activeId ? 'chart-list-item active' : 'chart-list-item'}
              aria-current={chart.id === activeId ? 'page' : undefined}
            >
              <span className="chart-list-title">{chart.title || 'Untitled chart'}</span>
              <span className="chart-list-meta">
                {CHART_TYPE_LABELS[chart.type]} · {chart.figureCount} {chart.figureCount === 1 ? 'figure' : 'figures'}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
