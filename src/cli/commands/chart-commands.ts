// assay chart list | create | render: saved charts, made from figures by metric, entity and period,
// and drawn to SVG without a window (ECharts server-side rendering in core).
import { writeFileSync } from 'node:fs';
import type { Dispatcher } from '../../core/dispatch/dispatcher';
import { CHART_TYPES } from '../../shared/charts/chart-kinds';
import type { Chart, ChartSummary } from '../../shared/charts/chart-spec';
import type { ChartData } from '../../shared/charts/chart-data';
import { AssayError } from '../../shared/errors';
import { resolveFromCwd, UsageError, withLibrary, writeJson, type CommandSpec } from '../cli-context';
import { choiceOption, integerOption, singleOption } from '../cli-options';
import { renderTable, singleLine } from '../terminal-text';
import { fileProblem } from '../file-problems';
import { ID_PREFIX_LENGTH, shortId } from './evidence-text';

const FULL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID_PREFIX = /^[0-9a-f-]{4,35}$/i;

/** A full chart id from what was typed: the id itself, or the one chart whose id starts with it. */
function resolveChartId(dispatcher: Dispatcher, typed: string): string {
  const given = typed.trim();
  if (FULL_ID.test(given) || !ID_PREFIX.test(given)) return given;
  const matches = dispatcher.call('charts.list', {}).filter((chart) => chart.id.toLowerCase().startsWith(given.toLowerCase()));
  if (matches.length > 1) throw new AssayError('invalid_input', `${given} is the start of ${matches.length} chart ids; give more of the id.`);
  return matches[0]?.id ?? given;
}

function typeLabel(type: string): string {
  return type.replace(/_/g, ' ');
}

// ── chart list ───────────────────────────────────────────────────────────────────────────────

const chartListCommand: CommandSpec = {
  name: 'chart list',
  summary: 'the saved charts',
  usage: 'assay chart list [--json]',
  options: ['json'],
  args: { min: 0, max: 0 },
  details: ['FIGURES is how many live figures the chart selects now; a chart follows every correction to them.'],
  run: (context) =>
    withLibrary(context, ({ dispatcher }) => {
      const charts = dispatcher.call('charts.list', {});
      if (context.options.json) {
        writeJson(context.io, { items: charts, total: charts.length });
        return 0;
      }
      if (charts.length === 0) {
        context.io.stdout.write('No charts yet. Make one with `assay chart create --metric M --type bar`.\n');
        return 0;
      }
      context.io.stdout.write(
        renderTable<ChartSummary>(
          [
            { header: 'ID', value: (chart) => shortId(chart.id), maxWidth: ID_PREFIX_LENGTH },
            { header: 'TYPE', value: (chart) => typeLabel(chart.type) },
            { header: 'FIGURES', value: (chart) => String(chart.figureCount), align: 'right' },
            { header: 'UPDATED', value: (chart) => chart.updatedAt.slice(0, 10) },
            { header: 'TITLE', value: (chart) => chart.title, maxWidth: 80 }
          ],
          charts
        )
      );
      return 0;
    })
};

// ── chart create ─────────────────────────────────────────────────────────────────────────────

export interface ChartCreated {
  chart: Chart;
  data: ChartData;
}

function describeChart(data: ChartData): string {
  const seriesWord = data.series.length === 1 ? '' : `, ${data.series.length} series`;
  return `${data.figureCount} figure${data.figureCount === 1 ? '' : 's'} in ${data.unit || 'plain numbers'}${seriesWord}`;
}

function writeNotes(write: (text: string) => void, data: ChartData): void {
  if (data.doubtfulCount > 0) write(`${data.doubtfulCount} marked doubtful (a claim about it is disputed, inaccurate, misleading or unverified).\n`);
  for (const note of data.notes) write(`${singleLine(note)}\n`);
  if (data.sourceLine) write(`${singleLine(data.sourceLine)}\n`);
}

