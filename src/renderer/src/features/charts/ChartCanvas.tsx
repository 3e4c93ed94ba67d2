// One chart on screen: the bundled ECharts drawing the option core's SVG export also uses
// (buildChartOption), so the screen and the exported file look alike. Hovering a point shows its
// provenance (pointTooltipHtml escapes every figure-supplied string); clicking it opens the
// passage it was taken from, or the figure (its citation) when it was typed in. A large line has
// no symbols to click: its tooltip follows the axis, and a click in the plot opens the point that
// tooltip describes (of the series nearest the pointer). A large chart comes in the compact form,
// without provenance: its points' provenance is fetched as they are hovered (charts.pointDetails),
// kept for the chart's life, and the tooltip shows "…" until it arrives.
import * as echarts from 'echarts';
import { useEffect, useRef, useState } from 'react';
import type { ChartData, ChartPoint, ChartPointDetail } from '../../../../shared/charts/chart-data';
import {
  buildChartOption,
  chartSize,
  compactPointAt,
  DEFAULT_CHART_WIDTH,
  pointAt,
  usesAxisTooltip,
  type TooltipParams
} from '../../../../shared/charts/build-option';
import type { AssayClient } from '../../api/client';
import { useClient } from '../../app/client-context';
import { navigate } from '../../app/route';

/**
 * The provenance of a compact chart's points, fetched on demand and kept. Requests for points
 * already on their way are not repeated; a hover that moves on simply finds its answer cached later.
 */
class PointDetails {
  private readonly known = new Map<number, ChartPointDetail>();
  private readonly pending = new Map<number, Promise<void>>();
  constructor(private readonly client: AssayClient) {}

  get = (figureRowId: number): ChartPointDetail | undefined => this.known.get(figureRowId);

  /** Resolves once every one of these points' provenance is known (or could not be fetched). */
  load(figureRowIds: number[]): Promise<void> {
    const missing = [...new Set(figureRowIds)].filter((id) => !this.known.has(id) && !this.pending.has(id));
    if (missing.length > 0) {
      const request = this.client
        .call('charts.pointDetails', { figureRowIds: missing })
        .then((details) => {
          for (const detail of details) this.known.set(detail.figureRowId, detail);
        })
        .catch(() => undefined)
        .finally(() => missing.forEach((id) => this.pending.delete(id)));
      missing.forEach((id) => this.pending.set(id, request));
    }
    return Promise.all(figureRowIds.map((id) => this.pending.get(id))).then(() => undefined);
  }
}

/** The figure row ids of the compact points an ECharts event or tooltip names. */
function compactRowIds(data: ChartData, params: TooltipParams[]): number[] {
  return params.flatMap((entry) => {
    const compact = compactPointAt(data, entry.seriesIndex ?? 0, entry.dataIndex);
    return compact ? [compact.figureRowId] : [];
  });
}

/** Where a click on a point leads: the highlighted passage, else the figure. */
export function openPoint(point: ChartPoint): void {
  if (point.articleId && point.highlightId) navigate({ view: 'reader', articleId: point.articleId, highlightId: point.highlightId });
  else navigate({ view: 'figures', figureId: point.figureId });
}

