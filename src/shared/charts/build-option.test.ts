// The option builder is a pure function of ChartData: these tests need no library and no ECharts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildChartOption,
  chartSize,
  CHART_FONT_FAMILY,
  formatShare,
  LARGE_LINE_THRESHOLD,
  pointAt,
  pointLabel,
  pointTooltipHtml,
  tooltipHtml,
  usesAxisTooltip,
  wrapText
} from './build-option';
import { DOUBTFUL_NOTE, POINT_FLAGS, type ChartData, type ChartPoint, type ChartPointDetail, type ChartSeries } from './chart-data';
import { formatChartNumber, humanizeName } from './chart-format';

function point(entity: string, value: number, extra: Partial<ChartPoint> = {}): ChartPoint {
  return {
    value,
    figureId: `figure-${entity}-${value}`,
    entity,
    metric: 'mine_production',
    period: '2024',
    figureValue: value,
    figureHigh: null,
    unit: 't',
    qualifier: 'exact',
    sourceLabel: 'USGS Mineral Commodity Summaries 2025',
    quote: null,
    articleId: null,
    highlightId: null,
    citation: { title: 'USGS Mineral Commodity Summaries', publisher: null, edition: '2025', url: null, page: null },
    doubtful: false,
    doubts: [],
    competing: false,
    ...extra
  };
}

function series(name: string, points: (ChartPoint | null)[], extra: Partial<ChartSeries> = {}): ChartSeries {
  return { id: name, name, stack: null, variant: null, points, ...extra };
}

function chartData(extra: Partial<ChartData> = {}): ChartData {
  const points = [point('China', 270000), point('United States', 45000), point('Burma', 31000)];
  return {
    chartId: null,
    title: 'Mine production, 2024',
    subtitle: 'Rare-earth oxide equivalent',
    type: 'bar',
    orientation: 'horizontal',
    encoding: { category: 'entity', series: null },
    series: [series('Mine production', points)],
    categories: ['China', 'United States', 'Burma'],
    unit: 't',
    valueAxisLabel: 'Mine production (t, REO)',
    categoryAxisLabel: null,
    sourceLine: 'Source: USGS Mineral Commodity Summaries 2025',
    notes: [],
    figureCount: 3,
    doubtfulCount: 0,
    competingCount: 0,
    ...extra
  };
}

type AnyRecord = Record<string, any>;
const asArray = (value: unknown): AnyRecord[] => (Array.isArray(value) ? value : [value]) as AnyRecord[];
const graphicTexts = (option: AnyRecord): string[] => asArray(option.graphic).map((element) => element.style.text as string);

