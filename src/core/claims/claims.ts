// Claims: statements from the reporting (one or several highlights) with a verdict, a rationale,
// tags, the number they state and how that number follows from figures.
import { randomUUID } from 'node:crypto';
import type { ClaimComputation, ClaimDetail, ClaimSummary, StatedNumber, Verdict } from '../../shared/evidence';
import { VERDICTS } from '../../shared/evidence';
import { AssayError } from '../../shared/errors';
import { setTags } from '../articles/tags';
import type { Library } from '../db/library';
import { parseQuantity } from '../quantities/quantity-parser';
import { checkConsistency } from './consistency';
import { LIVE_TARGET, listLinks, listLinksTo } from './evidence-links';

interface ClaimRow {
  id: string;
  article_id: string | null;
  statement: string;
  verdict: Verdict;
  rationale: string;
  stated_json: string | null;
  computation_json: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  article_title?: string | null;
  highlight_ids?: string | null;
  tag_names?: string | null;
  link_count?: number;
}

export interface ClaimInput {
  highlightIds?: string[];
  articleId?: string | null;
  statement?: string;
  verdict?: Verdict;
  rationale?: string;
  tags?: string[];
  /** undefined: read from the statement; null: the claim states no number. */
  stated?: StatedNumber | null;
  computation?: ClaimComputation | null;
}

const LIST_SEPARATOR = '\u001f';

const CLAIM_VIEW = `SELECT c.*, a.title AS article_title,
  (SELECT group_concat(ch.highlight_id, '${LIST_SEPARATOR}') FROM claim_highlights ch WHERE ch.claim_id = c.id) AS highlight_ids,
  (SELECT group_concat(t.name, '${LIST_SEPARATOR}') FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.claim_id = c.id) AS tag_names,
  (SELECT count(*) FROM evidence_links l WHERE l.claim_id = c.id AND l.deleted_at IS NULL AND ${LIVE_TARGET}) AS link_count
  FROM claims c LEFT JOIN articles a ON a.id = c.article_id`;

function split(value: string | null | undefined): string[] {
  return value ? value.split(LIST_SEPARATOR) : [];
}

