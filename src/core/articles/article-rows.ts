// Row shapes of the articles tables, exactly as stored, and their mapping to domain types.
import type { ArticleFormat, ArticleSummary, DocumentNode } from '../../shared/domain';

export interface ArticleRow {
  rowid: number;
  id: string;
  title: string;
  author: string | null;
  publisher: string | null;
  url: string | null;
  published_at: string | null;
  file_name: string | null;
  format: ArticleFormat;
  content_hash: string;
  source_html: string | null;
  doc_json: string;
  body_text: string;
  imported_at: string;
  added_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The list query's row: summary columns plus aggregates. */
export interface ArticleSummaryRow
  extends Pick<ArticleRow, 'id' | 'title' | 'author' | 'publisher' | 'url' | 'published_at' | 'added_at' | 'updated_at'> {
  highlight_count: number;
  tag_names: string | null;
}

// Tag names are joined with a separator that cannot occur in them (control characters are stripped).
export const TAG_SEPARATOR = '\u001f';

export function summaryFromRow(row: ArticleSummaryRow): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    author: row.author,
    publisher: row.publisher,
    url: row.url,
    publishedAt: row.published_at,
    addedAt: row.added_at,
    updatedAt: row.updated_at,
    highlightCount: row.highlight_count,
    tags: row.tag_names ? row.tag_names.split(TAG_SEPARATOR).sort((a, b) => a.localeCompare(b)) : []
  };
}

export function parseDocument(row: Pick<ArticleRow, 'doc_json'>): DocumentNode {
  return JSON.parse(row.doc_json) as DocumentNode;
}
