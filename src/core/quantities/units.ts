// Unit catalogue for the figures analysts record. A figure keeps the value and unit the analyst
// typed ("69.2" with "%", "3.8" with "Mt"); normalisation to a dimension's base unit happens only
// to compare figures, so a stored figure always reads back exactly as the source printed it.
//
// Pure by design (no Node, DOM or database): it also runs in the renderer to pre-fill forms.
//
// Conventions, chosen for critical-mineral reporting:
// - "ton", "tons", "mt" and "MT" mean the metric ton (1,000 kg). USGS and trade reporting use
//   metric tons throughout and write "MT" for them; short and long tons must be named in full.
//   Only "Mt" with exactly that casing is the megatonne (1e9 kg).
// - "%" is a ratio (factor 0.01 to the base "fraction"); percentage points are a dimension of their
//   own, so "a 5 pp rise" never compares equal to "5 %".
// - Each currency is its own dimension: USD only compares with USD; converting needs a dated
//   exchange rate, which is a claim to check, not arithmetic to do silently.
// - "$" and "dollars" mean USD and "¥" means CNY (the yuan dominates this domain; write JPY or yen
//   for yen). A dollar sign after letters we do not know ("HK$", "NZ$") is no currency at all.
// - "pound(s)" alone is not a unit: reporting uses it for both sterling and mass. Write "lb" or
//   "GBP"/"£".
// - Scale words ("million", "bn", "k") are not units; they multiply the value. Units may still be
//   written with one ("million t", "USD bn") where a function accepts a unit string.
import { AssayError } from '../../shared/errors';

export interface UnitInfo {
  symbol: string;
  name: string;
  dimension: string;
  /** Multiply a value in this unit by factor to get the dimension's base unit. */
  factor: number;
}

export interface UnitMatch {
  unit: UnitInfo;
  start: number;
  end: number;
}

/** A unit string resolved against the catalogue, with any scale word it carries. */
export interface ResolvedUnit {
  unit: UnitInfo;
  scale: number;
  /** Canonical spelling, e.g. "t", "million t", "billion USD". */
  symbol: string;
}

interface UnitDefinition extends UnitInfo {
  /** Matched whatever their case. */
  aliases: string[];
  /** Matched only as written, where case changes the meaning ("Mt" vs "mt", "g" vs "G"). */
  exactAliases?: string[];
}

const CURRENCIES: { code: string; name: string; aliases: string[]; exactAliases?: string[] }[] = [
  { code: 'USD', name: 'US dollar', aliases: ['$', 'US$', 'U.S.$', 'US dollar', 'US dollars', 'U.S. dollars', 'dollar', 'dollars'] },
  { code: 'EUR', name: 'euro', aliases: ['€', 'euro', 'euros'] },
  { code: 'CNY', name: 'Chinese yuan', aliases: ['¥', 'CN¥', 'RMB', 'yuan', 'renminbi'] },
  { code: 'GBP', name: 'pound sterling', aliases: ['£', 'sterling', 'pound sterling', 'pounds sterling'] },
  { code: 'AUD', name: 'Australian dollar', aliases: ['A$', 'AU$', 'Australian dollar', 'Australian dollars'] },
  { code: 'CAD', name: 'Canadian dollar', aliases: ['C$', 'CA$', 'Canadian dollar', 'Canadian dollars'] },
  { code: 'JPY', name: 'Japanese yen', aliases: ['JP¥', 'yen'] }
];

// Written before the amount ("US$45 million", "USD 1.2 billion"). Codes must be upper case there:
// lower-case "eur" or "aud" before a number is more likely a typo than a currency.
const PREFIX_CURRENCY_SYMBOLS: Record<string, string> = {
  'US$': 'USD', 'U.S.$': 'USD', $: 'USD', USD: 'USD',
  '€': 'EUR', EUR: 'EUR',
  'CN¥': 'CNY', '¥': 'CNY', RMB: 'CNY', CNY: 'CNY',
  '£': 'GBP', GBP: 'GBP',
  'A$': 'AUD', 'AU$': 'AUD', AUD: 'AUD',
  'C$': 'CAD', 'CA$': 'CAD', CAD: 'CAD',
  'JP¥': 'JPY', JPY: 'JPY'
};

