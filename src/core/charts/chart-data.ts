// Resolves a chart spec into ChartData from the live figures: which figures, in what unit, in
// which categories and series, marked doubtful or competing, and the source line. Nothing here is
// stored; a saved chart is resolved again each time, so it shows every correction to its figures.
import {
  COMPACT_POINT_THRESHOLD,
  POINT_FLAGS,
  type ChartCitation,
  type ChartData,
  type ChartPoint,
  type ChartPointDetail,
  type ChartPointOther,
  type ChartSeries
} from '../../shared/charts/chart-data';
import { humanizeName } from '../../shared/charts/chart-format';
import {
  isFigureIdsSelection,
  type ChartDimension,
  type ChartEncoding,
  type ChartSelection,
  type ChartSpec,
  type ChartType
} from '../../shared/charts/chart-spec';
import { articleSourceName, citationSourceName, composeSourceLine, sourceLabel, type SourceName } from '../../shared/charts/source-line';
import { DOUBTFUL_VERDICTS, type Figure, type Verdict } from '../../shared/evidence';
import { AssayError } from '../../shared/errors';
import type { Library } from '../db/library';
import { figureFromRow, type FigureRow } from '../figures/figure-rows';
import { tryParsePeriod } from '../quantities/periods';
import { formatQuantity, normalise } from '../quantities/units';
import { chooseDisplayUnit } from './display-unit';

/** A spec before it is saved: no id yet, and the encoding may still be left to us. */
export type ResolvableSpec = Omit<ChartSpec, 'id' | 'encoding'> & { encoding?: ChartEncoding | null };

// ── selection ──────────────────────────────────────────────────────────────────────────────────

const LIVE_CLAIM_OF_TAG = `JOIN claims c ON c.id = X.claim_id AND c.deleted_at IS NULL
  JOIN claim_tags ct ON ct.claim_id = c.id JOIN tags t ON t.id = ct.tag_id AND t.name = ?`;

// A figure carries a tag when its article does, or when a live claim with the tag is made from the
// figure's highlight or links to the figure.
const FIGURE_HAS_TAG = `(
  EXISTS (SELECT 1 FROM highlights h JOIN article_tags at ON at.article_id = h.article_id
          JOIN tags t ON t.id = at.tag_id AND t.name = ? WHERE h.id = f.highlight_id)
  OR EXISTS (SELECT 1 FROM claim_highlights X ${LIVE_CLAIM_OF_TAG} WHERE X.highlight_id = f.highlight_id)
  OR EXISTS (SELECT 1 FROM evidence_links X ${LIVE_CLAIM_OF_TAG}
             WHERE X.target_kind = 'figure' AND X.target_id = f.id AND X.deleted_at IS NULL)
)`;

function canonicalPeriod(text: string): string {
  return tryParsePeriod(text)?.canonical ?? text.trim();
}

/** The live figures a selection holds now, as a condition on `figures f` and its parameters. */
function selectionFilter(selection: ChartSelection): { where: string; parameters: unknown[] } {
  if (isFigureIdsSelection(selection)) {
    return { where: 'f.deleted_at IS NULL AND f.id IN (SELECT value FROM json_each(?))', parameters: [JSON.stringify(selection.figureIds)] };
  }
  const clauses = ['f.deleted_at IS NULL', 'f.metric = ?'];
  const parameters: unknown[] = [selection.metric.trim()];
  if (selection.entities?.length) {
    // The entity column compares without case, so "china" selects China.
    clauses.push('f.entity IN (SELECT trim(value) FROM json_each(?))');
    parameters.push(JSON.stringify(selection.entities));
  }
  if (selection.periods?.length) {
    clauses.push('f.period IN (SELECT value FROM json_each(?))');
    parameters.push(JSON.stringify(selection.periods.map(canonicalPeriod)));
  }
  if (selection.tag) {
    clauses.push(FIGURE_HAS_TAG);
    parameters.push(selection.tag, selection.tag, selection.tag);
  }
  return { where: clauses.join(' AND '), parameters };
}

// Only the columns a chart uses: at 100,000 figures, every column read costs.
// The order matters: readChartFigureRows reads them by position.
const CHART_FIGURE_COLUMNS = `SELECT f.rowid AS row_id, f.id, f.metric, f.entity, f.value, f.value_high, f.unit, f.qualifier, f.period,
         f.period_kind, f.period_start, f.basis, f.highlight_id, f.citation_title, f.citation_publisher,
         f.citation_edition, f.citation_url, f.citation_page, f.created_at, f.updated_at,
         f.dimension, f.normalized_value, f.normalized_high,
         h.quote_exact AS source_quote, h.article_id AS source_article_id, a.title AS source_article_title
       FROM figures f
       LEFT JOIN highlights h ON h.id = f.highlight_id AND h.deleted_at IS NULL
       LEFT JOIN articles a ON a.id = h.article_id`;

type ChartFigureRow = FigureRow & { row_id: number };

/**
 * The rows of CHART_FIGURE_COLUMNS for a condition (`extra` joins or filters after FROM). Read as
 * arrays and made into objects here: better-sqlite3's own row objects of two dozen columns are
 * slow to build and to use (at 100,000 figures, seconds against a few hundred milliseconds).
 */
function readChartFigureRows(library: Library, sqlAfterFrom: string, parameters: unknown[]): ChartFigureRow[] {
  const statement = library.statement(`${CHART_FIGURE_COLUMNS} ${sqlAfterFrom}`).raw(true);
  return (statement.all(...parameters) as unknown[][]).map(
    (v) =>
      ({
        row_id: v[0],
        id: v[1],
        metric: v[2],
        entity: v[3],
        value: v[4],
        value_high: v[5],
        unit: v[6],
        qualifier: v[7],
        period: v[8],
        period_kind: v[9],
        period_start: v[10],
        basis: v[11],
        notes: null,
        highlight_id: v[12],
        citation_title: v[13],
        citation_publisher: v[14],
        citation_edition: v[15],
        citation_url: v[16],
        citation_page: v[17],
        created_at: v[18],
        updated_at: v[19],
        dimension: v[20],
        normalized_value: v[21],
        normalized_high: v[22],
        source_quote: v[23],
        source_article_id: v[24],
        source_article_title: v[25],
        competing: 0
      }) as ChartFigureRow
  );
}

