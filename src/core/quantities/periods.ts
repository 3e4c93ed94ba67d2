// Periods a figure refers to: the year, half, quarter, month or day a number is "for", or a span of
// them. Every period has one canonical spelling so that "March 2024", "Mar 2024" and "2024-03" are
// the same key when figures are grouped and charted.
//
// Pure by design (no Node, DOM or database): it also runs in the renderer to pre-fill forms.
//
// Conventions:
// - Canonical forms: 2024, 2024-H1, 2024-Q1, 2024-03, 2024-03-14, and START/END for a span
//   (2020/2024, 2023-07/2024-06). A span whose ends are the same period is that period.
// - Fiscal years ("FY2024") are refused with an explanation: they start in different months for
//   different organisations, and filing one under the calendar year would silently misalign it
//   with calendar-year figures. The analyst enters the months it covers instead.
// - Split years ("2023-24", "2023/24") are refused too, for the same reason: they usually mean a
//   season or fiscal year, not two whole calendar years.
// - findPeriod returns the first period a sentence mentions, not the latest: in reporting the period
//   a figure is "for" usually comes first ("In 2024, China mined 270,000 t, up from … in 2023").
import { AssayError } from '../../shared/errors';
import { matchUnitAt } from './units';

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'date' | 'range';

export interface Period {
  canonical: string;
  kind: PeriodKind;
  /** ISO date of the first day. */
  start: string;
  /** ISO date of the last day, inclusive. */
  end: string;
}

export interface PeriodMention {
  period: Period;
  /** The words that mention it, e.g. "March 2024" or "between 2020 and 2024". */
  text: string;
  start: number;
  end: number;
}

const USAGE = 'Use YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD or START/END.';
const FISCAL_USAGE = 'Enter the months it covers as START/END, e.g. 2023-07/2024-06.';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_BY_NAME = new Map<string, number>();
MONTH_NAMES.forEach((name, index) => {
  MONTH_BY_NAME.set(name.toLowerCase(), index + 1);
  MONTH_BY_NAME.set(name.slice(0, 3).toLowerCase(), index + 1);
});
MONTH_BY_NAME.set('sept', 9);
// Full names before their abbreviations, so "June" is not read as "Jun" followed by "e".
const MONTH_PATTERN = `(${[...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;

const ORDINALS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };

// Years a bare four-digit number in a sentence is taken to be. Outside it, "1500" or "2500" is more
// likely an amount than a year.
export const PLAUSIBLE_YEARS = { min: 1800, max: 2100 };

/** Something recognisable as a period but wrong; the message names what is wrong. */
class PeriodProblem extends Error {
  constructor(
    message: string,
    readonly usage: string = USAGE
  ) {
    super(message);
  }
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');
const isoDate = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function checkYear(year: number): void {
  if (year < 1) throw new PeriodProblem('year 0 does not exist');
}

function checkMonth(month: number): void {
  if (month < 1 || month > 12) throw new PeriodProblem(`month ${month} does not exist`);
}

function yearPeriod(year: number): Period {
  checkYear(year);
  return { canonical: pad(year, 4), kind: 'year', start: isoDate(year, 1, 1), end: isoDate(year, 12, 31) };
}

function halfPeriod(year: number, half: number): Period {
  checkYear(year);
  if (half < 1 || half > 2) throw new PeriodProblem(`half ${half} does not exist (halves are H1 and H2)`);
  const firstMonth = half === 1 ? 1 : 7;
  return {
    canonical: `${pad(year, 4)}-H${half}`,
    kind: 'half',
    start: isoDate(year, firstMonth, 1),
    end: isoDate(year, firstMonth + 5, daysInMonth(year, firstMonth + 5))
  };
}

function quarterPeriod(year: number, quarter: number): Period {
  checkYear(year);
  if (quarter < 1 || quarter > 4) throw new PeriodProblem(`quarter ${quarter} does not exist (quarters are Q1 to Q4)`);
  const firstMonth = (quarter - 1) * 3 + 1;
  return {
    canonical: `${pad(year, 4)}-Q${quarter}`,
    kind: 'quarter',
    start: isoDate(year, firstMonth, 1),
    end: isoDate(year, firstMonth + 2, daysInMonth(year, firstMonth + 2))
  };
}

function monthPeriod(year: number, month: number): Period {
  checkYear(year);
  checkMonth(month);
  return {
    canonical: `${pad(year, 4)}-${pad(month, 2)}`,
    kind: 'month',
    start: isoDate(year, month, 1),
    end: isoDate(year, month, daysInMonth(year, month))
  };
}

function datePeriod(year: number, month: number, day: number): Period {
  checkYear(year);
  checkMonth(month);
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    const leapNote = month === 2 && day === 29 ? ` (${year} is not a leap year)` : '';
    throw new PeriodProblem(`day ${day} does not exist in ${MONTH_NAMES[month - 1]} ${year}${leapNote}`);
  }
  const canonical = isoDate(year, month, day);
  return { canonical, kind: 'date', start: canonical, end: canonical };
}

function rangePeriod(first: Period, last: Period): Period {
  if (last.end < first.start) {
    throw new PeriodProblem(`it ends before it starts (${last.canonical} comes before ${first.canonical})`);
  }
  if (last.start < first.start || last.end < first.end) {
    throw new PeriodProblem(`its end ${last.canonical} does not come after its start ${first.canonical}`);
  }
  if (first.canonical === last.canonical) return first;
  return { canonical: `${first.canonical}/${last.canonical}`, kind: 'range', start: first.start, end: last.end };
}

function monthNumber(name: string): number {
  return MONTH_BY_NAME.get(name.toLowerCase().replace(/\.$/, ''))!;
}

type Rule = [RegExp, (match: RegExpExecArray) => Period];

// One grammar for a whole field (parsePeriod) and for spans inside a sentence (findPeriodMentions).
const SINGLE_RULES: Rule[] = [
  [/^(\d{4})$/, (m) => yearPeriod(+m[1])],
  [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, (m) => datePeriod(+m[1], +m[2], +m[3])],
  [/^(\d{4})-(\d{1,2})$/, (m) => monthPeriod(+m[1], +m[2])],
  [/^(\d{4}) ?-? ?Q(\d)$/i, (m) => quarterPeriod(+m[1], +m[2])],
  [/^Q(\d) ?-? ?(\d{4})$/i, (m) => quarterPeriod(+m[2], +m[1])],
  [/^(\d{4}) ?-? ?H(\d)$/i, (m) => halfPeriod(+m[1], +m[2])],
  [/^H(\d) ?-? ?(\d{4})$/i, (m) => halfPeriod(+m[2], +m[1])],
  [new RegExp(`^${MONTH_PATTERN},? (\\d{4})$`, 'i'), (m) => monthPeriod(+m[2], monthNumber(m[1]))],
  [new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)? ${MONTH_PATTERN},? (\\d{4})$`, 'i'), (m) => datePeriod(+m[3], monthNumber(m[2]), +m[1])],
  [new RegExp(`^${MONTH_PATTERN} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})$`, 'i'), (m) => datePeriod(+m[3], monthNumber(m[1]), +m[2])],
  [/^(?:the )?(first|second|third|fourth|1st|2nd|3rd|4th)[ -]quarter(?: of)? (\d{4})$/i, (m) => quarterPeriod(+m[2], ORDINALS[m[1].toLowerCase()])],
  [/^(?:the )?(first|second|1st|2nd)[ -]half(?: of)? (\d{4})$/i, (m) => halfPeriod(+m[2], ORDINALS[m[1].toLowerCase()])]
];