function summaryFromRow(library: Library, row: ClaimRow): ClaimSummary {
  const stated = row.stated_json ? (JSON.parse(row.stated_json) as StatedNumber) : null;
  const computation = row.computation_json ? (JSON.parse(row.computation_json) as ClaimComputation) : null;
  return {
    id: row.id,
    articleId: row.article_id,
    articleTitle: row.article_title ?? null,
    statement: row.statement,
    verdict: row.verdict,
    rationale: row.rationale,
    tags: split(row.tag_names).sort((a, b) => a.localeCompare(b)),
    highlightIds: split(row.highlight_ids),
    stated,
    computation,
    check: computation ? checkConsistency(library, stated, computation) : null,
    linkCount: row.link_count ?? 0,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
}

function getClaimRow(library: Library, id: string, options: { includeDeleted?: boolean } = {}): ClaimRow {
  const row = library.statement(`${CLAIM_VIEW} WHERE c.id = ?`).get(id) as ClaimRow | undefined;
  if (!row) throw new AssayError('not_found', `There is no claim with id ${id}.`);
  if (row.deleted_at && !options.includeDeleted) throw new AssayError('not_found', `The claim ${id} was deleted.`);
  return row;
}

export function getClaim(library: Library, id: string, options: { includeDeleted?: boolean } = {}): ClaimDetail {
  const summary = summaryFromRow(library, getClaimRow(library, id, options));
  const quotes = summary.highlightIds.map((highlightId) => {
    const row = library.statement('SELECT quote_exact FROM highlights WHERE id = ?').get(highlightId) as { quote_exact: string };
    return { highlightId, quote: row.quote_exact };
  });
  return { ...summary, links: listLinks(library, id), linkedFrom: listLinksTo(library, id), quotes };
}

/** The highlights a claim is made from: they must exist, be live, and come from one article. */
function resolveHighlights(library: Library, highlightIds: string[]): { articleId: string | null; quotes: string[] } {
  let articleId: string | null = null;
  const quotes: string[] = [];
  for (const highlightId of highlightIds) {
    const row = library.statement('SELECT article_id, quote_exact, position_start, deleted_at FROM highlights WHERE id = ?').get(highlightId) as
      | { article_id: string; quote_exact: string; deleted_at: string | null }
      | undefined;
    if (!row || row.deleted_at) throw new AssayError('invalid_input', `highlightIds: there is no highlight ${highlightId} (it may have been deleted).`);
    if (articleId && row.article_id !== articleId) {
      throw new AssayError('invalid_input', 'highlightIds: a claim is made from highlights of one article.');
    }
    articleId = row.article_id;
    quotes.push(row.quote_exact);
  }
  return { articleId, quotes };
}

function validateComputation(library: Library, computation: ClaimComputation | null | undefined): void {
  if (!computation) return;
  for (const [field, figureId] of [
    ['computation.aFigureId', computation.aFigureId],
    ['computation.bFigureId', computation.bFigureId]
  ] as const) {
    const row = library.statement('SELECT deleted_at FROM figures WHERE id = ?').get(figureId) as { deleted_at: string | null } | undefined;
    if (!row || row.deleted_at) throw new AssayError('invalid_input', `${field}: there is no figure ${figureId} (it may have been deleted).`);
  }
}

function statedFrom(statement: string): StatedNumber | null {
  const parsed = parseQuantity(statement);
  return parsed ? { value: parsed.value, high: parsed.high, unit: parsed.unit, qualifier: parsed.qualifier } : null;
}

export function createClaim(library: Library, input: ClaimInput): ClaimDetail {
  const highlightIds = [...new Set(input.highlightIds ?? [])];
  const { articleId: highlightArticle, quotes } = resolveHighlights(library, highlightIds);
  const articleId = highlightArticle ?? input.articleId ?? null;
  if (input.articleId && highlightArticle && input.articleId !== highlightArticle) {
    throw new AssayError('invalid_input', 'articleId: the highlights belong to another article.');
  }
  if (articleId && !library.statement('SELECT 1 FROM articles WHERE id = ? AND deleted_at IS NULL').get(articleId)) {
    throw new AssayError('invalid_input', `articleId: there is no article ${articleId}.`);
  }
  const statement = (input.statement ?? '').trim() || quotes.join(' … ');
  if (!statement) throw new AssayError('invalid_input', 'statement: a claim needs a statement or at least one highlight.');
  validateComputation(library, input.computation);
  const stated = input.stated === undefined ? statedFrom(statement) : input.stated;
  const id = randomUUID();
  const now = library.now();
  library
    .statement(
      `INSERT INTO claims (id, article_id, statement, verdict, rationale, stated_json, computation_json, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(
      id,
      articleId,
      statement,
      input.verdict ?? 'unverified',
      input.rationale ?? '',
      stated ? JSON.stringify(stated) : null,
      input.computation ? JSON.stringify(input.computation) : null,
      now,
      now
    );
  for (const highlightId of highlightIds) {
    library.statement('INSERT INTO claim_highlights (claim_id, highlight_id) VALUES (?, ?)').run(id, highlightId);
  }
  if (input.tags?.length) setTags(library, 'claim', id, input.tags);
  return getClaim(library, id);
}

/** The input that puts a claim back as it is now (undo of an edit writes this back). */
export function claimStateForUndo(claim: ClaimDetail): Required<Omit<ClaimInput, 'articleId'>> {
  return {
    highlightIds: claim.highlightIds,
    statement: claim.statement,
    verdict: claim.verdict,
    rationale: claim.rationale,
    tags: claim.tags,
    stated: claim.stated,
    computation: claim.computation
  };
}

export function updateClaim(library: Library, id: string, changes: Omit<ClaimInput, 'articleId'>): ClaimDetail {
  const row = getClaimRow(library, id);
  if (changes.highlightIds) {
    const { articleId } = resolveHighlights(library, changes.highlightIds);
    if (articleId && row.article_id && articleId !== row.article_id) {
      throw new AssayError('invalid_input', 'highlightIds: a claim is made from highlights of one article.');
    }
  }
  // Only a computation that changes must point at live figures: putting back the one a claim
  // already has (an undo of another edit) must not fail because a figure was deleted since.
  const computationJson = changes.computation === undefined ? row.computation_json : changes.computation ? JSON.stringify(changes.computation) : null;
  if (computationJson !== row.computation_json) validateComputation(library, changes.computation);
  if (changes.statement !== undefined && !changes.statement.trim()) {
    throw new AssayError('invalid_input', 'statement: a claim needs a statement.');
  }
  // A new statement brings its own number unless the caller states one.
  const newStatement = changes.statement !== undefined && changes.statement.trim() !== row.statement;
  const stated = changes.stated !== undefined ? changes.stated : newStatement ? statedFrom(changes.statement!.trim()) : undefined;
  const statedJson = stated === undefined ? row.stated_json : stated ? JSON.stringify(stated) : null;
  library
    .statement(
      `UPDATE claims SET statement = ?, verdict = ?, rationale = ?, stated_json = ?, computation_json = ?, updated_at = ? WHERE id = ?`
    )
    .run(
      changes.statement?.trim() ?? row.statement,
      changes.verdict ?? row.verdict,
      changes.rationale ?? row.rationale,
      statedJson,
      computationJson,
      library.now(),
      id
    );
  if (changes.highlightIds) {
    library.statement('DELETE FROM claim_highlights WHERE claim_id = ?').run(id);
    for (const highlightId of new Set(changes.highlightIds)) {
      library.statement('INSERT INTO claim_highlights (claim_id, highlight_id) VALUES (?, ?)').run(id, highlightId);
    }
  }
  if (changes.tags) setTags(library, 'claim', id, changes.tags);
  return getClaim(library, id);
}

export function setClaimDeleted(library: Library, id: string, deleted: boolean): ClaimDetail {
  const row = getClaimRow(library, id, { includeDeleted: true });
  if (deleted && row.deleted_at) throw new AssayError('not_found', `The claim ${id} was already deleted.`);
  library.statement('UPDATE claims SET deleted_at = ?, updated_at = ? WHERE id = ?').run(deleted ? library.now() : null, library.now(), id);
  return getClaim(library, id, { includeDeleted: true });
}

export interface ClaimFilter {
  verdict?: Verdict | null;
  tag?: string | null;
  articleId?: string | null;
  highlightId?: string | null;
  limit: number;
  offset: number;
}

export function listClaims(
  library: Library,
  filter: ClaimFilter
): { items: ClaimSummary[]; total: number; countsByVerdict: Record<Verdict, number> } {
  // Claims of articles in the trash are hidden with their article.
  const clauses = ['c.deleted_at IS NULL', '(c.article_id IS NULL OR a.deleted_at IS NULL)'];
  const parameters: unknown[] = [];
  if (filter.tag) {
    clauses.push('c.id IN (SELECT ct.claim_id FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name = ?)');
    parameters.push(filter.tag);
  }
  if (filter.articleId) {
    clauses.push('c.article_id = ?');
    parameters.push(filter.articleId);
  }
  if (filter.highlightId) {
    clauses.push('c.id IN (SELECT claim_id FROM claim_highlights WHERE highlight_id = ?)');
    parameters.push(filter.highlightId);
  }
  // Counts by verdict use every filter but the verdict, so the ledger can show what each choice holds.
  const countRows = library
    .statement(`SELECT c.verdict, count(*) AS n FROM claims c LEFT JOIN articles a ON a.id = c.article_id WHERE ${clauses.join(' AND ')} GROUP BY c.verdict`)
    .all(...parameters) as { verdict: Verdict; n: number }[];
  const countsByVerdict = Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<Verdict, number>;
  for (const row of countRows) countsByVerdict[row.verdict] = row.n;
  if (filter.verdict) {
    clauses.push('c.verdict = ?');
    parameters.push(filter.verdict);
  }
  const where = clauses.join(' AND ');
  const rows = library
    .statement(`${CLAIM_VIEW} WHERE ${where} ORDER BY c.created_at DESC, c.rowid DESC LIMIT ? OFFSET ?`)
    .all(...parameters, filter.limit, filter.offset) as ClaimRow[];
  const { total } = library
    .statement(`SELECT count(*) AS total FROM claims c LEFT JOIN articles a ON a.id = c.article_id WHERE ${where}`)
    .get(...parameters) as { total: number };
  return { items: rows.map((row) => summaryFromRow(library, row)), total, countsByVerdict };
}
