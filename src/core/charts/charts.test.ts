import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildChartOption } from '../../shared/charts/build-option';
import { COMPACT_POINT_THRESHOLD, DOUBTFUL_NOTE, POINT_FLAGS, type ChartData } from '../../shared/charts/chart-data';
import type { ChartSpecInput } from '../../shared/charts/chart-spec';
import { createTemporaryLibrary, libraryFingerprint, type TemporaryLibrary } from '../testing/temporary-library';
import { chartPointDetails, resolveChartData, type ResolvableSpec } from './chart-data';
import { chooseDisplayUnit } from './display-unit';
import { renderChartSvg } from './render-svg';

const SAMPLE_CSV = readFileSync(join(__dirname, '../../../resources/sample/rare-earth-figures.csv'), 'utf8');
const MAPPING = {
  metric: 'metric',
  entity: 'entity',
  period: 'period',
  value: 'value',
  unit: 'unit',
  basis: 'basis',
  citationTitle: 'source',
  citationEdition: 'edition',
  notes: 'note'
} as const;

let t: TemporaryLibrary;
beforeEach(() => {
  t = createTemporaryLibrary();
});
afterEach(() => t.dispose());

function importSample(): void {
  t.dispatcher.call('figures.importCsv', { csv: SAMPLE_CSV, mapping: MAPPING, commit: true });
}

const preview = (spec: ChartSpecInput) => t.dispatcher.call('charts.preview', spec);
const figureId = (entity: string, period: string, value?: number) =>
  t.dispatcher.call('figures.list', { entity, period, metric: 'mine_production' }).items.find((figure) => value === undefined || figure.value === value)!.id;
const values = (data: ChartData, seriesIndex = 0) => data.series[seriesIndex].points.map((point) => point?.value ?? null);

const MINE_2024 = { type: 'bar', selection: { metric: 'mine_production', periods: ['2024'] } } satisfies ChartSpecInput;
const COUNTRIES = ['China', 'United States', 'Burma', 'Australia', 'Nigeria', 'Thailand', 'India', 'Russia', 'Brazil'];

