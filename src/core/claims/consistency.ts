// Whether a claim's stated number follows from the figures it cites: a share is a ÷ b, a change
// is (a − b) ÷ b, both in percent, compared with the stated number within a visible tolerance.
import type { ClaimComputation, ConsistencyCheck, StatedNumber } from '../../shared/evidence';
import { QUALIFIER_LABELS } from '../../shared/evidence';
import type { Library } from '../db/library';
import { formatQuantity } from '../quantities/units';

interface FigureValue {
  id: string;
  value: number;
  unit: string;
  normalized_value: number;
  dimension: string;
  deleted_at: string | null;
}

function formatPercent(value: number): string {
  return `${Number(value.toFixed(1)).toLocaleString('en-US')}%`;
}

function describeStated(stated: StatedNumber): string {
  const qualifier = stated.qualifier === 'exact' ? '' : `${QUALIFIER_LABELS[stated.qualifier]} `;
  const value = stated.qualifier === 'range' && stated.high !== null ? `${stated.value}–${stated.high}` : `${stated.value}`;
  return `${qualifier}${value}${stated.unit === '%' ? '%' : ` ${stated.unit}`}`;
}

function cannotCompute(explanation: string, tolerance: number, formula = '', computed: number | null = null): ConsistencyCheck {
  return { status: 'cannot_compute', computed, formula, explanation, tolerance };
}

export function checkConsistency(library: Library, stated: StatedNumber | null, computation: ClaimComputation): ConsistencyCheck {
  const tolerance = computation.tolerance;
  const load = (id: string) =>
    library.statement('SELECT id, value, unit, normalized_value, dimension, deleted_at FROM figures WHERE id = ?').get(id) as
      | FigureValue
      | undefined;
  const a = load(computation.aFigureId);
  const b = load(computation.bFigureId);
  if (!a || a.deleted_at || !b || b.deleted_at) {
    return cannotCompute('A figure this computation uses has been deleted.', tolerance);
  }
  if (a.dimension !== b.dimension) {
    return cannotCompute(`Cannot divide ${a.unit} by ${b.unit}: they are different kinds of quantity.`, tolerance);
  }
  if (b.normalized_value === 0) return cannotCompute(`The second figure is zero, so the ${computation.kind} is undefined.`, tolerance);

  const aText = formatQuantity(a.value, a.unit);
  const bText = formatQuantity(b.value, b.unit);
  let computed: number;
  let formula: string;
  if (computation.kind === 'share') {
    computed = (a.normalized_value / b.normalized_value) * 100;
    formula = `${aText} ÷ ${bText} = ${formatPercent(computed)}`;
  } else {
    computed = ((a.normalized_value - b.normalized_value) / b.normalized_value) * 100;
    formula = `(${aText} − ${bText}) ÷ ${bText} = ${computed > 0 ? '+' : ''}${formatPercent(computed)}`;
  }
  if (!stated) return cannotCompute('The claim states no number to compare with.', tolerance, formula, computed);
  if (stated.unit !== '%') {
    return cannotCompute(`The claim states ${describeStated(stated)}, but a ${computation.kind} is a percentage.`, tolerance, formula, computed);
  }

  const low = stated.value - tolerance;
  const high = (stated.qualifier === 'range' && stated.high !== null ? stated.high : stated.value) + tolerance;
  let consistent: boolean;
  switch (stated.qualifier) {
    case 'at_least':
      consistent = computed >= low;
      break;
    case 'at_most':
      consistent = computed <= stated.value + tolerance;
      break;
    default:
      consistent = computed >= low && computed <= high;
  }
  const within = `±${tolerance} percentage point${tolerance === 1 ? '' : 's'}`;
  const explanation = consistent
    ? `Stated ${describeStated(stated)}; computed ${formatPercent(computed)}: consistent (tolerance ${within}).`
    : `Stated ${describeStated(stated)}; computed ${formatPercent(computed)}: inconsistent, outside the tolerance of ${within}.`;
  return { status: consistent ? 'consistent' : 'inconsistent', computed, formula, explanation, tolerance };
}