/** How many live figures a selection holds now, counted in SQL (the chart list shows it for every chart). */
export function countSelectedFigures(library: Library, selection: ChartSelection): number {
  const { where, parameters } = selectionFilter(selection);
  return (library.statement(`SELECT count(*) AS n FROM figures f WHERE ${where}`).get(...parameters) as { n: number }).n;
}

/**
 * The chart's figures with their sources, whether each competes, and the first day of each period.
 * listFigures() answers "competing" with a subquery per row, which is right for a page of 200 and
 * far too slow for a chart of 100,000; here the groups are read once and compared in memory, by the
 * same rule as COMPETING in figures.ts (same metric, entity and period; another kind of quantity, or
 * a value or upper value that differs beyond float noise). The selection is applied in SQL
 * directly rather than through a list of ids: at 100,000 figures, passing ids around as JSON costs
 * seconds.
 */
function loadFigures(
  library: Library,
  selection: ChartSelection
): { figures: Figure[]; rowIds: number[]; periodStarts: Map<string, string> } {
  const { where, parameters } = selectionFilter(selection);
  const rows = readChartFigureRows(library, `WHERE ${where}`, parameters);
  if (rows.length === 0) return { figures: [], rowIds: [], periodStarts: new Map() };
  // In the order they were added. Sorted here, not by ORDER BY: SQLite sorts these wide rows in a
  // temporary b-tree, which at 100,000 figures took seconds; this takes milliseconds.
  rows.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.row_id - b.row_id));
  // Rivals may lie outside the selection. A metric selection's rivals share its metric, so every
  // live figure of the metric is compared (one index range); a list of ids names its groups.
  const wholeMetric = !isFigureIdsSelection(selection) && !selection.entities?.length && !selection.periods?.length && !selection.tag;
  const groups = (
    // Every live figure of the metric is already loaded: they are their own rivals.
    wholeMetric
      ? rows
      : isFigureIdsSelection(selection)
      ? library
          .statement(
            `WITH keys AS (SELECT DISTINCT f.metric, f.entity, f.period FROM figures f WHERE ${where})
             SELECT g.metric, g.entity, g.period, g.dimension, g.normalized_value, g.normalized_high
             FROM figures g JOIN keys k ON g.metric = k.metric AND g.entity = k.entity AND g.period = k.period
             WHERE g.deleted_at IS NULL`
          )
          .all(...parameters)
      : library
          .statement(
            `SELECT g.metric, g.entity, g.period, g.dimension, g.normalized_value, g.normalized_high
             FROM figures g WHERE g.deleted_at IS NULL AND g.metric = ?`
          )
          .all(selection.metric.trim())
  ) as { metric: string; entity: string; period: string; dimension: string; normalized_value: number; normalized_high: number | null }[];
  const keyOf = (row: { metric: string; entity: string; period: string }) => `${row.metric.toLowerCase()}\u0000${row.entity.toLowerCase()}\u0000${row.period}`;
  const differ = (a: number, b: number) => Math.abs(a - b) > 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  const firstOfGroup = new Map<string, (typeof groups)[number]>();
  const contested = new Set<string>();
  for (const row of groups) {
    const key = keyOf(row);
    const first = firstOfGroup.get(key);
    if (!first) firstOfGroup.set(key, row);
    else if (
      first.dimension !== row.dimension ||
      differ(first.normalized_value, row.normalized_value) ||
      differ(first.normalized_high ?? first.normalized_value, row.normalized_high ?? row.normalized_value)
    ) {
      contested.add(key);
    }
  }
  const periodStarts = new Map<string, string>();
  const rowIds = rows.map((row) => row.row_id);
  const figures = rows.map((row) => {
    periodStarts.set(row.period, row.period_start);
    row.competing = contested.has(keyOf(row)) ? 1 : 0;
    return figureFromRow(row);
  });
  return { figures, rowIds, periodStarts };
}

function describeSelection(selection: ChartSelection): string {
  if (isFigureIdsSelection(selection)) return `the ${selection.figureIds.length} selected figure${selection.figureIds.length === 1 ? '' : 's'}`;
  const parts = [`metric “${selection.metric}”`];
  if (selection.entities?.length) parts.push(`entity ${selection.entities.map((entity) => `“${entity}”`).join(' or ')}`);
  if (selection.periods?.length) parts.push(`period ${selection.periods.join(' or ')}`);
  if (selection.tag) parts.push(`tag “${selection.tag}”`);
  return parts.join(', ');
}

function emptySelectionMessage(library: Library, selection: ChartSelection): string {
  if (isFigureIdsSelection(selection)) {
    return 'The chart has no figures to show: the selected figures were deleted. Restore them or select others.';
  }
  const known = library
    .statement('SELECT metric, count(*) AS n FROM figures WHERE deleted_at IS NULL GROUP BY metric ORDER BY n DESC, metric LIMIT 12')
    .all() as { metric: string }[];
  const hasMetric = known.some((row) => row.metric.toLowerCase() === selection.metric.trim().toLowerCase());
  const hint = hasMetric
    ? 'Widen the entities, periods or tag.'
    : known.length
      ? `The library has figures for ${known.map((row) => `“${row.metric}”`).join(', ')}.`
      : 'The library has no figures yet; add or import some first.';
  return `The chart has no figures to show: no live figure matches ${describeSelection(selection)}. ${hint}`;
}

// ── doubt and provenance ───────────────────────────────────────────────────────────────────────

interface Doubt {
  verdict: Verdict;
  claimId: string;
  statement: string;
}

const VERDICT_SEVERITY: Verdict[] = ['inaccurate', 'disputed', 'misleading', 'unverified', 'mostly_accurate', 'accurate'];

/**
 * Doubtful verdicts on the figures: from live claims made from a figure's highlight, or linking to
 * the figure. A claim that the figure contradicts is the claim's problem, not the figure's.
 */