describe('chart data from the sample figures', () => {
  beforeEach(importSample);

  it('2024 mine production by country: categories by value, values in t, the unit on the axis and the source line', () => {
    const data = preview({ ...MINE_2024, selection: { ...MINE_2024.selection, entities: COUNTRIES } });
    expect(data).toMatchObject({
      title: 'Mine production, 2024',
      type: 'bar',
      orientation: 'horizontal',
      encoding: { category: 'entity', series: null },
      unit: 't',
      valueAxisLabel: 'Mine production (t, REO)',
      sourceLine: 'Source: USGS Mineral Commodity Summaries 2025',
      notes: [],
      figureCount: 9,
      doubtfulCount: 0
    });
    expect(data.categories).toEqual(COUNTRIES);
    expect(values(data)).toEqual([270000, 45000, 31000, 13000, 13000, 13000, 2900, 2500, 20]);
    const china = data.series[0].points[0]!;
    expect(china).toMatchObject({ entity: 'China', period: '2024', figureValue: 270000, unit: 't', sourceLabel: 'USGS Mineral Commodity Summaries 2025' });
    expect(china.citation).toMatchObject({ title: 'USGS Mineral Commodity Summaries', edition: '2025' });
  });

  it('a line of China over the years: periods in time order, one series per entity', () => {
    const data = preview({ type: 'line', selection: { metric: 'mine_production', entities: ['China', 'United States'] }, showCompeting: false });
    expect(data.encoding).toEqual({ category: 'period', series: 'entity' });
    expect(data.categories).toEqual(['2023', '2024']);
    expect(data.series.map((series) => series.name)).toEqual(['China', 'United States']);
    expect(data.series[0].points.map((point) => point?.value)).toEqual([255000, 270000]);
    expect(data.sourceLine).toBe('Source: USGS Mineral Commodity Summaries 2024, 2025');
  });

  it('shows competing values side by side, labelled by edition, and names the shown one when asked to pick', () => {
    const sideBySide = preview({ type: 'bar', selection: { metric: 'mine_production', periods: ['2023'], entities: ['China', 'Burma', 'Australia'] } });
    expect(sideBySide.series.map((series) => series.name)).toEqual(['2025 edition', '2024 edition']);
    expect(sideBySide.categories).toEqual(['China', 'Burma', 'Australia']);
    expect(values(sideBySide, 0)).toEqual([255000, 43000, 16000]);
    expect(values(sideBySide, 1)).toEqual([240000, 38000, null]);
    expect(sideBySide.series[1].points[0]).toMatchObject({ competing: true, sourceLabel: 'USGS Mineral Commodity Summaries 2024' });
    expect(sideBySide.competingCount).toBe(4);

    const picked = preview({ type: 'bar', selection: { metric: 'mine_production', periods: ['2023'], entities: ['China'] }, showCompeting: false });
    expect(picked.series).toHaveLength(1);
    expect(values(picked)).toEqual([255000]);
    expect(picked.notes).toEqual([
      '† China 2023: shown 255,000 t (USGS Mineral Commodity Summaries 2025); also reported 240,000 t (USGS Mineral Commodity Summaries 2024).'
    ]);

    // Only one side selected: the chart says that the library holds another value.
    const alone = preview({ type: 'bar', selection: { figureIds: [figureId('China', '2023', 240000)] } });
    expect(alone.notes).toEqual(['† Other figures in the library, not in this chart, give different values for China 2023.']);
  });

  it('refuses figures that differ in a field the chart does not show, and a series on a pie', () => {
    expect(t.dispatcher.invoke('charts.preview', { type: 'bar', selection: { metric: 'mine_production' }, encoding: { category: 'entity', series: null } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/^China has figures for more than one period \(2024, 2023\).*Select one period, or show periods as the series\.$/) }
    });
    expect(t.dispatcher.invoke('charts.preview', { type: 'pie', selection: { metric: 'mine_production' }, encoding: { category: 'entity', series: 'period' } })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^A pie chart shows one series/) }
    });
  });

  it('chooses a display unit by magnitude: reserves in Mt', () => {
    const data = preview({ type: 'bar', selection: { metric: 'reserves', periods: ['2024'], entities: ['China', 'Thailand'] } });
    expect(data.unit).toBe('Mt');
    expect(values(data)).toEqual([44, 0.0045]);
    expect(data.valueAxisLabel).toBe('Reserves (Mt, REO)');
  });

  it('says clearly when the selection holds no figures', () => {
    expect(t.dispatcher.invoke('charts.preview', { type: 'bar', selection: { metric: 'mine production' } })).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'The chart has no figures to show: no live figure matches metric “mine production”. The library has figures for “mine_production”, “reserves”.'
      }
    });
    expect(t.dispatcher.invoke('charts.preview', { type: 'bar', selection: { metric: 'mine_production', periods: ['2019'] } })).toMatchObject({
      ok: false,
      error: { message: 'The chart has no figures to show: no live figure matches metric “mine_production”, period 2019. Widen the entities, periods or tag.' }
    });
  });

  describe('several sources for one metric, entity and period: none wins silently', () => {
    const cite = (value: number, title: string, period = '2024') =>
      t.dispatcher.call('figures.create', { metric: 'mine_production', entity: 'China', value, unit: 't', period, qualifier: 'exact', citation: { title } });
    const china2024 = { type: 'bar', selection: { metric: 'mine_production', periods: ['2024'], entities: ['China'] } } satisfies ChartSpecInput;

    it('another source giving the same value: one point, whose tooltip data and source line name both sources', () => {
      const reuters = cite(270000, 'Reuters');
      for (const showCompeting of [true, false]) {
        const data = preview({ ...china2024, showCompeting });
        expect(data.series).toHaveLength(1);
        expect(values(data)).toEqual([270000]);
        const point = data.series[0].points[0]!;
        expect(point.competing).toBe(false);
        const sources = [point.sourceLabel, ...(point.others ?? []).map((other) => other.sourceLabel)];
        expect(sources.sort()).toEqual(['Reuters', 'USGS Mineral Commodity Summaries 2025']);
        expect(point.others).toEqual([expect.objectContaining({ figureValue: 270000, unit: 't', agrees: true })]);
        expect([point.figureId, point.others![0].figureId]).toContain(reuters.id);
        expect(data.notes).toEqual([]);
        expect(data.sourceLine).toMatch(/Reuters/);
        expect(data.sourceLine).toMatch(/USGS Mineral Commodity Summaries 2025/);
      }
    });

    it('competing values drawn side by side list each other, and the picked one lists the value left out', () => {
      const sideBySide = preview({ type: 'bar', selection: { metric: 'mine_production', periods: ['2023'], entities: ['China'] } });
      expect(sideBySide.series[0].points[0]!.others).toEqual([
        expect.objectContaining({ figureValue: 240000, sourceLabel: 'USGS Mineral Commodity Summaries 2024', agrees: false })
      ]);
      expect(sideBySide.series[1].points[0]!.others).toEqual([
        expect.objectContaining({ figureValue: 255000, sourceLabel: 'USGS Mineral Commodity Summaries 2025', agrees: false })
      ]);
      const picked = preview({ type: 'bar', selection: { metric: 'mine_production', periods: ['2023'], entities: ['China'] }, showCompeting: false });
      expect(picked.series[0].points[0]!.others).toEqual([expect.objectContaining({ figureValue: 240000, agrees: false })]);
    });

    it('one source giving two values: the newest is drawn, the note and the tooltip data name the other', () => {
      cite(250000, 'Mining Weekly');
      cite(260000, 'Mining Weekly');
      const data = preview(china2024);
      const split = data.series.map((series) => series.name);
      expect(split).toContain('Mining Weekly');
      const weekly = data.series[split.indexOf('Mining Weekly')].points[0]!;
      expect(weekly.figureValue).toBe(260000);
      expect(weekly.others?.map((other) => other.figureValue).sort()).toEqual([250000, 270000]);
      expect(data.notes).toEqual([
        'China, mine_production, 2024: Mining Weekly gives more than one value; the chart shows 260,000 t and leaves out 250,000 t.'
      ]);
    });
  });

  it('notes entities and periods it has no figures for', () => {
    const data = preview({ type: 'bar', selection: { metric: 'mine_production', periods: ['2024'], entities: ['China', 'Greenland'] } });
    expect(data.categories).toEqual(['China']);
    expect(data.notes).toEqual(['No figures for Greenland.']);
  });
});

