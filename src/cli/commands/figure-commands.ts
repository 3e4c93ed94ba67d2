// assay figure add, assay figures [import] and assay conflicts: sourced data points, the figures
// table, CSV import with a preview, and competing values side by side.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Dispatcher } from '../../core/dispatch/dispatcher';
import {
  FIGURE_CSV_FIELDS,
  QUALIFIERS,
  type CompetingGroup,
  type CsvImportResult,
  type CsvPreviewRow,
  type Figure,
  type FigureCsvField
} from '../../shared/evidence';
import { AssayError } from '../../shared/errors';
import { resolveFromCwd, UsageError, withLibrary, writeJson, type CliIo, type CommandSpec } from '../cli-context';
import { choiceOption, integerOption, singleOption } from '../cli-options';
import { renderTable, singleLine } from '../terminal-text';
import { fileProblem } from '../file-problems';
import { describeAmount, describeFigure, describeSource, formatAmount, qualifierLabel, shortId } from './evidence-text';

// ── figure add ───────────────────────────────────────────────────────────────────────────────

const REQUIRED_FIGURE_OPTIONS = ['metric', 'entity', 'value', 'unit', 'period'] as const;

const figureAddCommand: CommandSpec = {
  name: 'figure add',
  summary: 'add a figure: a sourced value for a metric, entity and period',
  usage:
    `assay figure add --metric M --entity E --value V --unit U --period P [--qualifier ${QUALIFIERS.join('|')}] [--high V] ` +
    '[--highlight ID] [--source TITLE] [--publisher P] [--edition E] [--url U] [--page N] [--basis TEXT] [--notes TEXT] [--json]',
  options: [
    'json',
    'metric',
    'entity',
    'value',
    'unit',
    'period',
    'qualifier',
    'high',
    'highlight',
    'source',
    'publisher',
    'edition',
    'url',
    'page',
    'basis',
    'notes'
  ],
  args: { min: 0, max: 0 },
  details: [
    '--metric M         what is measured, e.g. mine_production',
    '--entity E         of whom or what, e.g. China',
    '--value V          the number as printed: 270000, "270,000", 3.8',
    '--unit U           t, kt, Mt, %, USD, "million USD", USD/kg, … (see docs/cli.md)',
    '--period P         2024, 2024-H1, 2024-Q3, 2024-05, 2024-05-17, or a span START/END (2020/2024)',
    `--qualifier Q      ${QUALIFIERS.join(', ')} (default exact)`,
    '--high V           the upper value of a range (with --qualifier range)',
    '--highlight ID     the highlight the figure is taken from',
    '--source TITLE     or a cited report: its title, with --publisher, --edition, --url, --page',
    '--basis TEXT       e.g. REO equivalent, gross weight',
    '--notes TEXT       anything else',
    'A value, unit or period that cannot be read is refused with a message naming the field.'
  ],
  run: (context) => {
    const { io, options } = context;
    const missing = REQUIRED_FIGURE_OPTIONS.filter((name) => options[name] === undefined);
    if (missing.length > 0) throw new UsageError(`figure add needs ${missing.map((name) => `--${name}`).join(', ')}.`);
    const qualifier = choiceOption(options.qualifier, 'qualifier', QUALIFIERS);
    const highlightId = singleOption(options.highlight, 'highlight');
    const cited = [options.source, options.publisher, options.edition, options.url, options.page].some((value) => value !== undefined);
    return withLibrary(context, ({ dispatcher }) => {
      const figure = dispatcher.call('figures.create', {
        metric: options.metric!,
        entity: singleOption(options.entity, 'entity')!,
        value: options.value!,
        high: options.high ?? null,
        unit: options.unit!,
        period: singleOption(options.period, 'period')!,
        qualifier,
        basis: options.basis ?? null,
        notes: options.notes ?? null,
        highlightId: highlightId ?? null,
        citation: cited
          ? { title: options.source, publisher: options.publisher, edition: options.edition, url: options.url, page: options.page }
          : null
      });
      if (options.json) {
        writeJson(io, figure);
      } else {
        const competing = figure.competing ? '\nAnother figure gives a different value for this; see `assay conflicts`.' : '';
        io.stdout.write(`Added figure ${singleLine(describeFigure(figure))} (${singleLine(describeSource(figure.source))}).${competing}\nid ${figure.id}\n`);
      }
      return 0;
    });
  }
};

