// What core resolves a chart spec into: everything the option builder draws, with each point's
// provenance (figure, source, quote) so that a reader can follow any bar back to where it came from.
import type { Qualifier, Verdict } from '../evidence';
import type { ChartEncoding, ChartType } from './chart-spec';

export interface ChartCitation {
  title: string | null;
  publisher: string | null;
  edition: string | null;
  url: string | null;
  page: string | null;
}

export interface ChartPoint {
  /** In the chart's display unit (ChartData.unit). */
  value: number;
  figureId: string;
  entity: string;
  metric: string;
  period: string;
  /** As the figure states it, in its own unit: 270000 and "t". */
  figureValue: number;
  figureHigh: number | null;
  unit: string;
  qualifier: Qualifier;
  /** e.g. "USGS Mineral Commodity Summaries 2025"; null when the figure names no source. */
  sourceLabel: string | null;
  /** The highlighted passage, when the figure was taken from an article. */
  quote: string | null;
  articleId: string | null;
  highlightId: string | null;
  /** The cited report, for figures typed in from one. */
  citation: ChartCitation | null;
  /** A live claim with a doubtful verdict is made from the figure's highlight or links to the figure. */
  doubtful: boolean;
  /** The doubtful verdicts, most serious first, with the claims that gave them. */
  doubts: { verdict: Verdict; claimId: string; statement: string }[];
  /** Another live figure has the same metric, entity and period but a different value. */
  competing: boolean;
  /**
   * The other figures of the chart for this point's category and series, whatever became of them:
   * another source giving the same value (drawn once, as this point), a competing value drawn as a
   * point of its own (a series per source), or one left out (named in a note). The tooltip lists
   * them all with their sources, so no value wins silently. Omitted when there are none, which
   * keeps large charts small.
   */
  others?: ChartPointOther[];
}

/** Another figure for the same metric, entity and period as a point, from its own source. */
export interface ChartPointOther {
  figureId: string;
  /** As the figure states it, in its own unit. */
  figureValue: number;
  figureHigh: number | null;
  unit: string;
  qualifier: Qualifier;
  sourceLabel: string | null;
  quote: string | null;
  /** The same value as the point (within float noise): another source agrees with it. */
  agrees: boolean;
}

export interface ChartSeries {
  /** Stable within one resolution, e.g. "China" or "China|USGS Mineral Commodity Summaries 2024". */
  id: string;
  /** The legend label: the series value, the source of a competing value, or both. */
  name: string;
  /** For stacked bars: series with the same stack are stacked; competing sources get stacks of their own. */
  stack: string | null;
  /** Set when the series holds one source's values of a cell with competing values. */
  variant: string | null;
  /** One entry per category, null where the series has no figure. Empty when `columns` is set. */
  points: (ChartPoint | null)[];
  /**
   * The compact form of a large series (more than COMPACT_POINT_THRESHOLD points in the chart):
   * arrays with one entry per category instead of an object per point, and no provenance. At
   * 100,000 points the object form is ~50 MB of JSON; this is a tenth of it. A point's provenance
   * is fetched when it is hovered or clicked (charts.pointDetails, by figure row id).
   */
  columns?: ChartSeriesColumns;
}

/** A large series as columns: entry i of each array belongs to category i. */
export interface ChartSeriesColumns {
  /** In the chart's display unit; null where the series has no figure. */
  values: (number | null)[];
  /** The drawn figure's row id (charts.pointDetails takes it); null where there is none. */
  figureRowIds: (number | null)[];
  /** POINT_FLAGS of each point, 0 for none. */
  flags: number[];
}

/** What a compact series says about each point without its provenance, as bits. */
export const POINT_FLAGS = {
  doubtful: 1,
  competing: 2,
  /** Taken from a highlight, so a click opens the reader. */
  fromHighlight: 4,
  /** A range (qualifier), drawn at its midpoint. */
  range: 8
} as const;

/** Above this many points a chart's series come in the compact form (lines, bars, scatter; never pies). */
export const COMPACT_POINT_THRESHOLD = 5000;

/** A point's provenance, for a compact series (its value comes from the columns). */
export type ChartPointDetail = Omit<ChartPoint, 'value'> & { figureRowId: number };

export interface ChartData {
  /** The saved chart it was resolved from; null for a preview. */
  chartId: string | null;
  title: string;
  subtitle: string | null;
  type: ChartType;
  /** Bars drawn along a horizontal value axis (categories down the side) or as columns. */
  orientation: 'horizontal' | 'vertical';
  /** The spec's encoding, or the one chosen for it when it left the encoding open. */
  encoding: ChartEncoding;
  series: ChartSeries[];
  categories: string[];
  /** The display unit the values are in, e.g. "t", "Mt", "%", "billion USD". */
  unit: string;
  /** e.g. "Mine production (t, REO)". */
  valueAxisLabel: string;
  categoryAxisLabel: string | null;
  /** e.g. "Source: USGS Mineral Commodity Summaries 2025"; empty when no figure names a source. */
  sourceLine: string;
  /** Figures left out or drawn with a caveat, in words. */
  notes: string[];
  figureCount: number;
  doubtfulCount: number;
  competingCount: number;
}

/** The key under the chart when any point is marked doubtful. */
export const DOUBTFUL_NOTE = '⚠ Hatched, marked ?: disputed, inaccurate, misleading or unverified';
/** Appended to the label of a doubtful point. */
export const DOUBTFUL_MARK = '?';
