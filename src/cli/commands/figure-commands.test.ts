// assay figure add, assay figures [import] and assay conflicts, in-process against a fresh library.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../shared/evidence';
import { useCliHarness } from '../cli-test-harness';
import { RESOURCES_DIR } from '../install-paths';
import type { ConflictsReport, FiguresImportReport } from './figure-commands';

const { assay, json, writeFile, sampleArticle } = useCliHarness();

const SAMPLE_CSV = join(RESOURCES_DIR, 'sample', 'rare-earth-figures.csv');

type FigurePage = { items: Figure[]; total: number };

async function figureCount(): Promise<number> {
  return (await json<FigurePage>('figures')).total;
}

const CHINA_2024 = ['--metric', 'mine_production', '--entity', 'China', '--period', '2024', '--unit', 't'];

describe('assay figure add', () => {
  it('adds a figure with a citation, and one taken from a highlight', async () => {
    const figure = await json<Figure>(
      'figure', 'add', ...CHINA_2024, '--value', '270,000', '--qualifier', 'approximately', '--basis', 'REO',
      '--source', 'USGS Mineral Commodity Summaries', '--publisher', 'USGS', '--edition', '2025', '--page', '145',
      '--url', 'https://pubs.usgs.gov/periodicals/mcs2025/mcs2025.pdf'
    );
    expect(figure).toMatchObject({
      metric: 'mine_production',
      entity: 'China',
      value: 270000,
      high: null,
      unit: 't',
      qualifier: 'approximately',
      period: '2024',
      basis: 'REO',
      competing: false,
      source: { kind: 'citation', title: 'USGS Mineral Commodity Summaries', publisher: 'USGS', edition: '2025', page: '145' }
    });

    const article = await sampleArticle();
    const highlight = article.highlights.find((candidate) => candidate.quote.exact === 'a world total of roughly 390,000 tons')!;
    const human = await assay(
      'figure', 'add', '--metric', 'mine_production', '--entity', 'World', '--value', '390000', '--unit', 'tons', '--period', '2024',
      '--highlight', highlight.id
    );
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(
      /^Added figure World, mine_production, 2024: 390,000 t \(Who really controls .*: “a world total of roughly 390,000 tons”\)\.\nid [0-9a-f-]{36}\n$/
    );
    expect(await figureCount()).toBe(2);
  });

  it.each([
    ['value', ['--value', 'lots', '--unit', 't', '--period', '2024'], /^assay: value: “lots” is not a number\.\n$/],
    ['unit', ['--value', '5', '--unit', 'furlongs', '--period', '2024'], /^assay: unit: Unknown unit "furlongs"/],
    ['period', ['--value', '5', '--unit', 't', '--period', '2024-13'], /^assay: period: /]
  ])('refuses a bad %s with a message naming the field and adds nothing', async (_field, fields, message) => {
    const run = await assay('figure', 'add', '--metric', 'mine_production', '--entity', 'China', ...fields);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(await figureCount()).toBe(0);
  });

  it('treats missing fields and an unknown qualifier as usage errors', async () => {
    const missing = await assay('figure', 'add', '--metric', 'mine_production', '--value', '5');
    expect([missing.code, missing.stderr.split('\n')[0]]).toEqual([2, 'assay: figure add needs --entity, --unit, --period.']);
    const qualifier = await assay('figure', 'add', ...CHINA_2024, '--value', '5', '--qualifier', 'about');
    expect(qualifier.code).toBe(2);
    expect(qualifier.stderr).toContain('--qualifier must be one of exact, approximately, at_least, at_most, range');
    const range = await assay('figure', 'add', ...CHINA_2024, '--value', '5', '--qualifier', 'range');
    expect(range).toMatchObject({ code: 1, stderr: 'assay: high: a range needs its upper value.\n' });
    expect(await figureCount()).toBe(0);
  });
});

