// The library's entities as project-file records. Export writes these, and a merge compares the
// incoming records with these, so both sides are always seen through the same lens.
//
// Records describe what the app shows: references to things that are deleted (a claim's deleted
// highlight, a figure whose highlight was deleted, a computation from a deleted figure) are left
// out, because the receiving library may never have had them and could not resolve them.
import type { Library } from '../db/library';
import type { ArticleRow as StoredArticleRow } from '../articles/article-rows';
import type { FigureRow } from '../figures/figure-rows';
import type {
  ArticleRecord,
  ChartRecord,
  ClaimRecord,
  FigureRecord,
  HighlightRecord,
  LinkRecord,
  RecordByKind,
  RecordKind
} from './project-file-format';

export interface LocalEntity<K extends RecordKind = RecordKind> {
  kind: K;
  record: RecordByKind[K];
  /** Its own deletion (soft delete), not a parent's. */
  deletedAt: string | null;
  /** Shown in the app: not deleted, and (for highlights and claims) its article is not in the trash. */
  live: boolean;
}

const TAG_SEPARATOR = '\u001f';

function splitSorted(value: string | null | undefined): string[] {
  return value ? value.split(TAG_SEPARATOR).sort() : [];
}

export function hasChartsTable(library: Library): boolean {
  return Boolean(library.statement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'charts'").get());
}

/** The stored article row (`a.*`) with its tag names joined. */
type ArticleRow = StoredArticleRow & { tag_names: string | null };

export function readArticle(library: Library, id: string): LocalEntity<'article'> | null {
  const row = library
    .statement(
      `SELECT a.*, (SELECT group_concat(t.name, '${TAG_SEPARATOR}') FROM article_tags at JOIN tags t ON t.id = at.tag_id
         WHERE at.article_id = a.id) AS tag_names FROM articles a WHERE a.id = ?`
    )
    .get(id) as ArticleRow | undefined;
  if (!row) return null;
  const record: ArticleRecord = {
    id: row.id,
    title: row.title,
    author: row.author,
    publisher: row.publisher,
    url: row.url,
    publishedAt: row.published_at,
    fileName: row.file_name,
    format: row.format,
    contentHash: row.content_hash,
    sourceHtml: row.source_html,
    doc: JSON.parse(row.doc_json) as ArticleRecord['doc'],
    bodyText: row.body_text,
    importedAt: row.imported_at,
    addedAt: row.added_at,
    updatedAt: row.updated_at,
    tags: splitSorted(row.tag_names)
  };
  return { kind: 'article', record, deletedAt: row.deleted_at, live: row.deleted_at === null };
}

interface HighlightRow {
  id: string;
  article_id: string;
  color: HighlightRecord['color'];
  note: string;
  quote_exact: string;
  quote_prefix: string;
  quote_suffix: string;
  position_start: number;
  position_end: number;
  anchor_state: HighlightRecord['anchorState'];
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  article_deleted_at: string | null;
}

export function readHighlight(library: Library, id: string): LocalEntity<'highlight'> | null {
  const row = library
    .statement('SELECT h.*, a.deleted_at AS article_deleted_at FROM highlights h JOIN articles a ON a.id = h.article_id WHERE h.id = ?')
    .get(id) as HighlightRow | undefined;
  if (!row) return null;
  const record: HighlightRecord = {
    id: row.id,
    articleId: row.article_id,
    color: row.color,
    note: row.note,
    quote: { exact: row.quote_exact, prefix: row.quote_prefix, suffix: row.quote_suffix },
    position: { start: row.position_start, end: row.position_end },
    anchorState: row.anchor_state,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
  return { kind: 'highlight', record, deletedAt: row.deleted_at, live: row.deleted_at === null && row.article_deleted_at === null };
}

export function isLiveHighlight(library: Library, id: string): boolean {
  return Boolean(
    library
      .statement('SELECT 1 FROM highlights h JOIN articles a ON a.id = h.article_id WHERE h.id = ? AND h.deleted_at IS NULL AND a.deleted_at IS NULL')
      .get(id)
  );
}

export function isLiveFigure(library: Library, id: string): boolean {
  return Boolean(library.statement('SELECT 1 FROM figures WHERE id = ? AND deleted_at IS NULL').get(id));
}

export function isLiveClaim(library: Library, id: string): boolean {
  return Boolean(
    library
      .statement(
        `SELECT 1 FROM claims c LEFT JOIN articles a ON a.id = c.article_id
         WHERE c.id = ? AND c.deleted_at IS NULL AND (c.article_id IS NULL OR a.deleted_at IS NULL)`
      )
      .get(id)
  );
}

interface ClaimRow {
  id: string;
  article_id: string | null;
  statement: string;
  verdict: ClaimRecord['verdict'];
  rationale: string;
  stated_json: string | null;
  computation_json: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  article_deleted_at: string | null;
  tag_names: string | null;
}

export function readClaim(library: Library, id: string): LocalEntity<'claim'> | null {
  const row = library
    .statement(
      `SELECT c.*, a.deleted_at AS article_deleted_at,
         (SELECT group_concat(t.name, '${TAG_SEPARATOR}') FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.claim_id = c.id) AS tag_names
       FROM claims c LEFT JOIN articles a ON a.id = c.article_id WHERE c.id = ?`
    )
    .get(id) as ClaimRow | undefined;
  if (!row) return null;
  const highlightIds = (
    library
      .statement(
        `SELECT ch.highlight_id AS id FROM claim_highlights ch JOIN highlights h ON h.id = ch.highlight_id
         WHERE ch.claim_id = ? AND h.deleted_at IS NULL ORDER BY ch.highlight_id`
      )
      .all(id) as { id: string }[]
  ).map((highlight) => highlight.id);
  let computation = row.computation_json ? (JSON.parse(row.computation_json) as ClaimRecord['computation']) : null;
  if (computation && !(isLiveFigure(library, computation.aFigureId) && isLiveFigure(library, computation.bFigureId))) computation = null;
  const record: ClaimRecord = {
    id: row.id,
    articleId: row.article_id,
    statement: row.statement,
    verdict: row.verdict,
    rationale: row.rationale,
    stated: row.stated_json ? (JSON.parse(row.stated_json) as ClaimRecord['stated']) : null,
    computation,
    highlightIds,
    tags: splitSorted(row.tag_names),
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
  return { kind: 'claim', record, deletedAt: row.deleted_at, live: row.deleted_at === null && row.article_deleted_at === null };
}

/** The figure's highlight as the app shows it: null when there is none or it is deleted. */
export function effectiveFigureHighlight(library: Library, highlightId: string | null): string | null {
  return highlightId && isLiveHighlight(library, highlightId) ? highlightId : null;
}

export function readFigure(library: Library, id: string): LocalEntity<'figure'> | null {
  const row = library.statement('SELECT * FROM figures WHERE id = ?').get(id) as FigureRow | undefined;
  if (!row) return null;
  const record: FigureRecord = {
    id: row.id,
    metric: row.metric,
    entity: row.entity,
    value: row.value,
    high: row.value_high,
    unit: row.unit,
    qualifier: row.qualifier,
    period: row.period,
    basis: row.basis,
    notes: row.notes,
    highlightId: effectiveFigureHighlight(library, row.highlight_id),
    citation: {
      title: row.citation_title,
      publisher: row.citation_publisher,
      edition: row.citation_edition,
      url: row.citation_url,
      page: row.citation_page
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
  return { kind: 'figure', record, deletedAt: row.deleted_at, live: row.deleted_at === null };
}

interface LinkRow {
  id: string;
  claim_id: string;
  target_kind: 'figure' | 'claim';
  target_id: string;
  relation: LinkRecord['relation'];
  created_at: string;
  deleted_at: string | null;
}

export function readLink(library: Library, id: string): LocalEntity<'link'> | null {
  const row = library.statement('SELECT * FROM evidence_links WHERE id = ?').get(id) as LinkRow | undefined;
  if (!row) return null;
  const record: LinkRecord = {
    id: row.id,
    claimId: row.claim_id,
    targetKind: row.target_kind,
    targetId: row.target_id,
    relation: row.relation,
    createdAt: row.created_at
  };
  const targetLive = row.target_kind === 'figure' ? isLiveFigure(library, row.target_id) : isLiveClaim(library, row.target_id);
  return {
    kind: 'link',
    record,
    deletedAt: row.deleted_at,
    live: row.deleted_at === null && targetLive && isLiveClaim(library, row.claim_id)
  };
}

interface ChartRow {
  id: string;
  title: string;
  spec_json: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export function readChart(library: Library, id: string): LocalEntity<'chart'> | null {
  if (!hasChartsTable(library)) return null;
  const row = library.statement('SELECT id, title, spec_json, created_at, updated_at, deleted_at FROM charts WHERE id = ?').get(id) as
    | ChartRow
    | undefined;
  if (!row) return null;
  const record: ChartRecord = {
    id: row.id,
    title: row.title,
    spec: JSON.parse(row.spec_json) as Record<string, unknown>,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
  return { kind: 'chart', record, deletedAt: row.deleted_at, live: row.deleted_at === null };
}

export function readEntity<K extends RecordKind>(library: Library, kind: K, id: string): LocalEntity<K> | null {
  const readers: { [P in RecordKind]: (library: Library, id: string) => LocalEntity<P> | null } = {
    article: readArticle,
    highlight: readHighlight,
    claim: readClaim,
    figure: readFigure,
    link: readLink,
    chart: readChart
  };
  return readers[kind](library, id) as LocalEntity<K> | null;
}

/** The time a record was last changed (links never change, so their creation). */
export function recordTime(record: object): string {
  const { updatedAt, createdAt } = record as { updatedAt?: unknown; createdAt?: unknown };
  return typeof updatedAt === 'string' ? updatedAt : typeof createdAt === 'string' ? createdAt : '';
}
