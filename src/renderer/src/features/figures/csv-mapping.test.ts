import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autoMapColumns, cleanDefaults, readCsvHeader, unfilledFields } from './csv-mapping';

const SAMPLE = join(import.meta.dirname, '../../../../../resources/sample/rare-earth-figures.csv');

describe('readCsvHeader', () => {
  it('reads the sample file’s columns', () => {
    expect(readCsvHeader(readFileSync(SAMPLE, 'utf8'))).toEqual([
      'metric',
      'entity',
      'period',
      'value',
      'unit',
      'basis',
      'source',
      'edition',
      'note'
    ]);
  });

  it('handles a byte-order mark, quotes, spaces and other delimiters', () => {
    expect(readCsvHeader('\uFEFF"Metric","Entity, name", Value \r\na,b,1\r\n')).toEqual(['Metric', 'Entity, name', 'Value']);
    expect(readCsvHeader('metric;entity;value;unit;period\nx;y;1;t;2024\n')).toEqual(['metric', 'entity', 'value', 'unit', 'period']);
    expect(readCsvHeader('metric\tentity\tvalue\nx\ty\t1\n')).toEqual(['metric', 'entity', 'value']);
  });

  it('skips blank leading lines and blank column names', () => {
    expect(readCsvHeader('\n\nmetric,,value\n')).toEqual(['metric', 'value']);
    expect(readCsvHeader('')).toEqual([]);
  });
});

describe('autoMapColumns', () => {
  it('maps the sample file completely', () => {
    expect(autoMapColumns(['metric', 'entity', 'period', 'value', 'unit', 'basis', 'source', 'edition', 'note'])).toEqual({
      metric: 'metric',
      entity: 'entity',
      period: 'period',
      value: 'value',
      unit: 'unit',
      basis: 'basis',
      citationTitle: 'source',
      citationEdition: 'edition',
      notes: 'note'
    });
  });

  it('matches names without regard to case, spaces and underscores', () => {
    expect(autoMapColumns(['Country', 'Year', 'Amount', 'Units', 'Publisher', 'URL', 'Page', 'Qualifier', 'High', 'Notes'])).toEqual({
      entity: 'Country',
      period: 'Year',
      value: 'Amount',
      unit: 'Units',
      citationPublisher: 'Publisher',
      citationUrl: 'URL',
      citationPage: 'Page',
      qualifier: 'Qualifier',
      high: 'High',
      notes: 'Notes'
    });
    expect(autoMapColumns(['citation_title', 'Citation Edition', 'source'])).toEqual({
      citationTitle: 'citation_title',
      citationEdition: 'Citation Edition'
    });
  });

  it('prefers a field’s own name over a synonym and uses a column once', () => {
    expect(autoMapColumns(['year', 'period'])).toEqual({ period: 'period' });
    expect(autoMapColumns(['value', 'low'])).toEqual({ value: 'value' });
  });

  it('leaves unknown columns unmapped', () => {
    expect(autoMapColumns(['foo', 'bar'])).toEqual({});
  });
});

describe('required fields', () => {
  it('counts a default as filling a field', () => {
    expect(unfilledFields({ metric: 'm', entity: 'e', value: 'v' }, { unit: 't', period: ' ' })).toEqual(['period']);
  });

  it('drops blank defaults', () => {
    expect(cleanDefaults({ unit: ' t ', period: '', notes: '  ' })).toEqual({ unit: 't' });
  });
});
