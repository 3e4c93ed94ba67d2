import { VERDICTS, type Verdict } from '../../../../shared/evidence';
import { VerdictBadge } from '../claims/VerdictBadge';
import { formatValue } from './merge-plan';

/** A field's value in a side-by-side view; a verdict as its coloured badge. */
export function FieldValue({ field, value }: { field: string; value: unknown }) {
  if (field === 'verdict' && typeof value === 'string' && (VERDICTS as readonly string[]).includes(value)) {
    return <VerdictBadge verdict={value as Verdict} />;
  }
  return <span className="field-value">{formatValue(value, field)}</span>;
}
