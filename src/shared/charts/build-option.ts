// ChartData → ECharts option. Pure (no DOM, no Node, only types from echarts), so the renderer
// draws with it on screen and core renders with it to SVG for export and print: a chart looks the
// same in both places. Layout follows newsroom practice (Datawrapper is the bar): left-aligned
// title and subtitle, few gridlines, values written on the bars, the unit in the axis title, and
// the source line and notes under the chart, where they survive export and printing.
import type { EChartsOption } from 'echarts';
import { VERDICT_LABELS } from '../evidence';
import { DOUBTFUL_MARK, DOUBTFUL_NOTE, POINT_FLAGS, type ChartData, type ChartPoint, type ChartPointDetail, type ChartSeries } from './chart-data';
import { escapeHtml, formatChartNumber, formatChartQuantity, qualifierPrefix } from './chart-format';

export interface BuildChartOptions {
  /** For paper and export: no animation and no tooltip. */
  forPrint?: boolean;
  width?: number;
  height?: number;
  /** The provenance fetched so far for points of compact series (the renderer's cache), for tooltips. */
  pointDetails?: (figureRowId: number) => ChartPointDetail | undefined;
}

/** Installed system fonts only: a chart must never fetch a web font, and must look alike everywhere. */
export const CHART_FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

/** Colour-blind-safe series colours; the first is the colour of a single-series chart. */
export const CHART_PALETTE = ['#1f6fa8', '#e3862d', '#3f9a6b', '#c4475a', '#7a5ea8', '#2fa5b8', '#a8772f', '#6b7a8f', '#d465a8', '#8aa63c'];

const INK = '#1d1d1f';
const MUTED = '#5c5f66';
const FAINT = '#8a8d93';
const GRID_LINE = '#e6e6e6';
const AXIS_LINE = '#333333';

/** Above this many points, a line chart is sampled and drawn in large mode. */
export const LARGE_LINE_THRESHOLD = 5000;
/** Above this many points, bars and scatter points are drawn in large mode. */
export const LARGE_THRESHOLD = 2000;
/** At most this many value labels are written on a chart; beyond it they would overlap. */
const MAX_LABELS = 60;

export const DEFAULT_CHART_WIDTH = 720;

const PADDING = 20;
const TITLE_SIZE = 20;
const TITLE_LINE = 26;
const SUBTITLE_SIZE = 14;
const SUBTITLE_LINE = 19;
const NOTE_SIZE = 12;
const NOTE_LINE = 16;
const LEGEND_ROW = 26;

/** The size a chart is drawn at when none is given: horizontal bars grow with their categories. */
export function chartSize(data: ChartData, options: { width?: number; height?: number } = {}): { width: number; height: number } {
  const width = Math.round(options.width ?? DEFAULT_CHART_WIDTH);
  if (options.height !== undefined) return { width, height: Math.round(options.height) };
  const layout = measureLayout(data, width);
  if (isBarType(data) && data.orientation === 'horizontal') {
    const bandsPerCategory = data.type === 'stacked_bar' ? stackCount(data) : Math.max(1, data.series.length);
    const band = bandsPerCategory === 1 ? 34 : 14 * bandsPerCategory + 14;
    const plot = Math.min(6000, Math.max(160, data.categories.length * band));
    return { width, height: Math.round(layout.top + plot + layout.bottom + 8) };
  }
  return { width, height: Math.round(Math.max(360, Math.min(640, width * 0.62)) + layout.notesHeight) };
}

function isBarType(data: ChartData): boolean {
  return data.type === 'bar' || data.type === 'grouped_bar' || data.type === 'stacked_bar';
}

function stackCount(data: ChartData): number {
  return new Set(data.series.map((series) => series.stack ?? '')).size || 1;
}

/** A series' values in its display unit, one per category (null where it has none), in either form. */
export function seriesValues(series: ChartSeries): (number | null)[] {
  return series.columns ? series.columns.values : series.points.map((point) => (point ? point.value : null));
}

