import type { ConsistencyCheck } from '../../../../shared/evidence';
import { consistencyDisplay } from './format';

/** ✓ consistent, ✗ inconsistent, ? cannot compute, or — when the claim has no computation. */
export function ConsistencyBadge({ check, large = false }: { check: ConsistencyCheck | null; large?: boolean }) {
  const display = consistencyDisplay(check);
  if (display.tone === 'none') {
    return (
      <span className="consistency-none" title="No computation">
        —
      </span>
    );
  }
  return (
    <span className={`consistency-badge tone-${display.tone}${large ? ' large' : ''}`} title={check?.formula || undefined}>
      <span aria-hidden="true">{display.symbol}</span> {display.label}
    </span>
  );
}
