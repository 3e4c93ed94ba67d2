// Figures: sourced data points (metric, entity, value, unit, period) taken from a highlight or
// typed in from a cited report. Values are also stored normalised, so that competing values and
// consistency checks compare like with like.
import { randomUUID } from 'node:crypto';
import type { CompetingGroup, Figure, FigureFacets, Qualifier } from '../../shared/evidence';
import { AssayError } from '../../shared/errors';
import type { Library } from '../db/library';
import { parsePeriod } from '../quantities/periods';
import { normalise } from '../quantities/units';
import { figureFromRow, type FigureRow } from './figure-rows';

export interface CitationInput {
  title?: string | null;
  publisher?: string | null;
  edition?: string | null;
  url?: string | null;
  page?: string | null;
}

export interface FigureInput {
  metric: string;
  entity: string;
  value: number | string;
  high?: number | string | null;
  unit: string;
  period: string;
  qualifier: Qualifier;
  basis?: string | null;
  notes?: string | null;
  highlightId?: string | null;
  citation?: CitationInput | null;
}

/** Reads a number as people type it: "270,000", "3.8", "45 000", "−3". */
export function parseFigureNumber(raw: number | string, field: string): number {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) throw new AssayError('invalid_input', `${field}: ${raw} is not a finite number.`);
    return raw;
  }
  const cleaned = raw.trim().replace(/[\u2212\u2012\u2013]/g, '-').replace(/[\s\u00a0\u202f]/g, '').replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) {
    throw new AssayError('invalid_input', `${field}: “${raw}” is not a number.`);
  }
  return Number(cleaned);
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

interface ValidFigure {
  metric: string;
  entity: string;
  value: number;
  high: number | null;
  unit: string;
  qualifier: Qualifier;
  normalized: { value: number; high: number | null; baseUnit: string; dimension: string };
  period: ReturnType<typeof parsePeriod>;
  basis: string | null;
  notes: string | null;
  highlightId: string | null;
  citation: Required<{ [K in keyof CitationInput]: string | null }>;
}

