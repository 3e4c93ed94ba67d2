// Row shapes of the articles tables, exactly as stored, and their mapping to domain types.
import type { ArticleFormat, ArticleSummary, ContentFormat, DocumentNode, PageStart } from '../../shared/domain';

export interface ArticleRow {
  rowid: number;
  id: string;
  title: string;
  author: string | null;
  publisher: string | null;
  url: string | null;
  published_at: string | null;
  file_name: string | null;
  /** The kind of source_html: text, markdown or html (converted files are stored as html). */
  format: ContentFormat;
  /** pdf or docx for a file converted on import, else null. */
  file_format: ArticleFormat | null;
  /** JSON PageStart[] (PDF articles), else null. */
  page_map_json: string | null;
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

/** What an article was imported as: the converted file's kind, or the stored content's format. */
export function originFormat(row: Pick<ArticleRow, 'format' | 'file_format'>): ArticleFormat {
  return row.file_format ?? row.format;
}

/** How a prepared article's format is stored: converted files as their HTML, plus their kind. */
export function storedFormat(format: ArticleFormat): { format: ContentFormat; fileFormat: ArticleFormat | null } {
  return format === 'pdf' || format === 'docx' ? { format: 'html', fileFormat: format } : { format, fileFormat: null };
}

export function parsePageMap(row: Pick<ArticleRow, 'page_map_json'>): PageStart[] | null {
  return row.page_map_json ? (JSON.parse(row.page_map_json) as PageStart[]) : null;
}
