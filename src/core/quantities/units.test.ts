import { describe, expect, it } from 'vitest';
import { AssayError } from '../../shared/errors';
import {
  compareQuantities,
  convert,
  formatQuantity,
  listUnits,
  lookupScale,
  lookupUnit,
  matchPrefixCurrencyBefore,
  matchUnitAt,
  normalise,
  resolveUnit,
  sameQuantity
} from './units';

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('lookupUnit', () => {
  it.each([
    { text: '%', symbol: '%', dimension: 'ratio' },
    { text: 'percent', symbol: '%', dimension: 'ratio' },
    { text: 'Per  Cent', symbol: '%', dimension: 'ratio' },
    { text: 'fraction', symbol: 'fraction', dimension: 'ratio' },
    { text: 'percentage points', symbol: 'pp', dimension: 'percentage-points' },
    { text: 'pp', symbol: 'pp', dimension: 'percentage-points' },
    { text: 'bps', symbol: 'bp', dimension: 'percentage-points' },
    { text: 't', symbol: 't', dimension: 'mass' },
    { text: 'tonnes', symbol: 't', dimension: 'mass' },
    { text: 'ton', symbol: 't', dimension: 'mass' },
    { text: 'metric tons', symbol: 't', dimension: 'mass' },
    { text: 'MT', symbol: 't', dimension: 'mass' },
    { text: 'mt', symbol: 't', dimension: 'mass' },
    { text: 'Mt', symbol: 'Mt', dimension: 'mass' },
    { text: 'megatonnes', symbol: 'Mt', dimension: 'mass' },
    { text: 'KT', symbol: 'kt', dimension: 'mass' },
    { text: 'kg', symbol: 'kg', dimension: 'mass' },
    { text: 'lbs', symbol: 'lb', dimension: 'mass' },
    { text: 'short tons', symbol: 'short ton', dimension: 'mass' },
    { text: '$', symbol: 'USD', dimension: 'currency:USD' },
    { text: 'US$', symbol: 'USD', dimension: 'currency:USD' },
    { text: 'usd', symbol: 'USD', dimension: 'currency:USD' },
    { text: '€', symbol: 'EUR', dimension: 'currency:EUR' },
    { text: 'yuan', symbol: 'CNY', dimension: 'currency:CNY' },
    { text: 'RMB', symbol: 'CNY', dimension: 'currency:CNY' },
    { text: '¥', symbol: 'CNY', dimension: 'currency:CNY' },
    { text: 'yen', symbol: 'JPY', dimension: 'currency:JPY' },
    { text: '£', symbol: 'GBP', dimension: 'currency:GBP' },
    { text: 'A$', symbol: 'AUD', dimension: 'currency:AUD' },
    { text: 'USD/kg', symbol: 'USD/kg', dimension: 'price-per-mass:USD' },
    { text: '$/t', symbol: 'USD/t', dimension: 'price-per-mass:USD' },
    { text: 'US$ per tonne', symbol: 'USD/t', dimension: 'price-per-mass:USD' },
    { text: 'dollars a kilogram', symbol: 'USD/kg', dimension: 'price-per-mass:USD' },
    { text: 'CNY/t', symbol: 'CNY/t', dimension: 'price-per-mass:CNY' },
    { text: '€/kg', symbol: 'EUR/kg', dimension: 'price-per-mass:EUR' },
    { text: '', symbol: '', dimension: 'count' },
    { text: 'units', symbol: '', dimension: 'count' },
    { text: 'items', symbol: '', dimension: 'count' },
    { text: 'kWh', symbol: 'kWh', dimension: 'energy' },
    { text: 'TWh', symbol: 'TWh', dimension: 'energy' },
    { text: 'MW', symbol: 'MW', dimension: 'power' },
    { text: 'gigawatts', symbol: 'GW', dimension: 'power' },
    { text: 'L', symbol: 'L', dimension: 'volume' },
    { text: 'm³', symbol: 'm3', dimension: 'volume' },
    { text: 'x', symbol: '×', dimension: 'multiple' },
    { text: 'times', symbol: '×', dimension: 'multiple' }
  ])('knows "$text" as $symbol', ({ text, symbol, dimension }) => {
    expect(lookupUnit(text)).toMatchObject({ symbol, dimension });
  });

  // "pounds" is both sterling and mass in reporting; "G" and "T" are not grams or tonnes.
  it.each(['furlongs', 'pounds', 'G', 'T', 'metric', 'kg/USD', 'USD/%', 'million t'])('does not know "%s"', (text) => {
    expect(lookupUnit(text)).toBeNull();
  });
});

