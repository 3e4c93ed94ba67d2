import { VERDICT_LABELS, type Verdict } from '../../../../shared/evidence';
import { verdictClass } from './ledger';

/** The verdict as a coloured badge; the reader uses the same classes on highlights' claims. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return <span className={`verdict-badge ${verdictClass(verdict)}`}>{VERDICT_LABELS[verdict]}</span>;
}
