// How numbers, figures and consistency checks read on screen. Pure, so the words are tested once.
import type { ConsistencyCheck, Figure, Qualifier, StatedNumber } from '../../../../shared/evidence';

/** 270000 → "270,000"; 69.23 → "69.23". Always en-US, as core writes its formulas. */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

const QUALIFIER_SIGNS: Record<Qualifier, string> = {
  exact: '',
  approximately: '~',
  at_least: '≥ ',
  at_most: '≤ ',
  range: ''
};

function withUnit(number: string, unit: string): string {
  if (!unit) return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

/** { 69, %, approximately } → "~69%"; a range → "35–40%". */
export function formatAmount(amount: { value: number; high: number | null; unit: string; qualifier: Qualifier }): string {
  const number =
    amount.qualifier === 'range' && amount.high !== null
      ? `${formatNumber(amount.value)}–${formatNumber(amount.high)}`
      : formatNumber(amount.value);
  return `${QUALIFIER_SIGNS[amount.qualifier]}${withUnit(number, amount.unit)}`;
}

export function formatStated(stated: StatedNumber | null): string {
  return stated ? formatAmount(stated) : '—';
}

/** One line that tells figures apart in a picker: "China · mine production · 2024: 270,000 t". */
export function describeFigure(figure: Pick<Figure, 'entity' | 'metric' | 'period' | 'value' | 'high' | 'unit' | 'qualifier'>): string {
  const what = [figure.entity, figure.metric, figure.period].filter((part) => part && part.trim()).join(' · ');
  return `${what}: ${formatAmount(figure)}`;
}

export type ConsistencyTone = 'consistent' | 'inconsistent' | 'cannot_compute' | 'none';

export interface ConsistencyDisplay {
  tone: ConsistencyTone;
  symbol: string;
  label: string;
}

/** The ledger's consistency column and the detail pane's badge. */
export function consistencyDisplay(check: ConsistencyCheck | null): ConsistencyDisplay {
  if (!check) return { tone: 'none', symbol: '—', label: 'no computation' };
  switch (check.status) {
    case 'consistent':
      return { tone: 'consistent', symbol: '✓', label: 'consistent' };
    case 'inconsistent':
      return { tone: 'inconsistent', symbol: '✗', label: 'inconsistent' };
    case 'cannot_compute':
      return { tone: 'cannot_compute', symbol: '?', label: 'cannot compute' };
  }
}
