import type { RejectedItem } from '../../../../shared/projects';
import { KIND_LABELS } from './merge-plan';

/** What the merge leaves out, each with the reason. */
export function RejectedList({ items }: { items: RejectedItem[] }) {
  if (items.length === 0) return null;
  return (
    <section className="plan-section" aria-label="Rejected">
      <h3>Rejected ({items.length})</h3>
      <ul className="rejected-list">
        {items.map((item) => (
          <li key={`${item.kind}-${item.id}`}>
            <span className="kind-tag">{KIND_LABELS[item.kind].one}</span> <strong>{item.label}</strong>
            <span className="rejected-reason">{item.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
