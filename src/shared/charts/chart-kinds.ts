// The chart vocabulary without the schemas: command-line help and pickers need these names but
// should not load zod to get them.

export const CHART_TYPES = ['bar', 'grouped_bar', 'stacked_bar', 'line', 'pie', 'donut', 'scatter'] as const;
export type ChartType = (typeof CHART_TYPES)[number];
export const CHART_TYPE_LABELS: Record<ChartType, string> = {
  bar: 'Bar',
  grouped_bar: 'Grouped bar',
  stacked_bar: 'Stacked bar',
  line: 'Line',
  pie: 'Pie',
  donut: 'Donut',
  scatter: 'Scatter'
};

/** What a figure can be grouped by: its entity (China), period (2024) or metric (mine production). */
export const CHART_DIMENSIONS = ['entity', 'period', 'metric'] as const;
export type ChartDimension = (typeof CHART_DIMENSIONS)[number];

/** How categories are ordered. `auto`: periods in time order, anything else by value, largest first. */
export const CHART_SORTS = ['auto', 'value_desc', 'value_asc', 'label', 'selection'] as const;
export type ChartSort = (typeof CHART_SORTS)[number];

/** Bars along the category axis: `auto` draws periods as columns and anything else as horizontal bars. */
export const CHART_ORIENTATIONS = ['auto', 'horizontal', 'vertical'] as const;
export type ChartOrientation = (typeof CHART_ORIENTATIONS)[number];
