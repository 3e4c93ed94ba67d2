import type { PlanItem } from '../../../../shared/projects';
import { FieldValue } from './FieldValue';
import { KIND_LABELS } from './merge-plan';

const RULE_LABELS: Record<string, string> = {
  theirs: 'theirs',
  mine: 'yours kept',
  newer_wins: 'newer edit wins',
  union: 'merged as a set',
  conflict: 'conflict'
};

/**
 * New, updated or deleted items. Updated items open to their field-by-field changes (yours,
 * theirs and what the merge keeps).
 */
export function PlanItemList({ title, items, withChanges = false }: { title: string; items: PlanItem[]; withChanges?: boolean }) {
  if (items.length === 0) return null;
  return (
    <details className="plan-section plan-items" open={withChanges && items.length <= 10}>
      <summary>
        <h3>
          {title} ({items.length})
        </h3>
      </summary>
      <ul>
        {items.map((item) => (
          <li key={`${item.kind}-${item.id}`}>
            {withChanges && item.changes && item.changes.length > 0 ? (
              <details className="item-changes">
                <summary>
                  <span className="kind-tag">{KIND_LABELS[item.kind].one}</span> {item.label}{' '}
                  <span className="hint">
                    ({item.changes.length} field{item.changes.length === 1 ? '' : 's'})
                  </span>
                </summary>
                <table className="changes-table">
                  <thead>
                    <tr>
                      <th scope="col">Field</th>
                      <th scope="col">Yours</th>
                      <th scope="col">Theirs</th>
                      <th scope="col">After the merge</th>
                      <th scope="col">Rule</th>
                    </tr>
                  </thead>
                  <tbody>
                    {item.changes.map((change) => (
                      <tr key={change.field}>
                        <th scope="row">{change.field}</th>
                        <td>
                          <FieldValue field={change.field} value={change.mine} />
                        </td>
                        <td>
                          <FieldValue field={change.field} value={change.theirs} />
                        </td>
                        <td className="result">
                          <FieldValue field={change.field} value={change.result} />
                        </td>
                        <td className="hint">{RULE_LABELS[change.rule] ?? change.rule}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            ) : (
              <>
                <span className="kind-tag">{KIND_LABELS[item.kind].one}</span> {item.label}
              </>
            )}
            {item.note && <div className="hint item-note">{item.note}</div>}
          </li>
        ))}
      </ul>
    </details>
  );
}
