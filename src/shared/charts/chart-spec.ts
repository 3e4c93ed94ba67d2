// A saved chart is a specification, not data: which figures it shows and how they are encoded.
// Core resolves it against the live figures each time (src/core/charts/chart-data.ts), so a chart
// follows every correction to its figures. The zod schemas here are the contract's inputs.
import { z } from 'zod';
import {
  CHART_DIMENSIONS,
  CHART_ORIENTATIONS,
  CHART_SORTS,
  CHART_TYPES,
  type ChartOrientation,
  type ChartSort,
  type ChartType
} from './chart-kinds';

export * from './chart-kinds';

const name = z.string().trim().min(1).max(200);

/** Exactly these figures (e.g. a selection in the figures table). */
export const figureIdsSelectionSchema = z
  .object({ figureIds: z.array(z.string().min(1).max(100)).min(1, 'select at least one figure').max(1_000_000) })
  .strict();

/**
 * Every live figure of a metric, optionally only these entities and periods, and only figures
 * tagged `tag`. Figures carry no tags of their own: a figure has a tag when its article has it, or
 * when a claim made from the figure's highlight, or linking to the figure, has it.
 */
export const metricSelectionSchema = z
  .object({
    metric: name,
    entities: z.array(name).max(1000).optional(),
    periods: z.array(z.string().trim().min(1).max(40)).max(1000).optional(),
    tag: z.string().trim().min(1).max(100).optional()
  })
  .strict();

export const chartSelectionSchema = z.union([figureIdsSelectionSchema, metricSelectionSchema]);
export type ChartSelection = z.infer<typeof chartSelectionSchema>;
export type FigureIdsSelection = z.infer<typeof figureIdsSelectionSchema>;
export type MetricSelection = z.infer<typeof metricSelectionSchema>;

export function isFigureIdsSelection(selection: ChartSelection): selection is FigureIdsSelection {
  return 'figureIds' in selection;
}

/**
 * Which figure field runs along the category axis (or makes the slices of a pie), and which one,
 * if any, splits the figures into series. 2024 mine production by country: category entity,
 * series null. China and the United States over the years: category period, series entity.
 */
export const chartEncodingSchema = z
  .object({
    category: z.enum(CHART_DIMENSIONS),
    series: z.enum(CHART_DIMENSIONS).nullable()
  })
  .strict()
  .refine((encoding) => encoding.category !== encoding.series, {
    message: 'the series must be a different field from the category'
  });
export type ChartEncoding = z.infer<typeof chartEncodingSchema>;

const optionalLabel = (max: number) => z.string().trim().max(max).nullable().optional();

/** The fields of a spec other than its id, each optional and without defaults: what charts.update takes. */
export const chartSpecChanges = {
  /** Empty: made from the figures (e.g. "Mine production, 2024"). */
  title: z.string().trim().max(300).optional(),
  subtitle: optionalLabel(500),
  type: z.enum(CHART_TYPES).optional(),
  selection: chartSelectionSchema.optional(),
  /** Omitted at creation: chosen from the selected figures and the chart type. */
  encoding: chartEncodingSchema.optional(),
  /**
   * Competing values for one metric, entity and period (e.g. a figure and its revision) are drawn
   * side by side, labelled by their source; otherwise the most recent source is drawn, marked,
   * and the others are named in a note. Either way none of them silently wins.
   */
  showCompeting: z.boolean().optional(),
  /** The value axis title; default the metric with its unit, e.g. "Mine production (t, REO)". */
  valueAxisLabel: optionalLabel(200),
  /** The category axis title; default none (the categories speak for themselves). */
  categoryAxisLabel: optionalLabel(200),
  /** Display unit, e.g. "kt" or "Mt"; it must measure the same kind of quantity as the figures. */
  unit: optionalLabel(40),
  /** Replaces the generated "Source: …" line. */
  sourceLine: optionalLabel(1000),
  sort: z.enum(CHART_SORTS).optional(),
  orientation: z.enum(CHART_ORIENTATIONS).optional()
};

/** What charts.create and charts.preview take: a type and a selection; everything else has a default. */
export const chartSpecFields = {
  ...chartSpecChanges,
  title: z.string().trim().max(300).default(''),
  type: z.enum(CHART_TYPES),
  selection: chartSelectionSchema,
  showCompeting: z.boolean().default(true),
  sort: z.enum(CHART_SORTS).default('auto'),
  orientation: z.enum(CHART_ORIENTATIONS).default('auto')
};

export const chartSpecInputSchema = z.object(chartSpecFields).strict();
/** A spec as a caller writes it (defaults may be left out). */
export type ChartSpecInput = z.input<typeof chartSpecInputSchema>;

export interface ChartSpec {
  id: string;
  title: string;
  subtitle: string | null;
  type: ChartType;
  selection: ChartSelection;
  encoding: ChartEncoding;
  showCompeting: boolean;
  valueAxisLabel: string | null;
  categoryAxisLabel: string | null;
  unit: string | null;
  sourceLine: string | null;
  sort: ChartSort;
  orientation: ChartOrientation;
}

/** A saved chart: its spec and when it was made and last changed. */
export interface Chart extends ChartSpec {
  createdAt: string;
  updatedAt: string;
}

export interface ChartSummary {
  id: string;
  title: string;
  type: ChartType;
  /** How many live figures the selection holds now. */
  figureCount: number;
  updatedAt: string;
}
