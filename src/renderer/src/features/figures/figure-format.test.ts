import { describe, expect, it } from 'vitest';
import { formatEdition, formatExactNumber, formatQuantity, formatSource, formatValue, parseValueEdit, shortQuote, valueEditText } from './figure-format';

describe('formatValue', () => {
  it('uses thousands separators and marks the qualifier', () => {
    expect(formatValue({ value: 270000, high: null, qualifier: 'exact' })).toBe('270,000');
    expect(formatValue({ value: 69, high: null, qualifier: 'approximately' })).toBe('~69');
    expect(formatValue({ value: 90, high: null, qualifier: 'at_least' })).toBe('≥90');
    expect(formatValue({ value: 10, high: null, qualifier: 'at_most' })).toBe('≤10');
    expect(formatValue({ value: 35, high: 40, qualifier: 'range' })).toBe('35–40');
    expect(formatValue({ value: 3.8, high: null, qualifier: 'exact' })).toBe('3.8');
    expect(formatValue({ value: 44_000_000, high: null, qualifier: 'exact' })).toBe('44,000,000');
    expect(formatValue({ value: -1250.5, high: null, qualifier: 'exact' })).toBe('-1,250.5');
  });

  it('joins the unit, with no space before a percent sign', () => {
    expect(formatQuantity({ value: 270000, high: null, qualifier: 'exact', unit: 't' })).toBe('270,000 t');
    expect(formatQuantity({ value: 69, high: null, qualifier: 'approximately', unit: '%' })).toBe('~69%');
    expect(formatQuantity({ value: 5, high: null, qualifier: 'exact', unit: '' })).toBe('5');
  });
});

describe('formatSource', () => {
  it('names a cited report with its edition and page', () => {
    expect(
      formatSource({ kind: 'citation', title: 'USGS Mineral Commodity Summaries', publisher: 'USGS', edition: '2025', url: null, page: '145' })
    ).toBe('USGS Mineral Commodity Summaries, 2025 edition, p. 145');
    expect(formatSource({ kind: 'citation', title: null, publisher: 'IEA', edition: null, url: null, page: null })).toBe('IEA');
  });

  it('quotes a highlight briefly', () => {
    const text = formatSource({
      kind: 'highlight',
      highlightId: 'h',
      articleId: 'a',
      articleTitle: 'Who controls rare earths?',
      quote: 'Chinese mines produced an estimated 270,000 tons in 2024, about 69 percent of a world total of roughly 390,000 tons'
    });
    expect(text.startsWith('Who controls rare earths? — “Chinese mines produced an estimated 270,000 tons')).toBe(true);
    expect(text.endsWith('…”')).toBe(true);
  });

  it('shows a dash for no source', () => {
    expect(formatSource({ kind: 'none' })).toBe('—');
  });
});

describe('formatExactNumber', () => {
  it('keeps every digit and groups thousands', () => {
    expect(formatExactNumber(270000)).toBe('270,000');
    expect(formatExactNumber(1234567.125)).toBe('1,234,567.125');
    expect(formatExactNumber(0.00000012)).toBe('1.2e-7');
    expect(formatExactNumber(-1500)).toBe('-1,500');
    expect(formatExactNumber(0.1)).toBe('0.1');
  });

  it('is what the value editor starts with', () => {
    expect(valueEditText({ value: 0.1234567, high: null, qualifier: 'approximately' })).toBe('~0.1234567');
  });
});

describe('small formats', () => {
  it('reads a bare year as an edition', () => {
    expect(formatEdition('2024')).toBe('2024 edition');
    expect(formatEdition('3rd edition')).toBe('3rd edition');
  });

  it('shortens a quote at a word', () => {
    expect(shortQuote('short')).toBe('short');
    expect(shortQuote('one two three four five six', 15)).toBe('one two three…');
  });
});

describe('parseValueEdit', () => {
  it('reads back what the cell shows', () => {
    for (const figure of [
      { value: 270000, high: null, qualifier: 'exact' as const },
      { value: 69, high: null, qualifier: 'approximately' as const },
      { value: 90, high: null, qualifier: 'at_least' as const },
      { value: 10, high: null, qualifier: 'at_most' as const },
      { value: 35, high: 40, qualifier: 'range' as const }
    ]) {
      const edit = parseValueEdit(valueEditText(figure));
      expect(edit.qualifier).toBe(figure.qualifier);
      expect(Number(edit.value.replace(/,/g, ''))).toBe(figure.value);
      expect(edit.high === null ? null : Number(edit.high)).toBe(figure.high);
    }
  });

  it('understands what people type', () => {
    expect(parseValueEdit(' 280000 ')).toEqual({ value: '280000', high: null, qualifier: 'exact' });
    expect(parseValueEdit('about 3.8')).toEqual({ value: '3.8', high: null, qualifier: 'approximately' });
    expect(parseValueEdit('>= 90')).toEqual({ value: '90', high: null, qualifier: 'at_least' });
    expect(parseValueEdit('<=5')).toEqual({ value: '5', high: null, qualifier: 'at_most' });
    expect(parseValueEdit('35 to 40')).toEqual({ value: '35', high: '40', qualifier: 'range' });
    expect(parseValueEdit('35-40')).toEqual({ value: '35', high: '40', qualifier: 'range' });
    expect(parseValueEdit('1,200 – 1,500')).toEqual({ value: '1,200', high: '1,500', qualifier: 'range' });
  });

  it('keeps a negative number and an exponent whole', () => {
    expect(parseValueEdit('-3')).toEqual({ value: '-3', high: null, qualifier: 'exact' });
    expect(parseValueEdit('1e-5')).toEqual({ value: '1e-5', high: null, qualifier: 'exact' });
  });

  it('passes text that is not a number on for core to refuse by name', () => {
    expect(parseValueEdit('lots')).toEqual({ value: 'lots', high: null, qualifier: 'exact' });
  });
});
