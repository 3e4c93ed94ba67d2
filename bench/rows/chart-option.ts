// Build the ECharts option for a line chart of 100,000 figures, and a scatter of 1,000,000 points,
// with the same pure builder the renderer and core's SVG rendering use. The baseline is the bare
// library's own work: an option with the same arrays and no Assay encoding (labels, marks, tooltip
// data), so the ratio shows what Assay adds on top of handing ECharts the numbers.
import { buildChartOption } from '../../src/shared/charts/build-option';
import type { ChartData, ChartPoint } from '../../src/shared/charts/chart-data';
import { finishRow, type BenchGroup } from '../context';
import { summarize } from '../measure';

function syntheticChart(type: 'line' | 'scatter', pointCount: number): ChartData {
  const categories: string[] = [];
  const points: ChartPoint[] = [];
  for (let index = 0; index < pointCount; index += 1) {
    const period = `${1900 + Math.floor(index / 365)}-${String((index % 12) + 1).padStart(2, '0')}`;
    categories.push(String(index));
    points.push({
      value: 1000 + Math.sin(index / 50) * 400 + (index % 97),
      figureId: `f${index}`,
      entity: 'China',
      metric: 'mine_production',
      period,
      figureValue: 1000,
      figureHigh: null,
      unit: 't',
      qualifier: 'exact',
      sourceLabel: 'USGS Mineral Commodity Summaries 2025',
      quote: null,
      articleId: null,
      highlightId: null,
      citation: null,
      doubtful: index % 1000 === 0,
      doubts: [],
      competing: false
    });
  }
  return {
    chartId: null,
    title: 'Synthetic series',
    subtitle: null,
    type,
    orientation: 'vertical',
    encoding: { category: 'period', series: 'entity' },
    series: [{ id: 'China', name: 'China', stack: null, variant: null, points }],
    categories,
    unit: 't',
    valueAxisLabel: 'Mine production (t)',
    categoryAxisLabel: null,
    sourceLine: 'Source: USGS Mineral Commodity Summaries 2025',
    notes: [],
    figureCount: pointCount,
    doubtfulCount: Math.ceil(pointCount / 1000),
    competingCount: 0
  };
}

function time(run: () => unknown, iterations: number): number[] {
  const samples: number[] = [];
  for (let index = 0; index < iterations + 1; index += 1) {
    const started = performance.now();
    run();
    if (index > 0) samples.push(performance.now() - started);
  }
  return samples;
}

function bareOption(data: ChartData) {
  return {
    xAxis: { type: 'category', data: data.categories },
    yAxis: { type: 'value' },
    series: data.series.map((series) => ({ type: data.type, data: series.points.map((point) => point?.value ?? null) }))
  };
}

export const chartOptionGroup: BenchGroup = {
  id: 'chart-option',
  title: 'build a chart option from many figures',
  run(context) {
    const sizes: { type: 'line' | 'scatter'; count: number; target: number | null }[] = [
      { type: 'line', count: context.small ? 10_000 : 100_000, target: 200 },
      { type: 'scatter', count: context.small ? 100_000 : 1_000_000, target: null }
    ];
    return sizes.map(({ type, count, target }) => {
      const data = syntheticChart(type, count);
      const iterations = count >= 1_000_000 ? 3 : 8;
      const assay = summarize(time(() => buildChartOption(data), iterations));
      const bare = summarize(time(() => bareOption(data), iterations));
      return finishRow({
        id: `chart-option-${type}-${count}`,
        operation: `build the option for a ${type} chart of ${count.toLocaleString('en-US')} figures`,
        unit: 'ms',
        n: assay.n,
        p50: assay.p50,
        p95: assay.p95,
        baselineP50: bare.p50,
        baselineP95: bare.p95,
        ratio: assay.p50 / bare.p50,
        ratioKind: 'time',
        targets: target === null ? [] : [{ metric: 'p95', max: target, unit: 'ms', label: `≤ ${target} ms` }],
        notes: [
          'Pure option building (src/shared/charts/build-option.ts), as the renderer and the SVG renderer call it; large mode and LTTB sampling are switched on past 5,000 points, so drawing stays responsive.',
          'Baseline: an option holding the same values with no Assay encoding (tooltips, doubtful marks, labels).'
        ]
      });
    });
  }
};
