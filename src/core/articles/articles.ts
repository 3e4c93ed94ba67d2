// Articles: creating them from prepared content, listing, reading, editing metadata and text.
import { randomUUID } from 'node:crypto';
import type {
  ArticleDetail,
  ArticleMetadata,
  ArticleSortKey,
  ArticleSummary,
  DocumentNode,
  ImportedArticle,
  PageStart,
  ReanchorReport
} from '../../shared/domain';
import type { TrashedArticle } from '../../shared/evidence';
import { AssayError } from '../../shared/errors';
import { listHighlights, reanchorHighlights } from '../annotations/highlights';
import type { Library } from '../db/library';
import { documentFromEditor } from '../import/article-document';
import type { PreparedArticle } from '../import/import-content';
import { remapPageStarts } from '../import/page-map';
import { pageAtOffset } from '../../shared/page-map';
import {
  originFormat,
  parseDocument,
  parsePageMap,
  storedFormat,
  summaryFromRow,
  TAG_SEPARATOR,
  type ArticleRow,
  type ArticleSummaryRow
} from './article-rows';
import { indexArticle } from '../search/search-index';
import { setArticleTags } from './tags';

export interface MetadataChanges {
  title?: string;
  author?: string | null;
  publisher?: string | null;
  url?: string | null;
  publishedAt?: string | null;
}