/** Loops, not Math.max(...values): a million arguments would overflow the stack. */
function largestValue(data: ChartData): number {
  let largest = 0;
  for (const series of data.series) for (const value of seriesValues(series)) if (value !== null && Math.abs(value) > largest) largest = Math.abs(value);
  return largest;
}

function tallestStack(data: ChartData): number {
  const totals = new Map<string, number[]>();
  for (const series of data.series) {
    const key = series.stack ?? '';
    let sums = totals.get(key);
    if (!sums) totals.set(key, (sums = new Array<number>(data.categories.length).fill(0)));
    seriesValues(series).forEach((value, index) => (sums![index] += Math.abs(value ?? 0)));
  }
  let tallest = 0;
  for (const sums of totals.values()) for (const sum of sums) if (sum > tallest) tallest = sum;
  return tallest;
}

/**
 * Drawn in large mode: plain numbers, no symbols or labels. Compact series always are (they are
 * made only for charts past the large thresholds, and carry no per-point labels to draw).
 */
function isLarge(data: ChartData): boolean {
  if (data.series.some((series) => series.columns)) return true;
  return pointCount(data) > (data.type === 'line' ? LARGE_LINE_THRESHOLD : LARGE_THRESHOLD);
}

function pointCount(data: ChartData): number {
  let count = 0;
  for (const series of data.series) for (const value of seriesValues(series)) if (value !== null) count += 1;
  return count;
}

/**
 * Wraps text at spaces to fit a width, from an average character width (about 0.58 em for system
 * sans-serif fonts, a little more for bold). The chart wraps its own text rather than leave it to
 * ECharts, whose server-side text measurement is only an estimate: this way the screen, the SVG
 * and paper break lines in the same places.
 */
export function wrapText(text: string, fontSize: number, width: number, bold = false): string[] {
  if (!text) return [];
  const perLine = Math.max(10, Math.floor(width / (fontSize * (bold ? 0.62 : 0.58))));
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > perLine) {
        lines.push(line);
        line = '';
      }
      // A single word longer than a line is cut; nothing in a chart label should be that long.
      line = line ? `${line} ${word}` : word.length > perLine ? `${word.slice(0, perLine - 1)}…` : word;
    }
    lines.push(line);
  }
  return lines;
}

function lineCount(text: string, fontSize: number, width: number, bold = false): number {
  return wrapText(text, fontSize, width, bold).length;
}

interface Layout {
  titleLines: number;
  subtitleLines: number;
  legendTop: number;
  legendRows: number;
  /** Where the plot area starts and how much room the notes under it need. */
  top: number;
  bottom: number;
  notesHeight: number;
  footer: string[];
}

function hasLegend(data: ChartData): boolean {
  return data.type !== 'pie' && data.type !== 'donut' && data.series.length > 1;
}

function footerLines(data: ChartData): string[] {
  const lines: string[] = [];
  if (data.doubtfulCount > 0) lines.push(DOUBTFUL_NOTE);
  lines.push(...data.notes);
  return lines;
}

