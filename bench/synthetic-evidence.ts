// Figures, claims, evidence links and saved charts for the synthetic library, written after its
// articles and highlights. Rows must be what Assay itself would store, so every figure goes
// through core's own validateFigure/insertFigure (the unit normalised, the period made canonical,
// the highlight checked) under a clock the generator sets; a claim's stated number is read from
// its statement by core's quantity parser, as claims.create does; every chart spec is resolved by
// core's resolveChartData, which settles its title and encoding and refuses one it cannot draw.
// Claims, links and charts are INSERTed directly only because core gives them random ids.
//
// Its own PRNG stream (derived from the seed), so articles and highlights stay the same as before
// figures existed and only the evidence depends on this file.
import { AssayError } from '../src/shared/errors';
import { DEFAULT_TOLERANCE, VERDICTS, type LinkRelation, type Qualifier, type Verdict } from '../src/shared/evidence';
import type { Library } from '../src/core/db/library';
import { insertFigure, validateFigure, type FigureInput } from '../src/core/figures/figures';
import { resolveChartData, type ResolvableSpec } from '../src/core/charts/chart-data';
import type { ChartSelection, ChartSort, ChartType } from '../src/shared/charts/chart-spec';
import { findPeriod, parsePeriod, type Period } from '../src/core/quantities/periods';
import { findQuantities, parseQuantity } from '../src/core/quantities/quantity-parser';
import { normalise } from '../src/core/quantities/units';
import {
  ENTITIES,
  FAMILY_UNITS,
  FIGURE_NOTES,
  MASS_BASES,
  METRICS,
  pickWeighted,
  SOURCES,
  zipfIndex,
  type MetricDefinition,
  type PeriodStyle,
  type QuantityFamily,
  type SourceDefinition
} from './evidence-vocabulary';
import { createRandom, TAGS, type Random } from './vocabulary';

export interface EvidenceCounts {
  figures: number;
  claims: number;
  charts: number;
}

export interface EvidenceManifest {
  figures: number;
  /** Figures whose source is a highlight (the rest are typed in with a citation). */
  highlightFigures: number;
  /** Figures another figure of the same metric, entity and period disagrees with. */
  competingFigures: number;
  claims: number;
  claimsFromHighlights: number;
  claimsWithComputation: number;
  evidenceLinks: number;
  charts: number;
  /** Distinct values of the figures view's facets. */
  distinct: { metrics: number; entities: number; units: number; periods: number };
  verdicts: Record<Verdict, number>;
}

interface HighlightRow {
  id: string;
  article_id: string;
  quote_exact: string;
  created_at: string;
}

interface FigureRecord {
  id: string;
  input: FigureInput;
  createdAt: string;
  /** Filled when written: what core stored. */
  canonicalPeriod: string;
  periodStart: string;
  normalized: number;
  normalizedHigh: number | null;
  dimension: string;
}

const HIGHLIGHT_FIGURE_SHARE = 0.3;
const FIGURES_PER_TRANSACTION = 5_000;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function roundSignificant(value: number, digits: number): number {
  if (value === 0) return 0;
  return Number(value.toPrecision(digits));
}

function addMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

function familyOfDimension(dimension: string): QuantityFamily | null {
  if (dimension === 'mass') return 'mass';
  if (dimension === 'ratio') return 'share';
  if (dimension === 'currency:USD') return 'money';
  if (dimension === 'price-per-mass:USD') return 'price-usd';
  if (dimension === 'price-per-mass:CNY') return 'price-cny';
  return null;
}

const METRICS_BY_FAMILY = new Map<QuantityFamily, MetricDefinition[]>();
for (const definition of METRICS) {
  const list = METRICS_BY_FAMILY.get(definition.family) ?? [];
  list.push(definition);
  METRICS_BY_FAMILY.set(definition.family, list);
}

/** Typed spellings of a period, as analysts and CSV files write them; core makes them canonical. */
function periodText(style: PeriodStyle, year: number, part: number, spelling: number): string {
  switch (style) {
    case 'year':
      return String(year);
    case 'quarter':
      return spelling % 2 === 0 ? `${year}-Q${part}` : `Q${part} ${year}`;
    case 'half':
      return spelling % 2 === 0 ? `${year}-H${part}` : `H${part} ${year}`;
    case 'month': {
      const month = MONTHS[part - 1];
      // "2011-12" reads as the split year 2011/12 (core refuses it), so that month is written out.
      if (spelling % 3 === 0 && (year + 1) % 100 !== part) return `${year}-${String(part).padStart(2, '0')}`;
      return spelling % 3 === 2 ? `${month.slice(0, 3)} ${year}` : `${month} ${year}`;
    }
  }
}

const PARTS: Record<PeriodStyle, number> = { year: 1, half: 2, quarter: 4, month: 12 };

/** Consecutive periods ending at (endYear, endPart), oldest first. */
function periodRun(style: PeriodStyle, endYear: number, endPart: number, count: number): { year: number; part: number }[] {
  const parts = PARTS[style];
  const run: { year: number; part: number }[] = [];
  let index = endYear * parts + (endPart - 1);
  for (let i = 0; i < count; i += 1, index -= 1) run.unshift({ year: Math.floor(index / parts), part: (index % parts) + 1 });
  return run;
}