describe('assay figures import', () => {
  it('previews the sample CSV with --map auto and adds nothing, then --commit adds 30 and a second --commit 0', async () => {
    const preview = await json<FiguresImportReport>('figures', 'import', SAMPLE_CSV, '--map', 'auto');
    expect(preview).toMatchObject({
      file: SAMPLE_CSV,
      committed: false,
      rowCount: 30,
      validCount: 30,
      problems: [],
      duplicateCount: 0,
      imported: 0,
      mapping: {
        metric: 'metric',
        entity: 'entity',
        period: 'period',
        value: 'value',
        unit: 'unit',
        basis: 'basis',
        citationTitle: 'source',
        citationEdition: 'edition',
        notes: 'note'
      }
    });
    expect(await figureCount()).toBe(0);

    const human = await assay('figures', 'import', SAMPLE_CSV, '--map', 'auto');
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('rare-earth-figures.csv: 30 rows; 30 valid, 0 with problems, 0 already in the library.');
    expect(human.stdout).toContain('source → citationTitle');
    expect(human.stdout).toMatch(/ +2 +China +mine_production +2024 +270000 +t +USGS Mineral Commodity Summaries, 2025 +ok\n/);
    expect(human.stdout).toContain('Nothing was imported. To import the 30 new rows, run the same command with --commit.');
    expect(await figureCount()).toBe(0);

    const committed = await json<FiguresImportReport>('figures', 'import', SAMPLE_CSV, '--map', 'auto', '--commit');
    expect([committed.committed, committed.imported]).toEqual([true, 30]);
    expect(await figureCount()).toBe(30);

    const again = await assay('figures', 'import', SAMPLE_CSV, '--map', 'auto', '--commit');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('30 valid, 0 with problems, 30 already in the library.');
    expect(again.stdout).toContain('Imported 0 figures.');
    expect(await figureCount()).toBe(30);
  });

  it('lists bad rows by line, refuses to commit them unless --skip-invalid, and takes explicit maps and defaults', async () => {
    writeFile(
      'mixed.csv',
      'Country,Year,Tonnes,Report\nChina,2024,"270,000",USGS MCS\nBurma,2024,lots,USGS MCS\nAustralia,2024-13,13000,USGS MCS\nIndia,2024,2900,USGS MCS\n'
    );
    const map = ['--map', 'entity=Country,period=Year', '--map', 'value=Tonnes,citationTitle=Report', '--default', 'unit=t', '--default', 'metric=mine_production'];
    const preview = await assay('figures', 'import', 'mixed.csv', ...map);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('4 rows; 2 valid, 2 with problems, 0 already in the library.');
    expect(preview.stdout).toContain('  line 3: value: “lots” is not a number.\n');
    expect(preview.stdout).toMatch(/ {2}line 4: period: /);
    expect(preview.stdout).toContain('--commit --skip-invalid');

    const refused = await assay('figures', 'import', 'mixed.csv', ...map, '--commit');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^assay: 2 of 4 rows have problems \(line 3: value: “lots” is not a number\.\); nothing was imported\..*add --skip-invalid\.\n$/);
    expect(await figureCount()).toBe(0);

    const skipped = await json<FiguresImportReport>('figures', 'import', 'mixed.csv', ...map, '--commit', '--skip-invalid');
    expect(skipped.imported).toBe(2);
    expect((await json<FigurePage>('figures', '--sort', 'entity')).items.map((figure) => [figure.entity, figure.value, figure.unit])).toEqual([
      ['China', 270000, 't'],
      ['India', 2900, 't']
    ]);
  });

  it('refuses an unknown field, a malformed --map, an unknown column and a missing file', async () => {
    const field = await assay('figures', 'import', SAMPLE_CSV, '--map', 'country=entity');
    expect(field.code).toBe(2);
    expect(field.stderr.split('\n')[0]).toBe(
      'assay: --map: "country" is not a figure field; the fields are metric, entity, value, high, unit, period, qualifier, basis, notes, ' +
        'citationTitle, citationPublisher, citationEdition, citationUrl, citationPage.'
    );
    expect((await assay('figures', 'import', SAMPLE_CSV, '--map', 'entity')).code).toBe(2);
    expect((await assay('figures', 'import', SAMPLE_CSV)).code).toBe(2);

    const column = await assay('figures', 'import', SAMPLE_CSV, '--map', 'auto,value=amount');
    expect(column.code).toBe(1);
    expect(column.stderr).toMatch(/^assay: mapping\.value: the CSV has no column “amount”; its columns are metric, entity, period/);

    const missing = await assay('figures', 'import', 'nowhere.csv', '--map', 'auto');
    expect(missing).toMatchObject({ code: 1, stderr: 'assay: cannot read nowhere.csv: there is no such file.\n' });
    expect(await figureCount()).toBe(0);
  });
});

