import { describe, expect, it } from 'vitest';
import { chartSpecInputSchema } from './chart-spec';
import { articleSourceName, citationSourceName, composeSourceLine, sourceLabel } from './source-line';

const usgs = (edition: string | null) =>
  citationSourceName({ title: 'USGS Mineral Commodity Summaries', publisher: 'USGS', edition, url: null, page: '145' });

describe('the source line', () => {
  it('names a cited report by title and edition', () => {
    expect(composeSourceLine([usgs('2025'), usgs('2025')])).toBe('Source: USGS Mineral Commodity Summaries 2025');
    expect(sourceLabel(usgs('2025')!)).toBe('USGS Mineral Commodity Summaries 2025');
  });

  it('names the editions of one report once, in order, and joins several sources with "; "', () => {
    const reuters = articleSourceName({ publisher: 'Reuters', title: 'China tightens rare-earth exports' });
    expect(composeSourceLine([usgs('2025'), reuters, usgs('2024')])).toBe('Sources: USGS Mineral Commodity Summaries 2024, 2025; Reuters');
  });

  it('falls back to the publisher, or an article’s title, and skips figures without a source', () => {
    expect(composeSourceLine([citationSourceName({ title: null, publisher: 'IEA', edition: null, url: null, page: null })])).toBe('Source: IEA');
    expect(composeSourceLine([articleSourceName({ publisher: null, title: 'Who really controls rare earths?' }), null])).toBe(
      'Source: Who really controls rare earths?'
    );
    expect(composeSourceLine([null])).toBe('');
  });

  it('does not repeat an edition the title already names', () => {
    expect(sourceLabel(citationSourceName({ title: 'Mineral Commodity Summaries 2025', publisher: null, edition: '2025', url: null, page: null })!)).toBe(
      'Mineral Commodity Summaries 2025'
    );
  });
});

describe('the chart spec schema', () => {
  it('takes a figure selection or a metric selection, and refuses the same field as category and series', () => {
    expect(chartSpecInputSchema.parse({ type: 'bar', selection: { metric: 'mine_production', periods: ['2024'] } })).toMatchObject({
      title: '',
      showCompeting: true,
      sort: 'auto',
      orientation: 'auto'
    });
    expect(chartSpecInputSchema.safeParse({ type: 'bar', selection: { figureIds: [] } }).success).toBe(false);
    expect(chartSpecInputSchema.safeParse({ type: 'bar', selection: { metric: 'm' }, encoding: { category: 'entity', series: 'entity' } }).success).toBe(false);
    expect(chartSpecInputSchema.safeParse({ type: 'area', selection: { metric: 'm' } }).success).toBe(false);
  });
});
