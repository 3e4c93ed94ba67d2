// assay chart list | create | render, in-process against a fresh library, and once through the real
// executable to prove that rendering lets the process exit.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChartSummary } from '../../shared/charts/chart-spec';
import { useCliHarness } from '../cli-test-harness';
import { PACKAGE_ROOT, RESOURCES_DIR } from '../install-paths';
import type { ChartCreated } from './chart-commands';

const { assay, json, folder } = useCliHarness();

const SAMPLE_CSV = join(RESOURCES_DIR, 'sample', 'rare-earth-figures.csv');

async function importSample(): Promise<void> {
  const run = await assay('figures', 'import', SAMPLE_CSV, '--map', 'auto', '--commit');
  expect(run.code).toBe(0);
}

const COUNTRIES = ['China', 'United States', 'Burma', 'Australia', 'Nigeria', 'Thailand', 'India', 'Russia', 'Brazil'];
const countryOptions = COUNTRIES.flatMap((country) => ['--entity', country]);

describe('assay chart create and list', () => {
  it('saves a chart of a metric for several entities and a period, and lists it', async () => {
    await importSample();
    const created = await json<ChartCreated>('chart', 'create', '--metric', 'mine_production', '--period', '2024', ...countryOptions, '--type', 'bar');
    expect(created.chart).toMatchObject({
      title: 'Mine production, 2024',
      type: 'bar',
      selection: { metric: 'mine_production', entities: COUNTRIES, periods: ['2024'] },
      encoding: { category: 'entity', series: null }
    });
    expect(created.data.categories).toEqual(COUNTRIES);
    expect(created.data.sourceLine).toBe('Source: USGS Mineral Commodity Summaries 2025');

    const human = await assay('chart', 'create', '--metric', 'mine_production', '--entity', 'China', '--type', 'line', '--title', 'China’s output');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(
      /^Saved chart “China’s output” \(line; 3 figures in t, 2 series\)\.\nid [0-9a-f-]{36}\nSource: USGS Mineral Commodity Summaries 2024, 2025\n$/
    );

    const listed = await json<{ items: ChartSummary[]; total: number }>('chart', 'list');
    expect(listed.total).toBe(2);
    expect(listed.items.map((chart) => [chart.title, chart.type, chart.figureCount])).toEqual([
      ['China’s output', 'line', 3],
      ['Mine production, 2024', 'bar', 9]
    ]);
    const table = await assay('chart', 'list');
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+TYPE\s+FIGURES\s+UPDATED\s+TITLE$/);
    expect(table.stdout).toMatch(/\n[0-9a-f]{8}\s+bar\s+9\s+\d{4}-\d\d-\d\d\s+Mine production, 2024\n/);
  });

  it('says what is wrong: no charts yet, a missing option, an unknown type, figures in different units', async () => {
    expect((await assay('chart', 'list')).stdout).toBe('No charts yet. Make one with `assay chart create --metric M --type bar`.\n');
    const noType = await assay('chart', 'create', '--metric', 'mine_production');
    expect(noType.code).toBe(2);
    expect(noType.stderr).toMatch(/^assay: chart create needs --type \(bar, grouped_bar/);
    const badType = await assay('chart', 'create', '--metric', 'm', '--type', 'area');
    expect(badType.code).toBe(2);
    expect(badType.stderr).toMatch(/^assay: --type must be one of bar, grouped_bar, stacked_bar, line, pie, donut, scatter, not "area"/);

    await assay('figure', 'add', '--metric', 'output', '--entity', 'China', '--value', '270000', '--unit', 't', '--period', '2024');
    await assay('figure', 'add', '--metric', 'output', '--entity', 'Burma', '--value', '5', '--unit', 'USD', '--period', '2024');
    const mixed = await assay('chart', 'create', '--metric', 'output', '--type', 'bar');
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toMatch(/^assay: Cannot chart t and USD on one axis: China, output, 2024 is in t; Burma, output, 2024 is in USD\./);
    const empty = await assay('chart', 'create', '--metric', 'tonnage', '--type', 'bar');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/^assay: The chart has no figures to show: no live figure matches metric “tonnage”\./);
    expect((await json<{ total: number }>('chart', 'list')).total).toBe(0);
  });

  it('takes one --entity where a command filters by one', async () => {
    const run = await assay('figures', '--entity', 'China', '--entity', 'Burma');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^assay: --entity can be given only once here\./);
  });
});

describe('assay chart render', () => {
  it('writes the SVG with the values and the source line, by id or the start of one', async () => {
    await importSample();
    const { chart } = await json<ChartCreated>('chart', 'create', '--metric', 'mine_production', '--period', '2023', '--type', 'bar');
    const run = await assay('chart', 'render', chart.id.slice(0, 8), '--svg', 'chart.svg', '--width', '640');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `Wrote ${join(folder(), 'chart.svg')} (“Mine production, 2023”, 8 figures in t, 2 series).\nSource: USGS Mineral Commodity Summaries 2024, 2025\n`
    );
    const svg = readFileSync(join(folder(), 'chart.svg'), 'utf8');
    expect(svg).toMatch(/^<svg width="640"/);
    // Competing values side by side, each named by its edition.
    for (const text of ['255,000', '240,000', '2025 edition', '2024 edition', 'Source: USGS Mineral Commodity Summaries 2024, 2025']) {
      expect(svg).toContain(`>${text}<`);
    }
  });

  it('explains that PNG needs the app, and needs --svg otherwise', async () => {
    await importSample();
    const { chart } = await json<ChartCreated>('chart', 'create', '--metric', 'reserves', '--type', 'bar', '--period', '2024');
    const png = await assay('chart', 'render', chart.id, '--png', 'chart.png');
    expect(png.code).toBe(1);
    expect(png.stderr).toBe(
      'assay: PNG export needs a graphics renderer, which the command line does not have. Export PNG from the app (the chart’s Export menu), or render --svg and convert the SVG.\n'
    );
    expect(existsSync(join(folder(), 'chart.png'))).toBe(false);
    const nothing = await assay('chart', 'render', chart.id);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/^assay: chart render needs --svg FILE\./);
    const unknown = await assay('chart', 'render', 'ffffffff', '--svg', 'x.svg');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('assay: There is no chart with id ffffffff.\n');
  });

  it('exits promptly after rendering, through the real executable', async () => {
    await importSample();
    const { chart } = await json<ChartCreated>('chart', 'create', '--metric', 'mine_production', '--period', '2024', '--type', 'bar');
    // The harness's library, rendered by a separate `assay` process.
    const env = { PATH: process.env.PATH, HOME: folder(), ASSAY_LIBRARY: join(folder(), 'library.sqlite') };
    const started = Date.now();
    const rendered = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'assay.mjs'), 'chart', 'render', chart.id, '--svg', 'out.svg'], {
      cwd: folder(),
      env,
      encoding: 'utf8',
      timeout: 40_000
    });
    // Without dispose() the ECharts instance keeps the process alive and spawnSync times out.
    expect(rendered.error).toBeUndefined();
    expect(rendered.stderr).toBe('');
    expect(rendered.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(40_000);
    expect(readFileSync(join(folder(), 'out.svg'), 'utf8')).toContain('>270,000<');
  }, 60_000);
});
