import type { ReactNode } from 'react';
import { ENTITY_KINDS, type MergePlan } from '../../../../shared/projects';
import { PlanItemList } from './PlanItemList';
import { RejectedList } from './RejectedList';

/** The parts a preview and a report share: remarks, rejected items, then conflicts and the lists. */
export function PlanDetails({ plan, conflicts }: { plan: MergePlan; conflicts: ReactNode }) {
  const items = (part: 'added' | 'updated' | 'deleted') => ENTITY_KINDS.flatMap((kind) => plan.kinds[kind]?.[part] ?? []);
  return (
    <>
      {plan.notes.length > 0 && (
        <ul className="plan-notes" aria-label="Remarks">
          {plan.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <RejectedList items={plan.rejected} />
      {conflicts}
      <PlanItemList title="Updated" items={items('updated')} withChanges />
      <PlanItemList title="New" items={items('added')} />
      <PlanItemList title="Deleted" items={items('deleted')} />
    </>
  );
}