function findDoubts(library: Library, filter: { where: string; parameters: unknown[] }): Map<string, Doubt[]> {
  const doubts = new Map<string, Doubt[]>();
  const verdicts = JSON.stringify(DOUBTFUL_VERDICTS);
  // Driven by the chart's own figures (its selection, the same condition that loaded them), and
  // from each figure to its claims by index: no list of ids is passed around, and the library's
  // other claims are never scanned.
  const liveDoubtfulClaim = `c.deleted_at IS NULL AND c.verdict IN (SELECT value FROM json_each(?))
    AND (c.article_id IS NULL OR NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = c.article_id AND a.deleted_at IS NOT NULL))`;
  const rows = library
    .statement(
      `SELECT f.id AS figure_id, c.id AS claim_id, c.verdict, c.statement
         FROM figures f
         JOIN claim_highlights ch ON ch.highlight_id = f.highlight_id
         JOIN claims c ON c.id = ch.claim_id
        WHERE ${filter.where} AND f.highlight_id IS NOT NULL AND ${liveDoubtfulClaim}
       UNION
       SELECT f.id AS figure_id, c.id AS claim_id, c.verdict, c.statement
         FROM figures f
         JOIN evidence_links l ON l.target_id = f.id AND l.target_kind = 'figure' AND l.deleted_at IS NULL AND l.relation <> 'contradicts'
         JOIN claims c ON c.id = l.claim_id
        WHERE ${filter.where} AND ${liveDoubtfulClaim}`
    )
    .all(...filter.parameters, verdicts, ...filter.parameters, verdicts) as { figure_id: string; claim_id: string; verdict: Verdict; statement: string }[];
  for (const row of rows) {
    const list = doubts.get(row.figure_id) ?? [];
    if (!list.some((doubt) => doubt.claimId === row.claim_id)) list.push({ verdict: row.verdict, claimId: row.claim_id, statement: row.statement });
    doubts.set(row.figure_id, list);
  }
  for (const list of doubts.values()) list.sort((a, b) => VERDICT_SEVERITY.indexOf(a.verdict) - VERDICT_SEVERITY.indexOf(b.verdict));
  return doubts;
}