function measureLayout(data: ChartData, width: number): Layout {
  const textWidth = width - 2 * PADDING;
  const titleLines = lineCount(data.title, TITLE_SIZE, textWidth, true);
  const subtitleLines = data.subtitle ? lineCount(data.subtitle, SUBTITLE_SIZE, textWidth) : 0;
  let y = PADDING + titleLines * TITLE_LINE + (subtitleLines ? 4 + subtitleLines * SUBTITLE_LINE : 0);
  const legendTop = y + 10;
  let legendRows = 0;
  if (hasLegend(data)) {
    const legendWidth = data.series.reduce((sum, series) => sum + 12 + 6 + series.name.length * 7.5 + 22, 0);
    legendRows = Math.max(1, Math.ceil(legendWidth / textWidth));
    y = legendTop + legendRows * LEGEND_ROW;
  }
  const pie = data.type === 'pie' || data.type === 'donut';
  // Room for the value axis title above the plot (columns, lines, scatter) or the bars' axis title.
  const top = y + (pie ? 16 : 38);
  const footer = footerLines(data);
  const noteLines = footer.reduce((sum, line) => sum + lineCount(line, NOTE_SIZE, textWidth), 0);
  const sourceLines = lineCount(data.sourceLine, NOTE_SIZE, textWidth);
  const notesHeight = (noteLines + sourceLines) * NOTE_LINE;
  // The category labels of columns and lines sit under the plot.
  const axisRoom = pie ? 16 : data.orientation === 'vertical' || !isBarType(data) ? 40 : 14;
  return { titleLines, subtitleLines, legendTop, legendRows, top, bottom: axisRoom + notesHeight + PADDING, notesHeight, footer };
}

// ── points ─────────────────────────────────────────────────────────────────────────────────────

/** The label written on a point: "270,000", "~69.2", "31,000 ?" for a doubtful one. */
export function pointLabel(point: ChartPoint, series?: ChartSeries, extra = ''): string {
  let text = `${qualifierPrefix(point.qualifier)}${formatChartNumber(point.value)}${extra}`;
  if (point.doubtful) text += ` ${DOUBTFUL_MARK}`;
  // A competing value drawn alone: its rivals are named in a note under the chart.
  if (point.competing && !series?.variant) text += ' †';
  return text;
}

/**
 * The point behind an ECharts event (seriesIndex, dataIndex), for tooltips and clicks. A point of a
 * compact series has its provenance only once fetched: pass what has been fetched (`details`, by
 * figure row id); until then it is null (see compactPointAt).
 */
export function pointAt(
  data: ChartData,
  seriesIndex: number,
  dataIndex: number,
  details?: (figureRowId: number) => ChartPointDetail | undefined
): ChartPoint | null {
  if (data.type === 'pie' || data.type === 'donut') return data.series[0]?.points[dataIndex] ?? null;
  const series = data.series[seriesIndex];
  if (!series?.columns) return series?.points[dataIndex] ?? null;
  const compact = compactPointAt(data, seriesIndex, dataIndex);
  const detail = compact && details?.(compact.figureRowId);
  return compact && detail ? { ...detail, value: compact.value } : null;
}

/** What a compact series knows about a point without fetching: value, figure row id and flags. */
export interface CompactPoint {
  value: number;
  figureRowId: number;
  flags: number;
  category: string;
}

/** The compact point behind an ECharts event; null for a series in the object form or an empty slot. */
export function compactPointAt(data: ChartData, seriesIndex: number, dataIndex: number): CompactPoint | null {
  const columns = data.series[seriesIndex]?.columns;
  const value = columns?.values[dataIndex];
  const figureRowId = columns?.figureRowIds[dataIndex];
  if (!columns || value === null || value === undefined || figureRowId === null || figureRowId === undefined) return null;
  return { value, figureRowId, flags: columns.flags[dataIndex] ?? 0, category: data.categories[dataIndex] ?? '' };
}

/** What ECharts hands a tooltip formatter or click handler about one point. */
export interface TooltipParams {
  seriesIndex?: number;
  dataIndex: number;
}

/** At most this many other sources of a point are named in its tooltip; the rest are counted. */
const MAX_TOOLTIP_OTHERS = 6;

/** At most this many series are described in one axis tooltip; the rest are counted. */
const MAX_AXIS_TOOLTIP_SERIES = 4;

/**
 * Large lines are drawn without symbols (and sampled), so there is nothing to hover item by item:
 * their tooltip follows the axis pointer and describes the nearest point of each series.
 */
export function usesAxisTooltip(data: ChartData, large = isLarge(data)): boolean {
  return large && data.type === 'line';
}