describe('resolveUnit', () => {
  it.each([
    { text: 'million t', symbol: 'million t', scale: 1e6 },
    { text: 'bn USD', symbol: 'billion USD', scale: 1e9 },
    { text: 'USD bn', symbol: 'billion USD', scale: 1e9 },
    { text: '$m', symbol: 'million USD', scale: 1e6 },
    { text: 'thousand tonnes', symbol: 'thousand t', scale: 1e3 },
    { text: 'million', symbol: 'million', scale: 1e6 },
    { text: 'kt', symbol: 'kt', scale: 1 }
  ])('reads "$text" as $symbol', ({ text, symbol, scale }) => {
    expect(resolveUnit(text)).toMatchObject({ symbol, scale });
  });

  it('takes single-letter scales only next to money', () => {
    expect(resolveUnit('m t')).toBeNull();
    expect(resolveUnit('k USD')).toMatchObject({ scale: 1e3, symbol: 'thousand USD' });
  });
});

describe('lookupScale', () => {
  it.each([
    ['thousand', 1e3], ['k', 1e3], ['million', 1e6], ['mn', 1e6], ['m', 1e6], ['billion', 1e9],
    ['bn', 1e9], ['b', 1e9], ['trillion', 1e12], ['tn', 1e12], ['Bn', 1e9]
  ] as const)('"%s" is %d', (word, scale) => {
    expect(lookupScale(word)).toBe(scale);
  });

  it('knows no other words', () => {
    expect(lookupScale('dozen')).toBeNull();
  });
});

describe('matching units in text', () => {
  it('prefers the longest spelling and stops at word boundaries', () => {
    expect(matchUnitAt('270,000 metric tons', 8)).toMatchObject({ unit: { symbol: 't' }, end: 19 });
    expect(matchUnitAt('5 to 10', 2)).toBeNull();
    expect(matchUnitAt('3.8Mt of ore', 3)).toMatchObject({ unit: { symbol: 'Mt' }, end: 5 });
    expect(matchUnitAt('60 dollars a kilogram', 3)).toMatchObject({ unit: { symbol: 'USD/kg' }, end: 21 });
  });

  it('reads a currency written before an amount, but not an unknown dollar', () => {
    expect(matchPrefixCurrencyBefore('cost US$45', 8)).toMatchObject({ unit: { symbol: 'USD' }, start: 5 });
    expect(matchPrefixCurrencyBefore('cost USD 45', 9)).toMatchObject({ unit: { symbol: 'USD' }, start: 5 });
    expect(matchPrefixCurrencyBefore('raised HK$5bn', 10)).toBeNull();
  });
});

describe('listUnits', () => {
  const units = listUnits();

  it('offers every dimension, with prices per mass in each currency', () => {
    const dimensions = new Set(units.map((unit) => unit.dimension));
    for (const dimension of ['ratio', 'percentage-points', 'mass', 'currency:USD', 'currency:CNY', 'price-per-mass:USD', 'count', 'energy', 'power', 'volume', 'multiple']) {
      expect(dimensions).toContain(dimension);
    }
    expect(units.map((unit) => unit.symbol)).toEqual(expect.arrayContaining(['%', 't', 'Mt', 'USD/kg', 'CNY/t', 'kWh', 'MW']));
  });

  it('lists each symbol once and every listed symbol looks itself up', () => {
    const symbols = units.map((unit) => unit.symbol);
    expect(new Set(symbols).size).toBe(symbols.length);
    for (const unit of units) expect(lookupUnit(unit.symbol)).toEqual(unit);
  });

  it('hands out copies', () => {
    units[0].factor = 42;
    expect(listUnits()[0].factor).not.toBe(42);
  });
});