class PeriodCache {
  private readonly cache = new Map<string, Period>();
  get(text: string): Period {
    let period = this.cache.get(text);
    if (!period) {
      period = parsePeriod(text);
      this.cache.set(text, period);
    }
    return period;
  }
}

/**
 * The "true" size of a metric for an entity and period, the same every time it is asked, so that
 * sources agree unless one of them deviates on purpose (a revision, a different estimate).
 */
class TrueValues {
  private readonly levels = new Map<string, { level: number; growth: number }>();

  constructor(private readonly random: Random) {}

  value(definition: MetricDefinition, entity: string, entityRank: number, period: Period): number {
    const key = `${definition.name}\u0000${entity}`;
    let base = this.levels.get(key);
    if (!base) {
      const noise = Math.exp((this.random.next() - 0.5) * 0.8);
      let level: number;
      if (definition.family === 'price-usd' || definition.family === 'price-cny') level = definition.typical * (0.85 + this.random.next() * 0.3);
      else if (definition.family === 'change') level = definition.typical * (this.random.next() * 2.4 - 0.6);
      else if (entity === 'World') level = definition.typical * 1.45;
      // A share of the world falls with the entity's rank; a rate (utilisation, grade, dependence) does not.
      else if (definition.family === 'share' && !definition.name.startsWith('share of')) level = definition.typical * (0.55 + this.random.next() * 0.6);
      else level = (definition.typical / Math.pow(entityRank + 1, definition.family === 'share' ? 1.1 : 1.2)) * noise;
      // Shares and prices drift; volumes grow (or shrink) a few percent a year.
      const steady = definition.family === 'share' || definition.family === 'change' || definition.family === 'price-usd' || definition.family === 'price-cny';
      base = { level, growth: steady ? -0.02 + this.random.next() * 0.04 : -0.04 + this.random.next() * 0.16 };
      this.levels.set(key, base);
    }
    const year = Number(period.start.slice(0, 4)) + (Number(period.start.slice(5, 7)) - 1) / 12;
    let value = base.level * Math.pow(1 + base.growth, year - 2024);
    const flow = definition.family === 'mass' || definition.family === 'money' || definition.family === 'count';
    if (flow && period.kind !== 'year' && definition.name !== 'reserves') {
      const days = (Date.parse(period.end) - Date.parse(period.start)) / 86_400_000 + 1;
      value *= days / 365;
    }
    if (definition.family === 'share') return Math.min(99.9, Math.max(0.1, Number(value.toFixed(1))));
    if (definition.family === 'change') return Number(value.toFixed(1));
    if (definition.family === 'count') return Math.max(1, Math.round(value));
    return roundSignificant(value, 3);
  }
}

function pickMetric(random: Random, family?: QuantityFamily): MetricDefinition {
  const list = family ? METRICS_BY_FAMILY.get(family)! : METRICS;
  return list[zipfIndex(random, list.length, 5)];
}

/** "World" has no share of the world, nor a growth rate of its own worth a figure. */
function reportsFor(definition: MetricDefinition, entity: string): boolean {
  return entity !== 'World' || (definition.family !== 'share' && definition.family !== 'change');
}

function pickEntity(random: Random, definition: MetricDefinition): { entity: string; rank: number } {
  const pool = ENTITIES[definition.entities];
  for (;;) {
    const rank = zipfIndex(random, pool.length, 1.2);
    if (reportsFor(definition, pool[rank])) return { entity: pool[rank], rank };
  }
}

function pickUnit(random: Random, family: QuantityFamily, valueInFirstUnit: number): [string, number] {
  const options = FAMILY_UNITS[family].filter(([unit]) => unit !== 'kt' || valueInFirstUnit >= 10_000);
  const unit = pickWeighted(random, options, (option) => option[2]);
  const [, factor] = options.find((option) => option[0] === unit)!;
  return [unit, factor];
}

function pickQualifier(random: Random): Qualifier {
  const u = random.next();
  if (u < 0.78) return 'exact';
  if (u < 0.9) return 'approximately';
  if (u < 0.93) return 'at_least';
  if (u < 0.96) return 'at_most';
  return 'range';
}

function editionText(source: SourceDefinition, year: number, random: Random): string {
  switch (source.editionStyle) {
    case 'year':
      return String(year);
    case 'edition':
      return `${year} edition`;
    case 'quarter':
      return `Q${random.int(1, 4)} ${year}`;
    case 'month':
      return `${MONTHS[random.int(0, 11)]} ${year}`;
  }
}

/** One table of a publication: a metric for some entities over a run of periods. */
interface PublishedTable {
  definition: MetricDefinition;
  source: SourceDefinition;
  edition: number;
  style: PeriodStyle;
  run: { year: number; part: number }[];
  /** Entity → its rank in the metric's pool. */
  chosen: Map<string, number>;
}