describe('buildChartOption', () => {
  it('draws categories, series values, the axis with its unit, title, subtitle and the source line', () => {
    const option = buildChartOption(chartData()) as AnyRecord;
    // Horizontal bars: categories down the side (first at the top), values along the top axis.
    const categoryAxis = asArray(option.yAxis)[0];
    const valueAxis = asArray(option.xAxis)[0];
    expect(categoryAxis).toMatchObject({ type: 'category', data: ['China', 'United States', 'Burma'], inverse: true });
    expect(valueAxis).toMatchObject({ type: 'value', name: 'Mine production (t, REO)' });
    const [bars] = asArray(option.series);
    expect(bars.type).toBe('bar');
    expect(bars.data.map((item: AnyRecord) => item.value)).toEqual([270000, 45000, 31000]);
    expect(bars.data.map((item: AnyRecord) => item.label.formatter)).toEqual(['270,000', '45,000', '31,000']);
    // Each bar leads back to its figure.
    expect(bars.data[0].figureId).toBe('figure-China-270000');
    expect(option.title).toMatchObject({ text: 'Mine production, 2024', subtext: 'Rare-earth oxide equivalent' });
    expect(graphicTexts(option)).toEqual(['Source: USGS Mineral Commodity Summaries 2025']);
    expect(option.legend).toMatchObject({ show: false });
    expect(option.textStyle.fontFamily).toBe(CHART_FONT_FAMILY);
  });

  it('draws periods as columns and lines with the value axis upright', () => {
    const points = [point('China', 240000, { period: '2023' }), point('China', 270000)];
    const option = buildChartOption(
      chartData({ type: 'line', orientation: 'vertical', encoding: { category: 'period', series: 'entity' }, categories: ['2023', '2024'], series: [series('China', points)] })
    ) as AnyRecord;
    expect(asArray(option.xAxis)[0]).toMatchObject({ type: 'category', data: ['2023', '2024'], boundaryGap: false });
    expect(asArray(option.yAxis)[0]).toMatchObject({ type: 'value', name: 'Mine production (t, REO)' });
    const [line] = asArray(option.series);
    expect(line).toMatchObject({ type: 'line', showSymbol: true });
    expect(line.sampling).toBeUndefined();
  });

  it('marks doubtful points: hatched, pale, dashed outline, a "?" in the label and a key under the chart', () => {
    const doubtful = point('Burma', 31000, {
      doubtful: true,
      doubts: [{ verdict: 'disputed', claimId: 'c1', statement: 'Burma mined 31,000 t' }]
    });
    const data = chartData({
      series: [series('Mine production', [point('China', 270000), point('United States', 45000), doubtful])],
      doubtfulCount: 1
    });
    const option = buildChartOption(data) as AnyRecord;
    const [bars] = asArray(option.series);
    const marked = bars.data[2];
    expect(marked.label.formatter).toBe('31,000 ?');
    expect(marked.itemStyle).toMatchObject({ borderType: 'dashed', borderWidth: 1.5, decal: expect.objectContaining({ rotation: expect.any(Number) }) });
    // Lighter than the series colour.
    expect(marked.itemStyle.color).not.toBe(bars.itemStyle.color);
    expect(bars.data[0].itemStyle).toBeUndefined();
    expect(graphicTexts(option)).toEqual(['Source: USGS Mineral Commodity Summaries 2025', DOUBTFUL_NOTE]);
    expect(DOUBTFUL_NOTE).toMatch(/^⚠ .*disputed, inaccurate, misleading or unverified$/);
    // The tooltip says why.
    expect(pointTooltipHtml(data, doubtful, data.series[0])).toContain('⚠ Disputed: Burma mined 31,000 t');
  });

  it('shows competing values side by side, each series labelled by its source, never stacked', () => {
    const newer = series('2025 edition', [point('China', 255000, { period: '2023', competing: true }), null], { variant: '2025 edition' });
    const older = series('2024 edition', [point('China', 240000, { period: '2023', competing: true, sourceLabel: 'USGS Mineral Commodity Summaries 2024' }), point('United States', 43000)], {
      variant: '2024 edition'
    });
    const option = buildChartOption(chartData({ series: [newer, older], categories: ['China', 'United States'] })) as AnyRecord;
    const bars = asArray(option.series);
    expect(bars.map((entry) => entry.name)).toEqual(['2025 edition', '2024 edition']);
    expect(bars.map((entry) => entry.stack)).toEqual([undefined, undefined]);
    expect(bars[0].data[0].value).toBe(255000);
    expect(bars[1].data[0].value).toBe(240000);
    // A missing value is a gap, not a zero.
    expect(bars[0].data[1]).toBeNull();
    // Variants need no dagger: the legend names their sources.
    expect(bars[0].data[0].label.formatter).toBe('255,000');
    expect(option.legend).toMatchObject({ show: true, data: ['2025 edition', '2024 edition'] });
  });

  it('daggers a competing value drawn alone, whose rivals a note names', () => {
    const lonely = point('China', 255000, { competing: true });
    expect(pointLabel(lonely, series('Mine production', [lonely]))).toBe('255,000 †');
    expect(pointLabel({ ...lonely, qualifier: 'approximately', doubtful: true })).toBe('~255,000 ? †');
  });

  it('stacks stacked bars by their stack, competing sources in stacks of their own', () => {
    const option = buildChartOption(
      chartData({
        type: 'stacked_bar',
        orientation: 'vertical',
        encoding: { category: 'period', series: 'entity' },
        categories: ['2023'],
        series: [
          series('China (2025 edition)', [point('China', 255000)], { stack: 'total', variant: '2025 edition' }),
          series('China (2024 edition)', [point('China', 240000)], { stack: '2024 edition', variant: '2024 edition' }),
          series('Burma', [point('Burma', 43000)], { stack: 'total' })
        ]
      })
    ) as AnyRecord;
    expect(asArray(option.series).map((entry) => entry.stack)).toEqual(['total', '2024 edition', 'total']);
  });

  it('draws 100,000 points of a line in large mode: sampled (LTTB), progressive, without symbols or labels', () => {
    const count = 100_000;
    const points = Array.from({ length: count }, (_, index) => point('China', Math.sin(index / 500) * 1000 + 5000, { period: String(index) }));
    const data = chartData({
      type: 'line',
      orientation: 'vertical',
      encoding: { category: 'period', series: 'entity' },
      categories: points.map((entry) => entry.period),
      series: [series('China', points)],
      figureCount: count
    });
    const started = performance.now();
    const option = buildChartOption(data) as AnyRecord;
    expect(performance.now() - started).toBeLessThan(2000);
    const [line] = asArray(option.series);
    expect(line).toMatchObject({ type: 'line', sampling: 'lttb', large: true, showSymbol: false, symbol: 'none', progressive: expect.any(Number) });
    // Plain numbers, not objects: ECharts' fast path.
    expect(typeof line.data[0]).toBe('number');
    expect(line.data).toHaveLength(count);
    expect(option.animation).toBe(false);
    // The tooltip still finds the point behind a sampled index.
    expect(pointAt(data, 0, 99_999)?.period).toBe('99999');
    // Small lines stay unsampled.
    expect(count).toBeGreaterThan(LARGE_LINE_THRESHOLD);
  });

  it('gives a large line an axis tooltip that names each series’ point with its value, period, source and quote', () => {
    const count = LARGE_LINE_THRESHOLD + 1;
    const make = (entity: string) =>
      Array.from({ length: count }, (_, index) =>
        point(entity, 1000 + index, { period: `p${index}`, ...(index === 4321 ? { quote: 'The plant separated 5,321 tonnes', highlightId: 'h1', articleId: 'a1' } : {}) })
      );
    const data = chartData({
      type: 'line',
      orientation: 'vertical',
      encoding: { category: 'period', series: 'entity' },
      categories: make('China').map((entry) => entry.period),
      series: [series('China', make('China')), series('Burma', make('Burma'))],
      figureCount: 2 * count
    });
    expect(usesAxisTooltip(data)).toBe(true);
    const option = buildChartOption(data) as AnyRecord;
    expect(option.tooltip).toMatchObject({ trigger: 'axis' });
    expect(option.dataZoom).toEqual([expect.objectContaining({ type: 'inside' })]);
    // ECharts hands the formatter the raw data index of each series' nearest drawn point.
    const html = option.tooltip.formatter([
      { seriesIndex: 0, dataIndex: 4321 },
      { seriesIndex: 1, dataIndex: 4321 }
    ]) as string;
    expect(html).toContain('China · p4321');
    expect(html).toContain('Burma · p4321');
    expect(html).toContain('5,321 t');
    expect(html).toContain('Source: USGS Mineral Commodity Summaries 2025');
    expect(html).toContain('The plant separated 5,321 tonnes');
    // Small lines keep the item tooltip on their symbols.
    expect(usesAxisTooltip(chartData({ type: 'line' }))).toBe(false);
    expect((buildChartOption(chartData({ type: 'line' })) as AnyRecord).tooltip).toMatchObject({ trigger: 'item' });
  });

  it('lists every other source of a point in its tooltip: agreeing, competing and left out', () => {
    const china = point('China', 270000, {
      competing: true,
      others: [
        { figureId: 'f2', figureValue: 270000, figureHigh: null, unit: 't', qualifier: 'exact', sourceLabel: 'Reuters', quote: null, agrees: true },
        { figureId: 'f3', figureValue: 240000, figureHigh: null, unit: 't', qualifier: 'approximately', sourceLabel: 'USGS Mineral Commodity Summaries 2024', quote: null, agrees: false }
      ]
    });
    const data = chartData({ series: [series('Mine production', [china])], categories: ['China'] });
    const html = tooltipHtml(data, { seriesIndex: 0, dataIndex: 0 });
    expect(html).toContain('Source: USGS Mineral Commodity Summaries 2025');
    expect(html).toContain('Same value from Reuters');
    expect(html).toContain('Also ~240,000 t from USGS Mineral Commodity Summaries 2024');
  });

  it('draws 100,000 scatter points with large: true', () => {
    const points = Array.from({ length: 100_000 }, (_, index) => point('China', index % 977, { period: String(index) }));
    const option = buildChartOption(
      chartData({ type: 'scatter', orientation: 'vertical', categories: points.map((entry) => entry.period), series: [series('China', points)] })
    ) as AnyRecord;
    const [scatter] = asArray(option.series);
    expect(scatter).toMatchObject({ type: 'scatter', large: true });
    expect(typeof scatter.data[0]).toBe('number');
  });

  it('draws pies and donuts with shares in the labels, one slice per category', () => {
    const option = buildChartOption(chartData({ type: 'donut', orientation: 'vertical' })) as AnyRecord;
    const [pie] = asArray(option.series);
    expect(pie.type).toBe('pie');
    expect(pie.radius[0]).toBeGreaterThan(0);
    expect(pie.data.map((item: AnyRecord) => item.name)).toEqual(['China', 'United States', 'Burma']);
    expect(pie.data[0].label.formatter).toBe('China\n270,000 (78%)');
    expect(formatShare(270000 / 390000)).toBe('69.2%');
    expect(formatShare(20 / 390000)).toBe('<0.1%');
  });

  it('puts notes and the source line under the chart, wrapped to its width, and leaves no tooltip on paper', () => {
    const long = `† ${'China 2023: shown 255,000 t (USGS Mineral Commodity Summaries 2025); also reported 240,000 t. '.repeat(3)}`;
    const option = buildChartOption(chartData({ notes: [long] }), { forPrint: true, width: 400 }) as AnyRecord;
    const [source, note] = graphicTexts(option);
    expect(source).toBe('Source: USGS Mineral Commodity Summaries 2025');
    expect(note.split('\n').length).toBeGreaterThan(3);
    // Lines break at spaces, never inside "255,000".
    expect(note).not.toMatch(/255,\n000/);
    expect(option.tooltip).toBeUndefined();
    expect(option.animation).toBe(false);
  });

  it('sizes horizontal bar charts by their categories', () => {
    const few = chartSize(chartData());
    const many = chartSize(
      chartData({ categories: Array.from({ length: 30 }, (_, i) => `E${i}`), series: [series('x', Array.from({ length: 30 }, (_, i) => point(`E${i}`, i)))] })
    );
    expect(few.width).toBe(720);
    expect(many.height).toBeGreaterThan(few.height + 600);
    expect(chartSize(chartData(), { width: 500, height: 300 })).toEqual({ width: 500, height: 300 });
  });
});

