import type { Verdict } from './evidence';

// Domain types the contract speaks in. They are what the renderer, the CLI and the browser-mode
// host see; the SQLite row shapes live in core and are mapped onto these.

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export const ARTICLE_SORT_KEYS = ['added', 'title', 'published', 'source', 'highlights'] as const;
export type ArticleSortKey = (typeof ARTICLE_SORT_KEYS)[number];

/** Editable citation fields of an article. Empty strings are stored as null. */
export interface ArticleMetadata {
  title: string;
  author: string | null;
  publisher: string | null;
  url: string | null;
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) as the source gives it. */
  publishedAt: string | null;
}

/** Where the article came from; set at import, not editable. */
export interface ArticleOrigin {
  fileName: string | null;
  format: ArticleFormat;
  importedAt: string;
  contentHash: string;
  /**
   * PDF articles: where each page begins in the article text, in text order (offsets as in
   * TextPositionSelector). The page of an offset is the last entry starting at or before it
   * (pageAtOffset in shared/page-map.ts). Null for articles without pages.
   */
  pages: PageStart[] | null;
}

export interface PageStart {
  /** Text offset (UTF-16 code units) of the first character of the page. */
  start: number;
  /** The page number as counted in the file (1 = first page). */
  page: number;
}

/** Formats of text that can be pasted, or given as a revised version of an article. */
export const ARTICLE_FORMATS = ['text', 'markdown', 'html'] as const;
export type ContentFormat = (typeof ARTICLE_FORMATS)[number];
/** Files that are converted to an article document when imported. */
export const CONVERTED_FILE_FORMATS = ['pdf', 'docx'] as const;
export type ArticleFormat = ContentFormat | (typeof CONVERTED_FILE_FORMATS)[number];

/** Largest file that can be imported: 50 MB (reports with many pictures); checked before reading. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface ArticleSummary extends ArticleMetadata {
  id: string;
  highlightCount: number;
  tags: string[];
  addedAt: string;
  updatedAt: string;
}

/** A ProseMirror/Tiptap document as JSON. */
export interface DocumentNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  content?: DocumentNode[];
}

export interface ArticleDetail extends ArticleSummary {
  origin: ArticleOrigin;
  doc: DocumentNode;
  /** The plain text every selector is measured against (see shared/document-text.ts). */
  text: string;
  highlights: Highlight[];
}

/** W3C Web Annotation TextQuoteSelector. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector; offsets are UTF-16 code units into the article text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/**
 * anchored: the stored position still holds the quote.
 * moved: the exact quote was found elsewhere (text before it was edited).
 * fuzzy: the quote was found approximately (it was edited itself); the quote selector was updated.
 * orphaned: no confident place; shown as an orphan, never attached to other words.
 */
export const ANCHOR_STATES = ['anchored', 'moved', 'fuzzy', 'orphaned'] as const;
export type AnchorState = (typeof ANCHOR_STATES)[number];

export interface Highlight {
  id: string;
  articleId: string;
  color: HighlightColor;
  note: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  anchorState: AnchorState;
  /** The verdict of the latest live claim made from this highlight, if any. */
  verdict: Verdict | null;
  /** How many live figures cite this highlight as their source. */
  figureCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface ReanchorReport {
  anchored: number;
  moved: number;
  fuzzy: number;
  orphaned: number;
}

export interface SearchHit {
  articleId: string;
  title: string;
  /** Snippet with matches wrapped in SEARCH_MATCH_START / SEARCH_MATCH_END. */
  snippet: string;
  /** Where the best match is: the article itself or one of its highlight notes. */
  matchedIn: 'article' | 'note';
  highlightId: string | null;
  rank: number;
}

// Control characters cannot occur in stored text (importers strip them), so the renderer can split
// snippets on them and build <mark> elements without ever parsing HTML.
export const SEARCH_MATCH_START = '\u0002';
export const SEARCH_MATCH_END = '\u0003';

export interface TagCount {
  name: string;
  count: number;
}

export interface LibraryInfo {
  path: string;
  schemaVersion: number;
  articleCount: number;
  highlightCount: number;
  appVersion: string;
}

export const IMPORT_WARNING_KINDS = [
  /** The encoding was guessed (no byte-order mark, not UTF-8, nothing declared). */
  'encoding',
  /** Text that looks mis-decoded upstream ("â€™", "Ã©") and could not be repaired safely. */
  'mojibake',
  /** Mis-decoded text that was repaired. */
  'mojibake-repaired',
  /** Something in a PDF's structure was lost: pages without text, undecodable glyphs. */
  'pdf-structure',
  /** Something in a Word document could not be converted. */
  'docx-structure'
] as const;
export type ImportWarningKind = (typeof IMPORT_WARNING_KINDS)[number];

/** Something the analyst should check in an imported file; the article was still imported. */
export interface ImportWarning {
  kind: ImportWarningKind;
  message: string;
  /** The suspicious passage, as it now reads in the article. */
  excerpt?: string;
}

export interface ImportedArticle {
  id: string;
  title: string;
  fileName: string | null;
  /** duplicate: the library already holds a live article with the same text; nothing was added. */
  status: 'imported' | 'duplicate';
  /** With status duplicate: the article that has the same text (id is that article too). */
  duplicateOf?: string;
  warnings: ImportWarning[];
}