/**
 * The tooltip for an item (one point) or for the axis (one point per series, as ECharts passes it).
 * ECharts gives the raw data index even for a sampled series, so the point found is the figure
 * whose value is drawn, with its own source and quote.
 */
export function tooltipHtml(
  data: ChartData,
  params: TooltipParams | TooltipParams[],
  details?: (figureRowId: number) => ChartPointDetail | undefined
): string {
  const list = Array.isArray(params) ? params : [params];
  const parts: string[] = [];
  for (const entry of list.slice(0, MAX_AXIS_TOOLTIP_SERIES)) {
    const seriesIndex = entry.seriesIndex ?? 0;
    const series = data.series[seriesIndex] ?? null;
    const point = pointAt(data, seriesIndex, entry.dataIndex, details);
    if (point) parts.push(pointTooltipHtml(data, point, series));
    else {
      // A compact point whose provenance is still on its way: what the columns say, and "…".
      const compact = compactPointAt(data, seriesIndex, entry.dataIndex);
      if (compact) parts.push(pendingTooltipHtml(data, compact, series));
    }
  }
  if (list.length > MAX_AXIS_TOOLTIP_SERIES) parts.push(`<div style="color:${MUTED}">and ${list.length - MAX_AXIS_TOOLTIP_SERIES} more series</div>`);
  return parts.join(`<div style="border-top:1px solid ${GRID_LINE};margin:6px 0"></div>`);
}

/** A compact point's tooltip before its provenance has arrived. */
function pendingTooltipHtml(data: ChartData, point: CompactPoint, series: ChartSeries | null): string {
  const heading = [series && data.series.length > 1 ? series.name : null, point.category].filter(Boolean).join(' · ');
  const marks = `${point.flags & POINT_FLAGS.doubtful ? ` ${DOUBTFUL_MARK}` : ''}${point.flags & POINT_FLAGS.competing && !series?.variant ? ' †' : ''}`;
  return (
    `<div style="font-weight:600">${escapeHtml(heading)}</div>` +
    `<div><b>${escapeHtml(formatChartQuantity(point.value, data.unit))}</b>${escapeHtml(marks)}</div>` +
    `<div style="color:${MUTED}" class="chart-tooltip-pending">Source …</div>`
  );
}

/** A pie slice's share: "69.2%", "0.5%", "<0.1%". */
export function formatShare(fraction: number): string {
  const percent = fraction * 100;
  if (percent > 0 && percent < 0.1) return '<0.1%';
  return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(percent)}%`;
}

function lighten(hex: string, amount: number): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => {
    const c = (value >> shift) & 0xff;
    return Math.round(c + (255 - c) * amount);
  };
  return `#${[16, 8, 0].map((shift) => channel(shift).toString(16).padStart(2, '0')).join('')}`;
}

/** Doubtful points: a pale, hatched fill inside a dashed outline in the series colour. */
function doubtfulStyle(color: string) {
  return {
    color: lighten(color, 0.62),
    borderColor: color,
    borderWidth: 1.5,
    borderType: 'dashed' as const,
    decal: {
      symbol: 'rect',
      symbolSize: 1,
      dashArrayX: [1, 0],
      dashArrayY: [2, 3],
      rotation: -Math.PI / 4,
      color: color
    }
  };
}

