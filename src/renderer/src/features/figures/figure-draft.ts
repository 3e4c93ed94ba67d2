// The figure form's state as typed text, to and from what the contract speaks: a Figure to edit,
// the quantity parser's reading of a highlighted quote, and the create/update input.
import type { MethodInput } from '../../../../shared/contract';
import type { Figure, PeriodReading, Qualifier, QuantityReading } from '../../../../shared/evidence';
import { formatExactNumber } from './figure-format';

export interface FigureDraft {
  metric: string;
  entity: string;
  value: string;
  high: string;
  unit: string;
  period: string;
  qualifier: Qualifier;
  basis: string;
  notes: string;
  citationTitle: string;
  citationPublisher: string;
  citationEdition: string;
  citationUrl: string;
  citationPage: string;
}

export type DraftField = keyof FigureDraft;

export const emptyDraft: FigureDraft = {
  metric: '',
  entity: '',
  value: '',
  high: '',
  unit: '',
  period: '',
  qualifier: 'exact',
  basis: '',
  notes: '',
  citationTitle: '',
  citationPublisher: '',
  citationEdition: '',
  citationUrl: '',
  citationPage: ''
};

export function draftFromFigure(figure: Figure): FigureDraft {
  const citation = figure.source.kind === 'citation' ? figure.source : null;
  return {
    metric: figure.metric,
    entity: figure.entity,
    value: formatExactNumber(figure.value),
    high: figure.high === null ? '' : formatExactNumber(figure.high),
    unit: figure.unit,
    period: figure.period,
    qualifier: figure.qualifier,
    basis: figure.basis ?? '',
    notes: figure.notes ?? '',
    citationTitle: citation?.title ?? '',
    citationPublisher: citation?.publisher ?? '',
    citationEdition: citation?.edition ?? '',
    citationUrl: citation?.url ?? '',
    citationPage: citation?.page ?? ''
  };
}

/** Fills the number, unit, qualifier and period the parser read from a quote into a draft. */
export function draftFromReading(
  draft: FigureDraft,
  reading: { quantity: QuantityReading | null; period: PeriodReading | null }
): FigureDraft {
  const next = { ...draft };
  if (reading.quantity) {
    next.value = formatExactNumber(reading.quantity.value);
    next.high = reading.quantity.high === null ? '' : formatExactNumber(reading.quantity.high);
    next.unit = reading.quantity.unit;
    next.qualifier = reading.quantity.qualifier;
  }
  if (reading.period) next.period = reading.period.canonical;
  return next;
}

function textOrNull(value: string): string | null {
  return value.trim() ? value.trim() : null;
}

type FigureFields = Omit<MethodInput<'figures.create'>, 'highlightId'>;

/**
 * The contract fields for a draft. Numbers go as typed: core reads "270,000" and names the field
 * when it cannot. Without a highlight, the citation is the source (null when every field is blank).
 */
export function draftToFields(draft: FigureDraft, options: { hasHighlight: boolean }): FigureFields {
  const citation = {
    title: textOrNull(draft.citationTitle),
    publisher: textOrNull(draft.citationPublisher),
    edition: textOrNull(draft.citationEdition),
    url: textOrNull(draft.citationUrl),
    page: textOrNull(draft.citationPage)
  };
  const fields: FigureFields = {
    metric: draft.metric,
    entity: draft.entity,
    value: draft.value,
    high: draft.qualifier === 'range' ? textOrNull(draft.high) : null,
    unit: draft.unit.trim(),
    period: draft.period.trim(),
    qualifier: draft.qualifier,
    basis: textOrNull(draft.basis),
    notes: textOrNull(draft.notes)
  };
  if (!options.hasHighlight) fields.citation = Object.values(citation).some((value) => value !== null) ? citation : null;
  return fields;
}

const ERROR_FIELDS: Record<string, DraftField> = {
  metric: 'metric',
  entity: 'entity',
  value: 'value',
  high: 'high',
  unit: 'unit',
  period: 'period',
  qualifier: 'qualifier',
  basis: 'basis',
  notes: 'notes',
  'citation.title': 'citationTitle',
  'citation.publisher': 'citationPublisher',
  'citation.edition': 'citationEdition',
  'citation.url': 'citationUrl',
  'citation.page': 'citationPage'
};

/**
 * The form field a contract error names. Core's messages start with the field ("period: …");
 * the input check prefixes the method ("figures.create: metric: …").
 */
export function fieldOfError(message: string): DraftField | null {
  const withoutMethod = message.replace(/^figures\.\w+:\s*/, '');
  const match = /^([\w.]+):/.exec(withoutMethod);
  return match ? (ERROR_FIELDS[match[1]] ?? null) : null;
}