describe('normalise', () => {
  it.each([
    { value: 3.8, unit: 'Mt', expected: { value: 3.8e9, baseUnit: 'kg', dimension: 'mass' } },
    { value: 270000, unit: 't', expected: { value: 2.7e8, baseUnit: 'kg', dimension: 'mass' } },
    { value: 12.5, unit: 'kt', expected: { value: 1.25e7, baseUnit: 'kg', dimension: 'mass' } },
    { value: 69.2, unit: '%', expected: { value: 0.692, baseUnit: 'fraction', dimension: 'ratio' } },
    { value: 5, unit: 'pp', expected: { value: 5, baseUnit: 'pp', dimension: 'percentage-points' } },
    { value: 25, unit: 'bp', expected: { value: 0.25, baseUnit: 'pp', dimension: 'percentage-points' } },
    { value: 1.2, unit: 'bn USD', expected: { value: 1.2e9, baseUnit: 'USD', dimension: 'currency:USD' } },
    { value: 60, unit: 'USD/t', expected: { value: 0.06, baseUnit: 'USD/kg', dimension: 'price-per-mass:USD' } },
    { value: 3.8, unit: 'million t', expected: { value: 3.8e9, baseUnit: 'kg', dimension: 'mass' } },
    { value: 2, unit: 'GWh', expected: { value: 2e6, baseUnit: 'kWh', dimension: 'energy' } },
    { value: 500, unit: 'L', expected: { value: 0.5, baseUnit: 'm3', dimension: 'volume' } },
    { value: 12, unit: '', expected: { value: 12, baseUnit: '', dimension: 'count' } }
  ])('$value $unit', ({ value, unit, expected }) => {
    expect(normalise(value, unit)).toEqual(expected);
  });

  it('names the unknown unit and suggests known ones', () => {
    const error = thrown(() => normalise(3, 'furlongs'));
    expect(error).toBeInstanceOf(AssayError);
    expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^Unknown unit "furlongs"; known units include %, pp, kg, t, /) });
  });

  it('refuses a value that is not a finite number', () => {
    expect(thrown(() => normalise(Number.NaN, 't'))).toMatchObject({ code: 'invalid_input' });
  });
});

describe('convert', () => {
  it.each([
    { value: 3.8, from: 'Mt', to: 't', expected: 3800000 },
    { value: 270000, from: 't', to: 'kt', expected: 270 },
    { value: 1, from: 'short ton', to: 'kg', expected: 907.18474 },
    { value: 69.2, from: '%', to: 'fraction', expected: 0.692 },
    { value: 0.692, from: 'fraction', to: '%', expected: 69.2 },
    { value: 60, from: 'USD/kg', to: 'USD/t', expected: 60000 },
    { value: 1.2, from: 'USD bn', to: 'USD', expected: 1.2e9 },
    { value: 1, from: 'TWh', to: 'GWh', expected: 1000 }
  ])('$value $from is $expected $to', ({ value, from, to, expected }) => {
    expect(convert(value, from, to)).toBe(expected);
  });

  it.each([
    { from: 't', to: 'USD', message: 'Cannot compare t with USD: mass and currency (USD) are different kinds of quantity' },
    {
      from: 'USD',
      to: 'EUR',
      message: 'Cannot compare USD with EUR: currency (USD) and currency (EUR) are different kinds of quantity; convert at a stated exchange rate first'
    },
    {
      from: '%',
      to: 'pp',
      message: 'Cannot compare % with pp: ratio and percentage points are different kinds of quantity; a change of 5 percentage points is not a change of 5 %'
    },
    { from: 'USD/kg', to: 'USD', message: 'Cannot compare USD/kg with USD: price per mass (USD) and currency (USD) are different kinds of quantity' },
    { from: '', to: 't', message: 'Cannot compare a bare number with t: count and mass are different kinds of quantity' }
  ])('refuses $from → $to', ({ from, to, message }) => {
    const error = thrown(() => convert(1, from, to));
    expect(error).toBeInstanceOf(AssayError);
    expect(error).toMatchObject({ code: 'invalid_input', message });
  });
});