function articlePublishers(library: Library, figures: Figure[]): Map<string, { publisher: string | null; title: string }> {
  const articleIds = [...new Set(figures.flatMap((figure) => (figure.source.kind === 'highlight' ? [figure.source.articleId] : [])))];
  if (articleIds.length === 0) return new Map();
  const rows = library
    .statement('SELECT id, publisher, title FROM articles WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(articleIds)) as { id: string; publisher: string | null; title: string }[];
  return new Map(rows.map((row) => [row.id, { publisher: row.publisher, title: row.title }]));
}

interface Provenance {
  source: SourceName | null;
  label: string | null;
  citation: ChartCitation | null;
  quote: string | null;
  articleId: string | null;
  highlightId: string | null;
}

/**
 * A figure's provenance. Figures cited from one report share one Provenance object (`shared`, keyed
 * by the citation): a chart of 100,000 figures from one register builds it once, not 100,000 times.
 */
function provenanceOf(
  figure: Figure,
  articles: Map<string, { publisher: string | null; title: string }>,
  shared: Map<string, Provenance> = new Map()
): Provenance {
  const source = figure.source;
  if (source.kind === 'citation') {
    const key = `${source.title}\u0000${source.publisher}\u0000${source.edition}\u0000${source.url}\u0000${source.page}`;
    let provenance = shared.get(key);
    if (!provenance) shared.set(key, (provenance = citedProvenance(source)));
    return provenance;
  }
  if (source.kind === 'highlight') {
    const article = articles.get(source.articleId);
    const name = articleSourceName({ publisher: article?.publisher ?? null, title: article?.title ?? source.articleTitle });
    return { source: name, label: name && sourceLabel(name), citation: null, quote: source.quote, articleId: source.articleId, highlightId: source.highlightId };
  }
  return { source: null, label: null, citation: null, quote: null, articleId: null, highlightId: null };
}

function citedProvenance(source: Extract<Figure['source'], { kind: 'citation' }>): Provenance {
  const citation = { title: source.title, publisher: source.publisher, edition: source.edition, url: source.url, page: source.page };
  const name = citationSourceName(citation);
  return { source: name, label: name && sourceLabel(name), citation, quote: null, articleId: null, highlightId: null };
}

// ── encoding ───────────────────────────────────────────────────────────────────────────────────

interface Prepared {
  figure: Figure;
  /** The figure's row id, which a compact series carries instead of its provenance. */
  rowId: number;
  key: Record<ChartDimension, string>;
  label: Record<ChartDimension, string>;
  periodStart: string;
  /** Normalised value, to tell competing values from repeats. */
  base: number;
  provenance: Provenance;
}

/**
 * The other figures of a point's cell (same category and series), one per source and value:
 * agreeing sources, rivals drawn beside it and values left out alike, so the tooltip names them all.
 */
function othersInCell(item: Prepared, cell: Prepared[]): ChartPointOther[] {
  return uniqueBySource(cell)
    .filter((other) => other.figure.id !== item.figure.id && !(other.provenance.label === item.provenance.label && sameValue(other.base, item.base)))
    .map((other) => ({
      figureId: other.figure.id,
      figureValue: other.figure.value,
      figureHigh: other.figure.high,
      unit: other.figure.unit,
      qualifier: other.figure.qualifier,
      sourceLabel: other.provenance.label,
      quote: other.provenance.quote,
      agrees: sameValue(other.base, item.base)
    }));
}

/** What a point says about its figure and where it came from: drawn points and on-demand details alike. */
function pointProvenance(item: Prepared, figureDoubts: ChartPoint['doubts'], others: ChartPointOther[]): Omit<ChartPoint, 'value'> {
  const figure = item.figure;
  return {
    figureId: figure.id,
    entity: figure.entity,
    metric: figure.metric,
    period: figure.period,
    figureValue: figure.value,
    figureHigh: figure.high,
    unit: figure.unit,
    qualifier: figure.qualifier,
    sourceLabel: item.provenance.label,
    quote: item.provenance.quote,
    articleId: item.provenance.articleId,
    highlightId: item.provenance.highlightId,
    citation: item.provenance.citation,
    doubtful: figureDoubts.length > 0,
    doubts: figureDoubts,
    competing: figure.competing,
    ...(others.length > 0 ? { others } : {})
  };
}

function distinctCount(items: Prepared[], dimension: ChartDimension): number {
  return new Set(items.map((item) => item.key[dimension])).size;
}

/** The encoding a new chart starts with, from what varies among its figures. */
export function inferEncoding(type: ChartType, items: Prepared[]): ChartEncoding {
  const varies = (dimension: ChartDimension) => distinctCount(items, dimension) > 1;
  const others = (category: ChartDimension): ChartDimension | null =>
    (['entity', 'metric', 'period'] as const).find((dimension) => dimension !== category && varies(dimension)) ?? null;
  if (type === 'pie' || type === 'donut') {
    const category = (['entity', 'metric', 'period'] as const).find(varies) ?? 'entity';
    return { category, series: null };
  }
  if (type === 'line' || type === 'scatter') {
    const category: ChartDimension = varies('period') || !(varies('entity') || varies('metric')) ? 'period' : varies('entity') ? 'entity' : 'metric';
    return { category, series: others(category) };
  }
  // Bars: countries (or metrics) down the side, years as the series; a single entity's years as columns.
  const category: ChartDimension = varies('entity') ? 'entity' : varies('metric') ? 'metric' : varies('period') ? 'period' : 'entity';
  return { category, series: others(category) };
}

const DIMENSION_WORDS: Record<ChartDimension, { one: string; many: string }> = {
  entity: { one: 'entity', many: 'entities' },
  period: { one: 'period', many: 'periods' },
  metric: { one: 'metric', many: 'metrics' }
};

/** Figures that differ in a field the chart does not show would be drawn on top of each other. */
function checkHiddenDimension(items: Prepared[], encoding: ChartEncoding, type: ChartType): void {
  if ((type === 'pie' || type === 'donut') && encoding.series) {
    throw new AssayError('invalid_input', `A ${type} chart shows one series; choose no series, or a bar chart to split by ${encoding.series}.`);
  }
  const hidden = (['entity', 'period', 'metric'] as const).filter((dimension) => dimension !== encoding.category && dimension !== encoding.series);
  for (const dimension of hidden) {
    // The first label seen in each cell; a second, different one is refused at once.
    const byCell = new Map<string, string>();
    for (const item of items) {
      const cell = encoding.series ? `${item.key[encoding.category]}\u0000${item.key[encoding.series]}` : item.key[encoding.category];
      const label = item.label[dimension];
      const first = byCell.get(cell);
      if (first === undefined) byCell.set(cell, label);
      else if (first !== label) {
        const where = [item.label[encoding.category], encoding.series ? item.label[encoding.series] : null].filter(Boolean).join(', ');
        const values = [first, label].join(', ');
        const one = DIMENSION_WORDS[dimension].one;
        const many = DIMENSION_WORDS[dimension].many;
        // A pie has no series, so the only way out there is to choose one.
        const advice =
          type === 'pie' || type === 'donut'
            ? `Select one ${one}, or use a bar chart to show ${many} side by side.`
            : `Select one ${one}, or show ${many} as the ${encoding.series ? 'categories' : 'series'}.`;
        throw new AssayError(
          'invalid_input',
          `${where} has figures for more than one ${one} (${values}), but ${many} are neither the categories nor the series. ${advice}`
        );
      }
    }
  }
}

// ── resolution ─────────────────────────────────────────────────────────────────────────────────

function describeFigure(figure: Figure): string {
  return `${figure.entity}, ${figure.metric}, ${figure.period}`;
}

// One collator for every comparison: localeCompare with options builds a new one each call, which
// at 100,000 figures is most of the time spent sorting.
const numericCollator = new Intl.Collator('en', { numeric: true });

/** The newer of two sources: a later edition, else the figure changed last. */
function newerFirst(a: Prepared, b: Prepared): number {
  const editionA = a.provenance.citation?.edition ?? '';
  const editionB = b.provenance.citation?.edition ?? '';
  if (editionA !== editionB) return numericCollator.compare(editionB, editionA);
  // Changed in the same millisecond (a quick import): the one added later.
  return b.figure.updatedAt.localeCompare(a.figure.updatedAt) || b.rowId - a.rowId;
}

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

function pointValue(figure: Figure): number {
  return figure.qualifier === 'range' && figure.high !== null ? (figure.value + figure.high) / 2 : figure.value;
}

function uniqueValues(items: Prepared[]): Prepared[] {
  const kept: Prepared[] = [];
  for (const item of items) if (!kept.some((other) => sameValue(other.base, item.base))) kept.push(item);
  return kept;
}

function titleFor(items: Prepared[], encoding: ChartEncoding): string {
  const metrics = [...new Map(items.map((item) => [item.key.metric, item.label.metric])).values()];
  const entities = [...new Map(items.map((item) => [item.key.entity, item.label.entity])).values()];
  const periods = [...new Map(items.map((item) => [item.key.period, item]))].map(([, item]) => item).sort((a, b) => a.periodStart.localeCompare(b.periodStart));
  let title = metrics.length <= 2 ? metrics.join(' and ') : 'Figures';
  if (entities.length === 1 && encoding.category !== 'entity') title = `${entities[0]}: ${title[0].toLowerCase()}${title.slice(1)}`;
  if (periods.length === 1) title += `, ${periods[0].label.period}`;
  else if (periods.length > 1) title += `, ${periods[0].label.period}–${periods[periods.length - 1].label.period}`;
  return title;
}

export interface ResolveOptions {
  chartId?: string | null;
  /** A saved chart whose figures are all gone still opens (with a note); a new one is refused. */
  allowEmpty?: boolean;
  /** Above this many points the series come in the compact form; COMPACT_POINT_THRESHOLD unless a test says otherwise. */
  compactAbove?: number;
}

export function resolveChartData(library: Library, spec: ResolvableSpec, options: ResolveOptions = {}): ChartData {
  const notes: string[] = [];
  const { figures, rowIds, periodStarts } = loadFigures(library, spec.selection);
  if (isFigureIdsSelection(spec.selection)) {
    const missing = new Set(spec.selection.figureIds).size - figures.length;
    if (missing > 0) notes.push(`${missing} selected figure${missing === 1 ? ' is' : 's are'} no longer in the library and ${missing === 1 ? 'is' : 'are'} not shown.`);
  }
  if (figures.length === 0) {
    const message = emptySelectionMessage(library, spec.selection);
    if (!options.allowEmpty) throw new AssayError('invalid_input', message);
    return {
      chartId: options.chartId ?? null,
      title: spec.title || 'Untitled chart',
      subtitle: spec.subtitle ?? null,
      type: spec.type,
      orientation: 'vertical',
      encoding: spec.encoding ?? { category: 'entity', series: null },
      series: [],
      categories: [],
      unit: spec.unit ?? '',
      valueAxisLabel: spec.valueAxisLabel ?? '',
      categoryAxisLabel: spec.categoryAxisLabel ?? null,
      sourceLine: spec.sourceLine ?? '',
      notes: [...notes, message],
      figureCount: 0,
      doubtfulCount: 0,
      competingCount: 0
    };
  }

  const displayUnit = chooseDisplayUnit(
    figures.map((figure) => ({ value: figure.value, unit: figure.unit, label: describeFigure(figure) })),
    spec.unit
  );
  const articles = articlePublishers(library, figures);
  const unitFactors = new Map<string, number>();
  const baseOf = (figure: Figure) => {
    let factor = unitFactors.get(figure.unit);
    if (factor === undefined) unitFactors.set(figure.unit, (factor = normalise(1, figure.unit).value));
    return figure.value * factor;
  };
  const sharedProvenance = new Map<string, Provenance>();
  // Metric names are humanised once each, not once per figure.
  const humanisedMetrics = new Map<string, string>();
  const metricLabel = (metric: string) => {
    let label = humanisedMetrics.get(metric);
    if (label === undefined) humanisedMetrics.set(metric, (label = humanizeName(metric)));
    return label;
  };
  const items: Prepared[] = figures.map((figure, index) => {
    let start = periodStarts.get(figure.period);
    if (start === undefined) {
      start = tryParsePeriod(figure.period)?.start ?? figure.period;
      periodStarts.set(figure.period, start);
    }
    return {
      figure,
      rowId: rowIds[index],
      key: { entity: figure.entity.toLowerCase(), metric: figure.metric.toLowerCase(), period: figure.period },
      label: { entity: figure.entity, metric: metricLabel(figure.metric), period: figure.period },
      periodStart: start,
      base: baseOf(figure),
      provenance: provenanceOf(figure, articles, sharedProvenance)
    };
  });

  const encoding = spec.encoding ?? inferEncoding(spec.type, items);
  checkHiddenDimension(items, encoding, spec.type);
  const pie = spec.type === 'pie' || spec.type === 'donut';
  const sideBySide = spec.showCompeting && !pie;

  // "China 2023", or "China, reserves, 2023" when the chart holds more than one metric.
  const manyMetrics = new Set(items.map((item) => item.key.metric)).size > 1;
  const cellName = (item: Prepared) =>
    manyMetrics ? `${item.label.entity}, ${item.label.metric.toLowerCase()}, ${item.label.period}` : `${item.label.entity} ${item.label.period}`;

  // Cells: one per category and series; competing values share a cell.
  const seriesKeyOf = (item: Prepared) => (encoding.series ? item.key[encoding.series] : '');
  const cells = new Map<string, Map<string, Prepared[]>>();
  const categoryItems = new Map<string, Prepared>();
  const seriesItems = new Map<string, Prepared>();
  for (const item of items) {
    const categoryKey = item.key[encoding.category];
    const seriesKey = seriesKeyOf(item);
    if (!categoryItems.has(categoryKey)) categoryItems.set(categoryKey, item);
    if (!seriesItems.has(seriesKey)) seriesItems.set(seriesKey, item);
    let row = cells.get(categoryKey);
    if (!row) cells.set(categoryKey, (row = new Map()));
    const cell = row.get(seriesKey);
    if (cell) cell.push(item);
    else row.set(seriesKey, [item]);
  }

  // Figures drawn as another source's point with the same value: named in the source line too.
  const agreeing: Prepared[] = [];
  // Which series hold competing values, and so are split by source.
  const splitSeries = new Set<string>();
  const contested = new Set<string>();
  const chosen = new Map<string, Prepared[]>();
  for (const [categoryKey, row] of cells) {
    for (const [seriesKey, cell] of row) {
      const cellKey = `${categoryKey}\u0000${seriesKey}`;
      // Most cells of a large chart hold one figure: nothing to compare.
      if (cell.length === 1) {
        chosen.set(cellKey, cell);
        continue;
      }
      const values = uniqueValues([...cell].sort(newerFirst));
      if (values.length > 1) contested.add(cellKey);
      if (values.length > 1 && sideBySide) splitSeries.add(seriesKey);
      if (values.length > 1 && !sideBySide) {
        const [shown, ...others] = values;
        const alternatives = others.map((other) => `${formatQuantity(other.figure.value, other.figure.unit)} (${other.provenance.label ?? 'no source'})`).join('; ');
        notes.push(`† ${cellName(shown)}: shown ${formatQuantity(shown.figure.value, shown.figure.unit)} (${shown.provenance.label ?? 'no source'}); also reported ${alternatives}.`);
      }
      chosen.set(cellKey, sideBySide ? cell : values.slice(0, 1));
      if (!sideBySide) agreeing.push(...cell.filter((item) => item !== values[0] && sameValue(item.base, values[0].base)));
    }
  }

  // Competing values whose rivals are not in the chart (they were not selected): say they exist.
  const lonelyCompeting = items.filter(
    (item) => item.figure.competing && !contested.has(`${item.key[encoding.category]}\u0000${seriesKeyOf(item)}`)
  );
  if (lonelyCompeting.length > 0) {
    const named = lonelyCompeting.slice(0, 3).map(cellName);
    const more = lonelyCompeting.length > 3 ? ` and ${lonelyCompeting.length - 3} more` : '';
    notes.push(`† Other figures in the library, not in this chart, give different values for ${named.join(', ')}${more}.`);
  }

  // Variants: the source of each value in a split series. Editions of one report are named by edition.
  const variantSources = items.filter((item) => splitSeries.has(seriesKeyOf(item))).map((item) => item.provenance);
  const sourceNames = new Set(variantSources.map((provenance) => provenance.source?.name ?? ''));
  const byEdition = sourceNames.size === 1 && variantSources.every((provenance) => provenance.source?.edition);
  const variantOf = (item: Prepared): string =>
    byEdition ? `${item.provenance.source!.edition} edition` : (item.provenance.label ?? 'No source');

  // Categories, in order.
  const categoryKeys = [...categoryItems.keys()];
  const seriesKeys = [...seriesItems.keys()];

  const doubts = findDoubts(library, selectionFilter(spec.selection));
  const othersOf = (item: Prepared, seriesKey: string): ChartPointOther[] => {
    const cell = cells.get(item.key[encoding.category])?.get(seriesKey) ?? [];
    if (cell.length < 2) return [];
    return othersInCell(item, cell);
  };
  const toPoint = (item: Prepared, seriesKey: string): ChartPoint => {
    const figure = item.figure;
    const figureDoubts = doubts.get(figure.id) ?? [];
    const others = othersOf(item, seriesKey);
    return { value: displayUnit.toDisplay(pointValue(figure), figure.unit), ...pointProvenance(item, figureDoubts, others) };
  };

  // Series (and their variants), each with one slot per category.
  interface Draft {
    id: string;
    seriesKey: string;
    name: string;
    variant: string | null;
    stack: string | null;
    cells: Map<string, Prepared>;
    newest: Prepared;
  }
  const drafts: Draft[] = [];
  const seriesName = (seriesKey: string) =>
    encoding.series ? seriesItems.get(seriesKey)!.label[encoding.series] : seriesItems.get(seriesKey)!.label.metric;
  for (const seriesKey of seriesKeys) {
    const split = splitSeries.has(seriesKey);
    const byVariant = new Map<string, Draft>();
    for (const categoryKey of categoryKeys) {
      const cell = chosen.get(`${categoryKey}\u0000${seriesKey}`);
      if (!cell) continue;
      for (const item of uniqueBySource(cell)) {
        const variant = split ? variantOf(item) : null;
        const variantKey = variant ?? '';
        let draft = byVariant.get(variantKey);
        if (!draft) {
          const base = seriesName(seriesKey);
          draft = {
            id: variant ? `${seriesKey}|${variant}` : seriesKey || 'values',
            seriesKey,
            name: variant ? (encoding.series ? `${base} (${variant})` : variant) : base,
            variant,
            stack: spec.type === 'stacked_bar' ? (variant ?? 'total') : null,
            cells: new Map(),
            newest: item
          };
          byVariant.set(variantKey, draft);
        }
        const kept = draft.cells.get(categoryKey);
        if (kept) {
          // Another source giving the same value: one point, whose tooltip and source line name both.
          if (sameValue(kept.base, item.base)) {
            agreeing.push(item);
            continue;
          }
          // Two values from one source for one cell: draw the newest, name the other (the tooltip lists both).
          notes.push(
            `${describeFigure(item.figure)}: ${item.provenance.label ?? 'one source'} gives more than one value; the chart shows ${formatQuantity(kept.figure.value, kept.figure.unit)} and leaves out ${formatQuantity(item.figure.value, item.figure.unit)}.`
          );
          continue;
        }
        draft.cells.set(categoryKey, item);
        if (newerFirst(item, draft.newest) < 0) draft.newest = item;
      }
    }
    // Newest source first within a split series. In a stacked chart the newest values stack with
    // the other series, and older, competing values stand beside them in stacks of their own.
    const variants = [...byVariant.values()].sort((a, b) => newerFirst(a.newest, b.newest));
    if (spec.type === 'stacked_bar' && variants.length > 0) variants[0].stack = 'total';
    drafts.push(...variants);
  }

  // Sort categories and series.
  const valueOf = (draft: Draft, categoryKey: string) => {
    const item = draft.cells.get(categoryKey);
    return item ? displayUnit.toDisplay(pointValue(item.figure), item.figure.unit) : null;
  };
  const categoryScore = (categoryKey: string) => {
    const values = drafts.map((draft) => valueOf(draft, categoryKey)).filter((value): value is number => value !== null);
    if (values.length === 0) return -Infinity;
    return spec.type === 'stacked_bar' ? values.reduce((sum, value) => sum + value, 0) : Math.max(...values);
  };
  const byPeriod = (keys: string[], lookup: Map<string, Prepared>) =>
    [...keys].sort((a, b) => lookup.get(a)!.periodStart.localeCompare(lookup.get(b)!.periodStart) || a.localeCompare(b));
  const byLabel = (keys: string[], lookup: Map<string, Prepared>, dimension: ChartDimension) =>
    [...keys].sort((a, b) => numericCollator.compare(lookup.get(a)!.label[dimension], lookup.get(b)!.label[dimension]));
  const selectionOrder = selectionRank(spec.selection, encoding.category);

  let orderedCategories: string[];
  const sort = spec.sort;
  if (sort === 'label') orderedCategories = byLabel(categoryKeys, categoryItems, encoding.category);
  else if (sort === 'selection') {
    orderedCategories = [...categoryKeys].sort((a, b) => selectionOrder(categoryItems.get(a)!) - selectionOrder(categoryItems.get(b)!));
  } else if (sort === 'value_asc') orderedCategories = [...categoryKeys].sort((a, b) => categoryScore(a) - categoryScore(b));
  else if (sort === 'value_desc' || (encoding.category !== 'period' && !(spec.type === 'line'))) {
    orderedCategories = [...categoryKeys].sort((a, b) => categoryScore(b) - categoryScore(a) || a.localeCompare(b));
  } else if (encoding.category === 'period') orderedCategories = byPeriod(categoryKeys, categoryItems);
  else orderedCategories = byLabel(categoryKeys, categoryItems, encoding.category);

  // Series: periods in time order, others by their total, largest first; variants stay together.
  // Each series' total once, not once per comparison of the sort (ten series of 100,000 points).
  const seriesTotals = new Map<string, number>();
  for (const draft of drafts) {
    let total = seriesTotals.get(draft.seriesKey) ?? 0;
    for (const key of draft.cells.keys()) total += valueOf(draft, key) ?? 0;
    seriesTotals.set(draft.seriesKey, total);
  }
  const seriesTotal = (seriesKey: string) => seriesTotals.get(seriesKey) ?? 0;
  const seriesOrder =
    encoding.series === 'period'
      ? byPeriod(seriesKeys, seriesItems)
      : [...seriesKeys].sort((a, b) => seriesTotal(b) - seriesTotal(a) || a.localeCompare(b));
  drafts.sort((a, b) => seriesOrder.indexOf(a.seriesKey) - seriesOrder.indexOf(b.seriesKey));

  // A large chart comes in the compact form: columns of values, row ids and flags, no provenance
  // (fetched per point on hover). Pies are never large enough to need it.
  const pointTotal = drafts.reduce((sum, draft) => sum + draft.cells.size, 0);
  const compact = !pie && pointTotal > (options.compactAbove ?? COMPACT_POINT_THRESHOLD);
  let series: ChartSeries[] = drafts.map((draft) => {
    const base = { id: draft.id, name: draft.name, stack: draft.stack, variant: draft.variant };
    if (!compact) {
      return {
        ...base,
        points: orderedCategories.map((categoryKey) => {
          const item = draft.cells.get(categoryKey);
          return item ? toPoint(item, draft.seriesKey) : null;
        })
      };
    }
    const values: (number | null)[] = new Array(orderedCategories.length);
    const figureRowIds: (number | null)[] = new Array(orderedCategories.length);
    const flags: number[] = new Array(orderedCategories.length);
    orderedCategories.forEach((categoryKey, index) => {
      const item = draft.cells.get(categoryKey);
      values[index] = item ? displayUnit.toDisplay(pointValue(item.figure), item.figure.unit) : null;
      figureRowIds[index] = item ? item.rowId : null;
      flags[index] = item ? pointFlags(item, doubts.has(item.figure.id)) : 0;
    });
    return { ...base, points: [], columns: { values, figureRowIds, flags } };
  });

  if (pie) {
    const negative = series[0].points.filter((point) => point && point.value < 0);
    if (negative.length > 0) {
      notes.push(`A pie cannot show negative values; left out: ${negative.map((point) => `${point!.entity} ${point!.period}`).join(', ')}.`);
      series = series.map((entry) => ({ ...entry, points: entry.points.map((point) => (point && point.value < 0 ? null : point)) }));
    }
  }

  // What the notes and counts need of each drawn point, from the points or, in the compact form, the figures.
  type ShownFacts = Pick<ChartPoint, 'entity' | 'period' | 'qualifier' | 'figureValue' | 'figureHigh' | 'unit' | 'sourceLabel' | 'doubtful' | 'competing'>;
  const shownPoints: ShownFacts[] = compact
    ? drafts.flatMap((draft) =>
        orderedCategories.flatMap((categoryKey) => {
          const item = draft.cells.get(categoryKey);
          if (!item) return [];
          const figure = item.figure;
          return [{ entity: figure.entity, period: figure.period, qualifier: figure.qualifier, figureValue: figure.value, figureHigh: figure.high, unit: figure.unit, sourceLabel: item.provenance.label, doubtful: doubts.has(figure.id), competing: figure.competing }];
        })
      )
    : series.flatMap((entry) => entry.points.filter((point): point is ChartPoint => point !== null));
  const ranges = shownPoints.filter((point) => point.qualifier === 'range');
  if (ranges.length > 0) {
    notes.push(`Ranges are drawn at their midpoint (${ranges.slice(0, 3).map((point) => `${point.entity} ${point.period}: ${formatQuantity(point.figureValue, point.unit)}–${formatQuantity(point.figureHigh ?? point.figureValue, point.unit)}`).join('; ')}${ranges.length > 3 ? '; …' : ''}).`);
  }
  const unsourced = shownPoints.filter((point) => !point.sourceLabel).length;
  if (unsourced > 0) notes.push(`${unsourced} figure${unsourced === 1 ? ' names' : 's name'} no source.`);
  if (!isFigureIdsSelection(spec.selection)) {
    const found = new Set(items.map((item) => item.key.entity));
    const absent = (spec.selection.entities ?? []).filter((entity) => !found.has(entity.trim().toLowerCase()));
    if (absent.length > 0) notes.push(`No figures for ${absent.join(', ')}.`);
    const foundPeriods = new Set(items.map((item) => item.key.period));
    const absentPeriods = (spec.selection.periods ?? []).filter((period) => !foundPeriods.has(canonicalPeriod(period)));
    if (absentPeriods.length > 0) notes.push(`No figures for ${absentPeriods.join(', ')}.`);
  }

  // The source line names sources in the order the chart shows them.
  const sourceLine =
    spec.sourceLine?.trim() ||
    composeSourceLine([
      ...orderedCategories.flatMap((categoryKey) => drafts.map((draft) => draft.cells.get(categoryKey)?.provenance.source ?? null)),
      ...agreeing.map((item) => item.provenance.source)
    ]);

  const metricLabels = [...new Set(items.map((item) => item.label.metric))];
  const bases = new Set(figures.map((figure) => figure.basis?.trim() || ''));
  const basis = bases.size === 1 ? [...bases][0] : '';
  const unitText = [displayUnit.unit, basis].filter(Boolean).join(', ');
  const axisMetric = metricLabels.length === 1 ? metricLabels[0] : 'Value';
  const valueAxisLabel = spec.valueAxisLabel?.trim() || (unitText ? `${axisMetric} (${unitText})` : axisMetric);

  const bars = spec.type === 'bar' || spec.type === 'grouped_bar' || spec.type === 'stacked_bar';
  const orientation =
    spec.orientation === 'horizontal' || spec.orientation === 'vertical'
      ? bars
        ? spec.orientation
        : 'vertical'
      : bars && encoding.category !== 'period'
        ? 'horizontal'
        : 'vertical';

  return {
    chartId: options.chartId ?? null,
    title: spec.title.trim() || titleFor(items, encoding),
    subtitle: spec.subtitle?.trim() || null,
    type: spec.type,
    orientation,
    encoding,
    series,
    categories: orderedCategories.map((key) => categoryItems.get(key)!.label[encoding.category]),
    unit: displayUnit.unit,
    valueAxisLabel,
    categoryAxisLabel: spec.categoryAxisLabel?.trim() || null,
    sourceLine,
    notes,
    figureCount: shownPoints.length,
    doubtfulCount: shownPoints.filter((point) => point.doubtful).length,
    competingCount: shownPoints.filter((point) => point.competing).length
  };
}

function pointFlags(item: Prepared, doubtful: boolean): number {
  return (
    (doubtful ? POINT_FLAGS.doubtful : 0) |
    (item.figure.competing ? POINT_FLAGS.competing : 0) |
    (item.provenance.articleId && item.provenance.highlightId ? POINT_FLAGS.fromHighlight : 0) |
    (item.figure.qualifier === 'range' ? POINT_FLAGS.range : 0)
  );
}

/** One figure per source and value in a cell: the same number from the same source twice is one bar. */
function uniqueBySource(cell: Prepared[]): Prepared[] {
  if (cell.length < 2) return cell;
  const seen = new Set<string>();
  const kept: Prepared[] = [];
  for (const item of [...cell].sort(newerFirst)) {
    const key = `${item.provenance.label ?? ''}\u0000${item.base}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(item);
  }
  return kept;
}

function selectionRank(selection: ChartSelection, category: ChartDimension): (item: Prepared) => number {
  if (isFigureIdsSelection(selection)) {
    const order = new Map(selection.figureIds.map((id, index) => [id, index]));
    return (item) => order.get(item.figure.id) ?? Number.MAX_SAFE_INTEGER;
  }
  const list = category === 'entity' ? selection.entities : category === 'period' ? selection.periods?.map(canonicalPeriod) : undefined;
  const order = new Map((list ?? []).map((value, index) => [value.trim().toLowerCase(), index]));
  return (item) => order.get(item.key[category].toLowerCase()) ?? Number.MAX_SAFE_INTEGER;
}

// ── provenance of single points (compact series) ───────────────────────────────────────────────

/**
 * The provenance of points of a compact series, by figure row id: what the tooltip shows and a click
 * follows (source, quote, article and highlight or citation, doubts, and the other figures for the
 * same metric, entity and period). A chart in the object form carries the same on every point; in
 * the compact form "others" are every other live figure of the point's metric, entity and period,
 * selected for the chart or not. Row ids of figures deleted since are left out of the answer.
 */
export function chartPointDetails(library: Library, figureRowIds: number[]): ChartPointDetail[] {
  if (figureRowIds.length === 0) return [];
  const filter = { where: 'f.rowid IN (SELECT value FROM json_each(?)) AND f.deleted_at IS NULL', parameters: [JSON.stringify(figureRowIds)] };
  const rows = readChartFigureRows(library, `WHERE ${filter.where}`, filter.parameters);
  if (rows.length === 0) return [];
  const rivals = readChartFigureRows(
    library,
    `JOIN (SELECT DISTINCT f.metric, f.entity, f.period FROM figures f WHERE ${filter.where}) k
       ON f.metric = k.metric AND f.entity = k.entity AND f.period = k.period
     WHERE f.deleted_at IS NULL`,
    filter.parameters
  );
  const keyOf = (row: { metric: string; entity: string; period: string }) => `${row.metric.toLowerCase()}\u0000${row.entity.toLowerCase()}\u0000${row.period}`;
  const byKey = new Map<string, ChartFigureRow[]>();
  for (const row of rivals) {
    const group = byKey.get(keyOf(row));
    if (group) group.push(row);
    else byKey.set(keyOf(row), [row]);
  }
  const differ = (a: ChartFigureRow, b: ChartFigureRow) =>
    a.dimension !== b.dimension ||
    !sameValue(a.normalized_value, b.normalized_value) ||
    !sameValue(a.normalized_high ?? a.normalized_value, b.normalized_high ?? b.normalized_value);
  const figuresOf = (list: ChartFigureRow[]) =>
    list.map((row) => figureFromRow({ ...row, competing: (byKey.get(keyOf(row)) ?? []).some((other) => differ(row, other)) ? 1 : 0 }));
  const allFigures = figuresOf(rivals);
  const articles = articlePublishers(library, allFigures);
  const prepared = new Map<string, Prepared>();
  rivals.forEach((row, index) => {
    const figure = allFigures[index];
    prepared.set(figure.id, {
      figure,
      rowId: row.row_id,
      key: { entity: figure.entity.toLowerCase(), metric: figure.metric.toLowerCase(), period: figure.period },
      label: { entity: figure.entity, metric: humanizeName(figure.metric), period: figure.period },
      periodStart: row.period_start,
      base: row.normalized_value,
      provenance: provenanceOf(figure, articles)
    });
  });
  const doubts = findDoubts(library, filter);
  return rows.flatMap((row) => {
    const item = prepared.get(row.id);
    if (!item) return [];
    const figure = item.figure;
    const group = (byKey.get(keyOf(row)) ?? []).map((other) => prepared.get(other.id)!).filter(Boolean);
    const others = othersInCell(item, group);
    const figureDoubts = doubts.get(figure.id) ?? [];
    return [{ figureRowId: row.row_id, ...pointProvenance(item, figureDoubts, others) }];
  });
}
