// The chart builder's form state and how it becomes a spec for core (and back). Pure: no DOM, no
// React, so the rules are unit-tested.
import type { Chart, ChartEncoding, ChartSpecInput, ChartType } from '../../../../shared/charts/chart-spec';

/** What the encoding pickers offer; 'auto' leaves the choice to core. */
export type CategoryChoice = 'auto' | 'entity' | 'period';
export type SeriesChoice = 'none' | 'entity' | 'period';

export interface ChartDraft {
  type: ChartType;
  metric: string;
  /** Empty: every entity (periods likewise). */
  entities: string[];
  periods: string[];
  /** A saved chart of exactly these figures (e.g. a table selection); the metric pickers do not apply. */
  figureIds: string[] | null;
  category: CategoryChoice;
  series: SeriesChoice;
  showCompeting: boolean;
  /** Empty: core makes one from the figures. */
  title: string;
  subtitle: string;
}

export function emptyDraft(metric = ''): ChartDraft {
  return {
    type: 'bar',
    metric,
    entities: [],
    periods: [],
    figureIds: null,
    category: 'auto',
    series: 'none',
    showCompeting: true,
    title: '',
    subtitle: ''
  };
}

/** The encoding to send, or undefined to let core choose it. */
export function draftEncoding(draft: ChartDraft): ChartEncoding | undefined {
  if (draft.category === 'auto') return undefined;
  const series = draft.series === 'none' || draft.series === draft.category ? null : draft.series;
  return { category: draft.category, series };
}

/** True when the draft names enough for core to resolve it. */
export function draftIsComplete(draft: ChartDraft): boolean {
  return draft.figureIds ? draft.figureIds.length > 0 : draft.metric.trim() !== '';
}

/** The spec for charts.preview / charts.create. */
export function specFromDraft(draft: ChartDraft): ChartSpecInput {
  const selection = draft.figureIds
    ? { figureIds: draft.figureIds }
    : {
        metric: draft.metric.trim(),
        ...(draft.entities.length > 0 ? { entities: draft.entities } : {}),
        ...(draft.periods.length > 0 ? { periods: draft.periods } : {})
      };
  const encoding = draftEncoding(draft);
  return {
    type: draft.type,
    selection,
    ...(encoding ? { encoding } : {}),
    showCompeting: draft.showCompeting,
    title: draft.title.trim(),
    subtitle: draft.subtitle.trim() || null
  };
}

/** The builder's state for a saved chart. A saved encoding is shown as chosen, not as automatic. */
export function draftFromChart(chart: Chart): ChartDraft {
  const selection = chart.selection;
  const figureIds = 'figureIds' in selection ? selection.figureIds : null;
  const series = chart.encoding.series;
  return {
    type: chart.type,
    metric: 'metric' in selection ? selection.metric : '',
    entities: 'metric' in selection ? (selection.entities ?? []) : [],
    periods: 'metric' in selection ? (selection.periods ?? []) : [],
    figureIds,
    category: chart.encoding.category === 'metric' ? 'auto' : chart.encoding.category,
    series: series === 'entity' || series === 'period' ? series : 'none',
    showCompeting: chart.showCompeting,
    title: chart.title,
    subtitle: chart.subtitle ?? ''
  };
}

/** Adds or removes one value of a multi-select, keeping the order of `all` (the picker's order). */
export function toggleValue(selected: string[], value: string, all: string[]): string[] {
  const next = new Set(selected);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  const ordered = all.filter((candidate) => next.has(candidate));
  // Values no longer offered (e.g. of a saved chart) stay selected, after the offered ones.
  for (const value of selected) if (!all.includes(value) && next.has(value)) ordered.push(value);
  return ordered;
}

/** Distinct values in first-seen order. */
export function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** Periods in time order: years and year-parts sort as text once their year leads. */
export function sortPeriods(periods: Iterable<string>): string[] {
  return distinct(periods).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** "Mine production, 2024" → "Mine-production-2024.png"; never empty, no path characters. */
export function chartFileName(title: string, extension: 'png' | 'svg'): string {
  const base = title
    .normalize('NFKC')
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${base || 'chart'}.${extension}`;
}
