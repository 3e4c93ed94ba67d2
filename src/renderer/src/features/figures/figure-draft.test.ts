import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../../shared/evidence';
import { draftFromFigure, draftFromReading, draftToFields, emptyDraft, fieldOfError } from './figure-draft';

const FIGURE: Figure = {
  id: 'f1',
  metric: 'mine_production',
  entity: 'China',
  value: 270000,
  high: null,
  unit: 't',
  qualifier: 'exact',
  period: '2024',
  periodKind: 'year',
  basis: 'REO',
  notes: null,
  source: { kind: 'citation', title: 'USGS Mineral Commodity Summaries', publisher: null, edition: '2025', url: null, page: null },
  competing: false,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z'
};

describe('draftFromFigure', () => {
  it('fills every field as text', () => {
    const draft = draftFromFigure(FIGURE);
    expect(draft).toMatchObject({ metric: 'mine_production', value: '270,000', high: '', basis: 'REO', notes: '', citationEdition: '2025' });
  });

  it('leaves the citation blank for a highlight source', () => {
    const draft = draftFromFigure({ ...FIGURE, source: { kind: 'highlight', highlightId: 'h', articleId: 'a', articleTitle: 'T', quote: 'q' } });
    expect(draft.citationTitle).toBe('');
  });
});

describe('draftFromReading', () => {
  it('takes value, range, unit, qualifier and period from the parser', () => {
    const draft = draftFromReading(emptyDraft, {
      quantity: { value: 35, high: 40, unit: '%', qualifier: 'range', text: 'between 35% and 40%', start: 0, end: 19 },
      period: { canonical: '2024', kind: 'year', start: '2024-01-01', end: '2024-12-31' }
    });
    expect(draft).toMatchObject({ value: '35', high: '40', unit: '%', qualifier: 'range', period: '2024' });
  });

  it('keeps the draft when nothing was read', () => {
    expect(draftFromReading({ ...emptyDraft, metric: 'm' }, { quantity: null, period: null })).toEqual({ ...emptyDraft, metric: 'm' });
  });
});

describe('draftToFields', () => {
  it('sends the citation as the source when there is no highlight', () => {
    const fields = draftToFields({ ...emptyDraft, metric: 'm', entity: 'e', value: '1,200', unit: ' t ', period: '2024', citationTitle: ' USGS ' }, { hasHighlight: false });
    expect(fields).toMatchObject({ value: '1,200', unit: 't', high: null, basis: null });
    expect(fields.citation).toEqual({ title: 'USGS', publisher: null, edition: null, url: null, page: null });
  });

  it('sends no citation for a blank one, and none at all with a highlight', () => {
    expect(draftToFields(emptyDraft, { hasHighlight: false }).citation).toBeNull();
    expect('citation' in draftToFields({ ...emptyDraft, citationTitle: 'x' }, { hasHighlight: true })).toBe(false);
  });

  it('sends the upper value only for a range', () => {
    expect(draftToFields({ ...emptyDraft, qualifier: 'range', high: '40' }, { hasHighlight: true }).high).toBe('40');
    expect(draftToFields({ ...emptyDraft, qualifier: 'exact', high: '40' }, { hasHighlight: true }).high).toBeNull();
  });
});

describe('fieldOfError', () => {
  it('finds the field core names', () => {
    expect(fieldOfError('period: “2024-13” has no month 13.')).toBe('period');
    expect(fieldOfError('high: a range needs its upper value.')).toBe('high');
    expect(fieldOfError('citation.url: a URL must start with http:// or https://.')).toBe('citationUrl');
    expect(fieldOfError('figures.create: metric: Too big: expected string to have <=200 characters')).toBe('metric');
  });

  it('finds none in a general message', () => {
    expect(fieldOfError('There is no figure with id x.')).toBeNull();
    expect(fieldOfError('highlightId: there is no highlight h1')).toBeNull();
  });
});