function parseSingle(text: string, subject: string): Period {
  if (/^FY ?'?\d{2,4}$/i.test(text)) {
    throw new PeriodProblem(`${subject === 'it' ? 'it is' : `${subject} is`} a fiscal year, and fiscal years start in different months for different organisations`, FISCAL_USAGE);
  }
  for (const [pattern, build] of SINGLE_RULES) {
    const match = pattern.exec(text);
    if (match) return build(match);
  }
  if (!/\d{4}/.test(text)) throw new PeriodProblem(`${subject} has no four-digit year`);
  throw new PeriodProblem(`${subject} is not in a recognised form`);
}

function splitRange(text: string): string[] {
  if (text.includes('/')) return text.split('/').map((part) => part.trim());
  if (/[–—]/.test(text)) return text.split(/[–—]/).map((part) => part.trim());
  if (/ to /i.test(text)) return text.split(/ to /i).map((part) => part.trim());
  // An ASCII hyphen also separates the parts of 2024-03, so it only splits two whole years.
  const years = /^(\d{4}) ?- ?(\d{4})$/.exec(text);
  if (years) return [years[1], years[2]];
  return [text];
}

function parseWhole(text: string): Period {
  // "2023-24" names the year after 2023; "2024-13" is a mistyped month and gets the month message.
  const splitYear = /^(\d{4}) ?[-/–—] ?(\d{2})$/.exec(text);
  if (splitYear && +splitYear[2] === (+splitYear[1] + 1) % 100) {
    const second = pad(+splitYear[1] + 1, 4);
    throw new PeriodProblem(
      `it looks like a split year (a season or fiscal year); for the calendar years write ${splitYear[1]}/${second}, for exact months START/END such as ${splitYear[1]}-07/${second}-06`
    );
  }
  const parts = splitRange(text);
  if (parts.length > 2) throw new PeriodProblem('a span has exactly one start and one end');
  if (parts.length === 1) return parseSingle(text, 'it');
  const [first, last] = parts;
  if (!first) throw new PeriodProblem('the start of the span is missing');
  if (!last) throw new PeriodProblem('the end of the span is missing');
  return rangePeriod(parseSingle(first, `"${first}"`), parseSingle(last, `"${last}"`));
}

