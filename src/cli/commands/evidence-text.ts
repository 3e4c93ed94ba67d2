// What claims, figures and quantities look like in human output, and how the short ids those
// tables print are turned back into full ones.
import type { Dispatcher } from '../../core/dispatch/dispatcher';
import { formatQuantity } from '../../core/quantities/units';
import { QUALIFIER_LABELS, type ConsistencyCheck, type Figure, type FigureSource, type Qualifier } from '../../shared/evidence';
import { AssayError } from '../../shared/errors';
import { singleLine, truncate } from '../terminal-text';

/** Tables print the first characters of an id; commands accept any unique start of one. */
export const ID_PREFIX_LENGTH = 8;

export function shortId(id: string): string {
  return id.slice(0, ID_PREFIX_LENGTH);
}

const FULL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID_PREFIX = /^[0-9a-f-]{4,35}$/i;
const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 15 });

/** "270,000 t", "69.2 %", "USD 1.2 billion" (core's spelling); a unit it does not know is appended as typed. */
export function formatValue(value: number, unit: string): string {
  try {
    return formatQuantity(value, unit);
  } catch {
    const number = NUMBER_FORMAT.format(value);
    return unit.trim() ? `${number} ${unit.trim()}` : number;
  }
}

/** The value, or both ends of a range: "255,000 t", "35 % – 40 %". */
export function formatAmount(amount: { value: number; high: number | null; unit: string; qualifier: Qualifier }): string {
  const low = formatValue(amount.value, amount.unit);
  return amount.high === null ? low : `${low} – ${formatValue(amount.high, amount.unit)}`;
}

/** As a person would say it: "approximately 69 %", "at least 90 %", "35 % – 40 %", "270,000 t". */
export function describeAmount(amount: { value: number; high: number | null; unit: string; qualifier: Qualifier }): string {
  const words = amount.qualifier === 'exact' || amount.qualifier === 'range' ? '' : `${QUALIFIER_LABELS[amount.qualifier]} `;
  return `${words}${formatAmount(amount)}`;
}

/** The qualifier column: empty for an exact value, which is most of them. */
export function qualifierLabel(qualifier: Qualifier): string {
  return qualifier === 'exact' ? '' : QUALIFIER_LABELS[qualifier];
}

/** "USGS Mineral Commodity Summaries, 2025 edition, p. 145", or the article a highlight is in. */
export function describeSource(source: FigureSource): string {
  switch (source.kind) {
    case 'citation': {
      const edition = source.edition ? (/edition|ed\./i.test(source.edition) ? source.edition : `${source.edition} edition`) : null;
      const parts = [source.title, source.publisher, edition, source.page ? `p. ${source.page}` : null];
      return parts.filter((part): part is string => Boolean(part)).join(', ') || '—';
    }
    case 'highlight':
      return `${source.articleTitle}: “${truncate(singleLine(source.quote), 60)}”`;
    case 'none':
      return '—';
  }
}

/** "China, mine_production, 2023: 255,000 t". */
export function describeFigure(figure: Figure): string {
  return `${figure.entity}, ${figure.metric}, ${figure.period}: ${describeAmount(figure)}`;
}

/** The ledger's check column: consistent, inconsistent, cannot compute, or — without a computation. */
export function checkLabel(check: ConsistencyCheck | null): string {
  if (!check) return '—';
  return check.status === 'cannot_compute' ? 'cannot compute' : check.status;
}

/** Every id of one kind, paged through the contract (claims are few; figures come 5,000 at a time). */
function* allIds(dispatcher: Dispatcher, kind: 'claim' | 'figure'): Generator<string> {
  for (let offset = 0; ; ) {
    const page =
      kind === 'claim'
        ? dispatcher.call('claims.list', { limit: 1000, offset })
        : dispatcher.call('figures.list', { sort: 'added', direction: 'asc', limit: 5000, offset });
    for (const item of page.items) yield item.id;
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) return;
  }
}

/**
 * A full id from what was typed: a full id as it is, or the unique claim or figure whose id starts
 * with it (the tables print 8 characters). Anything else is passed on, for core to say it does not exist.
 */
export function resolveId(dispatcher: Dispatcher, kind: 'claim' | 'figure', typed: string): string {
  const given = typed.trim();
  if (FULL_ID.test(given) || !ID_PREFIX.test(given)) return given;
  const prefix = given.toLowerCase();
  const matches: string[] = [];
  for (const id of allIds(dispatcher, kind)) {
    if (id.toLowerCase().startsWith(prefix)) matches.push(id);
  }
  if (matches.length > 1) {
    throw new AssayError('invalid_input', `${given} is the start of ${matches.length} ${kind} ids; give more of the id.`);
  }
  return matches[0] ?? given;
}