describe('doubtful figures', () => {
  let articleId: string;
  beforeEach(() => {
    articleId = t.dispatcher.call('articles.create', {
      content: 'Burma mined 31,000 tons of rare earths in 2024, while China mined 270,000 tons.',
      format: 'text',
      title: 'Rare earths',
      publisher: 'Mining Weekly'
    }).id;
  });

  const highlightFigure = (exact: string, entity: string, value: number) => {
    const highlight = t.dispatcher.call('highlights.create', { articleId, exact });
    const figure = t.dispatcher.call('figures.create', { metric: 'mine_production', entity, value, unit: 't', period: '2024', qualifier: 'exact', highlightId: highlight.id });
    return { highlight, figure };
  };

  it('are marked when a claim with a doubtful verdict is made from their highlight or links to them, not when it contradicts', () => {
    const burma = highlightFigure('31,000 tons', 'Burma', 31000);
    const china = highlightFigure('270,000 tons', 'China', 270000);
    const spec = { type: 'bar', selection: { metric: 'mine_production' } } as const;
    expect(preview(spec).doubtfulCount).toBe(0);

    t.dispatcher.call('claims.create', { highlightIds: [burma.highlight.id], verdict: 'disputed', statement: 'Burma mined 31,000 tons' });
    const contradicting = t.dispatcher.call('claims.create', { statement: 'China mined 400,000 tons', verdict: 'inaccurate' });
    t.dispatcher.call('links.create', { claimId: contradicting.id, targetKind: 'figure', targetId: china.figure.id, relation: 'contradicts' });
    let data = preview(spec);
    expect(data.categories).toEqual(['China', 'Burma']);
    expect(data.series[0].points.map((point) => point!.doubtful)).toEqual([false, true]);
    expect(data.series[0].points[1]).toMatchObject({
      quote: '31,000 tons',
      articleId,
      highlightId: burma.highlight.id,
      sourceLabel: 'Mining Weekly',
      doubts: [{ verdict: 'disputed', statement: 'Burma mined 31,000 tons' }]
    });
    expect(data.sourceLine).toBe('Source: Mining Weekly');
    // The compact form of the same chart: the hovered point's provenance comes by its row id.
    const compact = resolveChartData(t.library, { title: '', subtitle: null, encoding: null, showCompeting: true, valueAxisLabel: null, categoryAxisLabel: null, unit: null, sourceLine: null, sort: 'auto', orientation: 'auto', ...spec }, { compactAbove: 0 });
    const burmaRowId = compact.series[0].columns!.figureRowIds[1]!;
    const [detail] = t.dispatcher.call('charts.pointDetails', { figureRowIds: [burmaRowId] });
    expect({ ...detail, value: compact.series[0].columns!.values[1] }).toEqual({ ...data.series[0].points[1], figureRowId: burmaRowId });
    expect(compact.series[0].columns!.flags[1]).toBe(POINT_FLAGS.doubtful | POINT_FLAGS.fromHighlight);

    const unverified = t.dispatcher.call('claims.create', { statement: 'China mined 270,000 tons', verdict: 'unverified' });
    t.dispatcher.call('links.create', { claimId: unverified.id, targetKind: 'figure', targetId: china.figure.id, relation: 'supports' });
    data = preview(spec);
    expect(data.series[0].points.map((point) => point!.doubtful)).toEqual([true, true]);
    expect(data.doubtfulCount).toBe(2);
    // Judged accurate after all: no longer doubtful.
    t.dispatcher.call('claims.update', { id: unverified.id, verdict: 'accurate' });
    expect(preview(spec).doubtfulCount).toBe(1);
    // The SVG carries the key.
    expect(renderChartSvg(preview(spec))).toContain(`>${DOUBTFUL_NOTE}<`);
  });

  it('selects by tag: the article’s tags, or a claim’s about the figure', () => {
    highlightFigure('31,000 tons', 'Burma', 31000);
    const china = t.dispatcher.call('figures.create', { metric: 'mine_production', entity: 'China', value: 270000, unit: 't', period: '2024', qualifier: 'exact' });
    t.dispatcher.call('articles.updateMetadata', { id: articleId, tags: ['myanmar'] });
    expect(preview({ type: 'bar', selection: { metric: 'mine_production', tag: 'Myanmar' } }).categories).toEqual(['Burma']);
    const claim = t.dispatcher.call('claims.create', { statement: 'China leads', verdict: 'accurate', tags: ['myanmar'] });
    t.dispatcher.call('links.create', { claimId: claim.id, targetKind: 'figure', targetId: china.id, relation: 'supports' });
    expect(preview({ type: 'bar', selection: { metric: 'mine_production', tag: 'myanmar' } }).categories).toEqual(['China', 'Burma']);
  });
});

