// Saved charts: specs in the library, created, changed, deleted (softly, so it can be undone) and
// listed. The data a chart shows is resolved from the live figures by chart-data.ts.
import { randomUUID } from 'node:crypto';
import type { ChartData } from '../../shared/charts/chart-data';
import type { Chart, ChartSpec, ChartSummary } from '../../shared/charts/chart-spec';
import { AssayError } from '../../shared/errors';
import type { Library } from '../db/library';
import { countSelectedFigures, resolveChartData, type ResolvableSpec } from './chart-data';

interface ChartRow {
  id: string;
  title: string;
  spec_json: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The spec fields as stored (everything but the id). */
export type StoredSpec = Omit<ChartSpec, 'id'>;

/** A spec as the contract hands it over: defaults applied, the encoding possibly still open. */
export type ChartSpecDraft = Omit<ResolvableSpec, 'subtitle' | 'valueAxisLabel' | 'categoryAxisLabel' | 'unit' | 'sourceLine'> & {
  subtitle?: string | null;
  valueAxisLabel?: string | null;
  categoryAxisLabel?: string | null;
  unit?: string | null;
  sourceLine?: string | null;
};

function completeDraft(draft: ChartSpecDraft): ResolvableSpec {
  return {
    title: draft.title ?? '',
    subtitle: draft.subtitle ?? null,
    type: draft.type,
    selection: draft.selection,
    encoding: draft.encoding ?? null,
    showCompeting: draft.showCompeting,
    valueAxisLabel: draft.valueAxisLabel ?? null,
    categoryAxisLabel: draft.categoryAxisLabel ?? null,
    unit: draft.unit ?? null,
    sourceLine: draft.sourceLine ?? null,
    sort: draft.sort,
    orientation: draft.orientation
  };
}

function chartFromRow(row: ChartRow): Chart {
  const stored = JSON.parse(row.spec_json) as StoredSpec;
  return { id: row.id, ...stored, createdAt: row.created_at, updatedAt: row.updated_at };
}

function getChartRow(library: Library, id: string): ChartRow {
  const row = library.statement('SELECT * FROM charts WHERE id = ?').get(id) as ChartRow | undefined;
  if (!row) throw new AssayError('not_found', `There is no chart with id ${id}.`);
  return row;
}

export function getChart(library: Library, id: string, options: { includeDeleted?: boolean } = {}): Chart {
  const row = getChartRow(library, id);
  if (row.deleted_at && !options.includeDeleted) throw new AssayError('not_found', `The chart ${id} was deleted.`);
  return chartFromRow(row);
}

/** The spec without its id and timestamps, as saved and as undo writes it back. */
export function storedSpecOf(chart: Chart): StoredSpec {
  const { id: _id, createdAt: _created, updatedAt: _updated, ...spec } = chart;
  return spec;
}

/**
 * Settles what a new or changed spec leaves open (title, encoding) from its figures, and checks that
 * it can be drawn: a spec that selects nothing or mixes units is refused before it is saved.
 */
function settle(library: Library, draft: ResolvableSpec, options: { allowEmpty?: boolean } = {}): { spec: StoredSpec; data: ChartData } {
  const data = resolveChartData(library, draft, options);
  const spec: StoredSpec = { ...draft, title: draft.title.trim() || data.title, encoding: data.encoding };
  return { spec, data };
}

export function createChart(library: Library, draft: ChartSpecDraft): Chart {
  const { spec } = settle(library, completeDraft(draft));
  const id = randomUUID();
  const now = library.now();
  library
    .statement('INSERT INTO charts (id, title, spec_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
    .run(id, spec.title, JSON.stringify(spec), now, now);
  return getChart(library, id);
}

export type ChartChanges = Partial<ChartSpecDraft>;

export function updateChart(library: Library, id: string, changes: ChartChanges): Chart {
  const current = storedSpecOf(getChart(library, id));
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as ChartChanges;
  const next: ResolvableSpec = { ...current, ...defined };
  // A new selection or type may not suit the old encoding; choose again unless one was given.
  if ((defined.selection || defined.type) && !defined.encoding) next.encoding = null;
  // A saved selection whose figures have since been deleted may still be edited (and an edit undone);
  // a new selection must hold figures.
  const { spec } = settle(library, next, { allowEmpty: !defined.selection });
  library
    .statement('UPDATE charts SET title = ?, spec_json = ?, updated_at = ? WHERE id = ?')
    .run(spec.title, JSON.stringify(spec), library.now(), id);
  return getChart(library, id);
}

export function setChartDeleted(library: Library, id: string, deleted: boolean): Chart {
  const row = getChartRow(library, id);
  if (deleted && row.deleted_at) throw new AssayError('not_found', `The chart ${id} was already deleted.`);
  if (!deleted && !row.deleted_at) throw new AssayError('invalid_input', `The chart ${id} is not deleted.`);
  library.statement('UPDATE charts SET deleted_at = ?, updated_at = ? WHERE id = ?').run(deleted ? library.now() : null, library.now(), id);
  return getChart(library, id, { includeDeleted: true });
}

export function listCharts(library: Library): ChartSummary[] {
  const rows = library.statement('SELECT * FROM charts WHERE deleted_at IS NULL ORDER BY updated_at DESC, rowid DESC').all() as ChartRow[];
  return rows.map((row) => {
    const chart = chartFromRow(row);
    return {
      id: chart.id,
      title: chart.title,
      type: chart.type,
      figureCount: countSelectedFigures(library, chart.selection),
      updatedAt: chart.updatedAt
    };
  });
}

/** A saved chart with what it shows now. */
export function chartWithData(library: Library, id: string): { chart: Chart; data: ChartData } {
  const chart = getChart(library, id);
  return { chart, data: resolveChartData(library, storedSpecOf(chart), { chartId: id, allowEmpty: true }) };
}

/** An unsaved spec's data, for the chart builder's live preview. */
export function previewChart(library: Library, draft: ChartSpecDraft): ChartData {
  return resolveChartData(library, completeDraft(draft));
}