describe('assay figures and assay conflicts', () => {
  it('lists figures with thousands separators, filters and sorts, and marks competing values', async () => {
    await json('figures', 'import', SAMPLE_CSV, '--map', 'auto', '--commit');
    const china = await json<FigurePage>('figures', '--entity', 'China', '--sort', 'value');
    expect(china.items.map((figure) => [figure.metric, figure.period, figure.value, figure.competing])).toEqual([
      ['reserves', '2024', 44000000, false],
      ['mine_production', '2024', 270000, false],
      ['mine_production', '2023', 255000, true],
      ['mine_production', '2023', 240000, true]
    ]);
    expect((await json<FigurePage>('figures', '--metric', 'reserves', '--limit', '3')).items).toHaveLength(3);
    expect((await json<FigurePage>('figures', '--metric', 'reserves', '--limit', '3')).total).toBe(12);

    const { stdout } = await assay('figures', '--entity', 'China', '--period', '2023');
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID +ENTITY +METRIC +PERIOD +VALUE +QUALIFIER +SOURCE +≠$/);
    expect(lines[1]).toMatch(/^[0-9a-f]{8}  China +mine_production +2023 +255,000 t +USGS Mineral Commodity Summaries, 2025 edition +≠$/);
    expect(lines[2]).toMatch(/240,000 t +USGS Mineral Commodity Summaries, 2024 edition +≠$/);
    expect(lines[3]).toContain('see `assay conflicts`');
    expect((await assay('figures', '--sort', 'size')).code).toBe(2);
  });

  it('shows competing values side by side with their editions', async () => {
    expect((await assay('conflicts')).stdout).toBe('No competing values: figures that share a metric, entity and period agree.\n');
    await json('figures', 'import', SAMPLE_CSV, '--map', 'auto', '--commit');

    const report = await json<ConflictsReport>('conflicts');
    const china = report.groups.find((group) => group.entity === 'China');
    expect(china).toMatchObject({ metric: 'mine_production', period: '2023' });
    expect(china!.figures.map((figure) => [figure.value, figure.unit, figure.source.kind === 'citation' && figure.source.edition])).toEqual([
      [255000, 't', '2025'],
      [240000, 't', '2024']
    ]);
    expect(report.groups.map((group) => group.entity)).toEqual(['Burma', 'China']);

    const { stdout } = await assay('conflicts');
    expect(stdout).toContain('mine_production · China · 2023\n');
    expect(stdout).toMatch(/\n {2}255,000 t +2025 +USGS Mineral Commodity Summaries +[0-9a-f]{8}\n {2}240,000 t +2024 +USGS Mineral Commodity Summaries +[0-9a-f]{8}\n/);
    expect(stdout).toContain('2 cases of competing values.');
  });

  it('explains figures import in help', async () => {
    const help = await assay('figures', '--help');
    expect(help.stdout).toContain('Usage: assay figures [--metric M]');
    expect(help.stdout).toContain('  assay figures import FILE.csv --map');
    expect((await assay('figures', 'import', '--help')).stdout).toContain('--skip-invalid      with --commit');
    const stray = await assay('figures', 'export');
    expect([stray.code, stray.stderr.split('\n')[0]]).toEqual([2, 'assay: figures has no subcommand "export"; use import.']);
  });
});