describe('the unit guard', () => {
  const add = (entity: string, value: number, unit: string) =>
    t.dispatcher.call('figures.create', { metric: 'output', entity, value, unit, period: '2024', qualifier: 'exact' });

  it('refuses t with USD on one axis, naming the figures and units, and saves nothing', () => {
    add('China', 270000, 't');
    add('Burma', 1.2, 'billion USD');
    const before = libraryFingerprint(t.library);
    const refused = t.dispatcher.invoke('charts.create', { type: 'bar', selection: { metric: 'output' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const message = (refused as { error: { message: string } }).error.message;
    expect(message).toMatch(/^Cannot chart t and billion USD on one axis: /);
    expect(message).toContain('China, output, 2024 is in t');
    expect(message).toContain('Burma, output, 2024 is in billion USD');
    expect(libraryFingerprint(t.library)).toBe(before);
  });

  it('puts t and Mt on one axis, in a unit that keeps the numbers short', () => {
    add('China', 270000, 't');
    add('World', 0.39, 'Mt');
    const data = t.dispatcher.call('charts.preview', { type: 'bar', selection: { metric: 'output' } });
    expect(data.unit).toBe('kt');
    expect(data.categories).toEqual(['World', 'China']);
    expect(values(data)).toEqual([390, 270]);
    expect(t.dispatcher.call('charts.preview', { type: 'bar', selection: { metric: 'output' }, unit: 't' }).series[0].points.map((p) => p!.value)).toEqual([390000, 270000]);
    expect(t.dispatcher.invoke('charts.preview', { type: 'bar', selection: { metric: 'output' }, unit: 'USD' })).toMatchObject({
      ok: false,
      error: { message: 'unit: the figures are in t; they cannot be shown in USD.' }
    });
  });

  it('shows ratios in percent and keeps a shared unit that reads well', () => {
    expect(chooseDisplayUnit([{ value: 0.692, unit: 'fraction', label: 'a' }, { value: 12, unit: '%', label: 'b' }]).unit).toBe('%');
    expect(chooseDisplayUnit([{ value: 0.692, unit: 'fraction', label: 'a' }]).toDisplay(0.692, 'fraction')).toBe(69.2);
    expect(chooseDisplayUnit([{ value: 3.8, unit: 'Mt', label: 'a' }, { value: 1.2, unit: 'Mt', label: 'b' }]).unit).toBe('Mt');
    expect(chooseDisplayUnit([{ value: 44_000_000, unit: 't', label: 'a' }]).unit).toBe('Mt');
    expect(chooseDisplayUnit([{ value: 1200, unit: 'million USD', label: 'a' }, { value: 3, unit: 'billion USD', label: 'b' }]).unit).toBe('billion USD');
  });
});

describe('saved charts', () => {
  beforeEach(importSample);

  it('update when a figure is corrected, because they store the spec, not the data', () => {
    const chart = t.dispatcher.call('charts.create', MINE_2024);
    expect(chart).toMatchObject({ title: 'Mine production, 2024', encoding: { category: 'entity', series: null }, showCompeting: true });
    const chinaId = figureId('China', '2024');
    expect(t.dispatcher.call('charts.get', { id: chart.id }).data.series[0].points[1]!.value).toBe(270000);
    t.dispatcher.call('figures.update', { id: chinaId, value: '280,000' });
    const { data } = t.dispatcher.call('charts.get', { id: chart.id });
    expect(data.chartId).toBe(chart.id);
    expect(data.series[0].points.find((point) => point?.figureId === chinaId)!.value).toBe(280000);
    // A deleted figure leaves the chart; a chart whose figures are all gone still opens, with a note.
    t.dispatcher.call('figures.delete', { id: chinaId });
    expect(t.dispatcher.call('charts.get', { id: chart.id }).data.categories).not.toContain('China');
  });

  it('are listed with how many figures they select now', () => {
    const bar = t.dispatcher.call('charts.create', { ...MINE_2024, title: 'Mine production' });
    const ids = [figureId('China', '2024'), figureId('Burma', '2024')];
    const picked = t.dispatcher.call('charts.create', { type: 'pie', selection: { figureIds: ids } });
    expect(t.dispatcher.call('charts.list', {})).toEqual([
      { id: picked.id, title: 'Mine production, 2024', type: 'pie', figureCount: 2, updatedAt: picked.updatedAt },
      { id: bar.id, title: 'Mine production', type: 'bar', figureCount: 10, updatedAt: bar.updatedAt }
    ]);
    t.dispatcher.call('figures.delete', { id: ids[0] });
    expect(t.dispatcher.call('charts.list', {})[0].figureCount).toBe(1);
    expect(t.dispatcher.call('charts.get', { id: picked.id }).data.notes).toContain('1 selected figure is no longer in the library and is not shown.');
    t.dispatcher.call('figures.delete', { id: ids[1] });
    const empty = t.dispatcher.call('charts.get', { id: picked.id }).data;
    expect(empty.categories).toEqual([]);
    expect(empty.notes.join(' ')).toMatch(/the selected figures were deleted/);
  });

  it('undo takes back a create, an edit and a delete', () => {
    const chart = t.dispatcher.call('charts.create', MINE_2024);
    expect(t.dispatcher.call('history.peek', {}).next).toBe('Add chart');
    const edited = t.dispatcher.call('charts.update', { id: chart.id, title: 'Rare earths, 2024', type: 'donut', showCompeting: false });
    expect(edited).toMatchObject({ title: 'Rare earths, 2024', type: 'donut', showCompeting: false, encoding: { category: 'entity', series: null } });
    expect(t.dispatcher.call('history.undo', {}).undone).toBe('Edit chart');
    expect(t.dispatcher.call('charts.get', { id: chart.id }).chart).toMatchObject({ title: 'Mine production, 2024', type: 'bar', showCompeting: true });

    t.dispatcher.call('charts.delete', { id: chart.id });
    expect(t.dispatcher.call('charts.list', {})).toEqual([]);
    expect(t.dispatcher.invoke('charts.get', { id: chart.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(t.dispatcher.call('history.undo', {}).undone).toBe('Delete chart');
    expect(t.dispatcher.call('charts.list', {}).map((summary) => summary.id)).toEqual([chart.id]);

    expect(t.dispatcher.call('history.undo', {}).undone).toBe('Add chart');
    expect(t.dispatcher.call('charts.list', {})).toEqual([]);
  });

  it('choose a new encoding when the type or selection changes, and keep one that was given', () => {
    const chart = t.dispatcher.call('charts.create', { type: 'line', selection: { metric: 'mine_production', entities: ['China'] } });
    expect(chart.encoding).toEqual({ category: 'period', series: null });
    const bars = t.dispatcher.call('charts.update', { id: chart.id, selection: { metric: 'mine_production', periods: ['2024'] } });
    expect(bars.encoding).toEqual({ category: 'entity', series: null });
    const explicit = t.dispatcher.call('charts.update', { id: chart.id, encoding: { category: 'period', series: 'entity' }, selection: { metric: 'mine_production' } });
    expect(explicit.encoding).toEqual({ category: 'period', series: 'entity' });
  });
});

describe('rendering to SVG', () => {
  beforeEach(importSample);

  it('draws the series values, one bar per figure and the source line, in system fonts', () => {
    const chart = t.dispatcher.call('charts.create', { ...MINE_2024, selection: { ...MINE_2024.selection, entities: COUNTRIES } });
    const { svg } = t.dispatcher.call('charts.renderSvg', { id: chart.id });
    expect(svg).toMatch(/^<svg [^>]*width="720"/);
    expect(svg).toContain('<title>Mine production, 2024</title>');
    for (const label of ['270,000', '45,000', '31,000', '2,900', 'China', 'United States', 'Brazil', 'Mine production (t, REO)']) expect(svg).toContain(`>${label}<`);
    expect(svg).toContain('>Source: USGS Mineral Commodity Summaries 2025<');
    const bars = new Set([...svg.matchAll(/ecmeta_series_index="0" ecmeta_data_index="(\d+)"/g)].map((match) => match[1]));
    expect(bars.size).toBe(9);
    // Generic font families only: nothing to fetch.
    const fonts = new Set([...svg.matchAll(/font(?:-family)?:\s*(?:\d+px\s+)?([^;"]+)/g)].map((match) => match[1].trim()));
    expect([...fonts]).toEqual(["system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"]);
    expect(svg).not.toMatch(/@font-face|@import|url\(http/);
  });

  it('renders an unsaved spec at a given size, and refuses an empty chart or a size out of range', () => {
    const { svg } = t.dispatcher.call('charts.renderSvg', { spec: { type: 'line', selection: { metric: 'mine_production', entities: ['China'] } }, width: 500, height: 300 });
    expect(svg).toMatch(/^<svg width="500" height="300"/);
    expect(svg).toContain('>255,000<');
    expect(t.dispatcher.invoke('charts.renderSvg', {})).toMatchObject({ ok: false, error: { message: expect.stringMatching(/give either the id of a saved chart or a spec/) } });
    expect(t.dispatcher.invoke('charts.renderSvg', { spec: MINE_2024, width: 50 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('lets the Node process exit: the server-side chart is disposed', { timeout: 60_000 }, () => {
    // A child process renders a chart and then has nothing left to do; without dispose() it would hang.
    const script = [
      "import { renderChartSvg } from './src/core/charts/render-svg.ts';",
      "const point = { value: 1, figureId: 'f', entity: 'A', metric: 'm', period: '2024', figureValue: 1, figureHigh: null, unit: 't', qualifier: 'exact', sourceLabel: null, quote: null, articleId: null, highlightId: null, citation: null, doubtful: false, doubts: [], competing: false };",
      "const svg = renderChartSvg({ chartId: null, title: 'T', subtitle: null, type: 'bar', orientation: 'horizontal', encoding: { category: 'entity', series: null }, series: [{ id: 's', name: 's', stack: null, variant: null, points: [point] }], categories: ['A'], unit: 't', valueAxisLabel: 'm (t)', categoryAxisLabel: null, sourceLine: 'Source: X', notes: [], figureCount: 1, doubtfulCount: 0, competingCount: 0 });",
      'process.stdout.write(String(svg.length));'
    ].join('\n');
    const root = join(__dirname, '../../..');
    const started = Date.now();
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 40_000 });
    expect(run.error).toBeUndefined();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(Number(run.stdout)).toBeGreaterThan(1000);
    expect(Date.now() - started).toBeLessThan(40_000);
  });
});

describe('the compact form of large charts', () => {
  const spec = (type: ResolvableSpec['type'], selection: ResolvableSpec['selection'], showCompeting = true): ResolvableSpec => ({
    title: '',
    subtitle: null,
    type,
    selection,
    encoding: null,
    showCompeting,
    valueAxisLabel: null,
    categoryAxisLabel: null,
    unit: null,
    sourceLine: null,
    sort: 'auto',
    orientation: 'auto'
  });
  const idsOf = (rowIds: (number | null)[]) => {
    const details = new Map(chartPointDetails(t.library, rowIds.filter((id): id is number => id !== null)).map((detail) => [detail.figureRowId, detail.figureId]));
    return rowIds.map((rowId) => (rowId === null ? null : details.get(rowId)));
  };
  const withoutSeriesData = (data: ChartData) => ({ ...data, series: data.series.map(({ points: _points, columns: _columns, ...rest }) => rest) });

  beforeEach(importSample);

  it('carries the same values, figures, flags and everything else as the object form', () => {
    const specs = [
      spec('line', { metric: 'mine_production', entities: ['China', 'United States'] }),
      spec('bar', { metric: 'mine_production', periods: ['2024'] }),
      spec('grouped_bar', { metric: 'mine_production', entities: ['China'], periods: ['2023', '2024'] }),
      spec('stacked_bar', { metric: 'mine_production', entities: ['China', 'Burma'] }, false)
    ];
    for (const candidate of specs) {
      const objects = resolveChartData(t.library, candidate);
      const compact = resolveChartData(t.library, candidate, { compactAbove: 0 });
      expect(objects.series.every((series) => series.columns === undefined)).toBe(true);
      expect(withoutSeriesData(compact)).toEqual(withoutSeriesData(objects));
      compact.series.forEach((series, index) => {
        const points = objects.series[index].points;
        expect(series.points).toEqual([]);
        expect(series.columns!.values).toEqual(points.map((point) => point?.value ?? null));
        expect(idsOf(series.columns!.figureRowIds)).toEqual(points.map((point) => point?.figureId ?? null));
        expect(series.columns!.flags.map((flags) => Boolean(flags & POINT_FLAGS.competing))).toEqual(points.map((point) => point?.competing ?? false));
        expect(series.columns!.flags.map((flags) => Boolean(flags & POINT_FLAGS.doubtful))).toEqual(points.map((point) => point?.doubtful ?? false));
      });
      // The option builder draws the same numbers from either form.
      const drawn = (data: ChartData) => (buildChartOption(data).series as { data: unknown[] }[]).map((series) => series.data.map((item) => (typeof item === 'object' && item ? (item as { value: number }).value : item)));
      expect(drawn(compact)).toEqual(drawn(objects));
    }
  });

  it('switches to the compact form only above the threshold, and never for pies', () => {
    const line = spec('line', { metric: 'mine_production', entities: ['China'] });
    const count = resolveChartData(t.library, line).figureCount;
    expect(count).toBeGreaterThan(2);
    expect(resolveChartData(t.library, line, { compactAbove: count }).series[0].columns).toBeUndefined();
    expect(resolveChartData(t.library, line, { compactAbove: count - 1 }).series[0].columns).toBeDefined();
    // The default threshold is far above a sample chart.
    expect(count).toBeLessThanOrEqual(COMPACT_POINT_THRESHOLD);
    expect(resolveChartData(t.library, line).series[0].points.length).toBeGreaterThan(0);
    const pie = resolveChartData(t.library, spec('pie', { metric: 'mine_production', periods: ['2024'] }), { compactAbove: 0 });
    expect(pie.series[0].columns).toBeUndefined();
  });

  it('gives a competing point’s provenance and the other values by row id, as the object form has them', () => {
    const china2023 = spec('bar', { metric: 'mine_production', entities: ['China'], periods: ['2023'] });
    const objects = resolveChartData(t.library, china2023);
    const compact = resolveChartData(t.library, china2023, { compactAbove: 0 });
    const rowIds = compact.series.map((series) => series.columns!.figureRowIds[0]!);
    const details = t.dispatcher.call('charts.pointDetails', { figureRowIds: rowIds });
    expect(details.map(({ figureRowId: _rowId, ...detail }, index) => ({ ...detail, value: compact.series[index].columns!.values[0] }))).toEqual(
      objects.series.map((series) => series.points[0])
    );
    expect(details[0].others).toEqual([expect.objectContaining({ figureValue: 240000, agrees: false })]);
  });
});