/** Parses a period typed into a field; throws AssayError('invalid_input') naming what is wrong. */
export function parsePeriod(text: string): Period {
  const input = text.trim().replace(/\s+/g, ' ');
  if (input === '') throw new AssayError('invalid_input', `The period is empty. ${USAGE}`);
  try {
    return parseWhole(input);
  } catch (error) {
    if (error instanceof PeriodProblem) {
      throw new AssayError('invalid_input', `"${input}" is not a period: ${error.message}. ${error.usage}`);
    }
    throw error;
  }
}

export function tryParsePeriod(text: string): Period | null {
  try {
    return parsePeriod(text);
  } catch (error) {
    if (error instanceof AssayError) return null;
    throw error;
  }
}

// In running text. `null` marks a span that looks like a period but is not one we accept (a fiscal
// year, a split year, 31 April): it is skipped whole, so its digits are not read as a bare year.
type MentionRule = [RegExp, (match: RegExpExecArray, text: string) => Period | null | undefined];

const START = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';
const mention = (body: string) => new RegExp(`${START}${body}${END}`, 'giu');

function plausibleYear(text: string): boolean {
  const year = +text;
  return year >= PLAUSIBLE_YEARS.min && year <= PLAUSIBLE_YEARS.max;
}

function followedByUnit(match: RegExpExecArray, text: string): boolean {
  const end = match.index + match[0].length;
  return matchUnitAt(text, end + (/^[ \u00A0]/.test(text.slice(end, end + 1)) ? 1 : 0)) !== null;
}

function yearRange(match: RegExpExecArray, text: string): Period | undefined {
  const [, first, last] = match;
  // "1900–2000 t" is a range of amounts.
  if (!plausibleYear(first) || !plausibleYear(last) || followedByUnit(match, text)) return undefined;
  return +last >= +first ? rangePeriod(yearPeriod(+first), yearPeriod(+last)) : undefined;
}

function fromSingle(match: RegExpExecArray): Period | null {
  try {
    return parseSingle(match[0].replace(/\s+/g, ' '), 'it');
  } catch {
    return null;
  }
}

function bareYear(match: RegExpExecArray, text: string): Period | undefined {
  if (!plausibleYear(match[1])) return undefined;
  const before = text.slice(Math.max(0, match.index - 2), match.index);
  const after = text.slice(match.index + 4, match.index + 6);
  // Part of a larger number (1,2024 or 2024.5), a percentage or an amount of money.
  if (/\d[.,]$|[$€£¥]$/.test(before) || /^[.,]\d|^%/.test(after)) return undefined;
  // "2024 t" is an amount that happens to be 2024, not a year.
  if (followedByUnit(match, text)) return undefined;
  return yearPeriod(+match[1]);
}

const MENTION_RULES: MentionRule[] = [
  [mention('between (\\d{4}) and (\\d{4})'), yearRange],
  [mention('from (\\d{4}) to (\\d{4})'), yearRange],
  [mention('(\\d{4}) ?[-–—/] ?(\\d{4})'), yearRange],
  [mention('(\\d{4}) ?([-–—/]) ?(\\d{2})'), (m) => (m[2] === '-' && +m[3] <= 12 ? undefined : null)],
  [mention("FY ?'?\\d{2,4}"), () => null],
  [mention('\\d{4}-\\d{1,2}-\\d{1,2}'), fromSingle],
  [mention('\\d{4}-\\d{2}'), fromSingle],
  [mention('\\d{4}-?Q\\d'), fromSingle],
  [mention('Q\\d[ -]?\\d{4}'), fromSingle],
  [mention('\\d{4}-?H\\d'), fromSingle],
  [mention('H\\d[ -]?\\d{4}'), fromSingle],
  [mention('(?:first|second|third|fourth|1st|2nd|3rd|4th)[ -]quarter(?: of)?\\s+\\d{4}'), fromSingle],
  [mention('(?:first|second|1st|2nd)[ -]half(?: of)?\\s+\\d{4}'), fromSingle],
  [mention(`\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH_PATTERN},?\\s+\\d{4}`), fromSingle],
  [mention(`${MONTH_PATTERN}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`), fromSingle],
  [mention(`${MONTH_PATTERN},?\\s+\\d{4}`), fromSingle],
  [mention('(\\d{4})'), bareYear]
];

/** Every period a sentence mentions, in order, without overlaps (the longest reading wins). */
export function findPeriodMentions(text: string): PeriodMention[] {
  const candidates: { start: number; end: number; period: Period | null }[] = [];
  for (const [pattern, build] of MENTION_RULES) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const period = build(match, text);
      if (period !== undefined) candidates.push({ start: match.index, end: match.index + match[0].length, period });
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const mentions: PeriodMention[] = [];
  let taken = 0;
  for (const candidate of candidates) {
    if (candidate.start < taken) continue;
    taken = candidate.end;
    if (candidate.period) {
      mentions.push({ period: candidate.period, text: text.slice(candidate.start, candidate.end), start: candidate.start, end: candidate.end });
    }
  }
  return mentions;
}

/** The first period a highlighted sentence mentions ("in March 2024" → 2024-03), or null. */
export function findPeriod(text: string): Period | null {
  return findPeriodMentions(text)[0]?.period ?? null;
}