/** Checks every field and says which one is wrong; nothing is written before this passes. */
export function validateFigure(library: Library, input: FigureInput): ValidFigure {
  const metric = input.metric.trim();
  const entity = input.entity.trim();
  if (!metric) throw new AssayError('invalid_input', 'metric: a figure needs a metric (e.g. mine production).');
  if (!entity) throw new AssayError('invalid_input', 'entity: a figure needs an entity (e.g. China).');
  const value = parseFigureNumber(input.value, 'value');
  const high = input.high === undefined || input.high === null || input.high === '' ? null : parseFigureNumber(input.high, 'high');
  if (input.qualifier === 'range' && high === null) {
    throw new AssayError('invalid_input', 'high: a range needs its upper value.');
  }
  if (high !== null && input.qualifier !== 'range') {
    throw new AssayError('invalid_input', 'high: only a range has an upper value; choose the qualifier “range”.');
  }
  if (high !== null && high < value) throw new AssayError('invalid_input', `high: the range ${value}–${high} ends below its start.`);
  let normalizedValue: ReturnType<typeof normalise>;
  try {
    normalizedValue = normalise(value, input.unit.trim());
  } catch (error) {
    if (error instanceof AssayError) throw new AssayError('invalid_input', `unit: ${error.message}`);
    throw error;
  }
  let period: ReturnType<typeof parsePeriod>;
  try {
    period = parsePeriod(input.period);
  } catch (error) {
    if (error instanceof AssayError) throw new AssayError('invalid_input', `period: ${error.message}`);
    throw error;
  }
  const highlightId = blankToNull(input.highlightId);
  if (highlightId) {
    const highlight = library.statement('SELECT deleted_at FROM highlights WHERE id = ?').get(highlightId) as
      | { deleted_at: string | null }
      | undefined;
    if (!highlight || highlight.deleted_at) {
      throw new AssayError('invalid_input', `highlightId: there is no highlight ${highlightId} (it may have been deleted).`);
    }
  }
  const citation = input.citation ?? {};
  const url = blankToNull(citation.url);
  if (url && !/^https?:\/\//i.test(url)) throw new AssayError('invalid_input', 'citation.url: a URL must start with http:// or https://.');
  return {
    metric,
    entity,
    value,
    high,
    unit: input.unit.trim(),
    qualifier: input.qualifier,
    normalized: {
      value: normalizedValue.value,
      high: high === null ? null : normalise(high, input.unit.trim()).value,
      baseUnit: normalizedValue.baseUnit,
      dimension: normalizedValue.dimension
    },
    period,
    basis: blankToNull(input.basis),
    notes: blankToNull(input.notes),
    highlightId,
    citation: {
      title: blankToNull(citation.title),
      publisher: blankToNull(citation.publisher),
      edition: blankToNull(citation.edition),
      url,
      page: blankToNull(citation.page)
    }
  };
}

const INSERT_FIGURE = `INSERT INTO figures (id, metric, entity, value, value_high, unit, qualifier, normalized_value,
  normalized_high, base_unit, dimension, period, period_kind, period_start, period_end, basis, notes, highlight_id,
  citation_title, citation_publisher, citation_edition, citation_url, citation_page, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

function figureParameters(figure: ValidFigure): unknown[] {
  return [
    figure.metric,
    figure.entity,
    figure.value,
    figure.high,
    figure.unit,
    figure.qualifier,
    figure.normalized.value,
    figure.normalized.high,
    figure.normalized.baseUnit,
    figure.normalized.dimension,
    figure.period.canonical,
    figure.period.kind,
    figure.period.start,
    figure.period.end,
    figure.basis,
    figure.notes,
    figure.highlightId,
    figure.citation.title,
    figure.citation.publisher,
    figure.citation.edition,
    figure.citation.url,
    figure.citation.page
  ];
}

/** Inserts an already validated figure; used by single adds and by CSV import's one transaction. */
export function insertFigure(library: Library, figure: ValidFigure, id: string = randomUUID()): string {
  const now = library.now();
  library.statement(INSERT_FIGURE).run(id, ...figureParameters(figure), now, now);
  return id;
}

export function createFigure(library: Library, input: FigureInput): Figure {
  const id = insertFigure(library, validateFigure(library, input));
  return getFigure(library, id);
}

export function getFigureRow(library: Library, id: string): FigureRow {
  const row = library.statement('SELECT * FROM figures WHERE id = ?').get(id) as FigureRow | undefined;
  if (!row) throw new AssayError('not_found', `There is no figure with id ${id}.`);
  return row;
}

/** The input that recreates a figure as it is now (undo of an edit writes this back). */
export function figureInputFromRow(row: FigureRow): FigureInput {
  return {
    metric: row.metric,
    entity: row.entity,
    value: row.value,
    high: row.value_high,
    unit: row.unit,
    period: row.period,
    qualifier: row.qualifier,
    basis: row.basis,
    notes: row.notes,
    highlightId: row.highlight_id,
    citation: {
      title: row.citation_title,
      publisher: row.citation_publisher,
      edition: row.citation_edition,
      url: row.citation_url,
      page: row.citation_page
    }
  };
}

export function updateFigure(library: Library, id: string, changes: Partial<FigureInput>): Figure {
  const row = getFigureRow(library, id);
  if (row.deleted_at) throw new AssayError('not_found', `The figure ${id} was deleted.`);
  const current = figureInputFromRow(row);
  const next = validateFigure(library, {
    ...current,
    ...changes,
    citation: changes.citation === undefined ? current.citation : { ...current.citation, ...changes.citation }
  });
  library
    .statement(
      `UPDATE figures SET metric = ?, entity = ?, value = ?, value_high = ?, unit = ?, qualifier = ?, normalized_value = ?,
         normalized_high = ?, base_unit = ?, dimension = ?, period = ?, period_kind = ?, period_start = ?, period_end = ?,
         basis = ?, notes = ?, highlight_id = ?, citation_title = ?, citation_publisher = ?, citation_edition = ?,
         citation_url = ?, citation_page = ?, updated_at = ? WHERE id = ?`
    )
    .run(...figureParameters(next), library.now(), id);
  return getFigure(library, id);
}

export function setFigureDeleted(library: Library, id: string, deleted: boolean): Figure {
  const row = getFigureRow(library, id);
  if (deleted && row.deleted_at) throw new AssayError('not_found', `The figure ${id} was already deleted.`);
  library.statement('UPDATE figures SET deleted_at = ?, updated_at = ? WHERE id = ?').run(deleted ? library.now() : null, library.now(), id);
  return getFigure(library, id, { includeDeleted: true });
}

export function setFiguresDeleted(library: Library, ids: string[], deleted: boolean): number {
  const result = library
    .statement(
      `UPDATE figures SET deleted_at = ?, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))
       AND (deleted_at IS NULL) = ?`
    )
    .run(deleted ? library.now() : null, library.now(), JSON.stringify(ids), deleted ? 1 : 0);
  return result.changes;
}

// Another live figure with the same metric, entity and period disagrees with f on the value.
const COMPETING = `EXISTS (
    SELECT 1 FROM figures g
    WHERE g.metric = f.metric AND g.entity = f.entity AND g.period = f.period AND g.id <> f.id AND g.deleted_at IS NULL
      AND (g.dimension <> f.dimension
        OR abs(g.normalized_value - f.normalized_value) > 1e-9 * max(abs(g.normalized_value), abs(f.normalized_value))
        OR abs(coalesce(g.normalized_high, g.normalized_value) - coalesce(f.normalized_high, f.normalized_value))
           > 1e-9 * max(abs(coalesce(g.normalized_high, g.normalized_value)), abs(coalesce(f.normalized_high, f.normalized_value))))
  )`;

// A figure's row with what the views need: its source quote and article, and whether it competes.
const FIGURE_VIEW_COLUMNS = `f.*, h.quote_exact AS source_quote, h.article_id AS source_article_id, a.title AS source_article_title,
  ${COMPETING} AS competing`;
const FIGURE_VIEW_JOINS = `LEFT JOIN highlights h ON h.id = f.highlight_id AND h.deleted_at IS NULL
  LEFT JOIN articles a ON a.id = h.article_id`;

export function getFigure(library: Library, id: string, options: { includeDeleted?: boolean } = {}): Figure {
  const row = library.statement(`SELECT ${FIGURE_VIEW_COLUMNS} FROM figures f ${FIGURE_VIEW_JOINS} WHERE f.id = ?`).get(id) as
    | FigureRow
    | undefined;
  if (!row || (row.deleted_at && !options.includeDeleted)) throw new AssayError('not_found', `There is no figure with id ${id}.`);
  return figureFromRow(row);
}

export const FIGURE_SORT_KEYS = ['metric', 'entity', 'period', 'value', 'added'] as const;
export type FigureSortKey = (typeof FIGURE_SORT_KEYS)[number];

const FIGURE_ORDER: Record<FigureSortKey, (direction: 'ASC' | 'DESC') => string> = {
  // Every key runs in the same direction, so that the figures_by_* indexes serve the order.
  metric: (d) => `f.metric ${d}, f.entity ${d}, f.period_start ${d}, f.rowid ${d}`,
  entity: (d) => `f.entity ${d}, f.metric ${d}, f.period_start ${d}, f.rowid ${d}`,
  period: (d) => `f.period_start ${d}, f.metric ${d}, f.entity ${d}, f.rowid ${d}`,
  value: (d) => `f.dimension ${d}, f.normalized_value ${d}, f.rowid ${d}`,
  added: (d) => `f.created_at ${d}, f.rowid ${d}`
};

export interface FigureFilter {
  metric?: string | null;
  entity?: string | null;
  period?: string | null;
  articleId?: string | null;
  query?: string | null;
  competingOnly?: boolean;
  ids?: string[];
}

function figureWhere(filter: FigureFilter): { where: string; parameters: unknown[] } {
  const clauses = ['f.deleted_at IS NULL'];
  const parameters: unknown[] = [];
  if (filter.metric) {
    clauses.push('f.metric = ?');
    parameters.push(filter.metric);
  }
  if (filter.entity) {
    clauses.push('f.entity = ?');
    parameters.push(filter.entity);
  }
  if (filter.period) {
    clauses.push('f.period = ?');
    parameters.push(filter.period);
  }
  if (filter.articleId) {
    clauses.push('f.highlight_id IN (SELECT id FROM highlights WHERE article_id = ?)');
    parameters.push(filter.articleId);
  }
  if (filter.query) {
    clauses.push(
      "(f.metric LIKE ? ESCAPE '\\' OR f.entity LIKE ? ESCAPE '\\' OR f.notes LIKE ? ESCAPE '\\' OR f.basis LIKE ? ESCAPE '\\' OR f.period LIKE ? ESCAPE '\\' OR f.citation_title LIKE ? ESCAPE '\\' OR CAST(f.value AS TEXT) LIKE ? ESCAPE '\\')"
    );
    const pattern = `%${filter.query.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    parameters.push(pattern, pattern, pattern, pattern, pattern, pattern, pattern);
  }
  if (filter.competingOnly) clauses.push(COMPETING);
  if (filter.ids) {
    clauses.push(`f.id IN (SELECT value FROM json_each(?))`);
    parameters.push(JSON.stringify(filter.ids));
  }
  return { where: clauses.join(' AND '), parameters };
}

