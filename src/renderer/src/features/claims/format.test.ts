import { describe, expect, it } from 'vitest';
import type { ConsistencyCheck } from '../../../../shared/evidence';
import { consistencyDisplay, describeFigure, formatAmount, formatNumber, formatStated } from './format';

describe('formatNumber', () => {
  it('groups thousands and keeps decimals', () => {
    expect(formatNumber(270000)).toBe('270,000');
    expect(formatNumber(69.23)).toBe('69.23');
    expect(formatNumber(-4.5)).toBe('-4.5');
    expect(formatNumber(0.000001)).toBe('0.000001');
  });
});

describe('formatAmount', () => {
  it('writes qualifiers as signs and % without a space', () => {
    expect(formatAmount({ value: 69, high: null, unit: '%', qualifier: 'approximately' })).toBe('~69%');
    expect(formatAmount({ value: 90, high: null, unit: '%', qualifier: 'at_least' })).toBe('≥ 90%');
    expect(formatAmount({ value: 5, high: null, unit: 'Mt', qualifier: 'at_most' })).toBe('≤ 5 Mt');
    expect(formatAmount({ value: 35, high: 40, unit: '%', qualifier: 'range' })).toBe('35–40%');
    expect(formatAmount({ value: 270000, high: null, unit: 't', qualifier: 'exact' })).toBe('270,000 t');
    expect(formatAmount({ value: 3, high: null, unit: '', qualifier: 'exact' })).toBe('3');
  });

  it('shows a dash when a claim states no number', () => {
    expect(formatStated(null)).toBe('—');
  });
});

describe('describeFigure', () => {
  it('names entity, metric and period before the value', () => {
    expect(
      describeFigure({ entity: 'China', metric: 'mine production', period: '2024', value: 270000, high: null, unit: 't', qualifier: 'exact' })
    ).toBe('China · mine production · 2024: 270,000 t');
  });

  it('skips empty parts', () => {
    expect(describeFigure({ entity: 'World', metric: '', period: '2024', value: 390000, high: null, unit: 't', qualifier: 'approximately' })).toBe(
      'World · 2024: ~390,000 t'
    );
  });
});

describe('consistencyDisplay', () => {
  const check = (status: ConsistencyCheck['status']): ConsistencyCheck => ({
    status,
    computed: 69.2,
    formula: '270,000 t ÷ 390,000 t = 69.2%',
    explanation: '',
    tolerance: 1
  });

  it('has a symbol and a word for every status', () => {
    expect(consistencyDisplay(check('consistent'))).toEqual({ tone: 'consistent', symbol: '✓', label: 'consistent' });
    expect(consistencyDisplay(check('inconsistent'))).toEqual({ tone: 'inconsistent', symbol: '✗', label: 'inconsistent' });
    expect(consistencyDisplay(check('cannot_compute')).tone).toBe('cannot_compute');
  });

  it('shows a dash when there is no computation', () => {
    expect(consistencyDisplay(null)).toEqual({ tone: 'none', symbol: '—', label: 'no computation' });
  });
});