/** The tooltip for one point: value, unit, period, source, the quote, and any doubt. */
export function pointTooltipHtml(data: ChartData, point: ChartPoint, series: ChartSeries | null): string {
  const lines: string[] = [];
  lines.push(`<div style="font-weight:600">${escapeHtml(point.entity)} · ${escapeHtml(point.period)}</div>`);
  const shown = formatChartQuantity(point.value, data.unit);
  const stated =
    point.qualifier === 'range' && point.figureHigh !== null
      ? `${formatChartNumber(point.figureValue)}–${formatChartNumber(point.figureHigh)} ${point.unit}`
      : `${qualifierPrefix(point.qualifier)}${formatChartQuantity(point.figureValue, point.unit)}`;
  lines.push(`<div>${escapeHtml(point.metric)}: <b>${escapeHtml(shown)}</b>${stated.replace(/^~/, '') === shown ? '' : ` (stated: ${escapeHtml(stated)})`}</div>`);
  if (series?.variant) lines.push(`<div style="color:${MUTED}">One of competing values: ${escapeHtml(series.variant)}</div>`);
  else if (point.competing) lines.push(`<div style="color:${MUTED}">† Other sources give a different value</div>`);
  lines.push(`<div style="color:${MUTED}">${escapeHtml(point.sourceLabel ? `Source: ${point.sourceLabel}` : 'No source recorded')}</div>`);
  const others = point.others ?? [];
  for (const other of others.slice(0, MAX_TOOLTIP_OTHERS)) {
    const source = escapeHtml(other.sourceLabel ?? 'a figure with no source');
    const value =
      other.qualifier === 'range' && other.figureHigh !== null
        ? `${formatChartNumber(other.figureValue)}–${formatChartNumber(other.figureHigh)} ${other.unit}`
        : `${qualifierPrefix(other.qualifier)}${formatChartQuantity(other.figureValue, other.unit)}`;
    lines.push(`<div style="color:${MUTED}">${other.agrees ? `Same value from ${source}` : `Also ${escapeHtml(value)} from ${source}`}</div>`);
  }
  if (others.length > MAX_TOOLTIP_OTHERS) lines.push(`<div style="color:${MUTED}">and ${others.length - MAX_TOOLTIP_OTHERS} more sources</div>`);
  if (point.quote) {
    const quote = point.quote.length > 280 ? `${point.quote.slice(0, 277)}…` : point.quote;
    lines.push(`<div style="max-width:320px;white-space:normal;font-style:italic;margin-top:4px">“${escapeHtml(quote)}”</div>`);
  }
  for (const doubt of point.doubts.slice(0, 3)) {
    lines.push(`<div style="color:#b3261e;white-space:normal;max-width:320px">⚠ ${escapeHtml(VERDICT_LABELS[doubt.verdict])}: ${escapeHtml(doubt.statement.slice(0, 160))}</div>`);
  }
  return lines.join('');
}

// ── the option ─────────────────────────────────────────────────────────────────────────────────

type SeriesOption = Record<string, unknown>;

function axisTitle(data: ChartData): string {
  return data.valueAxisLabel;
}

function seriesColor(data: ChartData, index: number): string {
  return CHART_PALETTE[index % CHART_PALETTE.length];
}

function labelsFit(data: ChartData): boolean {
  return pointCount(data) <= MAX_LABELS;
}

function dataItem(point: ChartPoint | null, color: string, series: ChartSeries, withLabel: boolean, extraLabel: Record<string, unknown> = {}) {
  if (!point) return null;
  const item: Record<string, unknown> = {
    value: point.value,
    // Carried for click handlers: the point leads back to its figure and passage.
    figureId: point.figureId,
    highlightId: point.highlightId,
    articleId: point.articleId
  };
  if (point.doubtful) item.itemStyle = doubtfulStyle(color);
  if (withLabel) item.label = { formatter: pointLabel(point, series), ...extraLabel };
  // Where values are not written on the chart, a doubtful point still carries its mark.
  else if (point.doubtful) item.label = { show: true, formatter: DOUBTFUL_MARK, color: '#8a3a1a', fontWeight: 'bold', ...extraLabel };
  else item.label = { show: false };
  return item;
}