const DEFINITIONS: UnitDefinition[] = [
  { symbol: '%', name: 'percent', dimension: 'ratio', factor: 0.01, aliases: ['%', 'percent', 'per cent', 'per-cent', 'pct'] },
  { symbol: 'fraction', name: 'fraction (1 = 100 %)', dimension: 'ratio', factor: 1, aliases: ['fraction'] },
  { symbol: '‰', name: 'per mille', dimension: 'ratio', factor: 0.001, aliases: ['‰', 'per mille', 'per mil'] },
  { symbol: 'ppm', name: 'parts per million', dimension: 'ratio', factor: 1e-6, aliases: ['ppm', 'parts per million'] },

  {
    symbol: 'pp', name: 'percentage points', dimension: 'percentage-points', factor: 1,
    aliases: ['pp', 'p.p.', 'ppts', 'percentage point', 'percentage points', 'percentage-point', 'percentage-points']
  },
  { symbol: 'bp', name: 'basis points', dimension: 'percentage-points', factor: 0.01, aliases: ['bp', 'bps', 'basis point', 'basis points'] },

  { symbol: 'g', name: 'gram', dimension: 'mass', factor: 0.001, exactAliases: ['g'], aliases: ['gram', 'grams', 'gramme', 'grammes'] },
  {
    symbol: 'kg', name: 'kilogram', dimension: 'mass', factor: 1,
    aliases: ['kg', 'kgs', 'kilogram', 'kilograms', 'kilogramme', 'kilogrammes', 'kilo', 'kilos']
  },
  {
    symbol: 't', name: 'metric ton', dimension: 'mass', factor: 1000, exactAliases: ['t'],
    aliases: ['tonne', 'tonnes', 'ton', 'tons', 'metric ton', 'metric tons', 'metric tonne', 'metric tonnes', 'mt']
  },
  { symbol: 'kt', name: 'kilotonne', dimension: 'mass', factor: 1e6, aliases: ['kt', 'kilotonne', 'kilotonnes', 'kiloton', 'kilotons'] },
  { symbol: 'Mt', name: 'megatonne', dimension: 'mass', factor: 1e9, exactAliases: ['Mt'], aliases: ['megatonne', 'megatonnes', 'megaton', 'megatons'] },
  { symbol: 'lb', name: 'pound (mass)', dimension: 'mass', factor: 0.45359237, aliases: ['lb', 'lbs'] },
  { symbol: 'short ton', name: 'short ton (2,000 lb)', dimension: 'mass', factor: 907.18474, aliases: ['short ton', 'short tons'] },
  { symbol: 'long ton', name: 'long ton (2,240 lb)', dimension: 'mass', factor: 1016.0469088, aliases: ['long ton', 'long tons'] },

  ...CURRENCIES.map((currency) => ({
    symbol: currency.code,
    name: currency.name,
    dimension: `currency:${currency.code}`,
    factor: 1,
    aliases: [currency.code, ...currency.aliases]
  })),

  { symbol: '', name: 'count', dimension: 'count', factor: 1, aliases: ['', 'unit', 'units', 'item', 'items'] },

  // No milli- units are catalogued, so "mw" and "mwh" can only mean mega- and match in any case.
  { symbol: 'Wh', name: 'watt-hour', dimension: 'energy', factor: 0.001, exactAliases: ['Wh'], aliases: ['watt-hour', 'watt-hours', 'watt hour', 'watt hours'] },
  { symbol: 'kWh', name: 'kilowatt-hour', dimension: 'energy', factor: 1, aliases: ['kWh', 'kilowatt-hour', 'kilowatt-hours', 'kilowatt hour', 'kilowatt hours'] },
  { symbol: 'MWh', name: 'megawatt-hour', dimension: 'energy', factor: 1e3, aliases: ['MWh', 'megawatt-hour', 'megawatt-hours', 'megawatt hour', 'megawatt hours'] },
  { symbol: 'GWh', name: 'gigawatt-hour', dimension: 'energy', factor: 1e6, aliases: ['GWh', 'gigawatt-hour', 'gigawatt-hours', 'gigawatt hour', 'gigawatt hours'] },
  { symbol: 'TWh', name: 'terawatt-hour', dimension: 'energy', factor: 1e9, aliases: ['TWh', 'terawatt-hour', 'terawatt-hours', 'terawatt hour', 'terawatt hours'] },

  { symbol: 'W', name: 'watt', dimension: 'power', factor: 0.001, exactAliases: ['W'], aliases: ['watt', 'watts'] },
  { symbol: 'kW', name: 'kilowatt', dimension: 'power', factor: 1, aliases: ['kW', 'kilowatt', 'kilowatts'] },
  { symbol: 'MW', name: 'megawatt', dimension: 'power', factor: 1e3, aliases: ['MW', 'megawatt', 'megawatts'] },
  { symbol: 'GW', name: 'gigawatt', dimension: 'power', factor: 1e6, aliases: ['GW', 'gigawatt', 'gigawatts'] },

  { symbol: 'L', name: 'litre', dimension: 'volume', factor: 0.001, exactAliases: ['L', 'l'], aliases: ['litre', 'litres', 'liter', 'liters'] },
  { symbol: 'm3', name: 'cubic metre', dimension: 'volume', factor: 1, aliases: ['m3', 'm³', 'cubic metre', 'cubic metres', 'cubic meter', 'cubic meters'] },
  { symbol: 'bbl', name: 'barrel (oil)', dimension: 'volume', factor: 0.158987294928, aliases: ['bbl', 'barrel', 'barrels'] },

  // "Twice", "3x", "1.5 times": a multiple of something the sentence names, not a percentage change.
  { symbol: '×', name: 'times', dimension: 'multiple', factor: 1, aliases: ['×', 'x', 'times', 'fold'] }
];

