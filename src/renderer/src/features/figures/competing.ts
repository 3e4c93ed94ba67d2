// Words for a group of competing values: how far apart they are, when that can be said simply.
import type { CompetingGroup } from '../../../../shared/evidence';
import { formatNumber } from './figure-format';

/**
 * "6.3% apart (240,000–255,000 t)" when every figure is a plain value in one unit; otherwise
 * null, because the spread of mixed units or ranges needs the normalised values core keeps.
 */
export function describeSpread(group: Pick<CompetingGroup, 'figures'>): string | null {
  const { figures } = group;
  if (figures.length < 2) return null;
  const unit = figures[0].unit;
  if (figures.some((figure) => figure.unit !== unit || figure.qualifier === 'range')) return null;
  const values = figures.map((figure) => figure.value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  if (high === low) return null;
  const base = Math.max(Math.abs(low), Math.abs(high));
  const percent = (Math.abs(high - low) / base) * 100;
  const rounded = percent >= 10 ? Math.round(percent).toString() : percent.toFixed(1);
  const unitText = unit === '%' ? '%' : unit ? ` ${unit}` : '';
  return `${rounded}% apart (${formatNumber(low)}–${formatNumber(high)}${unitText})`;
}

/** The heading of a group: "China · mine_production · 2023". */
export function groupTitle(group: Pick<CompetingGroup, 'metric' | 'entity' | 'period'>): string {
  return `${group.entity} · ${group.metric} · ${group.period}`;
}