function buildCartesian(
  data: ChartData,
  layout: Layout,
  large: boolean,
  forPrint: boolean,
  pointDetails?: BuildChartOptions['pointDetails']
): Partial<EChartsOption> {
  const horizontal = isBarType(data) && data.orientation === 'horizontal';
  const withLabels = !large && labelsFit(data) && data.type !== 'scatter';
  const categoryAxis: Record<string, unknown> = {
    type: 'category',
    data: data.categories,
    name: data.categoryAxisLabel ?? undefined,
    nameLocation: 'middle',
    nameGap: horizontal ? 0 : 30,
    nameTextStyle: { color: MUTED, fontSize: 12 },
    axisTick: { show: false },
    axisLine: { show: !horizontal, lineStyle: { color: AXIS_LINE } },
    axisLabel: {
      color: horizontal ? INK : MUTED,
      fontSize: horizontal ? 13 : 12,
      hideOverlap: true,
      // Long country names wrap instead of pushing the bars off the chart.
      ...(horizontal ? { width: 160, overflow: 'truncate' } : {})
    },
    inverse: horizontal,
    boundaryGap: data.type !== 'line'
  };
  const valueAxis: Record<string, unknown> = {
    type: 'value',
    name: axisTitle(data),
    nameLocation: 'end',
    nameGap: horizontal ? 10 : 16,
    nameTextStyle: { color: MUTED, fontSize: 12, align: 'left', verticalAlign: 'bottom', padding: [0, 0, 0, 0] },
    splitLine: { show: true, lineStyle: { color: GRID_LINE } },
    axisLine: { show: false },
    axisTick: { show: false },
    axisLabel: { color: FAINT, fontSize: 11, hideOverlap: true },
    splitNumber: 4
  };
  if (!horizontal) {
    // The axis title starts at the chart's left edge, above the axis labels, as newsrooms set it.
    const widest = largestValue(data);
    const labelWidth = (formatChartNumber(widest * 1.25).length + (widest < 0 ? 1 : 0)) * 6.4 + 8;
    valueAxis.nameTextStyle = { ...(valueAxis.nameTextStyle as object), padding: [0, 0, 0, -labelWidth] };
  }
  if (horizontal) {
    // Bars carry their values; the value axis sits on top and stays quiet.
    Object.assign(valueAxis, {
      position: 'top',
      nameLocation: 'start',
      nameGap: 8,
      nameTextStyle: { ...(valueAxis.nameTextStyle as object), align: 'left', verticalAlign: 'bottom', padding: [0, 0, 6, 0] },
      axisLabel: { show: !withLabels, color: FAINT, fontSize: 11 },
      splitLine: { show: !withLabels, lineStyle: { color: GRID_LINE } }
    });
  }

  const axisTooltip = usesAxisTooltip(data, large);

  // The tallest stack, to tell which segments have room for a label.
  const stackMax = data.type === 'stacked_bar' ? tallestStack(data) : 0;

  const series: SeriesOption[] = data.series.map((entry, index) => {
    const color = seriesColor(data, index);
    const common: SeriesOption = {
      name: entry.name,
      id: entry.id,
      itemStyle: { color },
      emphasis: { focus: 'series' }
    };
    if (data.type === 'line') {
      if (large) {
        return {
          ...common,
          type: 'line',
          data: seriesValues(entry),
          sampling: 'lttb',
          large: true,
          progressive: 5000,
          progressiveThreshold: LARGE_LINE_THRESHOLD,
          showSymbol: false,
          symbol: 'none',
          lineStyle: { width: 1.5, color },
          animation: false
        };
      }
      const showLabels = withLabels && data.series.length <= 4;
      return {
        ...common,
        type: 'line',
        data: entry.points.map((point) => dataItem(point, color, entry, showLabels)),
        symbol: 'circle',
        symbolSize: 7,
        showSymbol: true,
        connectNulls: false,
        lineStyle: { width: 2.5, color },
        label: { show: showLabels, position: 'top', color: INK, fontSize: 11 }
      };
    }
    if (data.type === 'scatter') {
      return {
        ...common,
        type: 'scatter',
        data: large ? seriesValues(entry) : entry.points.map((point) => dataItem(point, color, entry, false, { position: 'top' })),
        symbolSize: large ? 3 : 10,
        large: large || undefined,
        largeThreshold: LARGE_THRESHOLD,
        ...(large ? { progressive: 5000, animation: false } : {})
      };
    }
    // Bars. Segments of a stack too thin for their value go unlabelled (the tooltip has it).
    const stacked = data.type === 'stacked_bar';
    const labelFits = (point: ChartPoint | null) => !stacked || (point !== null && Math.abs(point.value) >= 0.07 * stackMax);
    const labelPosition = stacked ? 'inside' : horizontal ? 'right' : 'top';
    return {
      ...common,
      type: 'bar',
      stack: stacked ? (entry.stack ?? 'total') : undefined,
      data: large
        ? seriesValues(entry)
        : entry.points.map((point) =>
            dataItem(point, color, entry, withLabels && labelFits(point), stacked && point?.doubtful ? { color: INK } : {})
          ),
      barMaxWidth: horizontal ? 26 : 56,
      barCategoryGap: data.series.length > 1 ? '28%' : '24%',
      barGap: '8%',
      label: {
        show: withLabels,
        position: labelPosition,
        color: stacked ? '#ffffff' : INK,
        fontSize: 12,
        distance: 6
      },
      ...(large ? { large: true, largeThreshold: LARGE_THRESHOLD, progressive: 5000, animation: false } : {})
    };
  });

  return {
    grid: {
      left: PADDING,
      right: horizontal ? PADDING + 56 : PADDING + 8,
      top: layout.top,
      bottom: layout.bottom,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel'
    } as EChartsOption['grid'],
    xAxis: (horizontal ? valueAxis : categoryAxis) as EChartsOption['xAxis'],
    yAxis: (horizontal ? categoryAxis : valueAxis) as EChartsOption['yAxis'],
    series: series as EChartsOption['series'],
    tooltip: forPrint
      ? undefined
      : {
          // A large line has no symbols to hover; the axis pointer finds the nearest drawn point.
          trigger: axisTooltip ? 'axis' : 'item',
          ...(axisTooltip ? { axisPointer: { type: 'line', lineStyle: { color: FAINT } } } : {}),
          confine: true,
          backgroundColor: '#ffffff',
          borderColor: '#d0d0d0',
          textStyle: { color: INK, fontSize: 12, fontFamily: CHART_FONT_FAMILY },
          formatter: ((params: TooltipParams | TooltipParams[]) => tooltipHtml(data, params, pointDetails)) as never
        },
    ...(axisTooltip ? { dataZoom: [{ type: 'inside', throttle: 50 }] } : {})
  };
}