describe('compareQuantities and sameQuantity', () => {
  it.each([
    { a: { value: 3.8, unit: 'Mt' }, b: { value: 3_800_000, unit: 't' }, order: 0 },
    { a: { value: 270, unit: 'kt' }, b: { value: 270_000, unit: 'tonnes' }, order: 0 },
    { a: { value: 69.2, unit: '%' }, b: { value: 0.692, unit: 'fraction' }, order: 0 },
    { a: { value: 0.1 + 0.2, unit: '' }, b: { value: 0.3, unit: 'units' }, order: 0 },
    { a: { value: 240_000, unit: 't' }, b: { value: 255_000, unit: 't' }, order: -1 },
    { a: { value: 1.2, unit: 'bn USD' }, b: { value: 900, unit: 'million USD' }, order: 1 },
    { a: { value: 60, unit: 'USD/kg' }, b: { value: 60_000, unit: 'USD/t' }, order: 0 }
  ])('$a.value $a.unit vs $b.value $b.unit', ({ a, b, order }) => {
    expect(Math.sign(compareQuantities(a, b))).toBe(order);
    expect(sameQuantity(a, b)).toBe(order === 0);
  });

  it('refuses to order different kinds of quantity', () => {
    expect(thrown(() => compareQuantities({ value: 1, unit: 't' }, { value: 1, unit: 'USD' }))).toMatchObject({
      code: 'invalid_input',
      message: 'Cannot compare t with USD: mass and currency (USD) are different kinds of quantity'
    });
  });

  it('answers false for different kinds and throws only for unknown units', () => {
    expect(sameQuantity({ value: 5, unit: '%' }, { value: 5, unit: 'pp' })).toBe(false);
    expect(thrown(() => sameQuantity({ value: 5, unit: 'furlongs' }, { value: 5, unit: 't' }))).toMatchObject({ code: 'invalid_input' });
  });

  it('accepts a looser tolerance for rounded figures', () => {
    const published = { value: 69.2, unit: '%' };
    const computed = { value: (270_000 / 390_000) * 100, unit: '%' };
    expect(sameQuantity(published, computed)).toBe(false);
    expect(sameQuantity(published, computed, 0.001)).toBe(true);
  });
});

describe('formatQuantity', () => {
  it.each([
    { value: 270000, unit: 't', text: '270,000 t' },
    { value: 270000, unit: 'tonnes', text: '270,000 t' },
    { value: 69.2, unit: '%', text: '69.2 %' },
    { value: -3, unit: '%', text: '\u22123 %' },
    { value: 1.2e9, unit: 'USD', text: 'USD 1,200,000,000' },
    { value: 1.2, unit: 'bn USD', text: 'USD 1.2 billion' },
    { value: 3.8, unit: 'million t', text: '3.8 million t' },
    { value: 60, unit: '$/kg', text: '60 USD/kg' },
    { value: 2, unit: 'x', text: '2×' },
    { value: 1000, unit: '', text: '1,000' },
    { value: 0.1 + 0.2, unit: '', text: '0.3' },
    { value: 12.5, unit: 'kt', text: '12.5 kt' }
  ])('$value $unit → "$text"', ({ value, unit, text }) => {
    expect(formatQuantity(value, unit)).toBe(text);
  });

  it('rounds when asked', () => {
    expect(formatQuantity(200 / 3, '%')).toBe('66.6666666666667 %');
    expect(formatQuantity(200 / 3, '%', { maximumFractionDigits: 1 })).toBe('66.7 %');
  });

  it('refuses an unknown unit', () => {
    expect(thrown(() => formatQuantity(1, 'furlongs'))).toMatchObject({ code: 'invalid_input' });
  });
});
