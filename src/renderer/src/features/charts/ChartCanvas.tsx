// One chart on screen: the bundled ECharts drawing the option core's SVG export also uses
// (buildChartOption), so the screen and the exported file look alike. Hovering a point shows its
// provenance (pointTooltipHtml escapes every figure-supplied string); clicking it opens the
// passage it was taken from, or the figure (its citation) when it was typed in.
import * as echarts from 'echarts';
import { useEffect, useRef, useState } from 'react';
import type { ChartData, ChartPoint } from '../../../../shared/charts/chart-data';
import { buildChartOption, chartSize, DEFAULT_CHART_WIDTH } from '../../../../shared/charts/build-option';
import { pointAt } from '../../../../shared/charts/build-option';
import { navigate } from '../../app/route';

/** Where a click on a point leads: the highlighted passage, else the figure. */
export function openPoint(point: ChartPoint): void {
  if (point.articleId && point.highlightId) navigate({ view: 'reader', articleId: point.articleId, highlightId: point.highlightId });
  else navigate({ view: 'figures', figureId: point.figureId });
}

export function ChartCanvas({ data, onChart }: { data: ChartData; onChart?: (chart: echarts.ECharts | null) => void }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const dataRef = useRef(data);
  dataRef.current = data;
  const [width, setWidth] = useState(0);

  // One ECharts instance for the component's life; disposed on unmount.
  useEffect(() => {
    const element = host.current!;
    const instance = echarts.init(element, null, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => {
      const point = pointAt(dataRef.current, params.seriesIndex ?? 0, params.dataIndex);
      if (point) openPoint(point);
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
    const option = buildChartOption(data, { width: size.width, height: size.height });
    const tooltip = option.tooltip as Record<string, unknown> | undefined;
    if (tooltip) option.tooltip = { ...tooltip, className: 'chart-tooltip' };
    instance.setOption(option, { notMerge: true });
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
