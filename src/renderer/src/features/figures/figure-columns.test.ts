import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../../shared/evidence';
import { cellText, changesForEdit, editText, EDITABLE_COLUMNS, GRID_TEMPLATE, nextEditableColumn } from './figure-columns';

const FIGURE: Figure = {
  id: 'f1',
  metric: 'mine_production',
  entity: 'China',
  value: 270000,
  high: null,
  unit: 't',
  qualifier: 'approximately',
  period: '2024',
  periodKind: 'year',
  basis: null,
  notes: null,
  source: { kind: 'citation', title: 'USGS Mineral Commodity Summaries', publisher: null, edition: '2025', url: null, page: null },
  competing: true,
  createdAt: '2025-06-01T10:00:00.000Z',
  updatedAt: '2025-06-01T10:00:00.000Z'
};

describe('figure columns', () => {
  it('shows each cell as the table reads it', () => {
    expect(cellText(FIGURE, 'value')).toBe('~270,000');
    expect(cellText(FIGURE, 'source')).toBe('USGS Mineral Commodity Summaries, 2025 edition');
    expect(cellText(FIGURE, 'added')).toBe('2025-06-01');
    expect(cellText(FIGURE, 'competing')).toBe('!');
  });

  it('edits the five typed fields', () => {
    expect(EDITABLE_COLUMNS).toEqual(['entity', 'metric', 'period', 'value', 'unit']);
    expect(GRID_TEMPLATE.split(' ').length).toBeGreaterThan(7);
  });

  it('turns an edit into an update', () => {
    expect(editText(FIGURE, 'value')).toBe('~270,000');
    expect(changesForEdit('value', '280,000')).toEqual({ value: '280,000', high: null, qualifier: 'exact' });
    expect(changesForEdit('value', '~280,000')).toEqual({ value: '280,000', high: null, qualifier: 'approximately' });
    expect(changesForEdit('period', ' 2024-Q1 ')).toEqual({ period: '2024-Q1' });
    expect(changesForEdit('unit', 'kt')).toEqual({ unit: 'kt' });
  });

  it('moves between editable columns', () => {
    expect(nextEditableColumn('value', 1)).toBe('unit');
    expect(nextEditableColumn('unit', 1)).toBe('unit');
    expect(nextEditableColumn('entity', -1)).toBe('entity');
  });
});
