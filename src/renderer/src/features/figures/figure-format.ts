// How figures read in the table, the detail pane and the competing-values panel, and how an
// inline edit of the value cell is read back (the editor shows exactly what the cell shows).
import type { Figure, FigureSource, Qualifier } from '../../../../shared/evidence';

// One locale for every number: the app's words are English, and a table whose separators change
// with the machine's settings reads differently in screenshots, tests and reports.
const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

export function formatNumber(value: number): string {
  return NUMBER_FORMAT.format(value);
}

/**
 * A number for an editor: every digit the number has (String's shortest round trip), with
 * thousands separators, so that opening and saving an edit never rounds the value.
 */
export function formatExactNumber(value: number): string {
  const text = String(value);
  if (/e/i.test(text)) return text;
  const [whole, fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

const QUALIFIER_PREFIX: Record<Exclude<Qualifier, 'range'>, string> = {
  exact: '',
  approximately: '~',
  at_least: '≥',
  at_most: '≤'
};

/** "270,000", "~69", "≥90", "35–40". */
export function formatValue(figure: Pick<Figure, 'value' | 'high' | 'qualifier'>, format: (value: number) => string = formatNumber): string {
  if (figure.qualifier === 'range') {
    return figure.high === null ? format(figure.value) : `${format(figure.value)}–${format(figure.high)}`;
  }
  return QUALIFIER_PREFIX[figure.qualifier] + format(figure.value);
}

/** The value with its unit: "270,000 t", "~69%", "$1.2 bn" stays "1.2 USD bn" as the unit says. */
export function formatQuantity(figure: Pick<Figure, 'value' | 'high' | 'qualifier' | 'unit'>): string {
  const value = formatValue(figure);
  if (!figure.unit) return value;
  return figure.unit === '%' ? `${value}%` : `${value} ${figure.unit}`;
}

/** "2025 edition" for a bare year, otherwise the edition as written ("3rd edition", "Jan 2025"). */
export function formatEdition(edition: string): string {
  return /^\d{4}$/.test(edition.trim()) ? `${edition.trim()} edition` : edition.trim();
}

export function shortQuote(quote: string, max = 60): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > max * 0.6 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

/** One line for the table: the article and a short quote, or the cited report, edition and page. */
export function formatSource(source: FigureSource): string {
  switch (source.kind) {
    case 'highlight':
      return `${source.articleTitle || 'Untitled article'} — “${shortQuote(source.quote)}”`;
    case 'citation': {
      const parts = [source.title ?? source.publisher, source.edition ? formatEdition(source.edition) : null, source.page ? `p. ${source.page}` : null];
      return parts.filter(Boolean).join(', ') || '—';
    }
    case 'none':
      return '—';
  }
}

export interface ValueEdit {
  value: string;
  high: string | null;
  qualifier: Qualifier;
}

/**
 * Reads the value cell's editor: the same notation the cell shows ("~270,000", "≥90", "35–40"),
 * plus what people type for it (">=", "<=", "about", "35 to 40"). The numbers stay text so that
 * core reads them and names the field when one is not a number.
 */
export function parseValueEdit(text: string): ValueEdit {
  const trimmed = text.trim();
  const prefixed: [RegExp, Qualifier][] = [
    [/^(?:~|≈|about\b|approx(?:\.|imately)?\b)\s*/i, 'approximately'],
    [/^(?:≥|>=|>|at least\b)\s*/i, 'at_least'],
    [/^(?:≤|<=|<|at most\b)\s*/i, 'at_most']
  ];
  for (const [pattern, qualifier] of prefixed) {
    if (pattern.test(trimmed)) return { value: trimmed.replace(pattern, ''), high: null, qualifier };
  }
  // A range: the low number ends in a digit, then a dash or "to", then the high number.
  const range = /^(.*\d)\s*(?:–|—|\bto\b|-)\s*([-−]?\s*\d.*)$/.exec(trimmed);
  if (range) return { value: range[1].trim(), high: range[2].trim(), qualifier: 'range' };
  return { value: trimmed, high: null, qualifier: 'exact' };
}

/** The text the value cell's editor starts with: what the cell shows, without rounding. */
export function valueEditText(figure: Pick<Figure, 'value' | 'high' | 'qualifier'>): string {
  return formatValue(figure, formatExactNumber);
}

export function formatDate(iso: string): string {
  return iso.slice(0, 10);
}
