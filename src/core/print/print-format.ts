// How things read on paper: escaping, dates, figure values and sources. Pure, for the document
// builder and its tests.
import type { Figure, FigureSource, Qualifier } from '../../shared/evidence';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/** Text with its line breaks kept (notes and rationales are written with them). */
export function multilineHtml(text: string): string {
  return text
    .trim()
    .split(/\n{2,}/)
    .map((paragraph) => escapeHtml(paragraph).replace(/\n/g, '<br>'))
    .join('<br><br>');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2025", "March 2025", "14 March 2025" for YYYY, YYYY-MM, YYYY-MM-DD (or an ISO timestamp). */
export function formatDate(value: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  if (!month) return year;
  const monthName = MONTHS[Number(month) - 1] ?? month;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** "14 March 2025, 16:03 UTC" for an ISO timestamp. */
export function formatTimestamp(iso: string): string {
  const match = /T(\d{2}):(\d{2})/.exec(iso);
  return match ? `${formatDate(iso)}, ${match[1]}:${match[2]} UTC` : formatDate(iso);
}

const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

export function formatNumber(value: number): string {
  return NUMBER_FORMAT.format(value);
}

const QUALIFIER_PREFIX: Record<Exclude<Qualifier, 'range'>, string> = {
  exact: '',
  approximately: '~',
  at_least: '≥ ',
  at_most: '≤ '
};

/** "270,000 t", "~69%", "35–40 Mt" — as the app's tables write them. */
export function formatQuantity(figure: Pick<Figure, 'value' | 'high' | 'qualifier' | 'unit'>): string {
  const number =
    figure.qualifier === 'range'
      ? figure.high === null
        ? formatNumber(figure.value)
        : `${formatNumber(figure.value)}–${formatNumber(figure.high)}`
      : QUALIFIER_PREFIX[figure.qualifier] + formatNumber(figure.value);
  if (!figure.unit) return number;
  return figure.unit === '%' ? `${number}%` : `${number} ${figure.unit}`;
}

/** mine_production → "Mine production". */
export function humanise(name: string): string {
  const words = name.replace(/_/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : words;
}

/** "Mine production · China · 2024". */
export function figureLabel(figure: Pick<Figure, 'metric' | 'entity' | 'period'>): string {
  return [humanise(figure.metric), figure.entity, figure.period].filter((part) => part && part.trim()).join(' · ');
}

function formatEdition(edition: string): string {
  return /^\d{4}$/.test(edition.trim()) ? `${edition.trim()} edition` : edition.trim();
}

/** A cited report: "USGS Mineral Commodity Summaries, 2025 edition, p. 145". */
export function formatCitation(source: Extract<FigureSource, { kind: 'citation' }>): string {
  const parts = [
    source.title ?? source.publisher,
    source.title && source.publisher ? source.publisher : null,
    source.edition ? formatEdition(source.edition) : null,
    source.page ? `p. ${source.page.replace(/^p+\.\s*/i, '')}` : null
  ];
  return parts.filter(Boolean).join(', ');
}

export function shortText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > max * 0.6 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

/** A file name from a title: "Who really controls rare earths?" → "who-really-controls-rare-earths". */
export function slug(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return words.slice(0, 60).replace(/-+$/, '') || 'assay-print';
}