function newTable(random: Random): PublishedTable {
  const definition = pickMetric(random);
  const sources = SOURCES.filter((source) => source.kinds.includes(definition.kind));
  const source = sources[zipfIndex(random, sources.length, 1.5)];
  const edition = source.editions[1] - zipfIndex(random, source.editions[1] - source.editions[0] + 1, 2);
  const style = random.pick(definition.periods);
  const runLength = style === 'year' ? random.int(1, 6) : style === 'month' ? random.int(3, 18) : random.int(2, 8);
  // Mostly the latest periods an edition covers; sometimes a back series.
  const lag = random.chance(0.35) ? random.int(1, 8) : 0;
  const endYear = (style === 'year' || source.editionStyle === 'year' || source.editionStyle === 'edition' ? edition - 1 : edition) - lag;
  const run = periodRun(style, endYear, style === 'year' ? 1 : random.int(1, PARTS[style]), runLength);
  const pool = ENTITIES[definition.entities];
  const entityCount = Math.min(pool.length, definition.entities === 'markets' ? random.int(1, 3) : random.int(1, 18));
  const chosen = new Map<string, number>();
  // Tables usually lead with the largest producers, then a long tail.
  const leaders = random.int(0, 4);
  for (let rank = 0; rank < Math.min(entityCount, leaders); rank += 1) if (reportsFor(definition, pool[rank])) chosen.set(pool[rank], rank);
  while (chosen.size < entityCount) {
    const { entity, rank } = pickEntity(random, definition);
    chosen.set(entity, rank);
  }
  return { definition, source, edition, style, run, chosen };
}

interface WriteOptions {
  counts: EvidenceCounts;
  seed: number;
  /** The library's first and last article dates (ms): typed figures, claims and charts fall between. */
  from: number;
  until: number;
  /** Sets the library clock that core's inserts read. */
  setClock: (iso: string) => void;
  log?: (line: string) => void;
}