const chartCreateCommand: CommandSpec = {
  name: 'chart create',
  summary: 'save a chart of a metric’s figures',
  usage: `assay chart create --metric M [--entity E]... [--period P]... [--tag T] --type ${CHART_TYPES.join('|')} [--title T] [--subtitle S] [--json]`,
  options: ['json', 'metric', 'entity', 'period', 'tag', 'type', 'title', 'subtitle'],
  args: { min: 0, max: 0 },
  details: [
    '--metric M         the metric to chart, e.g. mine_production',
    '--entity E         only these entities (repeat for several), e.g. --entity China --entity Burma',
    '--period P         only these periods (repeat for several), e.g. --period 2024',
    '--tag T            only figures whose article, or a claim about them, has this tag',
    `--type T           ${CHART_TYPES.join(', ')}`,
    '--title T          default: made from the figures, e.g. "Mine production, 2024"',
    'Categories and series are chosen from what varies: countries down the side for one year, years',
    'along the bottom for one country. Competing values (e.g. a revised figure) are drawn side by side,',
    'labelled by their source. Figures in units of different kinds (t and USD) are refused.'
  ],
  run: (context) => {
    const { io, options } = context;
    if (options.metric === undefined) throw new UsageError('chart create needs --metric.');
    if (options.type === undefined) throw new UsageError(`chart create needs --type (${CHART_TYPES.join(', ')}).`);
    const type = choiceOption(options.type, 'type', CHART_TYPES)!;
    const tag = singleOption(options.tag, 'tag');
    return withLibrary(context, ({ dispatcher }) => {
      const chart = dispatcher.call('charts.create', {
        type,
        title: options.title ?? '',
        subtitle: options.subtitle ?? null,
        selection: {
          metric: options.metric!,
          ...(options.entity?.length ? { entities: options.entity } : {}),
          ...(options.period?.length ? { periods: options.period } : {}),
          ...(tag ? { tag } : {})
        }
      });
      const { data } = dispatcher.call('charts.get', { id: chart.id });
      if (options.json) {
        writeJson(io, { chart, data } satisfies ChartCreated);
        return 0;
      }
      io.stdout.write(`Saved chart “${singleLine(chart.title)}” (${typeLabel(chart.type)}; ${describeChart(data)}).\nid ${chart.id}\n`);
      writeNotes((text) => io.stdout.write(text), data);
      return 0;
    });
  }
};

// ── chart render ─────────────────────────────────────────────────────────────────────────────

export const PNG_UNAVAILABLE =
  'PNG export needs a graphics renderer, which the command line does not have. Export PNG from the app ' +
  '(the chart’s Export menu), or render --svg and convert the SVG.';

const chartRenderCommand: CommandSpec = {
  name: 'chart render',
  summary: 'draw a saved chart to an SVG file',
  usage: 'assay chart render ID --svg FILE [--width PX] [--height PX] [--json]',
  options: ['json', 'svg', 'png', 'width', 'height'],
  args: { min: 1, max: 1 },
  details: [
    'ID                 the chart id, or a unique start of it (as `assay chart list` prints it)',
    '--svg FILE         write the chart as SVG, with its title, notes and source line',
    '--width PX         default 720; --height PX default fits the chart',
    '--png FILE         not available here: PNG needs the app’s renderer (see the message)'
  ],
  run: async (context) => {
    const { io, options } = context;
    if (options.png !== undefined) throw new AssayError('invalid_input', PNG_UNAVAILABLE);
    if (options.svg === undefined) throw new UsageError('chart render needs --svg FILE.');
    const width = integerOption(options.width, 'width', 120, 8000);
    const height = integerOption(options.height, 'height', 120, 8000);
    const path = resolveFromCwd(io, options.svg);
    return withLibrary(context, ({ dispatcher }) => {
      const id = resolveChartId(dispatcher, context.args[0]);
      const { chart, data } = dispatcher.call('charts.get', { id });
      const { svg } = dispatcher.call('charts.renderSvg', { id, width, height });
      try {
        writeFileSync(path, svg);
      } catch (error) {
        throw new AssayError('unreadable_file', `Cannot write ${path}: ${fileProblem(error).message}`);
      }
      if (options.json) {
        writeJson(io, { id: chart.id, title: chart.title, file: path, bytes: Buffer.byteLength(svg), notes: data.notes, sourceLine: data.sourceLine });
      } else {
        io.stdout.write(`Wrote ${path} (“${singleLine(chart.title)}”, ${describeChart(data)}).\n`);
        writeNotes((text) => io.stdout.write(text), data);
      }
      return 0;
    });
  }
};

export const chartCommand: CommandSpec = {
  name: 'chart',
  summary: 'saved charts of figures',
  usage: 'assay chart list|create|render …',
  options: [],
  args: { min: 0, max: 0 },
  subcommands: [chartListCommand, chartCreateCommand, chartRenderCommand]
};