describe('compact series (large charts: columns, provenance fetched per point)', () => {
  const quoted = point('2024-03-01', 812, { period: '2024-03-01', entity: 'Baotou', quote: 'The plant shipped 812 tonnes that day.', sourceLabel: 'Plant diary' });
  const compactLine = (): ChartData =>
    chartData({
      type: 'line',
      orientation: 'vertical',
      encoding: { category: 'period', series: null },
      categories: ['2024-02-29', '2024-03-01', '2024-03-02'],
      series: [
        series('Output', [], { columns: { values: [790, 812, null], figureRowIds: [41, 42, null], flags: [POINT_FLAGS.doubtful, POINT_FLAGS.fromHighlight, 0] } })
      ]
    });
  const detail: ChartPointDetail = (({ value: _value, ...rest }) => ({ ...rest, figureRowId: 42 }))(quoted);

  it('are drawn in large mode from their values, with an axis tooltip', () => {
    const option = buildChartOption(compactLine()) as AnyRecord;
    const line = asArray(option.series)[0];
    expect(line.data).toEqual([790, 812, null]);
    expect(line).toMatchObject({ sampling: 'lttb', large: true, showSymbol: false });
    expect(option.tooltip.trigger).toBe('axis');
    expect(usesAxisTooltip(compactLine())).toBe(true);
  });

  it('show what the columns say and “…” until a point’s provenance arrives, then the quote and source', () => {
    const data = compactLine();
    expect(pointAt(data, 0, 1)).toBeNull();
    const pending = tooltipHtml(data, [{ seriesIndex: 0, dataIndex: 1 }]);
    expect(pending).toContain('2024-03-01');
    expect(pending).toContain('812 t');
    expect(pending).toContain('…');
    expect(tooltipHtml(data, [{ seriesIndex: 0, dataIndex: 0 }])).toContain('<b>790 t</b> ?');
    const details = (rowId: number) => (rowId === 42 ? detail : undefined);
    expect(pointAt(data, 0, 1, details)).toEqual({ ...quoted, figureRowId: 42 });
    const filled = tooltipHtml(data, [{ seriesIndex: 0, dataIndex: 1 }], details);
    expect(filled).toBe(pointTooltipHtml(data, quoted, data.series[0]));
    expect(filled).toContain('The plant shipped 812 tonnes that day.');
    expect(filled).toContain('Source: Plant diary');
    // The option's own tooltip reads the renderer's cache.
    const formatter = (buildChartOption(data, { pointDetails: details }) as AnyRecord).tooltip.formatter;
    expect(formatter([{ seriesIndex: 0, dataIndex: 1 }])).toBe(filled);
    expect(tooltipHtml(data, [{ seriesIndex: 0, dataIndex: 2 }])).toBe('');
  });
});