/** Writes figures, claims (with highlights, tags and evidence links) and charts into the library. */
export function writeEvidence(library: Library, options: WriteOptions): EvidenceManifest {
  const { db } = library;
  const started = performance.now();
  const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const random = createRandom(options.seed ^ 0x0f16e5);
  const periods = new PeriodCache();
  const trueValues = new TrueValues(createRandom(options.seed ^ 0x7a1e));
  const isoBetween = () => new Date(options.from + random.next() * (options.until - options.from)).toISOString();

  const highlights = db.prepare('SELECT id, article_id, quote_exact, created_at FROM highlights ORDER BY rowid').all() as HighlightRow[];
  const articles = db.prepare('SELECT id, added_at FROM articles ORDER BY rowid').all() as { id: string; added_at: string }[];

  // ── figures ────────────────────────────────────────────────────────────────────────────────
  const figures: FigureRecord[] = [];
  const record = (input: FigureInput, createdAt: string): FigureRecord => {
    const figure: FigureRecord = { id: random.uuid(), input, createdAt, canonicalPeriod: '', periodStart: '', normalized: 0, normalizedHigh: null, dimension: '' };
    figures.push(figure);
    return figure;
  };
  const figureOfHighlight = new Map<string, FigureRecord>();

  // From highlights: first those whose quote states a quantity (the number-first entry pre-fills
  // value, unit, qualifier and period from it), then others the analyst attached a typed value to.
  const highlightTarget = Math.min(highlights.length, Math.round(options.counts.figures * HIGHLIGHT_FIGURE_SHARE));
  const used = new Set<number>();
  const order = highlights.map((_, index) => index);
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  for (const index of order) {
    if (figures.length >= highlightTarget) break;
    const highlight = highlights[index];
    if (!/\d/.test(highlight.quote_exact)) continue;
    const quantity = findQuantities(highlight.quote_exact).find((candidate) => {
      const dimension = candidate.unit === '' ? null : normalise(1, candidate.unit).dimension;
      return dimension !== null && familyOfDimension(dimension) !== null;
    });
    if (!quantity) continue;
    const family = familyOfDimension(normalise(1, quantity.unit).dimension)!;
    const definition = pickMetric(random, family === 'share' && random.chance(0.2) ? 'change' : family);
    const { entity } = pickEntity(random, definition);
    const mentioned = findPeriod(highlight.quote_exact);
    const period = mentioned && mentioned.kind !== 'date' ? mentioned.canonical : periodText('year', 2025 - zipfIndex(random, 20, 3), 1, 0);
    used.add(index);
    figureOfHighlight.set(
      highlight.id,
      record(
        {
          metric: definition.name,
          entity,
          value: quantity.value,
          high: quantity.high,
          unit: quantity.unit,
          period,
          qualifier: quantity.qualifier,
          basis: family === 'mass' && random.chance(0.5) ? random.pick(MASS_BASES) : null,
          notes: random.chance(0.1) ? random.pick(FIGURE_NOTES) : null,
          highlightId: highlight.id
        },
        addMinutes(highlight.created_at, random.int(1, 240))
      )
    );
  }
  for (const index of order) {
    if (figures.length >= highlightTarget) break;
    if (used.has(index)) continue;
    const highlight = highlights[index];
    const definition = pickMetric(random);
    const { entity, rank } = pickEntity(random, definition);
    const style = random.pick(definition.periods);
    const text = periodText(style, 2025 - zipfIndex(random, 15, 3), random.int(1, PARTS[style]), random.int(0, 2));
    const value = trueValues.value(definition, entity, rank, periods.get(text));
    const [unit, factor] = pickUnit(random, definition.family, value);
    figureOfHighlight.set(
      highlight.id,
      record(
        {
          metric: definition.name,
          entity,
          value: definition.family === 'count' ? value : roundSignificant(value * factor, 3),
          high: null,
          unit,
          period: text,
          qualifier: random.chance(0.85) ? 'exact' : 'approximately',
          basis: definition.family === 'mass' && random.chance(0.5) ? random.pick(MASS_BASES) : null,
          notes: random.chance(0.1) ? random.pick(FIGURE_NOTES) : null,
          highlightId: highlight.id
        },
        addMinutes(highlight.created_at, random.int(1, 240))
      )
    );
  }
  const highlightFigures = figures.length;

  // Typed in from publications, a table at a time: one source, one metric, some entities over a run
  // of periods. Sources agree on a value unless one deviates (a revision, another estimate), which
  // is where competing figures come from.
  // Tables already typed in, so that a later edition can revise one (USGS revises its previous
  // year's figures in every edition): the surest source of competing values.
  const published: PublishedTable[] = [];
  while (figures.length < options.counts.figures) {
    const earlier = published.length > 0 && random.chance(0.12) ? random.pick(published) : null;
    const revision = earlier !== null && earlier.edition < earlier.source.editions[1];
    const table = revision ? { ...earlier, edition: earlier.edition + 1 } : newTable(random);
    if (!revision) published.push(table);
    const { definition, source, edition, style, run, chosen } = table;
    const pool = ENTITIES[definition.entities];
    const spelling = random.int(0, 2);
    const deviates = revision || random.chance(0.3);
    const imported = random.chance(0.4);
    let createdAt = isoBetween();
    const editionLabel = editionText(source, edition, random);
    const page = random.chance(0.4) ? `p. ${random.int(2, 220)}` : null;
    const url = source.url && random.chance(0.6) ? source.url(edition) : null;
    const basis = definition.family === 'mass' ? random.pick(MASS_BASES) : null;
    const firstValue = trueValues.value(definition, pool[0], 0, periods.get(periodText(style, run[0].year, run[0].part, spelling)));
    const [unit, factor] = pickUnit(random, definition.family, firstValue);
    for (const [entity, rank] of chosen) {
      for (const { year, part } of run) {
        if (figures.length >= options.counts.figures) break;
        const text = periodText(style, year, part, spelling);
        let value = trueValues.value(definition, entity, rank, periods.get(text));
        if (deviates && random.chance(0.5)) value *= 1 + (random.chance(0.5) ? 1 : -1) * (0.02 + random.next() * 0.23);
        const typed = definition.family === 'count' ? Math.max(1, Math.round(value)) : definition.family === 'share' || definition.family === 'change' ? Number(value.toFixed(1)) : roundSignificant(value * factor, 3);
        const qualifier = pickQualifier(random);
        record(
          {
            metric: definition.name,
            entity,
            value: typed,
            high: qualifier === 'range' ? roundSignificant(Math.abs(typed) * (1.05 + random.next() * 0.25) + Math.min(typed, 0) * 2, 3) : null,
            unit,
            period: text,
            qualifier,
            basis,
            notes: random.chance(0.12) ? random.pick(FIGURE_NOTES) : null,
            highlightId: null,
            citation: { title: source.title, publisher: source.publisher, edition: editionLabel, url, page }
          },
          createdAt
        );
        // A CSV import stores a whole table at one time; typing takes a minute or so per figure.
        if (!imported) createdAt = addMinutes(createdAt, random.int(1, 3));
      }
    }
  }

  figures.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  for (let from = 0; from < figures.length; from += FIGURES_PER_TRANSACTION) {
    db.transaction(() => {
      for (const figure of figures.slice(from, from + FIGURES_PER_TRANSACTION)) {
        options.setClock(figure.createdAt);
        const valid = validateFigure(library, figure.input);
        insertFigure(library, valid, figure.id);
        figure.canonicalPeriod = valid.period.canonical;
        figure.periodStart = valid.period.start;
        figure.normalized = valid.normalized.value;
        figure.normalizedHigh = valid.normalized.high;
        figure.dimension = valid.normalized.dimension;
      }
    })();
  }
  options.log?.(`  ${figures.length} figures written (${highlightFigures} from highlights) at ${seconds()}`);

  // Figures by key (metric, entity, period), as COMPETING in core compares them.
  const keyOf = (figure: FigureRecord) => `${figure.input.metric.toLowerCase()}\u0000${figure.input.entity.toLowerCase()}\u0000${figure.canonicalPeriod}`;
  const byKey = new Map<string, FigureRecord[]>();
  for (const figure of figures) {
    const key = keyOf(figure);
    const list = byKey.get(key);
    if (list) list.push(figure);
    else byKey.set(key, [figure]);
  }
  const differ = (a: number, b: number) => Math.abs(a - b) > 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  let competingFigures = 0;
  for (const group of byKey.values()) {
    const first = group[0];
    const contested = group.some(
      (other) =>
        other.dimension !== first.dimension ||
        differ(other.normalized, first.normalized) ||
        differ(other.normalizedHigh ?? other.normalized, first.normalizedHigh ?? first.normalized)
    );
    if (contested) competingFigures += group.length;
  }

  // ── charts ─────────────────────────────────────────────────────────────────────────────────
  // Before the claims: what a chart stores (its settled title and encoding) depends on its figures
  // only, and core resolves a chart much faster while it need not look for doubtful claims.
  const charts = writeCharts(library, { random, options, figures, isoBetween });
  options.log?.(`  ${charts} charts written at ${seconds()}`);

  // ── claims ─────────────────────────────────────────────────────────────────────────────────
  const claims = writeClaims(library, { random, options, highlights, articles, figures, figureOfHighlight, byKey, keyOf });
  options.log?.(`  ${claims.claims} claims written (${claims.evidenceLinks} evidence links) at ${seconds()}`);

  const distinct = (column: string) => (db.prepare(`SELECT count(DISTINCT ${column}) AS n FROM figures`).get() as { n: number }).n;
  return {
    figures: figures.length,
    highlightFigures,
    competingFigures,
    ...claims,
    charts,
    distinct: { metrics: distinct('metric'), entities: distinct('entity'), units: distinct('unit'), periods: distinct('period') }
  };
}