export function ChartCanvas({ data, onChart }: { data: ChartData; onChart?: (chart: echarts.ECharts | null) => void }) {
  const client = useClient();
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const dataRef = useRef(data);
  dataRef.current = data;
  // Fetched provenance belongs to one resolution of the chart: new data, new cache.
  const details = useRef<{ data: ChartData; cache: PointDetails } | null>(null);
  if (details.current?.data !== data) details.current = { data, cache: new PointDetails(client) };

  /** The point behind an event, with its provenance fetched first when the chart is compact. */
  const resolvePoint = async (seriesIndex: number, dataIndex: number): Promise<ChartPoint | null> => {
    const current = dataRef.current;
    const cache = details.current!.cache;
    const compact = compactPointAt(current, seriesIndex, dataIndex);
    if (compact) await cache.load([compact.figureRowId]);
    return pointAt(current, seriesIndex, dataIndex, cache.get);
  };
  const [width, setWidth] = useState(0);
  // The points the axis tooltip shows now (large lines), for a click anywhere in the plot.
  const axisTip = useRef<TooltipParams[] | null>(null);

  // One ECharts instance for the component's life; disposed on unmount.
  useEffect(() => {
    const element = host.current!;
    const instance = echarts.init(element, null, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => {
      void resolvePoint(params.seriesIndex ?? 0, params.dataIndex).then((point) => point && openPoint(point));
    });
    // Counts finished renders (data, zoom, resize) on the element, so end-to-end tests and the
    // renderer benchmarks can wait for the chart to be drawn without reaching into ECharts.
    let drawn = 0;
    instance.on('finished', () => {
      drawn += 1;
      element.dataset.drawn = String(drawn);
    });
    instance.on('hidetip', () => {
      axisTip.current = null;
    });
    instance.getZr().on('click', (event) => {
      const shown = axisTip.current;
      if (!shown || !usesAxisTooltip(dataRef.current) || !instance.containPixel('grid', [event.offsetX, event.offsetY])) return;
      let nearest: TooltipParams | null = null;
      let distance = Infinity;
      for (const entry of shown) {
        const value = dataRef.current.series[entry.seriesIndex ?? 0]?.columns?.values[entry.dataIndex] ?? pointAt(dataRef.current, entry.seriesIndex ?? 0, entry.dataIndex)?.value;
        if (value === null || value === undefined) continue;
        const [, y] = instance.convertToPixel({ seriesIndex: entry.seriesIndex ?? 0 }, [entry.dataIndex, value]) as number[];
        if (Math.abs(y - event.offsetY) < distance) {
          distance = Math.abs(y - event.offsetY);
          nearest = entry;
        }
      }
      if (nearest) void resolvePoint(nearest.seriesIndex ?? 0, nearest.dataIndex).then((point) => point && openPoint(point));
    });
    onChart?.(instance);
    const observer = new ResizeObserver((entries) => {
      const next = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (next > 0) setWidth((current) => (Math.abs(current - next) >= 2 ? next : current));
    });
    observer.observe(element.parentElement ?? element);
    return () => {
      observer.disconnect();
      onChart?.(null);
      chart.current = null;
      instance.dispose();
    };
    // onChart is read once: the instance is handed over when it is made.
  }, []);

  const drawWidth = Math.max(320, width || DEFAULT_CHART_WIDTH);
  const size = chartSize(data, { width: drawWidth });

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    instance.resize({ width: size.width, height: size.height });
    const cache = details.current!.cache;
    const option = buildChartOption(data, { width: size.width, height: size.height, pointDetails: cache.get });
    const tooltip = option.tooltip as Record<string, unknown> | undefined;
    if (tooltip) {
      const describe = tooltip.formatter as (params: TooltipParams | TooltipParams[]) => string;
      // ECharts passes a ticket and a callback for tooltips that finish later: a compact point's
      // tooltip shows what the columns say and "…" at once, and its provenance when it arrives.
      const formatter = (params: TooltipParams | TooltipParams[], ticket: string, update: (ticket: string, html: string) => void) => {
        const list = Array.isArray(params) ? params : [params];
        axisTip.current = Array.isArray(params) ? params : null;
        const missing = compactRowIds(data, list).filter((id) => !cache.get(id));
        // ECharts drops an update whose ticket is no longer the tooltip's (the pointer moved on).
        if (missing.length > 0) void cache.load(missing).then(() => update(ticket, describe(params)));
        return describe(params);
      };
      option.tooltip = { ...tooltip, className: 'chart-tooltip', formatter: formatter as never };
    }
    instance.setOption(option, { notMerge: true });
    // The data's cache is read when the option is built: a new resolution makes a new one.
  }, [data, size.width, size.height]);

  return (
    <div className="chart-canvas-frame">
      <div
        ref={host}
        className="chart-canvas"
        role="img"
        aria-label={[data.title, data.subtitle, data.sourceLine].filter(Boolean).join('. ')}
        style={{ width: size.width, height: size.height }}
      />
    </div>
  );
}
