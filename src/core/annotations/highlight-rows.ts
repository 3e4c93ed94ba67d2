// Row shape of the highlights table and its mapping to the domain type.
import type { AnchorState, Highlight, HighlightColor } from '../../shared/domain';
import type { Verdict } from '../../shared/evidence';

export interface HighlightRow {
  rowid: number;
  id: string;
  article_id: string;
  color: HighlightColor;
  note: string;
  quote_exact: string;
  quote_prefix: string;
  quote_suffix: string;
  position_start: number;
  position_end: number;
  anchor_state: AnchorState;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  // View columns (see HIGHLIGHT_VIEW).
  verdict?: Verdict | null;
  figure_count?: number;
}

export function highlightFromRow(row: HighlightRow): Highlight {
  return {
    id: row.id,
    articleId: row.article_id,
    color: row.color,
    note: row.note,
    quote: { type: 'TextQuoteSelector', exact: row.quote_exact, prefix: row.quote_prefix, suffix: row.quote_suffix },
    position: { type: 'TextPositionSelector', start: row.position_start, end: row.position_end },
    anchorState: row.anchor_state,
    verdict: row.verdict ?? null,
    figureCount: row.figure_count ?? 0,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
}