// ── claims ───────────────────────────────────────────────────────────────────────────────────

const VERDICT_WEIGHTS: [Verdict, number][] = [
  ['accurate', 0.26],
  ['mostly_accurate', 0.18],
  ['misleading', 0.12],
  ['inaccurate', 0.1],
  ['unverified', 0.24],
  ['disputed', 0.1]
];

function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** "270,000 t", "69.2%", "USD 58/kg", "450,000 CNY/t", "1,200 million USD": as reporting writes them. */
function quantityText(value: number, unit: string): string {
  if (unit === '%') return `${formatNumber(value)}%`;
  if (unit === 'USD/kg' || unit === '$/kg') return `US$${formatNumber(value)}/kg`;
  if (unit === '') return formatNumber(value);
  return `${formatNumber(value)} ${unit}`;
}

const QUALIFIER_WORDS: Record<Qualifier, string[]> = {
  exact: [''],
  approximately: ['about ', 'around ', 'roughly ', '~', 'nearly '],
  at_least: ['more than ', 'at least ', 'over '],
  at_most: ['up to ', 'less than ', 'under '],
  range: ['about ']
};

function typedStatement(random: Random, figure: FigureInput, value: number, qualifier: Qualifier): string {
  const amount = `${random.pick(QUALIFIER_WORDS[qualifier])}${quantityText(value, figure.unit)}`;
  const { metric, entity, period } = figure;
  switch (random.int(0, 3)) {
    case 0:
      return `${entity}'s ${metric} reached ${amount} in ${period}`;
    case 1:
      return `In ${period}, ${metric} in ${entity} stood at ${amount}, according to the article`;
    case 2:
      return `${entity} ${metric}: ${amount} (${period})`;
    default:
      return `The ${metric} of ${entity} was ${amount} for ${period}, the highest level reported`;
  }
}

const RATIONALES: Record<Verdict, string[]> = {
  accurate: ['Matches the cited figure.', 'Same value as the source table.', 'Checked against the source; consistent.'],
  mostly_accurate: ['Rounded, but within a few percent of the source.', 'Right order of magnitude; the period is loose.', 'Matches the earlier edition, since revised slightly.'],
  misleading: ['True for one year only; the trend says otherwise.', 'Leaves out that the figure includes imported concentrate.', 'Compares a quota with actual output.'],
  inaccurate: ['The source gives a much lower value.', 'Wrong unit: tonnes of ore, not oxide.', 'The figure belongs to another period.'],
  unverified: ['', '', 'No source found yet.', 'Waiting for the new edition.'],
  disputed: ['Two sources disagree on this.', 'Customs data and the company report differ.', 'Revised between editions; both still cited.']
};

interface ClaimContext {
  random: Random;
  options: WriteOptions;
  highlights: HighlightRow[];
  articles: { id: string; added_at: string }[];
  figures: FigureRecord[];
  figureOfHighlight: Map<string, FigureRecord>;
  byKey: Map<string, FigureRecord[]>;
  keyOf: (figure: FigureRecord) => string;
}

interface ClaimRecord {
  id: string;
  articleId: string | null;
  statement: string;
  verdict: Verdict;
  rationale: string;
  stated: string | null;
  computation: string | null;
  createdAt: string;
  updatedAt: string;
  highlightIds: string[];
  tagIds: number[];
  links: { id: string; kind: 'figure' | 'claim'; targetId: string; relation: LinkRelation; createdAt: string }[];
}

function statedFrom(statement: string): string | null {
  // As claims.create does when no number is given: read it from the statement.
  const parsed = parseQuantity(statement);
  return parsed ? JSON.stringify({ value: parsed.value, high: parsed.high, unit: parsed.unit, qualifier: parsed.qualifier }) : null;
}