describe('chart text', () => {
  it('formats numbers by their size', () => {
    expect([270000, 69.2, 3.8, 0.89, 0.0045, -3, 0].map(formatChartNumber)).toEqual(['270,000', '69.2', '3.8', '0.89', '0.0045', '−3', '0']);
    expect(humanizeName('mine_production')).toBe('Mine production');
  });

  it('wraps at spaces', () => {
    expect(wrapText('Source: USGS Mineral Commodity Summaries 2024, 2025', 12, 200)).toEqual(['Source: USGS Mineral', 'Commodity Summaries 2024,', '2025']);
    expect(wrapText('', 12, 200)).toEqual([]);
  });
});

describe('the shared chart modules', () => {
  it('import nothing from Node, the DOM, core or the renderer, and only types from echarts', () => {
    const folder = __dirname;
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))) {
      const source = readFileSync(join(folder, file), 'utf8');
      const imports = [...source.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)].map((match) => ({ typeOnly: Boolean(match[1]), from: match[2] }));
      for (const { typeOnly, from } of imports) {
        expect(from, `${file} imports ${from}`).toMatch(/^(\.\.?\/(?!\.\.\/core|\.\.\/renderer|\.\.\/main)|zod$|echarts$)/);
        if (from === 'echarts') expect(typeOnly, `${file} imports echarts at run time`).toBe(true);
      }
    }
  });
});
