import type { MergePlan } from '../../../../shared/projects';
import { KIND_LABELS, kindCounts } from './merge-plan';

/** New / updated / deleted / conflicts / rejected, kind by kind. */
export function PlanCounts({ plan, caption }: { plan: MergePlan; caption: string }) {
  const rows = kindCounts(plan);
  const cell = (count: number, className: string) => <td className={count > 0 ? className : 'zero'}>{count}</td>;
  return (
    <table className="plan-counts">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col">New</th>
          <th scope="col">Updated</th>
          <th scope="col">Deleted</th>
          <th scope="col">Conflicts</th>
          <th scope="col">Rejected</th>
          <th scope="col">Unchanged</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.kind}>
            <th scope="row">{KIND_LABELS[row.kind].many}</th>
            {cell(row.added, 'added')}
            {cell(row.updated, 'updated')}
            {cell(row.deleted, 'deleted')}
            {cell(row.conflicts, 'conflicts')}
            {cell(row.rejected, 'rejected')}
            <td className="zero">{row.unchanged}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
