// Number-first entry: reads the quantities in a highlighted sentence so the figure form can be
// pre-filled. A suggestion the analyst confirms, never a value stored unseen, so when a phrase is
// ambiguous the parser prefers to leave a part out (no unit, no quantity) over guessing wrong.
//
// Pure by design (no Node, DOM or database): it also runs in the renderer for live form pre-fill.
//
// Conventions:
// - Qualifiers (one reading each, so figures compare consistently):
//     approximately: about, around, roughly, approximately, some, nearly, almost, close to, circa,
//                    c., ~, ≈, an estimated, estimated at, in the region of, "… or so"
//     at_least:      more than, over, above, at least, upwards of, well over, just over,
//                    in excess of, greater than, no less than, north of, "… or more", "100,000+"
//     at_most:       less than, under, below, up to, no more than, fewer than, just under,
//                    well under, at most, as much as, as many as, as high as, "… or less"
//     range:         between X and Y, from X to Y, X–Y, X-Y, "X to Y" (see below)
//   "Nearly 70%" is approximately 70, not at most 70: reporters use "nearly" for a rounded figure,
//   and reading it as a bound would accept "nearly 70%" for 10%. "Just under" and "just over" keep
//   their direction because the direction is the claim. Strict and non-strict bounds ("more than"
//   vs "at least") are not distinguished.
// - A range is stored low to high whatever the order written, so "from 255,000 to 240,000 t" is
//   240,000–255,000 t (a change's direction is the sentence's business, not the figure's).
//   "X to Y" without "from" is a range only when the unit is written once, after Y ("35 to 40 per
//   cent"): "rose 3% to 45%" is a change and a level, so it yields two quantities.
// - "%" keeps the number as written: "69.2 %" is value 69.2, unit "%". Fractions in words become
//   percentages: "a fifth" is 20 %, "two-thirds" 66.67 %, "one in five" 20 %, "nine out of ten" 90 %.
// - Multiples ("twice", "double", "3x", "1.5 times", "tenfold") are value × (unit "×"), kept apart
//   from percentages because "doubled" and "up 100 %" are easy to conflate and both get misquoted.
// - Scale words multiply the value: "3.8 million t" is 3,800,000 t, "$1.2 bn" is 1,200,000,000 USD.
//   "m", "k" and "b" are scales only glued to a number ("£3m", "45k"). "3.8Mt" keeps its unit Mt.
// - Signs: only a real minus (U+2212) makes a value negative. An ASCII hyphen before a number is a
//   dash in running text ("35-40", "-3%" in a list), so "-3%" and "fell 3%" are both 3 %.
// - Numbers: "," groups thousands and "." is the decimal point. Spaces (including thin and
//   no-break spaces) group thousands in "45 000". The European forms are read only when they cannot
//   be anything else: "1.000,5" (dots grouping threes, comma decimal) and "1.000.000". A lone
//   "1.000" is one, as in English.
// - Years are periods, not values: a bare 2024 (four digits, 1800–2100, no unit, no scale) is
//   never a quantity, nor after a preposition-like qualifier ("over 2024", "circa 2020"). With a unit
//   ("2024 t") or a counting qualifier ("fewer than 2000") it is.
// - Number words without a unit, scale or qualifier ("one of the largest", "two companies") are not
//   quantities; "two hundred", "ten million" and "nine percent" are.
// - parseQuantity returns the first quantity that has a unit, else the first quantity: "In 2024,
//   3 mines produced 270,000 t" pre-fills 270,000 t.
import { PLAUSIBLE_YEARS, findPeriodMentions } from './periods';
import {
  lookupScale,
  lookupUnit,
  matchMassDenominatorAt,
  matchPrefixCurrencyAt,
  matchPrefixCurrencyBefore,
  matchUnitAt,
  type UnitInfo
} from './units';

export type QuantityQualifier = 'exact' | 'approximately' | 'at_least' | 'at_most' | 'range';

export interface ParsedQuantity {
  value: number;
  /** The top of a range; null unless qualifier is 'range'. */
  high: number | null;
  /** Catalogue symbol ("t", "%", "USD", "USD/kg", "×"); '' for a bare number. */
  unit: string;
  qualifier: QuantityQualifier;
  /** The matched phrase, qualifier words included. */
  text: string;
  start: number;
  end: number;
}