function buildPie(data: ChartData, layout: Layout, width: number, height: number, forPrint: boolean): Partial<EChartsOption> {
  const entry = data.series[0];
  const points = entry?.points ?? [];
  const total = points.reduce((sum, point) => sum + (point ? point.value : 0), 0);
  const plotTop = layout.top;
  const plotHeight = Math.max(120, height - layout.top - layout.bottom);
  const radius = Math.max(40, Math.min(plotHeight / 2 - 10, width / 4.2));
  const items = points
    .map((point, index) => {
      if (!point) return null;
      const color = CHART_PALETTE[index % CHART_PALETTE.length];
      const share = total > 0 ? ` (${formatShare(point.value / total)})` : '';
      return {
        name: data.categories[index],
        value: point.value,
        figureId: point.figureId,
        highlightId: point.highlightId,
        articleId: point.articleId,
        itemStyle: point.doubtful ? doubtfulStyle(color) : { color },
        label: { formatter: `${data.categories[index]}\n${pointLabel(point, entry, share)}` }
      };
    })
    .filter((item) => item !== null);
  return {
    series: [
      {
        type: 'pie',
        name: entry?.name ?? data.title,
        id: entry?.id ?? 'pie',
        center: [width / 2, plotTop + plotHeight / 2],
        radius: data.type === 'donut' ? [radius * 0.55, radius] : [0, radius],
        data: items,
        // Drawn in the order the categories were sorted, clockwise from twelve o'clock.
        sort: 'none',
        startAngle: 90,
        clockwise: true,
        avoidLabelOverlap: true,
        label: { color: INK, fontSize: 12, lineHeight: 16 },
        labelLine: { lineStyle: { color: FAINT }, length: 10, length2: 14 },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1.5 }
      }
    ] as EChartsOption['series'],
    tooltip: forPrint
      ? undefined
      : {
          trigger: 'item',
          confine: true,
          backgroundColor: '#ffffff',
          borderColor: '#d0d0d0',
          textStyle: { color: INK, fontSize: 12, fontFamily: CHART_FONT_FAMILY },
          formatter: ((params: { dataIndex: number }) => {
            const point = points.filter((candidate) => candidate !== null)[params.dataIndex] ?? null;
            return point ? pointTooltipHtml(data, point, entry ?? null) : '';
          }) as never
        }
  };
}