export const figureCommand: CommandSpec = {
  name: 'figure',
  summary: 'add a figure',
  usage: 'assay figure add …',
  options: [],
  args: { min: 0, max: Infinity },
  subcommands: [figureAddCommand]
};

// ── figures import ───────────────────────────────────────────────────────────────────────────

// Core reads at most 100 million characters of CSV; a larger file is refused before it is read.
const MAX_CSV_BYTES = 100_000_000;
const PREVIEW_TABLE_ROWS = 10;
const PROBLEMS_SHOWN = 50;

/** Column names `--map auto` recognises (lower case, letters and digits only) and the field each fills. */
const AUTO_COLUMNS: Record<string, FigureCsvField> = {
  ...Object.fromEntries(FIGURE_CSV_FIELDS.map((field) => [field.toLowerCase(), field])),
  note: 'notes',
  source: 'citationTitle',
  publisher: 'citationPublisher',
  edition: 'citationEdition',
  url: 'citationUrl',
  page: 'citationPage'
};

function columnKey(column: string): string {
  return column.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function figureField(name: string, option: '--map' | '--default'): FigureCsvField {
  const field = FIGURE_CSV_FIELDS.find((candidate) => candidate.toLowerCase() === name.trim().toLowerCase());
  if (!field) throw new UsageError(`${option}: "${name.trim()}" is not a figure field; the fields are ${FIGURE_CSV_FIELDS.join(', ')}.`);
  return field;
}

/** Splits `--map` values into entries; a comma inside a column name stays with it. */
function mapEntries(values: string[]): string[] {
  const entries: string[] = [];
  for (const value of values) {
    for (const piece of value.split(',')) {
      const startsEntry = /^\s*(auto\s*$|[A-Za-z]+\s*=)/.test(piece);
      if (startsEntry || entries.length === 0) entries.push(piece);
      else entries[entries.length - 1] += `,${piece}`;
    }
  }
  return entries;
}

export type CsvMapping = Partial<Record<FigureCsvField, string>>;

/** The first row of the file: its column names, as core will read them. */
async function csvColumns(csv: string): Promise<string[]> {
  const { default: Papa } = await import('papaparse');
  const [header = []] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { preview: 1, skipEmptyLines: 'greedy' }).data;
  return header.map((column) => column.trim()).filter(Boolean);
}

function autoMapping(columns: string[]): CsvMapping {
  const mapping: CsvMapping = {};
  for (const column of columns) {
    const field = AUTO_COLUMNS[columnKey(column)];
    if (field && mapping[field] === undefined) mapping[field] = column;
  }
  return mapping;
}

/** `--map auto,value=amount` → field → column; later entries win over earlier ones and over auto. */
export async function parseMapping(values: string[], csv: string): Promise<CsvMapping> {
  let mapping: CsvMapping = {};
  for (const entry of mapEntries(values)) {
    if (entry.trim() === 'auto') {
      mapping = { ...autoMapping(await csvColumns(csv)), ...mapping };
      continue;
    }
    const match = /^([^=]*)=(.*)$/s.exec(entry);
    if (!match) throw new UsageError(`--map takes field=column pairs or auto, not "${entry}".`);
    const field = figureField(match[1], '--map');
    const column = match[2].trim();
    if (!column) throw new UsageError(`--map: ${field}= needs a column name.`);
    mapping[field] = column;
  }
  return mapping;
}

/** `--default unit=t` (repeatable; the value is taken whole, commas included). */
export function parseDefaults(values: string[]): CsvMapping {
  const defaults: CsvMapping = {};
  for (const entry of values) {
    const match = /^([^=]*)=(.*)$/s.exec(entry);
    if (!match) throw new UsageError(`--default takes field=value, not "${entry}".`);
    const field = figureField(match[1], '--default');
    if (!match[2].trim()) throw new UsageError(`--default: ${field}= needs a value.`);
    defaults[field] = match[2].trim();
  }
  return defaults;
}

