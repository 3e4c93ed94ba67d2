import type { Verdict } from '../../../../shared/evidence';
import { verdictChips } from './ledger';

/** Counts by verdict, each a filter; "All" clears the filter. */
export function VerdictChips({
  counts,
  selected,
  onSelect
}: {
  counts: Record<Verdict, number> | null;
  selected: Verdict | null;
  onSelect: (verdict: Verdict | null) => void;
}) {
  return (
    <div className="verdict-chips" role="group" aria-label="Filter by verdict">
      {verdictChips(counts, selected).map((chip) => (
        <button
          key={chip.verdict ?? 'all'}
          type="button"
          className={`verdict-chip ${chip.verdict ? `verdict-${chip.verdict}` : 'verdict-all'}${chip.selected ? ' selected' : ''}`}
          aria-pressed={chip.selected}
          onClick={() => onSelect(chip.verdict)}
        >
          {chip.verdict && <span className="chip-dot" aria-hidden="true" />}
          {chip.label} <span className="chip-count">{chip.count}</span>
        </button>
      ))}
    </div>
  );
}
