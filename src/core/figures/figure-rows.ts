// Row shape of the figures table (plus the view columns the list query adds) and its mapping.
import type { Figure, FigureSource, Qualifier } from '../../shared/evidence';

export interface FigureRow {
  id: string;
  metric: string;
  entity: string;
  value: number;
  value_high: number | null;
  unit: string;
  qualifier: Qualifier;
  normalized_value: number;
  normalized_high: number | null;
  base_unit: string;
  dimension: string;
  period: string;
  period_kind: string;
  period_start: string;
  period_end: string;
  basis: string | null;
  notes: string | null;
  highlight_id: string | null;
  citation_title: string | null;
  citation_publisher: string | null;
  citation_edition: string | null;
  citation_url: string | null;
  citation_page: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  // View columns (see FIGURE_VIEW_COLUMNS).
  source_quote?: string | null;
  source_article_id?: string | null;
  source_article_title?: string | null;
  competing?: number;
}

function sourceFromRow(row: FigureRow): FigureSource {
  if (row.highlight_id && row.source_quote != null && row.source_article_id) {
    return {
      kind: 'highlight',
      highlightId: row.highlight_id,
      articleId: row.source_article_id,
      articleTitle: row.source_article_title ?? '',
      quote: row.source_quote
    };
  }
  if (row.citation_title || row.citation_publisher || row.citation_url || row.citation_edition || row.citation_page) {
    return {
      kind: 'citation',
      title: row.citation_title,
      publisher: row.citation_publisher,
      edition: row.citation_edition,
      url: row.citation_url,
      page: row.citation_page
    };
  }
  return { kind: 'none' };
}

export function figureFromRow(row: FigureRow): Figure {
  return {
    id: row.id,
    metric: row.metric,
    entity: row.entity,
    value: row.value,
    high: row.value_high,
    unit: row.unit,
    qualifier: row.qualifier,
    period: row.period,
    periodKind: row.period_kind,
    basis: row.basis,
    notes: row.notes,
    source: sourceFromRow(row),
    competing: Boolean(row.competing),
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
}
