// Numbers and text as a chart shows them. Pure (no DOM, no Node), for the option builder.
import type { Qualifier } from '../evidence';

const formats = new Map<number, Intl.NumberFormat>();
function numberFormat(maximumFractionDigits: number): Intl.NumberFormat {
  let format = formats.get(maximumFractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits });
    formats.set(maximumFractionDigits, format);
  }
  return format;
}

/**
 * A value as a chart label shows it: thousands separated, and only as many decimals as its size
 * needs (270,000; 69.2; 3.8; 0.0045). Negative numbers use the real minus sign.
 */
export function formatChartNumber(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const magnitude = Math.abs(value);
  let digits: number;
  if (magnitude === 0 || magnitude >= 100) digits = 0;
  else if (magnitude >= 10) digits = 1;
  else if (magnitude >= 1) digits = 2;
  // Three significant digits below 1: 0.89, 0.0045.
  else digits = Math.min(12, 2 - Math.floor(Math.log10(magnitude)));
  return numberFormat(digits).format(value).replace(/^-/, '\u2212');
}

/** "270,000 t", "69.2 %", "USD 1.2 billion" is left to core; this is the short form for charts. */
export function formatChartQuantity(value: number, unit: string): string {
  const number = formatChartNumber(value);
  if (!unit) return number;
  if (unit === '%') return `${number}%`;
  if (unit === '×') return `${number}×`;
  return `${number} ${unit}`;
}

const QUALIFIER_PREFIX: Record<Qualifier, string> = {
  exact: '',
  approximately: '~',
  at_least: '≥',
  at_most: '≤',
  range: ''
};

export function qualifierPrefix(qualifier: Qualifier): string {
  return QUALIFIER_PREFIX[qualifier];
}

/** "Mine production" from "mine_production". */
export function humanizeName(name: string): string {
  const spaced = name.replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return spaced ? spaced[0].toUpperCase() + spaced.slice(1) : spaced;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
