// Resolves a chart spec into ChartData from the live figures: which figures, in what unit, in
// which categories and series, marked doubtful or competing, and the source line. Nothing here is
// stored; a saved chart is resolved again each time, so it shows every correction to its figures.
import type { ChartCitation, ChartData, ChartPoint, ChartSeries } from '../../shared/charts/chart-data';
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

/** The ids of the live figures a selection holds now. */
export function selectFigureIds(library: Library, selection: ChartSelection): string[] {
  if (isFigureIdsSelection(selection)) {
    const rows = library
      .statement(`SELECT f.id FROM figures f WHERE f.deleted_at IS NULL AND f.id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(selection.figureIds)) as { id: string }[];
    return rows.map((row) => row.id);
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
  const rows = library.statement(`SELECT f.id FROM figures f WHERE ${clauses.join(' AND ')}`).all(...parameters) as { id: string }[];
  return rows.map((row) => row.id);
}

/**
 * The chart's figures with their sources, and whether each competes. listFigures() answers
 * "competing" with a subquery per row, which is right for a page of 200 and far too slow for a
 * chart of 100,000; here the groups are read once and compared in memory, by the same rule as
 * COMPETING in figures.ts (same metric, entity and period; another kind of quantity, or a value or
 * upper value that differs beyond float noise).
 */
function loadFigures(library: Library, ids: string[]): Figure[] {
  if (ids.length === 0) return [];
  const chosen = JSON.stringify(ids);
  const rows = library
    .statement(
      // Only the columns a chart uses: at 100,000 figures, every column read costs.
      `SELECT f.id, f.metric, f.entity, f.value, f.value_high, f.unit, f.qualifier, f.period, f.period_kind, f.basis,
         NULL AS notes, f.highlight_id, f.citation_title, f.citation_publisher, f.citation_edition, f.citation_url,
         f.citation_page, f.created_at, f.updated_at,
         h.quote_exact AS source_quote, h.article_id AS source_article_id, a.title AS source_article_title
       FROM figures f
       LEFT JOIN highlights h ON h.id = f.highlight_id AND h.deleted_at IS NULL
       LEFT JOIN articles a ON a.id = h.article_id
       WHERE f.id IN (SELECT value FROM json_each(?)) AND f.deleted_at IS NULL
       ORDER BY f.created_at, f.rowid`
    )
    .all(chosen) as FigureRow[];
  const groups = library
    .statement(
      `WITH keys AS (SELECT DISTINCT f.metric, f.entity, f.period FROM figures f WHERE f.id IN (SELECT value FROM json_each(?)))
       SELECT g.metric, g.entity, g.period, g.dimension, g.normalized_value, g.normalized_high
       FROM figures g JOIN keys k ON g.metric = k.metric AND g.entity = k.entity AND g.period = k.period
       WHERE g.deleted_at IS NULL`
    )
    .all(chosen) as { metric: string; entity: string; period: string; dimension: string; normalized_value: number; normalized_high: number | null }[];
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
  return rows.map((row) => figureFromRow({ ...row, competing: contested.has(keyOf(row)) ? 1 : 0 }));
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
function findDoubts(library: Library, figureIds: string[]): Map<string, Doubt[]> {
  const doubts = new Map<string, Doubt[]>();
  if (figureIds.length === 0) return doubts;
  const verdicts = JSON.stringify(DOUBTFUL_VERDICTS);
  const ids = JSON.stringify(figureIds);
  const rows = library
    .statement(
      `WITH chosen AS (SELECT value AS id FROM json_each(?)),
            live_claims AS (
              SELECT c.id, c.verdict, c.statement FROM claims c LEFT JOIN articles a ON a.id = c.article_id
              WHERE c.deleted_at IS NULL AND (c.article_id IS NULL OR a.deleted_at IS NULL)
                AND c.verdict IN (SELECT value FROM json_each(?))
            )
       SELECT f.id AS figure_id, lc.id AS claim_id, lc.verdict, lc.statement
         FROM chosen JOIN figures f ON f.id = chosen.id
         JOIN claim_highlights ch ON ch.highlight_id = f.highlight_id
         JOIN live_claims lc ON lc.id = ch.claim_id
       UNION
       SELECT l.target_id AS figure_id, lc.id AS claim_id, lc.verdict, lc.statement
         FROM evidence_links l JOIN live_claims lc ON lc.id = l.claim_id
         WHERE l.target_kind = 'figure' AND l.deleted_at IS NULL AND l.relation <> 'contradicts'
           AND l.target_id IN (SELECT id FROM chosen)`
    )
    .all(ids, verdicts) as { figure_id: string; claim_id: string; verdict: Verdict; statement: string }[];
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

function provenanceOf(figure: Figure, articles: Map<string, { publisher: string | null; title: string }>): Provenance {
  const source = figure.source;
  if (source.kind === 'highlight') {
    const article = articles.get(source.articleId);
    const name = articleSourceName({ publisher: article?.publisher ?? null, title: article?.title ?? source.articleTitle });
    return { source: name, label: name && sourceLabel(name), citation: null, quote: source.quote, articleId: source.articleId, highlightId: source.highlightId };
  }
  if (source.kind === 'citation') {
    const citation = { title: source.title, publisher: source.publisher, edition: source.edition, url: source.url, page: source.page };
    const name = citationSourceName(citation);
    return { source: name, label: name && sourceLabel(name), citation, quote: null, articleId: null, highlightId: null };
  }
  return { source: null, label: null, citation: null, quote: null, articleId: null, highlightId: null };
}

// ── encoding ───────────────────────────────────────────────────────────────────────────────────

interface Prepared {
  figure: Figure;
  key: Record<ChartDimension, string>;
  label: Record<ChartDimension, string>;
  periodStart: string;
  /** Normalised value, to tell competing values from repeats. */
  base: number;
  provenance: Provenance;
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
    const byCell = new Map<string, Set<string>>();
    for (const item of items) {
      const cell = `${item.key[encoding.category]}\u0000${encoding.series ? item.key[encoding.series] : ''}`;
      const set = byCell.get(cell) ?? new Set();
      set.add(item.label[dimension]);
      byCell.set(cell, set);
      if (set.size > 1) {
        const where = [item.label[encoding.category], encoding.series ? item.label[encoding.series] : null].filter(Boolean).join(', ');
        const values = [...set].slice(0, 4).join(', ');
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

/** The newer of two sources: a later edition, else the figure changed last. */
function newerFirst(a: Prepared, b: Prepared): number {
  const editionA = a.provenance.citation?.edition ?? '';
  const editionB = b.provenance.citation?.edition ?? '';
  if (editionA !== editionB) return editionB.localeCompare(editionA, 'en', { numeric: true });
  return b.figure.updatedAt.localeCompare(a.figure.updatedAt);
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
}

export function resolveChartData(library: Library, spec: ResolvableSpec, options: ResolveOptions = {}): ChartData {
  const notes: string[] = [];
  const ids = selectFigureIds(library, spec.selection);
  const figures = loadFigures(library, ids);
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
  const periodStarts = new Map<string, string>();
  const unitFactors = new Map<string, number>();
  const baseOf = (figure: Figure) => {
    let factor = unitFactors.get(figure.unit);
    if (factor === undefined) unitFactors.set(figure.unit, (factor = normalise(1, figure.unit).value));
    return figure.value * factor;
  };
  const items: Prepared[] = figures.map((figure) => {
    let start = periodStarts.get(figure.period);
    if (start === undefined) {
      start = tryParsePeriod(figure.period)?.start ?? figure.period;
      periodStarts.set(figure.period, start);
    }
    return {
      figure,
      key: { entity: figure.entity.toLowerCase(), metric: figure.metric.toLowerCase(), period: figure.period },
      label: { entity: figure.entity, metric: humanizeName(figure.metric), period: figure.period },
      periodStart: start,
      base: baseOf(figure),
      provenance: provenanceOf(figure, articles)
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

  // Which series hold competing values, and so are split by source.
  const splitSeries = new Set<string>();
  const contested = new Set<string>();
  const chosen = new Map<string, Prepared[]>();
  for (const [categoryKey, row] of cells) {
    for (const [seriesKey, cell] of row) {
      const cellKey = `${categoryKey}\u0000${seriesKey}`;
      const values = uniqueValues([...cell].sort(newerFirst));
      if (values.length > 1) contested.add(cellKey);
      if (values.length > 1 && sideBySide) splitSeries.add(seriesKey);
      if (values.length > 1 && !sideBySide) {
        const [shown, ...others] = values;
        const alternatives = others.map((other) => `${formatQuantity(other.figure.value, other.figure.unit)} (${other.provenance.label ?? 'no source'})`).join('; ');
        notes.push(`† ${cellName(shown)}: shown ${formatQuantity(shown.figure.value, shown.figure.unit)} (${shown.provenance.label ?? 'no source'}); also reported ${alternatives}.`);
      }
      chosen.set(cellKey, sideBySide ? cell : values.slice(0, 1));
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

  const doubts = findDoubts(library, figures.map((figure) => figure.id));
  const toPoint = (item: Prepared): ChartPoint => {
    const figure = item.figure;
    const figureDoubts = doubts.get(figure.id) ?? [];
    return {
      value: displayUnit.toDisplay(pointValue(figure), figure.unit),
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
      competing: figure.competing
    };
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
        // Two values from one source for one cell: keep the first (newest) and say so.
        if (draft.cells.has(categoryKey)) {
          notes.push(`${describeFigure(item.figure)}: ${item.provenance.label ?? 'one source'} gives more than one value; the chart shows ${formatQuantity(draft.cells.get(categoryKey)!.figure.value, draft.cells.get(categoryKey)!.figure.unit)}.`);
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
    [...keys].sort((a, b) => lookup.get(a)!.label[dimension].localeCompare(lookup.get(b)!.label[dimension], 'en', { numeric: true }));
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
  const seriesTotal = (seriesKey: string) =>
    drafts.filter((draft) => draft.seriesKey === seriesKey).reduce((sum, draft) => sum + [...draft.cells.keys()].reduce((s, key) => s + (valueOf(draft, key) ?? 0), 0), 0);
  const seriesOrder =
    encoding.series === 'period'
      ? byPeriod(seriesKeys, seriesItems)
      : [...seriesKeys].sort((a, b) => seriesTotal(b) - seriesTotal(a) || a.localeCompare(b));
  drafts.sort((a, b) => seriesOrder.indexOf(a.seriesKey) - seriesOrder.indexOf(b.seriesKey));

  let series: ChartSeries[] = drafts.map((draft) => ({
    id: draft.id,
    name: draft.name,
    stack: draft.stack,
    variant: draft.variant,
    points: orderedCategories.map((categoryKey) => {
      const item = draft.cells.get(categoryKey);
      return item ? toPoint(item) : null;
    })
  }));

  if (pie) {
    const negative = series[0].points.filter((point) => point && point.value < 0);
    if (negative.length > 0) {
      notes.push(`A pie cannot show negative values; left out: ${negative.map((point) => `${point!.entity} ${point!.period}`).join(', ')}.`);
      series = series.map((entry) => ({ ...entry, points: entry.points.map((point) => (point && point.value < 0 ? null : point)) }));
    }
  }

  const shownPoints = series.flatMap((entry) => entry.points.filter((point): point is ChartPoint => point !== null));
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
    composeSourceLine(orderedCategories.flatMap((categoryKey) => drafts.map((draft) => draft.cells.get(categoryKey)?.provenance.source ?? null)));

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

/** One figure per source and value in a cell: the same number from the same source twice is one bar. */
function uniqueBySource(cell: Prepared[]): Prepared[] {
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
