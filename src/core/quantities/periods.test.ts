import { describe, expect, it } from 'vitest';
import { AssayError } from '../../shared/errors';
import { findPeriod, findPeriodMentions, parsePeriod, tryParsePeriod, type PeriodKind } from './periods';

const USAGE = 'Use YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD or START/END.';

describe('parsePeriod', () => {
  it.each<{ input: string; canonical: string; kind: PeriodKind; start: string; end: string }>([
    { input: '2024', canonical: '2024', kind: 'year', start: '2024-01-01', end: '2024-12-31' },
    { input: ' 2023 ', canonical: '2023', kind: 'year', start: '2023-01-01', end: '2023-12-31' },
    { input: '2024-Q1', canonical: '2024-Q1', kind: 'quarter', start: '2024-01-01', end: '2024-03-31' },
    { input: '2024Q4', canonical: '2024-Q4', kind: 'quarter', start: '2024-10-01', end: '2024-12-31' },
    { input: 'Q1 2024', canonical: '2024-Q1', kind: 'quarter', start: '2024-01-01', end: '2024-03-31' },
    { input: 'q3 2024', canonical: '2024-Q3', kind: 'quarter', start: '2024-07-01', end: '2024-09-30' },
    { input: 'third quarter of 2024', canonical: '2024-Q3', kind: 'quarter', start: '2024-07-01', end: '2024-09-30' },
    { input: '2024-H1', canonical: '2024-H1', kind: 'half', start: '2024-01-01', end: '2024-06-30' },
    { input: 'H2 2024', canonical: '2024-H2', kind: 'half', start: '2024-07-01', end: '2024-12-31' },
    { input: 'the first half of 2024', canonical: '2024-H1', kind: 'half', start: '2024-01-01', end: '2024-06-30' },
    { input: '2024-03', canonical: '2024-03', kind: 'month', start: '2024-03-01', end: '2024-03-31' },
    { input: '2024-3', canonical: '2024-03', kind: 'month', start: '2024-03-01', end: '2024-03-31' },
    { input: '2024-02', canonical: '2024-02', kind: 'month', start: '2024-02-01', end: '2024-02-29' },
    { input: '2023-02', canonical: '2023-02', kind: 'month', start: '2023-02-01', end: '2023-02-28' },
    { input: 'March 2024', canonical: '2024-03', kind: 'month', start: '2024-03-01', end: '2024-03-31' },
    { input: 'Mar 2024', canonical: '2024-03', kind: 'month', start: '2024-03-01', end: '2024-03-31' },
    { input: 'Sept. 2024', canonical: '2024-09', kind: 'month', start: '2024-09-01', end: '2024-09-30' },
    { input: '2024-03-14', canonical: '2024-03-14', kind: 'date', start: '2024-03-14', end: '2024-03-14' },
    { input: '2024-02-29', canonical: '2024-02-29', kind: 'date', start: '2024-02-29', end: '2024-02-29' },
    { input: '14 March 2024', canonical: '2024-03-14', kind: 'date', start: '2024-03-14', end: '2024-03-14' },
    { input: 'March 14, 2024', canonical: '2024-03-14', kind: 'date', start: '2024-03-14', end: '2024-03-14' },
    { input: '1st Dec 2023', canonical: '2023-12-01', kind: 'date', start: '2023-12-01', end: '2023-12-01' },
    { input: '2020/2024', canonical: '2020/2024', kind: 'range', start: '2020-01-01', end: '2024-12-31' },
    { input: '2020–2024', canonical: '2020/2024', kind: 'range', start: '2020-01-01', end: '2024-12-31' },
    { input: '2020-2024', canonical: '2020/2024', kind: 'range', start: '2020-01-01', end: '2024-12-31' },
    { input: '2020 to 2024', canonical: '2020/2024', kind: 'range', start: '2020-01-01', end: '2024-12-31' },
    { input: '2023-07/2024-06', canonical: '2023-07/2024-06', kind: 'range', start: '2023-07-01', end: '2024-06-30' },
    { input: 'Q3 2023 – Q2 2024', canonical: '2023-Q3/2024-Q2', kind: 'range', start: '2023-07-01', end: '2024-06-30' },
    { input: '2024/2024', canonical: '2024', kind: 'year', start: '2024-01-01', end: '2024-12-31' }
  ])('reads "$input" as $canonical', ({ input, ...expected }) => {
    expect(parsePeriod(input)).toEqual(expected);
  });

  it.each([
    { input: '2024-13', message: `"2024-13" is not a period: month 13 does not exist. ${USAGE}` },
    { input: '2024-00', message: `"2024-00" is not a period: month 0 does not exist. ${USAGE}` },
    { input: '2023-02-29', message: `"2023-02-29" is not a period: day 29 does not exist in February 2023 (2023 is not a leap year). ${USAGE}` },
    { input: '2024-04-31', message: `"2024-04-31" is not a period: day 31 does not exist in April 2024. ${USAGE}` },
    { input: '31 April 2024', message: `"31 April 2024" is not a period: day 31 does not exist in April 2024. ${USAGE}` },
    { input: '2024-Q5', message: `"2024-Q5" is not a period: quarter 5 does not exist (quarters are Q1 to Q4). ${USAGE}` },
    { input: 'H3 2024', message: `"H3 2024" is not a period: half 3 does not exist (halves are H1 and H2). ${USAGE}` },
    { input: '2024/2020', message: `"2024/2020" is not a period: it ends before it starts (2020 comes before 2024). ${USAGE}` },
    { input: '2024/2024-03', message: `"2024/2024-03" is not a period: its end 2024-03 does not come after its start 2024. ${USAGE}` },
    { input: '', message: `The period is empty. ${USAGE}` },
    { input: '   ', message: `The period is empty. ${USAGE}` },
    { input: 'last year', message: `"last year" is not a period: it has no four-digit year. ${USAGE}` },
    { input: 'spring 2024', message: `"spring 2024" is not a period: it is not in a recognised form. ${USAGE}` },
    { input: '2020/', message: `"2020/" is not a period: the end of the span is missing. ${USAGE}` },
    { input: '2020/2022/2024', message: `"2020/2022/2024" is not a period: a span has exactly one start and one end. ${USAGE}` },
    { input: '2020/banana', message: `"2020/banana" is not a period: "banana" has no four-digit year. ${USAGE}` },
    { input: '0000', message: `"0000" is not a period: year 0 does not exist. ${USAGE}` },
    {
      input: 'FY2024',
      message: '"FY2024" is not a period: it is a fiscal year, and fiscal years start in different months for different organisations. Enter the months it covers as START/END, e.g. 2023-07/2024-06.'
    },
    {
      input: '2023-24',
      message: `"2023-24" is not a period: it looks like a split year (a season or fiscal year); for the calendar years write 2023/2024, for exact months START/END such as 2023-07/2024-06. ${USAGE}`
    },
    {
      input: '2099/00',
      message: `"2099/00" is not a period: it looks like a split year (a season or fiscal year); for the calendar years write 2099/2100, for exact months START/END such as 2099-07/2100-06. ${USAGE}`
    }
  ])('refuses "$input" and says why', ({ input, message }) => {
    let thrown: unknown;
    try {
      parsePeriod(input);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AssayError);
    expect(thrown).toMatchObject({ code: 'invalid_input', message });
  });
});

