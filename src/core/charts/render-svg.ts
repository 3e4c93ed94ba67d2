// Charts without a window: ECharts server-side rendering to an SVG string, for export, printing
// and the command line. It draws with the renderer's own option builder, so the file matches the
// screen.
import { createRequire } from 'node:module';
import type * as ECharts from 'echarts';
import { buildChartOption, chartSize } from '../../shared/charts/build-option';
import type { ChartData } from '../../shared/charts/chart-data';
import { AssayError } from '../../shared/errors';

// ECharts takes a second or more to load; only commands that draw a chart should pay for it. The
// CommonJS build is one file and loads several times faster than the ES modules.
let echarts: typeof ECharts | null = null;
function loadECharts(): typeof ECharts {
  echarts ??= createRequire(import.meta.url)('echarts') as typeof ECharts;
  return echarts;
}

export const MIN_CHART_SIZE = 120;
export const MAX_CHART_SIZE = 8000;

export interface RenderSvgOptions {
  width?: number;
  height?: number;
}

export function renderChartSvg(data: ChartData, options: RenderSvgOptions = {}): string {
  if (data.series.length === 0 || data.categories.length === 0) {
    throw new AssayError('invalid_input', `The chart “${data.title}” has no figures to draw. ${data.notes.join(' ')}`.trim());
  }
  for (const [name, value] of [['width', options.width], ['height', options.height]] as const) {
    if (value !== undefined && (!Number.isFinite(value) || value < MIN_CHART_SIZE || value > MAX_CHART_SIZE)) {
      throw new AssayError('invalid_input', `${name}: a chart is drawn from ${MIN_CHART_SIZE} to ${MAX_CHART_SIZE} pixels, not ${value}.`);
    }
  }
  const size = chartSize(data, options);
  const chart = loadECharts().init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  // A server-side chart keeps timers that hold the Node process open until it is disposed, so a
  // command that renders would never exit: dispose whatever happens.
  try {
    chart.setOption(buildChartOption(data, { forPrint: true, ...size }));
    return withDescription(chart.renderToSVGString(), data);
  } finally {
    chart.dispose();
  }
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** A title and description inside the file, for screen readers and file browsers. */
function withDescription(svg: string, data: ChartData): string {
  const description = [data.subtitle, data.sourceLine].filter(Boolean).join('. ');
  const head = `<title>${escapeXml(data.title)}</title>${description ? `<desc>${escapeXml(description)}</desc>` : ''}`;
  return svg.replace(/^(<svg[^>]*>)/, `$1\n${head}`);
}