// Counting 200,000 figures costs tens of milliseconds, and the table asks for a page at a time as it
// scrolls, each time with the same filter. So the last count is kept, keyed by its filter and by
// the library's state: total_changes() moves with every write on this connection, data_version
// with every commit by another one (the CLI, a second window), and either makes it count again.
const lastCount = new WeakMap<Library, { key: string; total: number }>();

function countFigures(library: Library, where: string, parameters: unknown[]): number {
  const { changes } = library.statement('SELECT total_changes() AS changes').get() as { changes: number };
  const version = library.statement('PRAGMA data_version').pluck().get() as number;
  const key = JSON.stringify([where, parameters, changes, version]);
  const cached = lastCount.get(library);
  if (cached?.key === key) return cached.total;
  const { total } = library.statement(`SELECT count(*) AS total FROM figures f WHERE ${where}`).get(...parameters) as { total: number };
  lastCount.set(library, { key, total });
  return total;
}

export function listFigures(
  library: Library,
  input: FigureFilter & { sort: FigureSortKey; direction: 'asc' | 'desc'; limit: number; offset: number }
): { items: Figure[]; total: number } {
  const { where, parameters } = figureWhere(input);
  const direction = input.direction === 'asc' ? 'ASC' : 'DESC';
  // The page is chosen first and only its rows are joined and checked for competitors, so a
  // scroll through 200,000 figures costs a page at a time.
  const rows = library
    .statement(
      `WITH page AS (
         SELECT f.id, row_number() OVER () AS position FROM (
           SELECT f.id FROM figures f WHERE ${where} ORDER BY ${FIGURE_ORDER[input.sort](direction)} LIMIT ? OFFSET ?
         ) f
       )
       SELECT ${FIGURE_VIEW_COLUMNS}, page.position FROM page JOIN figures f ON f.id = page.id ${FIGURE_VIEW_JOINS}
       ORDER BY page.position`
    )
    .all(...parameters, input.limit, input.offset) as FigureRow[];
  return { items: rows.map(figureFromRow), total: countFigures(library, where, parameters) };
}