describe('tryParsePeriod', () => {
  it('returns the period or null instead of throwing', () => {
    expect(tryParsePeriod('2024-Q2')?.canonical).toBe('2024-Q2');
    expect(tryParsePeriod('2024-13')).toBeNull();
    expect(tryParsePeriod('')).toBeNull();
  });
});

describe('findPeriod', () => {
  it.each([
    { text: 'China mined 270,000 t in 2024.', canonical: '2024' },
    { text: 'Oxide prices peaked in March 2024.', canonical: '2024-03' },
    { text: 'Prices peaked on 14 March 2024, then fell.', canonical: '2024-03-14' },
    { text: 'Prices peaked on March 14, 2024, then fell.', canonical: '2024-03-14' },
    { text: 'Imports fell in Q3 2024.', canonical: '2024-Q3' },
    { text: 'Output grew in the first half of 2024.', canonical: '2024-H1' },
    { text: 'Quotas were raised between 2020 and 2024.', canonical: '2020/2024' },
    { text: 'Output grew over 2020–2024.', canonical: '2020/2024' },
    { text: 'In 2024, China mined 270,000 t, up from 255,000 t in 2023.', canonical: '2024' },
    { text: 'Construction starts in mid-2025.', canonical: '2025' },
    { text: 'The 2023-24 season was dry, and 2025 looks better.', canonical: '2025' },
    { text: 'Results for FY2024 were flat; 2025 guidance rose.', canonical: '2025' }
  ])('finds $canonical in "$text"', ({ text, canonical }) => {
    expect(findPeriod(text)?.canonical).toBe(canonical);
  });

  it.each([
    'No period is named here.',
    'Output reached 2024 t of concentrate.',
    'The stake was worth $2024 million.',
    'The decade of the 2020s.',
    'Results for FY2024 were flat.',
    'Up to 1,2024 units.'
  ])('finds no period in "%s"', (text) => {
    expect(findPeriod(text)).toBeNull();
  });

  it('reports where each period is mentioned', () => {
    const text = 'From Q1 2024 to March 2025 prices doubled; 2023 was flat.';
    expect(findPeriodMentions(text).map((m) => [m.period.canonical, m.text, text.slice(m.start, m.end)])).toEqual([
      ['2024-Q1', 'Q1 2024', 'Q1 2024'],
      ['2025-03', 'March 2025', 'March 2025'],
      ['2023', '2023', '2023']
    ]);
  });
});