function readCsvFile(io: CliIo, file: string): string {
  try {
    const path = resolveFromCwd(io, file);
    const stats = statSync(path);
    if (stats.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    if (stats.size > MAX_CSV_BYTES) {
      throw new AssayError('unreadable_file', `it is ${Math.round(stats.size / 1024 / 1024)} MB; Assay imports CSV files up to 100 MB.`);
    }
    return readFileSync(path, 'utf8');
  } catch (error) {
    const problem = error instanceof AssayError ? error : fileProblem(error);
    throw new AssayError(problem.code, `cannot read ${file}: ${problem.message}`);
  }
}

/** `assay figures import --json` output: core's `figures.importCsv` result and what was asked. */
export interface FiguresImportReport extends CsvImportResult {
  file: string;
  mapping: CsvMapping;
  defaults: CsvMapping;
  /** --commit was given (`imported` says how many were added). */
  committed: boolean;
}

const figuresImportCommand: CommandSpec = {
  name: 'figures import',
  summary: 'import figures from a CSV file: a preview, then --commit',
  usage: 'assay figures import FILE.csv --map field=column[,field=column…]|auto [--default field=value]... [--commit] [--skip-invalid] [--json]',
  options: ['json', 'map', 'default', 'commit', 'skip-invalid'],
  args: { min: 1, max: 1 },
  details: [
    '--map field=column  which CSV column fills which figure field (repeatable, or comma-separated);',
    '                    `auto` maps columns named like the fields (metric, entity, value, high, unit,',
    '                    period, qualifier, basis, notes/note, source, publisher, edition, url, page)',
    '--default field=V   a value for a field no column fills, e.g. --default unit=t (repeatable)',
    '--commit            import the rows; without it nothing is imported, only previewed',
    '--skip-invalid      with --commit: import the valid rows even though others have problems',
    `Fields: ${FIGURE_CSV_FIELDS.join(', ')}.`,
    'Rows that repeat a figure already in the library are never added twice.'
  ],
  run: async (context) => {
    const { io, options } = context;
    const file = context.args[0];
    if (!options.map?.length) throw new UsageError('figures import needs --map field=column[,…] or --map auto.');
    const defaults = parseDefaults(options.default ?? []);
    const csv = readCsvFile(io, file);
    const mapping = await parseMapping(options.map, csv);
    const commit = options.commit === true;
    const skipInvalid = options['skip-invalid'] === true;
    return withLibrary(context, ({ dispatcher }) => {
      let result: CsvImportResult;
      try {
        result = dispatcher.call('figures.importCsv', { csv, mapping, defaults, commit, skipInvalid });
      } catch (error) {
        // Core's refusal speaks of confirming; on the command line that is --skip-invalid.
        if (error instanceof AssayError && commit && !skipInvalid && /nothing was imported/i.test(error.message)) {
          throw new AssayError(error.code, `${error.message} To confirm, add --skip-invalid.`);
        }
        throw error;
      }
      const report: FiguresImportReport = { file, mapping, defaults, committed: commit, ...result };
      if (options.json) writeJson(io, report);
      else writeImportReport(io, report);
      return 0;
    });
  }
};

function writeImportReport(io: CliIo, report: FiguresImportReport): void {
  const name = basename(report.file);
  const fresh = report.validCount - report.duplicateCount;
  const invalid = report.problems.length;
  io.stdout.write(
    `${name}: ${report.rowCount} ${report.rowCount === 1 ? 'row' : 'rows'}; ${report.validCount} valid, ` +
      `${invalid} with problems, ${report.duplicateCount} already in the library.\n`
  );
  const mapped = Object.entries(report.mapping).map(([field, column]) => `${column} → ${field}`);
  io.stdout.write(`Columns: ${mapped.join(', ') || 'none mapped'}\n`);
  const unused = report.columns.filter((column) => !Object.values(report.mapping).includes(column));
  if (unused.length > 0) io.stdout.write(`Not imported: ${unused.join(', ')}\n`);
  const defaults = Object.entries(report.defaults).map(([field, value]) => `${field} = ${value}`);
  if (defaults.length > 0) io.stdout.write(`For every row: ${defaults.join(', ')}\n`);

  if (!report.committed) {
    const rows = report.preview.slice(0, PREVIEW_TABLE_ROWS);
    if (rows.length > 0) {
      io.stdout.write('\n');
      io.stdout.write(
        renderTable<CsvPreviewRow>(
          [
            { header: 'LINE', value: (row) => String(row.line), align: 'right' },
            { header: 'ENTITY', value: (row) => row.values.entity ?? '', maxWidth: 24 },
            { header: 'METRIC', value: (row) => row.values.metric ?? '', maxWidth: 24 },
            { header: 'PERIOD', value: (row) => row.values.period ?? '' },
            { header: 'VALUE', value: (row) => [row.values.value, row.values.high].filter(Boolean).join(' – '), align: 'right' },
            { header: 'UNIT', value: (row) => row.values.unit ?? '' },
            { header: 'SOURCE', value: (row) => [row.values.citationTitle, row.values.citationEdition].filter(Boolean).join(', '), maxWidth: 40 },
            { header: 'OK', value: (row) => (row.problem ? 'problem' : 'ok') }
          ],
          rows
        )
      );
      if (report.rowCount > rows.length) io.stdout.write(`… and ${report.rowCount - rows.length} more rows.\n`);
    }
  }
  if (invalid > 0) {
    io.stdout.write(`\nProblems${report.committed ? ' (these rows were skipped)' : ''}:\n`);
    for (const row of report.problems.slice(0, PROBLEMS_SHOWN)) io.stdout.write(`  line ${row.line}: ${singleLine(row.problem ?? '')}\n`);
    if (invalid > PROBLEMS_SHOWN) io.stdout.write(`  … and ${invalid - PROBLEMS_SHOWN} more (see --json).\n`);
  }
  io.stdout.write('\n');
  if (report.committed) {
    io.stdout.write(`Imported ${report.imported} ${report.imported === 1 ? 'figure' : 'figures'}.`);
    io.stdout.write(report.imported > 0 ? ' Take the import back with `assay undo`.\n' : '\n');
  } else if (fresh === 0) {
    io.stdout.write('Nothing was imported, and --commit would add nothing: no valid row is new.\n');
  } else if (invalid > 0) {
    io.stdout.write(
      `Nothing was imported. Fix the file, or import only the ${fresh} new valid ${fresh === 1 ? 'row' : 'rows'} by running ` +
        'the same command with --commit --skip-invalid.\n'
    );
  } else {
    io.stdout.write(`Nothing was imported. To import the ${fresh} new ${fresh === 1 ? 'row' : 'rows'}, run the same command with --commit.\n`);
  }
}

// ── figures ──────────────────────────────────────────────────────────────────────────────────

const FIGURE_SORT_KEYS = ['metric', 'entity', 'period', 'value', 'added'] as const;
type FigureSortKey = (typeof FIGURE_SORT_KEYS)[number];
// Names read best A→Z and periods oldest first; values and additions largest or newest first.
const NATURAL_DIRECTION: Record<FigureSortKey, 'asc' | 'desc'> = {
  metric: 'asc',
  entity: 'asc',
  period: 'asc',
  value: 'desc',
  added: 'desc'
};

/** `--period "March 2024"` filters by the canonical spelling core stores (2024-03), when the parser reads one. */
function canonicalPeriod(dispatcher: Dispatcher, typed: string): string {
  const reading = dispatcher.call('quantities.parse', { text: typed }).period;
  return reading && reading.canonical ? reading.canonical : typed.trim();
}

const COMPETING_MARK = '≠';

export const figuresCommand: CommandSpec = {
  name: 'figures',
  summary: 'the figures table (filter and sort)',
  usage: `assay figures [--metric M] [--entity E] [--period P] [--sort ${FIGURE_SORT_KEYS.join('|')}] [--direction asc|desc] [--limit N] [--json]`,
  options: ['json', 'metric', 'entity', 'period', 'sort', 'direction', 'limit'],
  args: { min: 0, max: 0 },
  details: [
    '--metric M, --entity E, --period P   only figures with exactly this metric, entity or period',
    '--sort KEY         metric (default), entity, period, value or added',
    '--direction D      asc or desc (default: A→Z for names, oldest period first, largest value and newest first)',
    '--limit N          at most N figures, 1–5000 (default 200)',
    `${COMPETING_MARK} marks a figure another figure contradicts (same metric, entity and period, different value).`
  ],
  subcommands: [figuresImportCommand],
  run: (context) => {
    const { io, options } = context;
    const sort = choiceOption(options.sort, 'sort', FIGURE_SORT_KEYS) ?? 'metric';
    const direction = choiceOption(options.direction, 'direction', ['asc', 'desc'] as const) ?? NATURAL_DIRECTION[sort];
    const limit = integerOption(options.limit, 'limit', 1, 5000) ?? 200;
    return withLibrary(context, ({ dispatcher }) => {
      const page = dispatcher.call('figures.list', {
        metric: options.metric ?? null,
        entity: singleOption(options.entity, 'entity') ?? null,
        period: options.period === undefined ? null : canonicalPeriod(dispatcher, singleOption(options.period, 'period')!),
        sort,
        direction,
        limit
      });
      if (options.json) writeJson(io, page);
      else writeFigureTable(io, page.items, page.total);
      return 0;
    });
  }
};

function writeFigureTable(io: CliIo, figures: Figure[], total: number): void {
  if (figures.length === 0) {
    io.stdout.write(total === 0 ? 'No figures match.\n' : 'No figures on this page.\n');
    return;
  }
  io.stdout.write(
    renderTable<Figure>(
      [
        { header: 'ID', value: (figure) => shortId(figure.id) },
        { header: 'ENTITY', value: (figure) => figure.entity, maxWidth: 24 },
        { header: 'METRIC', value: (figure) => figure.metric, maxWidth: 28 },
        { header: 'PERIOD', value: (figure) => figure.period },
        { header: 'VALUE', value: (figure) => formatAmount(figure), align: 'right' },
        { header: 'QUALIFIER', value: (figure) => qualifierLabel(figure.qualifier) },
        { header: 'SOURCE', value: (figure) => describeSource(figure.source), maxWidth: 50 },
        { header: COMPETING_MARK, value: (figure) => (figure.competing ? COMPETING_MARK : '') }
      ],
      figures
    )
  );
  if (figures.length < total) io.stdout.write(`${figures.length} of ${total} figures (use --limit to see more).\n`);
  if (figures.some((figure) => figure.competing)) {
    io.stdout.write(`${COMPETING_MARK}: another figure gives a different value for the same metric, entity and period; see \`assay conflicts\`.\n`);
  }
}

// ── conflicts ────────────────────────────────────────────────────────────────────────────────

/** `assay conflicts --json` output. */
export interface ConflictsReport {
  groups: CompetingGroup[];
}

function citationPart(figure: Figure, part: 'title' | 'edition'): string {
  if (figure.source.kind === 'citation') return figure.source[part] ?? '—';
  if (figure.source.kind === 'highlight') return part === 'title' ? describeSource(figure.source) : '—';
  return '—';
}

export const conflictsCommand: CommandSpec = {
  name: 'conflicts',
  summary: 'competing values: figures for the same metric, entity and period that disagree',
  usage: 'assay conflicts [--json]',
  options: ['json'],
  args: { min: 0, max: 0 },
  details: ['Values are compared after unit normalisation, so 3.8 Mt and 3,800,000 t agree.'],
  run: (context) =>
    withLibrary(context, ({ dispatcher }) => {
      const groups = dispatcher.call('figures.competing', {});
      if (context.options.json) {
        writeJson(context.io, { groups } satisfies ConflictsReport);
        return 0;
      }
      const { io } = context;
      if (groups.length === 0) {
        io.stdout.write('No competing values: figures that share a metric, entity and period agree.\n');
        return 0;
      }
      groups.forEach((group, index) => {
        if (index > 0) io.stdout.write('\n');
        io.stdout.write(`${singleLine(group.metric)} · ${singleLine(group.entity)} · ${singleLine(group.period)}\n`);
        const table = renderTable<Figure>(
          [
            { header: 'VALUE', value: (figure) => describeAmount(figure), align: 'right' },
            { header: 'EDITION', value: (figure) => citationPart(figure, 'edition') },
            { header: 'SOURCE', value: (figure) => citationPart(figure, 'title'), maxWidth: 60 },
            { header: 'ID', value: (figure) => shortId(figure.id) }
          ],
          group.figures
        );
        io.stdout.write(table.replace(/^(?=.)/gm, '  '));
      });
      io.stdout.write(`\n${groups.length} ${groups.length === 1 ? 'case' : 'cases'} of competing values.\n`);
      return 0;
    })
};