const QUALIFIER_OF: Record<string, QuantityQualifier> = {
  approximately: 'approximately', 'approx.': 'approximately', approx: 'approximately', about: 'approximately',
  around: 'approximately', roughly: 'approximately', some: 'approximately', nearly: 'approximately',
  almost: 'approximately', 'close to': 'approximately', circa: 'approximately', 'ca.': 'approximately',
  'c.': 'approximately', '~': 'approximately', '≈': 'approximately', '∼': 'approximately',
  'an estimated': 'approximately', 'estimated at': 'approximately', 'in the region of': 'approximately',
  'on the order of': 'approximately', 'of the order of': 'approximately',

  'more than': 'at_least', over: 'at_least', above: 'at_least', 'at least': 'at_least',
  'upwards of': 'at_least', 'well over': 'at_least', 'well above': 'at_least', 'just over': 'at_least',
  'just above': 'at_least', 'in excess of': 'at_least', 'greater than': 'at_least', 'no less than': 'at_least',
  'not less than': 'at_least', 'no fewer than': 'at_least', 'north of': 'at_least', 'a minimum of': 'at_least',
  '>': 'at_least', '≥': 'at_least', '>=': 'at_least',

  'less than': 'at_most', under: 'at_most', below: 'at_most', 'up to': 'at_most', 'no more than': 'at_most',
  'not more than': 'at_most', 'fewer than': 'at_most', 'just under': 'at_most', 'just below': 'at_most',
  'well under': 'at_most', 'well below': 'at_most', 'at most': 'at_most', 'a maximum of': 'at_most',
  'as much as': 'at_most', 'as many as': 'at_most', 'as high as': 'at_most', 'just shy of': 'at_most',
  '<': 'at_most', '≤': 'at_most', '<=': 'at_most'
};

// These also introduce dates ("over 2024", "circa 2020"), so before a bare year they do not make it
// an amount. Counting qualifiers ("fewer than 2000") do.
const DATE_PREPOSITIONS = new Set(['over', 'under', 'above', 'below', 'around', 'about', 'up to', 'circa', 'c.', 'ca.']);

const TRAILING_QUALIFIERS: [RegExp, QuantityQualifier][] = [
  [/[ \t\u00A0]+or[ \t\u00A0]+(?:more|higher|above|greater|over)(?!\p{L})/iuy, 'at_least'],
  [/[ \t\u00A0]+and[ \t\u00A0]+(?:above|over|upwards)(?!\p{L})/iuy, 'at_least'],
  [/[ \t\u00A0]+or[ \t\u00A0]+(?:less|fewer|lower|below|under)(?!\p{L})/iuy, 'at_most'],
  [/[ \t\u00A0]+or[ \t\u00A0]+so(?!\p{L})/iuy, 'approximately']
];

const SMALL_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const MAGNITUDES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

const NUMERATORS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const DENOMINATORS: Record<string, number> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4, fifth: 5,
  fifths: 5, sixth: 6, sixths: 6, seventh: 7, sevenths: 7, eighth: 8, eighths: 8, ninth: 9, ninths: 9,
  tenth: 10, tenths: 10
};

const MULTIPLE_WORDS: Record<string, number> = {
  twice: 2, double: 2, doubled: 2, triple: 3, tripled: 3, treble: 3, trebled: 3, quadruple: 4,
  quadrupled: 4, twofold: 2, threefold: 3, fourfold: 4, fivefold: 5, tenfold: 10, hundredfold: 100
};

function alternatives(words: string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s\\u00A0]+'))
    .join('|');
}

