import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../../shared/evidence';
import { describeSpread, groupTitle } from './competing';

function figure(value: number, unit = 't', qualifier: Figure['qualifier'] = 'exact'): Figure {
  return {
    id: String(value),
    metric: 'mine_production',
    entity: 'China',
    value,
    high: qualifier === 'range' ? value + 1 : null,
    unit,
    qualifier,
    period: '2023',
    periodKind: 'year',
    basis: null,
    notes: null,
    source: { kind: 'none' },
    competing: true,
    createdAt: '',
    updatedAt: ''
  };
}

describe('describeSpread', () => {
  it('says how far apart two editions are', () => {
    expect(describeSpread({ figures: [figure(255000), figure(240000)] })).toBe('5.9% apart (240,000–255,000 t)');
    expect(describeSpread({ figures: [figure(10000000), figure(3800000)] })).toBe('62% apart (3,800,000–10,000,000 t)');
    expect(describeSpread({ figures: [figure(69, '%'), figure(70, '%')] })).toBe('1.4% apart (69–70%)');
  });

  it('says nothing for mixed units or ranges', () => {
    expect(describeSpread({ figures: [figure(3.8, 'Mt'), figure(3_700_000, 't')] })).toBeNull();
    expect(describeSpread({ figures: [figure(35, '%', 'range'), figure(36, '%')] })).toBeNull();
    expect(describeSpread({ figures: [figure(1)] })).toBeNull();
  });
});

describe('groupTitle', () => {
  it('names entity, metric and period', () => {
    expect(groupTitle({ metric: 'mine_production', entity: 'China', period: '2023' })).toBe('China · mine_production · 2023');
  });
});