function writeClaims(
  library: Library,
  context: ClaimContext
): { claims: number; claimsFromHighlights: number; claimsWithComputation: number; evidenceLinks: number; verdicts: Record<Verdict, number> } {
  const { random, options, highlights, articles, figures, figureOfHighlight, byKey, keyOf } = context;
  const total = options.counts.claims;
  const tagId = (name: string) => TAGS.indexOf(name) + 1;
  const highlightIndex = new Map(highlights.map((row, index) => [row.id, index]));

  // Shares that follow from two figures: an entity's figure over the World figure of the same
  // metric and period (the "China mined ~69% of the world's rare earths" kind of claim).
  const shareCandidates: [FigureRecord, FigureRecord][] = [];
  for (const figure of figures) {
    if (figure.dimension !== 'mass' || figure.input.entity === 'World' || figure.input.highlightId) continue;
    const world = byKey.get(`${figure.input.metric.toLowerCase()}\u0000world\u0000${figure.canonicalPeriod}`);
    if (world && world[0].dimension === 'mass' && world[0].normalized > figure.normalized) shareCandidates.push([figure, world[0]]);
  }

  const records: ClaimRecord[] = [];
  const verdicts = Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<Verdict, number>;
  let claimsFromHighlights = 0;
  let claimsWithComputation = 0;
  for (let n = 0; n < total; n += 1) {
    const verdict = pickWeighted(random, VERDICT_WEIGHTS, (option) => option[1]);
    const claim: ClaimRecord = {
      id: random.uuid(),
      articleId: null,
      statement: '',
      verdict,
      rationale: random.pick(RATIONALES[verdict]),
      stated: null,
      computation: null,
      createdAt: '',
      updatedAt: '',
      highlightIds: [],
      tagIds: [],
      links: []
    };
    let subject: FigureRecord | null = null;
    const kind = random.next();
    if (kind < 0.025 && shareCandidates.length > 0) {
      // A share computed from two figures, stated right or wrong.
      const [part, whole] = random.pick(shareCandidates);
      const share = (part.normalized / whole.normalized) * 100;
      const consistent = random.chance(0.7);
      const stated = consistent ? Math.round(share) : Math.max(1, Math.round(share + (random.chance(0.5) ? 1 : -1) * random.int(4, 15)));
      claim.verdict = consistent ? (random.chance(0.7) ? 'accurate' : 'mostly_accurate') : random.chance(0.6) ? 'inaccurate' : 'misleading';
      claim.statement = `${part.input.entity} accounted for about ${stated}% of world ${part.input.metric} in ${part.canonicalPeriod}`;
      claim.computation = JSON.stringify({ kind: 'share', aFigureId: part.id, bFigureId: whole.id, tolerance: DEFAULT_TOLERANCE });
      claim.createdAt = addMinutes(part.createdAt < whole.createdAt ? whole.createdAt : part.createdAt, random.int(5, 5_000));
      claim.links.push({ id: '', kind: 'figure', targetId: part.id, relation: 'derived_from', createdAt: '' });
      claim.links.push({ id: '', kind: 'figure', targetId: whole.id, relation: 'derived_from', createdAt: '' });
      claimsWithComputation += 1;
    } else if (kind < 0.65) {
      // Made from one highlight, sometimes two or three of the same article; half of them on a
      // highlight that also sources a figure.
      let index = random.int(0, highlights.length - 1);
      if (random.chance(0.5)) {
        const sourced = figures[random.int(0, figures.length - 1)];
        if (sourced.input.highlightId) index = highlightIndex.get(sourced.input.highlightId)!;
      }
      const first = highlights[index];
      claim.highlightIds.push(first.id);
      if (random.chance(0.15)) {
        for (let next = index + 1; next < highlights.length && next <= index + 2 && highlights[next].article_id === first.article_id; next += 1) {
          if (random.chance(0.7)) claim.highlightIds.push(highlights[next].id);
        }
      }
      claim.articleId = first.article_id;
      subject = figureOfHighlight.get(first.id) ?? null;
      const quotes = claim.highlightIds.map((id) => highlights[highlightIndex.get(id)!].quote_exact);
      claim.createdAt = addMinutes(first.created_at, random.int(5, 2_000));
      if (!subject || random.chance(0.6)) claim.statement = quotes.join(' … ');
      claimsFromHighlights += 1;
    } else if (kind < 0.8) {
      const article = articles[random.int(0, articles.length - 1)];
      claim.articleId = article.id;
      claim.createdAt = addMinutes(article.added_at, random.int(10, 5_000));
    } else {
      claim.createdAt = new Date(options.from + random.next() * (options.until - options.from)).toISOString();
    }

    if (!claim.computation) {
      subject ??= figures[random.int(0, figures.length - 1)];
      if (!claim.statement) {
        // The number the claim states: right for an accurate claim, further off the worse the verdict.
        const off = { accurate: 0, mostly_accurate: 0.03, misleading: 0.1, inaccurate: 0.35, unverified: 0.05, disputed: 0.15 }[claim.verdict];
        const value = subject.input.unit === '' ? Number(subject.input.value) : roundSignificant(Number(subject.input.value) * (1 + off * (random.chance(0.5) ? 1 : -1)), 3);
        claim.statement = typedStatement(random, { ...subject.input, period: subject.canonicalPeriod }, value, off === 0 ? 'exact' : 'approximately');
      }
      const evidence = byKey.get(keyOf(subject)) ?? [subject];
      const targets = [subject, ...evidence.filter((figure) => figure !== subject)].slice(0, random.int(1, 3));
      const relations: LinkRelation[] =
        claim.verdict === 'accurate' || claim.verdict === 'mostly_accurate'
          ? ['supports', random.chance(0.15) ? 'qualifies' : 'supports', 'supports']
          : claim.verdict === 'misleading' || claim.verdict === 'inaccurate'
            ? ['contradicts', 'contradicts', 'qualifies']
            : claim.verdict === 'disputed'
              ? ['supports', 'contradicts', 'contradicts']
              : random.chance(0.25)
                ? ['qualifies']
                : [];
      targets.slice(0, relations.length).forEach((target, at) => {
        claim.links.push({ id: '', kind: 'figure', targetId: target.id, relation: relations[at], createdAt: '' });
      });
    }
    if (records.length > 0 && random.chance(0.04)) {
      const earlier = records[random.int(0, records.length - 1)];
      claim.links.push({ id: '', kind: 'claim', targetId: earlier.id, relation: random.pick(['supports', 'derived_from', 'qualifies'] as const), createdAt: '' });
    }
    claim.stated = statedFrom(claim.statement);
    claim.updatedAt = random.chance(0.3) ? addMinutes(claim.createdAt, random.int(60, 20_000)) : claim.createdAt;
    for (const link of claim.links) {
      link.id = random.uuid();
      link.createdAt = addMinutes(claim.createdAt, random.int(1, 120));
    }
    if (random.chance(0.35)) {
      const tags = new Set<number>([random.int(1, TAGS.length)]);
      if (claim.verdict === 'unverified') tags.add(tagId('to-check'));
      if (claim.verdict === 'accurate') tags.add(tagId('verified'));
      if (claim.verdict === 'disputed') tags.add(tagId('disputed'));
      claim.tagIds = [...tags];
    }
    verdicts[claim.verdict] += 1;
    records.push(claim);
  }

  // Claim-to-claim links point at earlier claims; written in creation order like everything else.
  records.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  const { db } = library;
  const insertClaim = db.prepare(
    `INSERT INTO claims (id, article_id, statement, verdict, rationale, stated_json, computation_json, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
  );
  const insertClaimHighlight = db.prepare('INSERT INTO claim_highlights (claim_id, highlight_id) VALUES (?, ?)');
  const insertClaimTag = db.prepare('INSERT INTO claim_tags (claim_id, tag_id) VALUES (?, ?)');
  const insertLink = db.prepare('INSERT INTO evidence_links (id, claim_id, target_kind, target_id, relation, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  let evidenceLinks = 0;
  for (let from = 0; from < records.length; from += FIGURES_PER_TRANSACTION) {
    db.transaction(() => {
      for (const claim of records.slice(from, from + FIGURES_PER_TRANSACTION)) {
        insertClaim.run(claim.id, claim.articleId, claim.statement, claim.verdict, claim.rationale, claim.stated, claim.computation, claim.createdAt, claim.updatedAt);
        for (const highlightId of claim.highlightIds) insertClaimHighlight.run(claim.id, highlightId);
        for (const tag of claim.tagIds) insertClaimTag.run(claim.id, tag);
        // createLink refuses the same target twice with one relation; so does the generator.
        const seen = new Set<string>();
        for (const link of claim.links) {
          const key = `${link.targetId}\u0000${link.relation}`;
          if (seen.has(key)) continue;
          seen.add(key);
          insertLink.run(link.id, claim.id, link.kind, link.targetId, link.relation, link.createdAt);
          evidenceLinks += 1;
        }
      }
    })();
  }
  return { claims: records.length, claimsFromHighlights, claimsWithComputation, evidenceLinks, verdicts };
}

// ── charts ───────────────────────────────────────────────────────────────────────────────────

const CHART_TYPE_WEIGHTS: [ChartType, number][] = [
  ['bar', 0.25],
  ['grouped_bar', 0.15],
  ['stacked_bar', 0.1],
  ['line', 0.25],
  ['pie', 0.08],
  ['donut', 0.05],
  ['scatter', 0.12]
];

const CHART_SORT_WEIGHTS: [ChartSort, number][] = [
  ['auto', 0.7],
  ['value_desc', 0.12],
  ['value_asc', 0.05],
  ['label', 0.08],
  ['selection', 0.05]
];

const DISPLAY_UNITS: Partial<Record<string, string[]>> = {
  mass: ['kt', 't', 'Mt'],
  'price-per-mass:USD': ['USD/kg', 'USD/t'],
  'currency:USD': ['million USD', 'billion USD']
};

function writeCharts(
  library: Library,
  context: { random: Random; options: WriteOptions; figures: FigureRecord[]; isoBetween: () => string }
): number {
  const { random, options, figures, isoBetween } = context;
  // Per metric: its figures' entities (by how many figures each has) and periods, for selections an
  // analyst would make ("these countries, these years").
  const byMetric = new Map<string, { count: number; entities: Map<string, number>; periods: Map<string, string>; byPeriod: Map<string, FigureRecord[]> }>();
  for (const figure of figures) {
    let entry = byMetric.get(figure.input.metric);
    if (!entry) byMetric.set(figure.input.metric, (entry = { count: 0, entities: new Map(), periods: new Map(), byPeriod: new Map() }));
    entry.count += 1;
    entry.entities.set(figure.input.entity, (entry.entities.get(figure.input.entity) ?? 0) + 1);
    entry.periods.set(figure.canonicalPeriod, figure.periodStart);
    const list = entry.byPeriod.get(figure.canonicalPeriod);
    if (list) list.push(figure);
    else entry.byPeriod.set(figure.canonicalPeriod, [figure]);
  }
  const sortedEntities = new Map<string, string[]>();
  const entitiesOf = (metric: string) => {
    let list = sortedEntities.get(metric);
    if (!list) {
      list = [...byMetric.get(metric)!.entities].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([entity]) => entity);
      sortedEntities.set(metric, list);
    }
    return list;
  };

  const insertChart = library.db.prepare('INSERT INTO charts (id, title, spec_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const rows: { id: string; title: string; spec: string; createdAt: string; updatedAt: string }[] = [];
  let attempts = 0;
  while (rows.length < options.counts.charts && attempts < options.counts.charts * 10) {
    attempts += 1;
    const anchor = figures[random.int(0, figures.length - 1)];
    const metric = anchor.input.metric;
    const info = byMetric.get(metric)!;
    const type = pickWeighted(random, CHART_TYPE_WEIGHTS, (option) => option[1]);
    const pie = type === 'pie' || type === 'donut';
    let selection: ChartSelection;
    if (random.chance(0.12)) {
      // A selection made in the figures table: some figures of one metric and period.
      const pool = info.byPeriod.get(anchor.canonicalPeriod)!;
      const ids = new Set<string>();
      const wanted = Math.min(pool.length, random.int(2, 40));
      while (ids.size < wanted) ids.add(pool[random.int(0, pool.length - 1)].id);
      selection = { figureIds: [...ids] };
    } else {
      const entities = entitiesOf(metric);
      const periodsInOrder = [...info.periods].sort((a, b) => a[1].localeCompare(b[1])).map(([period]) => period);
      const anchorAt = periodsInOrder.indexOf(anchor.canonicalPeriod);
      const periodCount = pie ? 1 : type === 'line' || type === 'scatter' ? random.int(4, 12) : type === 'bar' ? random.int(1, 3) : random.int(2, 6);
      const metricSelection: { metric: string; entities?: string[]; periods?: string[]; tag?: string } = { metric };
      // All of a metric's figures make a chart only where there are few of them; of the big
      // metrics analysts chart some countries and years (and a chart of thousands of figures takes
      // core seconds to resolve, which would make generation slow).
      const narrowed = info.count >= 400;
      if (pie || narrowed || random.chance(0.8)) {
        metricSelection.entities = [...new Set([anchor.input.entity, ...entities.slice(0, random.int(2, 12))])];
      }
      if (pie || narrowed || random.chance(0.85)) {
        metricSelection.periods = periodsInOrder.slice(Math.max(0, anchorAt - periodCount + 1), anchorAt + 1);
      }
      if (random.chance(0.05)) metricSelection.tag = random.pick(TAGS);
      selection = metricSelection;
    }
    const dimension = anchor.dimension;
    const displayUnits = DISPLAY_UNITS[dimension];
    const spec: ResolvableSpec = {
      title: random.chance(0.5) ? '' : `${metric[0].toUpperCase()}${metric.slice(1)}${random.chance(0.5) ? ` by ${random.pick(['country', 'producer', 'market', 'source'])}` : ''}`,
      subtitle: random.chance(0.2) ? random.pick(['Tonnes of rare-earth oxide', 'As reported', 'Competing sources shown side by side', 'Estimates marked']) : null,
      type,
      selection,
      encoding: null,
      showCompeting: random.chance(0.8),
      valueAxisLabel: random.chance(0.2) ? `${metric} (${anchor.input.unit || 'count'})` : null,
      categoryAxisLabel: random.chance(0.1) ? random.pick(['Country', 'Year', 'Market']) : null,
      unit: displayUnits && random.chance(0.15) ? random.pick(displayUnits) : null,
      sourceLine: random.chance(0.1) ? 'Source: USGS Mineral Commodity Summaries; analyst’s compilation' : null,
      sort: pickWeighted(random, CHART_SORT_WEIGHTS, (option) => option[1]),
      orientation: random.chance(0.85) ? 'auto' : random.pick(['horizontal', 'vertical'] as const)
    };
    try {
      // What charts.create does: resolve the spec against the figures, then keep the title and
      // the encoding it settled on.
      const data = resolveChartData(library, spec);
      const stored = { ...spec, title: spec.title.trim() || data.title, encoding: data.encoding };
      const createdAt = isoBetween();
      rows.push({
        id: random.uuid(),
        title: stored.title,
        spec: JSON.stringify(stored),
        createdAt,
        updatedAt: random.chance(0.3) ? addMinutes(createdAt, random.int(5, 30_000)) : createdAt
      });
    } catch (error) {
      // A spec the app would refuse (say, a pie of figures that hides a dimension) is not saved.
      if (!(error instanceof AssayError)) throw error;
    }
  }
  rows.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  library.db.transaction(() => {
    for (const row of rows) insertChart.run(row.id, row.title, row.spec, row.createdAt, row.updatedAt);
  })();
  return rows.length;
}
