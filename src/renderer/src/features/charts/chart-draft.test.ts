import { describe, expect, it } from 'vitest';
import type { Chart } from '../../../../shared/charts/chart-spec';
import { chartFileName, draftEncoding, draftFromChart, draftIsComplete, emptyDraft, sortPeriods, specFromDraft, toggleValue } from './chart-draft';

describe('specFromDraft', () => {
  it('sends a metric selection, leaving empty filters and an automatic encoding out', () => {
    const spec = specFromDraft({ ...emptyDraft('mine_production'), title: '  ' });
    expect(spec).toEqual({ type: 'bar', selection: { metric: 'mine_production' }, showCompeting: true, title: '', subtitle: null });
  });

  it('sends chosen entities, periods and encoding', () => {
    const spec = specFromDraft({
      ...emptyDraft('mine_production'),
      type: 'grouped_bar',
      entities: ['China', 'Burma'],
      periods: ['2024'],
      category: 'period',
      series: 'entity',
      showCompeting: false,
      title: ' Output ',
      subtitle: 'Rare earths'
    });
    expect(spec).toMatchObject({
      type: 'grouped_bar',
      selection: { metric: 'mine_production', entities: ['China', 'Burma'], periods: ['2024'] },
      encoding: { category: 'period', series: 'entity' },
      showCompeting: false,
      title: 'Output',
      subtitle: 'Rare earths'
    });
  });

  it('sends a figure selection as it is', () => {
    expect(specFromDraft({ ...emptyDraft(), figureIds: ['a', 'b'] }).selection).toEqual({ figureIds: ['a', 'b'] });
  });
});

describe('draftEncoding', () => {
  it('is undefined when the category is automatic', () => {
    expect(draftEncoding({ ...emptyDraft('m'), series: 'entity' })).toBeUndefined();
  });
  it('never splits series by the category field', () => {
    expect(draftEncoding({ ...emptyDraft('m'), category: 'entity', series: 'entity' })).toEqual({ category: 'entity', series: null });
  });
});

describe('draftIsComplete', () => {
  it('needs a metric or figures', () => {
    expect(draftIsComplete(emptyDraft())).toBe(false);
    expect(draftIsComplete(emptyDraft(' '))).toBe(false);
    expect(draftIsComplete(emptyDraft('m'))).toBe(true);
    expect(draftIsComplete({ ...emptyDraft(), figureIds: [] })).toBe(false);
    expect(draftIsComplete({ ...emptyDraft(), figureIds: ['x'] })).toBe(true);
  });
});

describe('draftFromChart', () => {
  const chart: Chart = {
    id: 'c1',
    title: '',
    subtitle: null,
    type: 'bar',
    selection: { metric: 'mine_production', entities: ['China'], periods: ['2024'] },
    encoding: { category: 'entity', series: null },
    showCompeting: true,
    valueAxisLabel: null,
    categoryAxisLabel: null,
    unit: null,
    sourceLine: null,
    sort: 'auto',
    orientation: 'auto',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z'
  };
  it('round-trips through specFromDraft', () => {
    const draft = draftFromChart(chart);
    expect(draft).toMatchObject({ metric: 'mine_production', entities: ['China'], periods: ['2024'], category: 'entity', series: 'none', subtitle: '' });
    expect(specFromDraft(draft)).toMatchObject({ selection: chart.selection, encoding: chart.encoding, title: '', subtitle: null });
  });
  it('keeps a figure selection', () => {
    expect(draftFromChart({ ...chart, selection: { figureIds: ['f1'] } })).toMatchObject({ figureIds: ['f1'], metric: '' });
  });
});

describe('toggleValue', () => {
  const all = ['China', 'United States', 'Burma'];
  it('adds in the picker order and removes', () => {
    expect(toggleValue(['Burma'], 'China', all)).toEqual(['China', 'Burma']);
    expect(toggleValue(['China', 'Burma'], 'China', all)).toEqual(['Burma']);
  });
  it('keeps selected values no longer offered', () => {
    expect(toggleValue(['Gone'], 'China', all)).toEqual(['China', 'Gone']);
  });
});

describe('sortPeriods', () => {
  it('orders periods in time order without repeats', () => {
    expect(sortPeriods(['2024', '2023', '2024', '2023-Q2', '2010'])).toEqual(['2010', '2023', '2023-Q2', '2024']);
  });
});

describe('chartFileName', () => {
  it('makes a safe file name from the title', () => {
    expect(chartFileName('Mine production, 2024', 'png')).toBe('Mine-production-2024.png');
    expect(chartFileName('../../etc/passwd', 'svg')).toBe('etc-passwd.svg');
    expect(chartFileName('Produção <a>: 2024/25', 'svg')).toBe('Produção-a-2024-25.svg');
    expect(chartFileName('   ', 'png')).toBe('chart.png');
  });
});