/** The ECharts option for a resolved chart, on screen or on paper. */
export function buildChartOption(data: ChartData, options: BuildChartOptions = {}): EChartsOption {
  const { width, height } = chartSize(data, options);
  const layout = measureLayout(data, width);
  const forPrint = options.forPrint ?? false;
  const large = isLarge(data);
  const textWidth = width - 2 * PADDING;
  const pie = data.type === 'pie' || data.type === 'donut';

  // Notes and the source line, bottom up, as text on the chart itself.
  const footer: Record<string, unknown>[] = [];
  let bottom = PADDING - 6;
  const addFooter = (text: string, color: string) => {
    const lines = lineCount(text, NOTE_SIZE, textWidth);
    footer.push({
      type: 'text',
      left: PADDING,
      bottom,
      silent: true,
      style: { text: wrapText(text, NOTE_SIZE, textWidth).join('\n'), fill: color, font: `${NOTE_SIZE}px ${CHART_FONT_FAMILY}`, lineHeight: NOTE_LINE }
    });
    bottom += lines * NOTE_LINE;
  };
  if (data.sourceLine) addFooter(data.sourceLine, MUTED);
  for (const line of [...layout.footer].reverse()) addFooter(line, line === DOUBTFUL_NOTE ? '#8a3a1a' : MUTED);

  const body = pie ? buildPie(data, layout, width, height, forPrint) : buildCartesian(data, layout, large, forPrint, options.pointDetails);
  const option: EChartsOption = {
    animation: !forPrint && !large,
    backgroundColor: '#ffffff',
    color: CHART_PALETTE,
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: INK },
    aria: { enabled: true, label: { description: [data.title, data.subtitle, data.sourceLine].filter(Boolean).join('. ') } },
    title: {
      text: wrapText(data.title, TITLE_SIZE, textWidth, true).join('\n'),
      subtext: wrapText(data.subtitle ?? '', SUBTITLE_SIZE, textWidth).join('\n'),
      left: PADDING,
      top: PADDING - 4,
      padding: 0,
      itemGap: 8,
      textStyle: { color: INK, fontSize: TITLE_SIZE, fontWeight: 'bold', lineHeight: TITLE_LINE, fontFamily: CHART_FONT_FAMILY },
      subtextStyle: { color: MUTED, fontSize: SUBTITLE_SIZE, lineHeight: SUBTITLE_LINE, fontFamily: CHART_FONT_FAMILY }
    },
    legend: hasLegend(data)
      ? {
          show: true,
          type: 'plain',
          left: PADDING,
          top: layout.legendTop,
          padding: 0,
          width: textWidth,
          icon: 'rect',
          itemWidth: 12,
          itemHeight: 12,
          itemGap: 22,
          textStyle: { color: INK, fontSize: 13, fontFamily: CHART_FONT_FAMILY },
          data: data.series.map((series) => series.name)
        }
      : { show: false },
    graphic: footer as EChartsOption['graphic'],
    ...body
  };
  return option;
}