const DIMENSION_BASE: Record<string, string> = {
  ratio: 'fraction',
  'percentage-points': 'pp',
  mass: 'kg',
  count: '',
  energy: 'kWh',
  power: 'kW',
  volume: 'm3',
  multiple: '×'
};

const PRICE_MASS_SYMBOLS = ['kg', 't', 'lb'];

const SCALE_WORDS: Record<string, number> = {
  thousand: 1e3, k: 1e3,
  million: 1e6, mn: 1e6, mln: 1e6, m: 1e6,
  billion: 1e9, bn: 1e9, bln: 1e9, b: 1e9,
  trillion: 1e12, tn: 1e12
};
const SCALE_NAMES = new Map<number, string>([[1e3, 'thousand'], [1e6, 'million'], [1e9, 'billion'], [1e12, 'trillion']]);

// Listed in the "unknown unit" message: the units an analyst most likely meant.
const SUGGESTED_SYMBOLS = ['%', 'pp', 'kg', 't', 'kt', 'Mt', 'lb', 'USD', 'EUR', 'CNY', 'GBP', 'AUD', 'JPY', 'USD/kg', 'USD/t', 'kWh', 'MWh', 'MW', 'GW', 'L', 'm3', '×'];

const RELATIVE_EPSILON = 1e-9;

function toInfo(definition: UnitDefinition): UnitInfo {
  return { symbol: definition.symbol, name: definition.name, dimension: definition.dimension, factor: definition.factor };
}