export function figureFacets(library: Library): FigureFacets {
  const distinct = (column: 'metric' | 'entity' | 'unit' | 'period') =>
    (
      library
        .statement(`SELECT DISTINCT ${column} AS value FROM figures WHERE deleted_at IS NULL ORDER BY ${column} COLLATE NOCASE LIMIT 5000`)
        .all() as { value: string }[]
    ).map((row) => row.value);
  return { metrics: distinct('metric'), entities: distinct('entity'), units: distinct('unit'), periods: distinct('period') };
}

/** Figures that share metric, entity and period but disagree on the value, side by side. */
export function listCompetingGroups(library: Library): CompetingGroup[] {
  // One query for every competing figure, grouped here, rather than one query per group.
  // Sorted by normalised value, largest first, so each group lists its values in that order.
  const { items } = listFigures(library, { competingOnly: true, sort: 'value', direction: 'desc', limit: 1_000_000, offset: 0 });
  const groups = new Map<string, CompetingGroup>();
  for (const figure of items) {
    const key = JSON.stringify([figure.metric.toLowerCase(), figure.entity.toLowerCase(), figure.period]);
    let group = groups.get(key);
    if (!group) {
      group = { metric: figure.metric, entity: figure.entity, period: figure.period, figures: [] };
      groups.set(key, group);
    }
    group.figures.push(figure);
  }
  const byName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });
  return [...groups.values()].sort(
    (a, b) => byName(a.metric, b.metric) || byName(a.entity, b.entity) || a.period.localeCompare(b.period)
  );
}