function emptyToNull(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export interface CreateArticleInput extends MetadataChanges {
  prepared: PreparedArticle;
  fileName?: string | null;
  tags?: string[];
}

/** Adds an article with its tags and search entry in one transaction. */
export function createArticle(library: Library, input: CreateArticleInput): ArticleSummary {
  const id = randomUUID();
  const now = library.now();
  const title = emptyToNull(input.title) ?? input.prepared.suggestedTitle ?? input.fileName ?? 'Untitled article';
  const stored = storedFormat(input.prepared.format);
  library.db.transaction(() => {
    const { lastInsertRowid } = library
      .statement(
        `INSERT INTO articles (id, title, author, publisher, url, published_at, file_name, format, file_format, content_hash,
           source_html, doc_json, body_text, page_map_json, imported_at, added_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(
        id,
        title,
        emptyToNull(input.author),
        emptyToNull(input.publisher),
        emptyToNull(input.url),
        emptyToNull(input.publishedAt),
        input.fileName ?? null,
        stored.format,
        stored.fileFormat,
        input.prepared.contentHash,
        input.prepared.html,
        JSON.stringify(input.prepared.doc),
        input.prepared.text,
        input.prepared.pages?.length ? JSON.stringify(input.prepared.pages) : null,
        now,
        now,
        now
      );
    indexArticle(library, Number(lastInsertRowid), title, input.prepared.text, 'insert');
    if (input.tags?.length) setArticleTags(library, id, input.tags);
  })();
  return getArticleSummary(library, id);
}

export function getArticleRow(library: Library, id: string): ArticleRow {
  const row = library.statement('SELECT rowid, * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
  if (!row) throw new AssayError('not_found', `There is no article with id ${id}.`);
  return row;
}

const SUMMARY_COLUMNS = `a.id, a.title, a.author, a.publisher, a.url, a.published_at, a.added_at, a.updated_at,
  (SELECT count(*) FROM highlights h WHERE h.article_id = a.id AND h.deleted_at IS NULL) AS highlight_count,
  (SELECT group_concat(t.name, '${TAG_SEPARATOR}') FROM article_tags at JOIN tags t ON t.id = at.tag_id
     WHERE at.article_id = a.id) AS tag_names`;

export function getArticleSummary(library: Library, id: string): ArticleSummary {
  const row = library.statement(`SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.id = ?`).get(id) as
    | ArticleSummaryRow
    | undefined;
  if (!row) throw new AssayError('not_found', `There is no article with id ${id}.`);
  return summaryFromRow(row);
}

// Sort expressions are chosen from this fixed map, never interpolated from input. Missing values
// sort last in both directions, and every order ends on a unique key so pages are stable.
const ORDER_BY: Record<ArticleSortKey, (direction: 'ASC' | 'DESC') => string> = {
  added: (d) => `a.added_at ${d}, a.rowid ${d}`,
  title: (d) => `a.title COLLATE NOCASE ${d}, a.rowid ${d}`,
  published: (d) => `a.published_at IS NULL, a.published_at ${d}, a.rowid ${d}`,
  source: (d) => `a.publisher IS NULL, a.publisher COLLATE NOCASE ${d}, a.rowid ${d}`,
  highlights: (d) => `highlight_count ${d}, a.rowid ${d}`
};

export interface ListArticlesInput {
  sort: ArticleSortKey;
  direction: 'asc' | 'desc';
  tag?: string | null;
  /** Only the articles of this project. */
  projectId?: string | null;
  limit: number;
  offset: number;
}

export function listArticles(library: Library, input: ListArticlesInput): { items: ArticleSummary[]; total: number } {
  const direction = input.direction === 'asc' ? 'ASC' : 'DESC';
  const conditions = ['a.deleted_at IS NULL'];
  const parameters: string[] = [];
  if (input.tag) {
    conditions.push('a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = ?)');
    parameters.push(input.tag);
  }
  if (input.projectId) {
    conditions.push('a.id IN (SELECT pa.article_id FROM project_articles pa WHERE pa.project_id = ?)');
    parameters.push(input.projectId);
  }
  const filter = `WHERE ${conditions.join(' AND ')}`;
  const rows = library
    .statement(`SELECT ${SUMMARY_COLUMNS} FROM articles a ${filter} ORDER BY ${ORDER_BY[input.sort](direction)} LIMIT ? OFFSET ?`)
    .all(...parameters, input.limit, input.offset) as ArticleSummaryRow[];
  const { total } = library.statement(`SELECT count(*) AS total FROM articles a ${filter}`).get(...parameters) as {
    total: number;
  };
  return { items: rows.map(summaryFromRow), total };
}

export function getArticle(library: Library, id: string): ArticleDetail {
  const row = getArticleRow(library, id);
  if (row.deleted_at) throw new AssayError('not_found', `The article “${row.title}” is in the trash; restore it to open it.`);
  const summary = getArticleSummary(library, id);
  return {
    ...summary,
    origin: {
      fileName: row.file_name,
      format: originFormat(row),
      importedAt: row.imported_at,
      contentHash: row.content_hash,
      pages: parsePageMap(row)
    },
    doc: parseDocument(row),
    text: row.body_text,
    highlights: listHighlights(library, id)
  };
}

export function updateArticleMetadata(
  library: Library,
  id: string,
  changes: MetadataChanges & { tags?: string[] }
): ArticleSummary {
  const row = getArticleRow(library, id);
  const next: ArticleMetadata = {
    title: changes.title !== undefined ? changes.title.trim() : row.title,
    author: changes.author !== undefined ? emptyToNull(changes.author) : row.author,
    publisher: changes.publisher !== undefined ? emptyToNull(changes.publisher) : row.publisher,
    url: changes.url !== undefined ? emptyToNull(changes.url) : row.url,
    publishedAt: changes.publishedAt !== undefined ? emptyToNull(changes.publishedAt) : row.published_at
  };
  library.db.transaction(() => {
    library
      .statement(
        'UPDATE articles SET title = ?, author = ?, publisher = ?, url = ?, published_at = ?, updated_at = ? WHERE id = ?'
      )
      .run(next.title, next.author, next.publisher, next.url, next.publishedAt, library.now(), id);
    if (next.title !== row.title) indexArticle(library, row.rowid, next.title, row.body_text, 'replace');
    if (changes.tags) setArticleTags(library, id, changes.tags);
  })();
  return getArticleSummary(library, id);
}

function replaceArticleText(
  library: Library,
  row: ArticleRow,
  content: {
    doc: DocumentNode;
    text: string;
    html?: string;
    contentHash?: string;
    format?: PreparedArticle['format'];
    pages?: PageStart[] | null;
  }
): ReanchorReport {
  let report!: ReanchorReport;
  const stored = content.format ? storedFormat(content.format) : null;
  // Page starts follow the words they stand before; a revision that brings its own pages replaces them.
  const pages = content.pages ?? remapPageStarts(parsePageMap(row), row.body_text, content.text);
  library.db.transaction(() => {
    library
      .statement(
        `UPDATE articles SET doc_json = ?, body_text = ?, source_html = coalesce(?, source_html),
           content_hash = coalesce(?, content_hash), format = coalesce(?, format),
           file_format = CASE WHEN ? THEN ? ELSE file_format END, page_map_json = ?, updated_at = ? WHERE id = ?`
      )
      .run(
        JSON.stringify(content.doc),
        content.text,
        content.html ?? null,
        content.contentHash ?? null,
        stored?.format ?? null,
        stored ? 1 : 0,
        stored?.fileFormat ?? null,
        pages?.length ? JSON.stringify(pages) : null,
        library.now(),
        row.id
      );
    if (content.text !== row.body_text) indexArticle(library, row.rowid, row.title, content.text, 'replace');
    report = reanchorHighlights(library, row.id, content.text, row.body_text);
  })();
  return report;
}

/** Saves text edited in the reader and re-anchors the article's highlights against it. */
export function updateArticleDocument(library: Library, id: string, doc: DocumentNode) {
  const row = getArticleRow(library, id);
  const reanchor = replaceArticleText(library, row, documentFromEditor(doc));
  return { article: getArticle(library, id), reanchor };
}

/** Replaces the article's content with a revised version (re-import) and re-anchors its highlights. */
export function reviseArticle(library: Library, id: string, prepared: PreparedArticle) {
  const row = getArticleRow(library, id);
  const reanchor = replaceArticleText(library, row, prepared);
  return { article: getArticle(library, id), reanchor };
}

/** The live article whose text is exactly this (same content hash), if any. */
export function findArticleByContentHash(library: Library, contentHash: string): { id: string; title: string } | null {
  return (
    (library
      .statement('SELECT id, title FROM articles WHERE content_hash = ? AND deleted_at IS NULL ORDER BY added_at LIMIT 1')
      .get(contentHash) as { id: string; title: string } | undefined) ?? null
  );
}

/**
 * Adds an imported file, unless the library already holds a live article with the same text: then
 * nothing is added and the file is reported as a duplicate of it. Citation fields come from the
 * file (web page metadata, PDF and Word properties).
 */
export function importArticleFile(library: Library, fileName: string, prepared: PreparedArticle): ImportedArticle {
  const warnings = prepared.warnings ?? [];
  const existing = findArticleByContentHash(library, prepared.contentHash);
  if (existing) {
    return { id: existing.id, title: existing.title, fileName, status: 'duplicate', duplicateOf: existing.id, warnings };
  }
  const { author, publisher, url, publishedAt } = prepared.metadata ?? {};
  const article = createArticle(library, { prepared, fileName, author, publisher, url, publishedAt });
  return { id: article.id, title: article.title, fileName, status: 'imported', warnings };
}

/** The page of a PDF article a text offset falls on ("p. 12"), or null for articles without pages. */
export function pageAt(library: Library, articleId: string, offset: number): number | null {
  return pageAtOffset(parsePageMap(getArticleRow(library, articleId)), offset);
}

export function countArticles(library: Library): number {
  return (library.statement('SELECT count(*) AS n FROM articles WHERE deleted_at IS NULL').get() as { n: number }).n;
}

function liveClaimCount(library: Library, articleId: string): number {
  return (
    library.statement('SELECT count(*) AS n FROM claims WHERE article_id = ? AND deleted_at IS NULL').get(articleId) as { n: number }
  ).n;
}

/** Moves an article to the trash; it keeps its highlights and claims and can be restored. */
export function trashArticle(library: Library, id: string): { id: string; title: string; claimCount: number } {
  const row = getArticleRow(library, id);
  if (row.deleted_at) throw new AssayError('not_found', `The article “${row.title}” is already in the trash.`);
  library.statement('UPDATE articles SET deleted_at = ? WHERE id = ?').run(library.now(), id);
  return { id, title: row.title, claimCount: liveClaimCount(library, id) };
}

export function restoreArticle(library: Library, id: string): ArticleSummary {
  getArticleRow(library, id);
  library.statement('UPDATE articles SET deleted_at = NULL WHERE id = ?').run(id);
  return getArticleSummary(library, id);
}

export function listTrash(library: Library): TrashedArticle[] {
  return library
    .statement(
      `SELECT a.id, a.title, a.deleted_at AS deletedAt,
         (SELECT count(*) FROM claims c WHERE c.article_id = a.id AND c.deleted_at IS NULL) AS claimCount,
         (SELECT count(*) FROM highlights h WHERE h.article_id = a.id AND h.deleted_at IS NULL) AS highlightCount
       FROM articles a WHERE a.deleted_at IS NOT NULL ORDER BY a.deleted_at DESC`
    )
    .all() as TrashedArticle[];
}