const SPACE = '[ \\t\\u00A0]';
const QUALIFIER_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives(Object.keys(QUALIFIER_OF))})[\\s\\u00A0]*$`, 'iu');
const RANGE_STARTER_BEFORE = /(?<![\p{L}\p{N}])(between|from)[\s\u00A0]+$/iu;

// "1,000.5" | "1.000,5" | "1.000.000" | "45 000" | "1000.5" | ".5"
const NUMERAL =
  /(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:\.\d{3}){2,}|\d{1,3}(?:[ \u00A0\u2009\u202F]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?!\d)/y;
const WORD = /\p{L}+/uy;
const WORD_GAP = new RegExp(`(?:${SPACE}+|-)`, 'uy');
const AND_GAP = new RegExp(`and${SPACE}+`, 'iuy');
const FRACTION = new RegExp(
  `(?:(${Object.keys(NUMERATORS).join('|')})(?:${SPACE}+|-))?(${alternatives(Object.keys(DENOMINATORS))})(?![\\p{L}\\p{N}])`,
  'iuy'
);
const NOT_A_FRACTION_AFTER = new RegExp(
  `(?:${SPACE}|-)*(?:year|years|yearly|time|way|hour|hours|life|lives|day|days|month|months|century|decade|point|points|mast|term|final|finals)(?!\\p{L})|${SPACE}+of${SPACE}+(?:the${SPACE}+)?(?:year|\\d{4})`,
  'iuy'
);
// "The first half", "the third quarter": a part of a year, not a share.
const NOT_A_FRACTION_BEFORE = /(?<![\p{L}])(?:first|second|third|fourth|1st|2nd|3rd|4th|last|final|latter|former|same|previous|next|past|coming|current|this|that|each|every)[\s\u00A0-]+$/iu;
const HALF_A_MAGNITUDE = new RegExp(`${SPACE}+an?${SPACE}+(thousand|million|billion|trillion)(?![\\p{L}])`, 'iuy');
const MULTIPLE_WORD = new RegExp(`(${alternatives(Object.keys(MULTIPLE_WORDS))})(?![\\p{L}\\p{N}-])`, 'iuy');
const NOT_A_MULTIPLE_AFTER = new RegExp(
  `${SPACE}+(?:digit|digits|check|checks|checked|checking|counting|count|counted|standard|standards|dip|whammy|taxation|agent|agents)(?!\\p{L})`,
  'iuy'
);
const IN_OR_OUT_OF = new RegExp(`${SPACE}+(?:in|out${SPACE}+of)${SPACE}+`, 'iuy');
const GAP = /[ \t\u00A0\u2009\u202F]*/y;
const GLUED_SCALE = /(bn|mn|mln|bln|tn|k|m|b)(?![\p{L}\p{N}])/iuy;
const SPACED_SCALE = new RegExp(`${SPACE}+(thousand|million|billion|trillion|bn|mn|mln|bln|tn)(?![\\p{L}\\p{N}])`, 'iuy');
const RANGE_WORD_SEPARATOR = {
  between: new RegExp(`${SPACE}+and${SPACE}+`, 'iuy'),
  from: new RegExp(`${SPACE}+to${SPACE}+`, 'iuy')
};
const DASH_SEPARATORS = [new RegExp(`${SPACE}*[–—]${SPACE}*`, 'uy'), /-/y, new RegExp(`${SPACE}+-${SPACE}+`, 'uy')];
const PLAIN_TO = RANGE_WORD_SEPARATOR.from;
// A number (not inside another number or a name like "CO2", "Q1", "COVID-19", though glued to a
// currency code as in "USD60"), or the start of a word that may be a number word.
const ATOM_START =
  /(?:(?<![\p{L}\p{N}])|(?<=(?<!\p{L})(?:USD|EUR|GBP|CNY|RMB|AUD|CAD|JPY)))(?<![\p{L}\p{N}]-)(?<!\d[.,:])(?<!\d\/)(?:\d|\.\d)|(?<![\p{L}\p{N}'’-])\p{L}/gu;
const TOKEN = /\p{L}+|[\d.,]+|./uy;

type AtomKind = 'numeral' | 'words' | 'fraction' | 'multiple';

interface Atom {
  value: number;
  end: number;
  kind: AtomKind;
  yearLike: boolean;
  grouped: boolean;
  hasMagnitudeWord: boolean;
}

interface Side {
  start: number;
  end: number;
  value: number;
  scale: number;
  unit: UnitInfo | null;
  /** The unit is only a currency written before the amount, which the range's other end may refine ("$60–70/kg"). */
  unitFromPrefix: boolean;
  currency: UnitInfo | null;
  atom: Atom;
  plus: boolean;
}

const isLetter = (char: string | undefined) => char !== undefined && /\p{L}/u.test(char);
const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';

function withoutFloatNoise(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(15));
}

function execAt(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

function currencyCode(unit: UnitInfo): string | null {
  const colon = unit.dimension.indexOf(':');
  return colon < 0 ? null : unit.dimension.slice(colon + 1);
}

function isCurrency(unit: UnitInfo | null): unit is UnitInfo {
  return unit !== null && unit.dimension.startsWith('currency:');
}

function readNumeral(text: string, index: number): Atom | null {
  const match = execAt(NUMERAL, text, index);
  if (!match) return null;
  const digits = match[0];
  let value: number;
  if (/^\d{1,3}(?:\.\d{3})+,\d+$/.test(digits)) value = Number(digits.replace(/\./g, '').replace(',', '.'));
  else if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(digits)) value = Number(digits.replace(/\./g, ''));
  else value = Number(digits.replace(/[, \u00A0\u2009\u202F]/g, ''));
  const grouped = /[, \u00A0\u2009\u202F]/.test(digits) || /\.\d{3}\./.test(digits);
  const yearLike = /^\d{4}$/.test(digits) && value >= PLAUSIBLE_YEARS.min && value <= PLAUSIBLE_YEARS.max;
  return { value, end: index + digits.length, kind: 'numeral', yearLike, grouped, hasMagnitudeWord: false };
}

type WordState = 'start' | 'article' | 'ones' | 'teens' | 'tens' | 'hundred' | 'magnitude';

function readWordNumber(text: string, index: number): Atom | null {
  let total = 0;
  let group = 0;
  let state: WordState = 'start';
  let end = index;
  let position = index;
  let hasMagnitudeWord = false;
  for (;;) {
    const match = execAt(WORD, text, position);
    if (!match) break;
    const word = match[0].toLowerCase();
    const small = SMALL_NUMBERS[word];
    if ((word === 'a' || word === 'an') && state === 'start') {
      group = 1;
      state = 'article';
    } else if (small !== undefined && small >= 1 && small <= 9 && ['start', 'tens', 'hundred', 'magnitude'].includes(state)) {
      group += small;
      state = 'ones';
    } else if (small !== undefined && ['start', 'hundred', 'magnitude'].includes(state)) {
      group += small;
      state = 'teens';
    } else if (word in TENS && ['start', 'hundred', 'magnitude'].includes(state)) {
      group += TENS[word];
      state = 'tens';
    } else if (word === 'hundred' && ['ones', 'teens', 'article'].includes(state)) {
      group *= 100;
      state = 'hundred';
      hasMagnitudeWord = true;
    } else if (word in MAGNITUDES && ['ones', 'teens', 'tens', 'hundred', 'article'].includes(state)) {
      total += group * MAGNITUDES[word];
      group = 0;
      state = 'magnitude';
      hasMagnitudeWord = true;
    } else {
      break;
    }
    end = position + match[0].length;
    const gap = execAt(WORD_GAP, text, end);
    if (!gap) break;
    position = end + gap[0].length;
    // "two hundred and fifty": "and" belongs to the number only if a number word follows it.
    if (state === 'hundred' || state === 'magnitude') {
      const and = execAt(AND_GAP, text, position);
      if (and) position += and[0].length;
    }
  }
  if (state === 'start' || state === 'article') return null;
  return { value: total + group, end, kind: 'words', yearLike: false, grouped: false, hasMagnitudeWord };
}

function readFraction(text: string, index: number): Atom | null {
  const match = execAt(FRACTION, text, index);
  if (!match) return null;
  const numeratorWord = match[1]?.toLowerCase();
  const denominatorWord = match[2].toLowerCase();
  const denominator = DENOMINATORS[denominatorWord];
  // Without a numerator only "half" is a share; "quarter" and "third" alone are parts of a year or a rank.
  if (numeratorWord === undefined && denominatorWord !== 'half') return null;
  const end = index + match[0].length;
  if (execAt(NOT_A_FRACTION_AFTER, text, end)) return null;
  if (NOT_A_FRACTION_BEFORE.test(text.slice(Math.max(0, index - 20), index))) return null;
  if (numeratorWord === undefined) {
    const magnitude = execAt(HALF_A_MAGNITUDE, text, end);
    if (magnitude) {
      const value = 0.5 * MAGNITUDES[magnitude[1].toLowerCase()];
      return { value, end: end + magnitude[0].length, kind: 'words', yearLike: false, grouped: false, hasMagnitudeWord: true };
    }
  }
  const numerator = numeratorWord === undefined ? 1 : NUMERATORS[numeratorWord];
  return { value: withoutFloatNoise((numerator / denominator) * 100), end, kind: 'fraction', yearLike: false, grouped: false, hasMagnitudeWord: false };
}

function readMultipleWord(text: string, index: number): Atom | null {
  const match = execAt(MULTIPLE_WORD, text, index);
  if (!match) return null;
  const end = index + match[0].length;
  if (execAt(NOT_A_MULTIPLE_AFTER, text, end)) return null;
  return { value: MULTIPLE_WORDS[match[1].toLowerCase()], end, kind: 'multiple', yearLike: false, grouped: false, hasMagnitudeWord: false };
}

/** "one in five", "9 out of 10": a share, as a percentage. */
function readOneIn(text: string, count: Atom): Atom | null {
  if (!Number.isInteger(count.value) || count.value < 1 || count.grouped) return null;
  const separator = execAt(IN_OR_OUT_OF, text, count.end);
  if (!separator) return null;
  const at = count.end + separator[0].length;
  const whole = isDigit(text[at]) ? readNumeral(text, at) : readWordNumber(text, at);
  if (!whole || !Number.isInteger(whole.value) || whole.value < 2 || whole.value > 1000 || whole.value < count.value) return null;
  if (isLetter(text[whole.end])) return null;
  const value = withoutFloatNoise((count.value / whole.value) * 100);
  return { value, end: whole.end, kind: 'fraction', yearLike: false, grouped: false, hasMagnitudeWord: false };
}

// Most words in an article start no number; checking the word first skips the pattern matching.
const NUMBER_START_WORDS = new Set([
  ...Object.keys(SMALL_NUMBERS), ...Object.keys(TENS), ...Object.keys(NUMERATORS), ...Object.keys(MULTIPLE_WORDS), 'half'
]);

function readAtom(text: string, index: number): Atom | null {
  let atom: Atom | null;
  if (isDigit(text[index]) || (text[index] === '.' && isDigit(text[index + 1]))) {
    atom = readNumeral(text, index);
  } else {
    const word = execAt(WORD, text, index);
    if (!word || !NUMBER_START_WORDS.has(word[0].toLowerCase())) return null;
    const named = readMultipleWord(text, index) ?? readFraction(text, index);
    if (named) return named;
    atom = readWordNumber(text, index);
  }
  if (!atom) return null;
  return readOneIn(text, atom) ?? atom;
}

/** One amount with what is written around it: currency, sign, scale and unit. */
function readSide(text: string, atomStart: number, inheritedCurrency: UnitInfo | null): Side | null {
  const atom = readAtom(text, atomStart);
  if (!atom) return null;
  let start = atomStart;
  let position = atom.end;
  let currency: UnitInfo | null = null;
  let sign = 1;
  let scale = 1;
  let unit: UnitInfo | null = null;
  let plus = false;

  if (atom.kind === 'fraction') unit = lookupUnit('%');
  else if (atom.kind === 'multiple') unit = lookupUnit('×');
  else {
    const prefix = matchPrefixCurrencyBefore(text, start);
    if (prefix) {
      currency = prefix.unit;
      start = prefix.start;
    }
    if (text[start - 1] === '\u2212') {
      sign = -1;
      start--;
    } else if (text[start - 1] === '+') {
      start--;
    }

    if (atom.kind === 'numeral') {
      // "3/4", "14/03/2024", "3:1": ratios, dates and times, not amounts. "1,5" is a decimal comma
      // or a list; either way reading it as 1 would be wrong.
      if (/^[/:.,]\d/.test(text.slice(position, position + 2))) return null;
      if (text[position] === '+' && !isDigit(text[position + 1])) {
        plus = true;
        position++;
      }
      if (isLetter(text[position])) {
        const glued = matchUnitAt(text, position);
        if (glued) {
          unit = glued.unit;
          position = glued.end;
        } else {
          const gluedScale = execAt(GLUED_SCALE, text, position);
          // "21st", "5G", "1Q24": letters that make the number part of a name.
          if (!gluedScale) return null;
          scale = lookupScale(gluedScale[1])!;
          position += gluedScale[0].length;
        }
      }
    }
    if (!unit && text[position] === '-' && isLetter(text[position + 1])) {
      const compound = matchUnitAt(text, position + 1);
      if (compound && compound.unit.dimension !== 'count') {
        unit = compound.unit;
        position = compound.end;
      } else if (atom.kind === 'numeral') {
        // "a 10-year plan", "a 5-member board": the number modifies a noun; it is not a figure.
        return null;
      }
    }
    if (!unit && scale === 1) {
      const spacedScale = execAt(SPACED_SCALE, text, position);
      if (spacedScale) {
        scale = lookupScale(spacedScale[1])!;
        position += spacedScale[0].length;
      }
    }
    if (!unit) {
      const gap = execAt(GAP, text, position)![0];
      const spaced = matchUnitAt(text, position + gap.length);
      // "3 x 4" is arithmetic; only "3x" glued to the number is a multiple.
      if (spaced && !(gap !== '' && /^x$/i.test(text.slice(spaced.start, spaced.end)))) {
        unit = spaced.unit;
        position = spaced.end;
      }
    }
    const money = currency ?? (isCurrency(unit) ? unit : null) ?? (unit ? null : inheritedCurrency);
    if (money && (unit === null || isCurrency(unit))) {
      const perMass = matchMassDenominatorAt(text, position);
      if (perMass) {
        unit = lookupUnit(`${money.symbol}/${perMass.unit.symbol}`);
        position = perMass.end;
      }
    }
  }

  const unitFromPrefix = unit === null && currency !== null;
  if (unitFromPrefix) unit = currency;
  const value = withoutFloatNoise(sign * atom.value * scale);
  return { start, end: position, value, scale, unit, unitFromPrefix, currency, atom, plus };
}

/** The unit both ends of a range share; undefined when they cannot be one range. */
function rangeUnit(first: Side, second: Side): UnitInfo | null | undefined {
  if (!first.unit) return second.unit;
  if (!second.unit) return first.unit;
  if (first.unit.symbol === second.unit.symbol) return second.unit;
  if (first.unitFromPrefix && currencyCode(first.unit) === currencyCode(second.unit)) return second.unit;
  return undefined;
}

interface RangeEnd {
  low: number;
  high: number;
  unit: UnitInfo | null;
  end: number;
  /** "2020–2024", "2023-24": years, so no quantity at all. */
  isPeriod: boolean;
}

function readRangeEnd(text: string, first: Side, starter: 'between' | 'from' | null): RangeEnd | null {
  if (first.atom.kind === 'multiple') return null;
  const separators = [
    ...(starter ? [RANGE_WORD_SEPARATOR[starter]] : []),
    ...DASH_SEPARATORS,
    ...(first.unit && !first.unitFromPrefix ? [] : [PLAIN_TO])
  ];
  for (const separator of separators) {
    const gap = execAt(separator, text, first.end);
    if (!gap) continue;
    let at = first.end + gap[0].length;
    const currency = matchPrefixCurrencyAt(text, at);
    if (currency) at = currency.end;
    if (text[at] === '\u2212' || text[at] === '+') at++;
    const inherited = first.currency ?? (isCurrency(first.unit) ? first.unit : null);
    const second = readSide(text, at, inherited);
    if (!second || second.atom.kind === 'multiple') continue;
    const unit = rangeUnit(first, second);
    if (unit === undefined) return null;
    const secondLooksLikeYearEnd = second.atom.yearLike || (second.atom.kind === 'numeral' && !second.atom.grouped && second.value < 100);
    if (!unit && first.atom.yearLike && second.scale === 1 && secondLooksLikeYearEnd) {
      return { low: 0, high: 0, unit: null, end: second.end, isPeriod: true };
    }
    // "from 5.1% in 2020 to 6.3%": a year, then the next figure. Amounts written as a range
    // starting at a year-like number ("2000–3000 t") rise.
    if (first.atom.yearLike && !first.unit && second.value < first.value) return null;
    let low = first.value;
    // "1.5–2 million t" writes the scale once; "500 to 2 million" does not share it.
    if (first.scale === 1 && second.scale > 1 && first.atom.kind === 'numeral' && !first.atom.grouped && Math.abs(first.atom.value) < Math.abs(second.atom.value)) {
      low = withoutFloatNoise(first.value * second.scale);
    }
    const [a, b] = low <= second.value ? [low, second.value] : [second.value, low];
    return { low: a, high: b, unit, end: second.end, isPeriod: false };
  }
  return null;
}

interface Reading {
  quantity: ParsedQuantity | null;
  end: number;
}

function phraseBefore(pattern: RegExp, text: string, index: number): { phrase: string; start: number } | null {
  const window = text.slice(Math.max(0, index - 40), index);
  const match = pattern.exec(window);
  if (!match) return null;
  return { phrase: match[1].toLowerCase().replace(/[\s\u00A0]+/g, ' '), start: index - window.length + match.index };
}

function quantity(text: string, start: number, end: number, value: number, high: number | null, unit: UnitInfo | null, qualifier: QuantityQualifier): ParsedQuantity {
  return { value, high, unit: unit?.symbol ?? '', qualifier, text: text.slice(start, end), start, end };
}

function readQuantityAt(text: string, atomStart: number): Reading | null {
  const first = readSide(text, atomStart, null);
  if (!first) return null;
  const starter = phraseBefore(RANGE_STARTER_BEFORE, text, first.start);
  const qualifierWords = phraseBefore(QUALIFIER_BEFORE, text, first.start);

  const range = readRangeEnd(text, first, (starter?.phrase as 'between' | 'from' | undefined) ?? null);
  if (range?.isPeriod) return { quantity: null, end: range.end };
  if (range) {
    const start = starter?.start ?? qualifierWords?.start ?? first.start;
    return { quantity: quantity(text, start, range.end, range.low, range.high, range.unit, 'range'), end: range.end };
  }

  let qualifier = qualifierWords ? QUALIFIER_OF[qualifierWords.phrase] : 'exact';
  let end = first.end;
  if (qualifier === 'exact' && first.plus) qualifier = 'at_least';
  if (qualifier === 'exact') {
    for (const [pattern, trailing] of TRAILING_QUALIFIERS) {
      const match = execAt(pattern, text, end);
      if (match) {
        qualifier = trailing;
        end += match[0].length;
        break;
      }
    }
  }

  const bare = first.unit === null && first.scale === 1;
  if (bare && first.atom.yearLike && (!qualifierWords || DATE_PREPOSITIONS.has(qualifierWords.phrase))) {
    return { quantity: null, end: first.end };
  }
  if (bare && first.atom.kind === 'words' && !first.atom.hasMagnitudeWord && !qualifierWords) {
    return { quantity: null, end: first.end };
  }
  const start = qualifierWords?.start ?? first.start;
  return { quantity: quantity(text, start, end, first.value, null, first.unit, qualifier), end };
}

/** Every quantity in the text, in order of appearance. */
export function findQuantities(text: string): ParsedQuantity[] {
  // Dates and named periods ("14 March 2024", "Q1 2024", "2020–2024") hold digits that are not
  // amounts. A bare year is left to the year rule above, because "2024 t" is an amount.
  const periodSpans = findPeriodMentions(text).filter((mention) => !/^\d{4}$/.test(mention.text));
  const found: ParsedQuantity[] = [];
  let cursor = 0;
  let nextSpan = 0;
  while (cursor < text.length) {
    ATOM_START.lastIndex = cursor;
    const candidate = ATOM_START.exec(text);
    if (!candidate) break;
    const at = candidate.index;
    while (nextSpan < periodSpans.length && periodSpans[nextSpan].end <= at) nextSpan++;
    const period = periodSpans[nextSpan];
    if (period && period.start <= at) {
      cursor = period.end;
      continue;
    }
    const reading = readQuantityAt(text, at);
    if (reading) {
      if (reading.quantity) found.push(reading.quantity);
      cursor = Math.max(reading.end, at + 1);
    } else {
      cursor = at + execAt(TOKEN, text, at)![0].length;
    }
  }
  return found;
}

/** The quantity a highlight is most likely about: the first with a unit, else the first. */
export function parseQuantity(text: string): ParsedQuantity | null {
  const quantities = findQuantities(text);
  return quantities.find((candidate) => candidate.unit !== '') ?? quantities[0] ?? null;
}