const UNITS: UnitInfo[] = DEFINITIONS.map(toInfo);
const BY_SYMBOL = new Map(UNITS.map((unit) => [unit.symbol, unit]));
const EXACT_ALIASES = new Map<string, UnitInfo>();
const FOLDED_ALIASES = new Map<string, UnitInfo>();
for (const definition of DEFINITIONS) {
  const unit = BY_SYMBOL.get(definition.symbol)!;
  for (const alias of definition.exactAliases ?? []) EXACT_ALIASES.set(alias, unit);
  for (const alias of definition.aliases) FOLDED_ALIASES.set(alias.toLowerCase(), unit);
}

function priceUnit(currency: UnitInfo, mass: UnitInfo): UnitInfo {
  const code = currency.symbol;
  return {
    symbol: `${code}/${mass.symbol}`,
    name: `${currency.name} per ${mass.name}`,
    dimension: `price-per-mass:${code}`,
    factor: currency.factor / mass.factor
  };
}

function isCurrency(unit: UnitInfo): boolean {
  return unit.dimension.startsWith('currency:');
}

function currencyCode(unit: UnitInfo): string | null {
  const colon = unit.dimension.indexOf(':');
  return colon < 0 ? null : unit.dimension.slice(colon + 1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Longest alias first, so "metric tons" wins over "metric" and "per cent" over any shorter alias.
function aliasPattern(aliases: string[]): string {
  return [...aliases]
    .filter((alias) => alias !== '')
    .sort((a, b) => b.length - a.length)
    .map((alias) => {
      const body = escapeRegExp(alias).replace(/ /g, '[\\s\\u00A0]+');
      // A unit spelled with letters must end at a word boundary: "t" is not the start of "to".
      return /[\p{L}\p{N}.]$/u.test(alias) ? `${body}(?![\\p{L}\\p{N}])` : body;
    })
    .join('|');
}

const EXACT_ALIAS_PATTERN = new RegExp(`(?:${aliasPattern([...EXACT_ALIASES.keys()])})`, 'uy');
const FOLDED_ALIAS_PATTERN = new RegExp(`(?:${aliasPattern(DEFINITIONS.flatMap((d) => d.aliases))})`, 'iuy');
const PRICE_DENOMINATOR = /[ \t\u00A0]*\/[ \t\u00A0]*|[ \t\u00A0]+per[ \t\u00A0]+|[ \t\u00A0]+an?[ \t\u00A0]+/iuy;

function prefixSymbolPattern(): string {
  return Object.keys(PREFIX_CURRENCY_SYMBOLS)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
}
const PREFIX_CURRENCY_AT = new RegExp(`(${prefixSymbolPattern()})[ \\u00A0]?`, 'uy');
const PREFIX_CURRENCY_BEFORE = new RegExp(`(${prefixSymbolPattern()})[ \\u00A0]?$`, 'u');

function matchAliasAt(text: string, index: number, pattern: RegExp): { unit: UnitInfo; end: number } | null {
  pattern.lastIndex = index;
  const match = pattern.exec(text);
  if (!match) return null;
  const key = match[0].replace(/[\s\u00A0]+/g, ' ');
  const unit = pattern === EXACT_ALIAS_PATTERN ? EXACT_ALIASES.get(key) : FOLDED_ALIASES.get(key.toLowerCase());
  return unit ? { unit, end: index + match[0].length } : null;
}

function matchPlainUnitAt(text: string, index: number): { unit: UnitInfo; end: number } | null {
  const exact = matchAliasAt(text, index, EXACT_ALIAS_PATTERN);
  const folded = matchAliasAt(text, index, FOLDED_ALIAS_PATTERN);
  // Case-sensitive spellings win a tie: "Mt" is a megatonne even though "mt" is a metric ton.
  if (exact && (!folded || exact.end >= folded.end)) return exact;
  return folded;
}

/**
 * The longest unit written at `index` ("metric tons", "%", "USD/kg", "dollars a kilogram"), or
 * null. Never matches the empty count unit.
 */
export function matchUnitAt(text: string, index: number): UnitMatch | null {
  const plain = matchPlainUnitAt(text, index);
  if (!plain) return null;
  if (isCurrency(plain.unit)) {
    const mass = matchMassDenominatorAt(text, plain.end);
    if (mass) return { unit: priceUnit(plain.unit, mass.unit), start: index, end: mass.end };
  }
  return { unit: plain.unit, start: index, end: plain.end };
}

/** "/kg", " per tonne", " a kilogram" at `index`: the mass a price is quoted per. */
export function matchMassDenominatorAt(text: string, index: number): UnitMatch | null {
  PRICE_DENOMINATOR.lastIndex = index;
  const separator = PRICE_DENOMINATOR.exec(text);
  if (!separator) return null;
  const mass = matchPlainUnitAt(text, index + separator[0].length);
  if (!mass || mass.unit.dimension !== 'mass') return null;
  return { unit: mass.unit, start: index, end: mass.end };
}

function prefixCurrency(symbol: string, text: string, start: number): UnitInfo | null {
  // "HK$", "NZ$", "R$": a dollar we do not catalogue. Reading it as USD would be a wrong figure.
  if (/[\p{L}]/u.test(text[start - 1] ?? '')) return null;
  return BY_SYMBOL.get(PREFIX_CURRENCY_SYMBOLS[symbol]) ?? null;
}

/** A currency written before an amount ("$", "US$", "USD ") that ends right at `index`. */
export function matchPrefixCurrencyBefore(text: string, index: number): UnitMatch | null {
  // The longest prefix symbol plus its space is 6 characters; looking further back only costs time.
  const match = PREFIX_CURRENCY_BEFORE.exec(text.slice(Math.max(0, index - 8), index));
  if (!match) return null;
  const start = index - match[0].length;
  const unit = prefixCurrency(match[1], text, start);
  return unit ? { unit, start, end: index } : null;
}

/** A currency written before an amount that starts at `index`; end includes one following space. */
export function matchPrefixCurrencyAt(text: string, index: number): UnitMatch | null {
  PREFIX_CURRENCY_AT.lastIndex = index;
  const match = PREFIX_CURRENCY_AT.exec(text);
  if (!match) return null;
  const unit = prefixCurrency(match[1], text, index);
  return unit ? { unit, start: index, end: index + match[0].length } : null;
}

/** The multiplier a scale word stands for ("million" → 1e6, "bn" → 1e9), or null. */
export function lookupScale(word: string): number | null {
  return SCALE_WORDS[word.trim().toLowerCase()] ?? null;
}

/** A catalogue unit by any of its spellings: "tonnes", "MT", "per cent", "US$", "USD/kg", "$ per tonne". */
export function lookupUnit(text: string): UnitInfo | null {
  const key = text.trim().replace(/[\s\u00A0]+/g, ' ');
  const direct = EXACT_ALIASES.get(key) ?? FOLDED_ALIASES.get(key.toLowerCase());
  if (direct) return direct;
  const price = /^(.+?)(?: ?\/ ?| per | an? )(.+)$/i.exec(key);
  if (!price) return null;
  const currency = lookupUnit(price[1]);
  const mass = lookupUnit(price[2]);
  if (!currency || !mass || !isCurrency(currency) || mass.dimension !== 'mass') return null;
  return priceUnit(currency, mass);
}

/** Every catalogued unit, grouped by dimension, for a unit picker. */
export function listUnits(): UnitInfo[] {
  const prices = CURRENCIES.flatMap((currency) =>
    PRICE_MASS_SYMBOLS.map((mass) => priceUnit(BY_SYMBOL.get(currency.code)!, BY_SYMBOL.get(mass)!))
  );
  return [...UNITS, ...prices].map((unit) => ({ ...unit }));
}

/** A unit that may carry a scale word: "t", "million t", "USD bn", "$m", "bn USD". */
export function resolveUnit(text: string): ResolvedUnit | null {
  const plain = lookupUnit(text);
  if (plain) return { unit: plain, scale: 1, symbol: plain.symbol };
  const key = text.trim();
  const bareScale = lookupScale(key);
  if (bareScale !== null && key.length > 1) {
    return { unit: BY_SYMBOL.get('')!, scale: bareScale, symbol: SCALE_NAMES.get(bareScale)! };
  }
  const candidates = [/^([\p{L}]+)\s*(.+)$/u.exec(key), /^(.+?)\s*([\p{L}]+)$/u.exec(key)];
  for (const [index, match] of candidates.entries()) {
    if (!match) continue;
    const [scaleWord, unitText] = index === 0 ? [match[1], match[2]] : [match[2], match[1]];
    const scale = lookupScale(scaleWord);
    const unit = lookupUnit(unitText);
    if (scale === null || !unit) continue;
    // "m", "k" and "b" are scales only next to money ("$3m"); elsewhere they are too ambiguous.
    if (scaleWord.length === 1 && !isCurrency(unit)) continue;
    const scaleName = SCALE_NAMES.get(scale)!;
    return { unit, scale, symbol: unit.symbol === '' ? scaleName : `${scaleName} ${unit.symbol}` };
  }
  return null;
}

function unknownUnit(unit: string): AssayError {
  return new AssayError(
    'invalid_input',
    `Unknown unit "${unit}"; known units include ${SUGGESTED_SYMBOLS.join(', ')} (optionally with a scale word such as million or bn).`
  );
}

function requireUnit(unit: string): ResolvedUnit {
  const resolved = resolveUnit(unit);
  if (!resolved) throw unknownUnit(unit);
  return resolved;
}

function requireFinite(value: number): void {
  if (!Number.isFinite(value)) throw new AssayError('invalid_input', `A quantity needs a finite number, not ${value}.`);
}

// Multiplying by 1e6 or 0.01 leaves binary noise (3.8 × 1e9 = 3800000000.0000005); 15 significant
// digits is what a double holds reliably, so rounding there removes the noise and nothing else.
function withoutFloatNoise(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(15));
}

function baseUnitOf(dimension: string): string {
  if (dimension in DIMENSION_BASE) return DIMENSION_BASE[dimension];
  const [kind, code] = dimension.split(':');
  return kind === 'price-per-mass' ? `${code}/kg` : code;
}

function describeDimension(dimension: string): string {
  const [kind, code] = dimension.split(':');
  if (kind === 'currency') return `currency (${code})`;
  if (kind === 'price-per-mass') return `price per mass (${code})`;
  if (kind === 'percentage-points') return 'percentage points';
  return kind;
}

function incompatible(fromUnit: string, toUnit: string, a: UnitInfo, b: UnitInfo): AssayError {
  const name = (unit: string) => (unit.trim() === '' ? 'a bare number' : unit.trim());
  let message = `Cannot compare ${name(fromUnit)} with ${name(toUnit)}: ${describeDimension(a.dimension)} and ${describeDimension(b.dimension)} are different kinds of quantity`;
  const dimensions = new Set([a.dimension, b.dimension]);
  if (dimensions.has('ratio') && dimensions.has('percentage-points')) {
    message += '; a change of 5 percentage points is not a change of 5 %';
  } else if (currencyCode(a) && currencyCode(b) && currencyCode(a) !== currencyCode(b)) {
    message += '; convert at a stated exchange rate first';
  }
  return new AssayError('invalid_input', message);
}

/** The value in the dimension's base unit: 3.8 Mt → 3.8e9 kg, 69.2 % → 0.692 fraction. */
export function normalise(value: number, unit: string): { value: number; baseUnit: string; dimension: string } {
  requireFinite(value);
  const resolved = requireUnit(unit);
  return {
    value: withoutFloatNoise(value * resolved.scale * resolved.unit.factor),
    baseUnit: baseUnitOf(resolved.unit.dimension),
    dimension: resolved.unit.dimension
  };
}

export function convert(value: number, fromUnit: string, toUnit: string): number {
  requireFinite(value);
  const from = requireUnit(fromUnit);
  const to = requireUnit(toUnit);
  if (from.unit.dimension !== to.unit.dimension) throw incompatible(fromUnit, toUnit, from.unit, to.unit);
  return withoutFloatNoise((value * from.scale * from.unit.factor) / (to.scale * to.unit.factor));
}

export interface QuantityValue {
  value: number;
  unit: string;
}

function normalisedPair(a: QuantityValue, b: QuantityValue): [number, number] | null {
  const left = normalise(a.value, a.unit);
  const right = normalise(b.value, b.unit);
  if (left.dimension !== right.dimension) return null;
  return [left.value, right.value];
}

function closeEnough(a: number, b: number, relativeTolerance: number): boolean {
  return Math.abs(a - b) <= relativeTolerance * Math.max(Math.abs(a), Math.abs(b));
}

/** Negative when a < b, 0 when equal up to float noise, positive when a > b. */
export function compareQuantities(a: QuantityValue, b: QuantityValue): number {
  const pair = normalisedPair(a, b);
  if (!pair) throw incompatible(a.unit, b.unit, requireUnit(a.unit).unit, requireUnit(b.unit).unit);
  const [left, right] = pair;
  if (closeEnough(left, right, RELATIVE_EPSILON)) return 0;
  return left < right ? -1 : 1;
}

/**
 * Whether two figures state the same amount: 3.8 Mt and 3,800,000 t do. Figures of different
 * kinds (tonnes and dollars) are simply not the same, so this answers false instead of throwing;
 * an unknown unit still throws, because then the question cannot be answered.
 */
export function sameQuantity(a: QuantityValue, b: QuantityValue, relativeTolerance = RELATIVE_EPSILON): boolean {
  const pair = normalisedPair(a, b);
  return pair !== null && closeEnough(pair[0], pair[1], relativeTolerance);
}

export interface FormatOptions {
  /** Round to at most this many decimals (default: as stored, up to 15 significant digits). */
  maximumFractionDigits?: number;
}

/**
 * A figure as an analyst would write it: "270,000 t", "69.2 %", "USD 1.2 billion", "2×".
 * Negative values use the real minus sign (U+2212), which the quantity parser reads as a sign;
 * an ASCII hyphen before a number it reads as a dash.
 */
// Number formats are built once each: a new Intl.NumberFormat per call is most of the time a chart
// of many figures spends writing its notes.
const quantityFormats = new Map<number | undefined, Intl.NumberFormat>();
function quantityFormat(maximumFractionDigits: number | undefined): Intl.NumberFormat {
  let format = quantityFormats.get(maximumFractionDigits);
  if (!format) {
    format =
      maximumFractionDigits === undefined
        ? new Intl.NumberFormat('en-US', { maximumSignificantDigits: 15 })
        : new Intl.NumberFormat('en-US', { maximumFractionDigits });
    quantityFormats.set(maximumFractionDigits, format);
  }
  return format;
}

export function formatQuantity(value: number, unit: string, options: FormatOptions = {}): string {
  requireFinite(value);
  const resolved = requireUnit(unit);
  const number = quantityFormat(options.maximumFractionDigits).format(value).replace(/^-/, '\u2212');
  const symbol = resolved.symbol;
  if (symbol === '') return number;
  if (resolved.unit.dimension === 'multiple' && resolved.scale === 1) return `${number}×`;
  if (isCurrency(resolved.unit)) {
    const scaleName = resolved.scale === 1 ? '' : ` ${SCALE_NAMES.get(resolved.scale)}`;
    return `${resolved.unit.symbol} ${number}${scaleName}`;
  }
  return `${number} ${symbol}`;
}
