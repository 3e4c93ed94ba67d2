import type { MergeResolution, PlanConflict } from '../../../../shared/projects';
import { conflictReason, conflictRows, KIND_LABELS, RESOLUTION_LABELS } from './merge-plan';
import { FieldValue } from './FieldValue';

/**
 * One conflict side by side: your version and theirs (and the version you both last had), the
 * fields that differ marked, and the choices that apply. A report shows the choice made instead.
 */
export function ConflictCard({
  conflict,
  choice,
  onChoose
}: {
  conflict: PlanConflict;
  choice?: MergeResolution;
  /** Absent in a report: the choice is shown, not asked. */
  onChoose?: (resolution: MergeResolution) => void;
}) {
  const rows = conflictRows(conflict);
  const showBase = conflict.base !== null;
  const headingId = `conflict-${conflict.kind}-${conflict.id}`;
  return (
    <article className="conflict-card" aria-labelledby={headingId}>
      <h4 id={headingId}>
        <span className="kind-tag">{KIND_LABELS[conflict.kind].one}</span> {conflict.label}
      </h4>
      <p className="conflict-reason">{conflictReason(conflict)}</p>
      <div className="conflict-scroll">
        <table className="conflict-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Yours</th>
              <th scope="col">Theirs</th>
              {showBase && <th scope="col">Base (last exchanged)</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.field} className={row.differs ? 'differs' : undefined}>
                <th scope="row">
                  {row.field}
                  {row.differs && <span className="visually-hidden"> (differs)</span>}
                </th>
                <td className="mine">{conflict.mine === null ? <em>deleted</em> : <FieldValue field={row.field} value={row.mine} />}</td>
                <td className="theirs">{conflict.theirs === null ? <em>deleted</em> : <FieldValue field={row.field} value={row.theirs} />}</td>
                {showBase && (
                  <td className="base">
                    <FieldValue field={row.field} value={row.base} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {onChoose ? (
        <fieldset className="conflict-choice">
          <legend>Resolve</legend>
          {conflict.options.map((option) => (
            <label key={option}>
              <input
                type="radio"
                name={`resolution-${conflict.id}`}
                value={option}
                checked={choice === option}
                onChange={() => onChoose(option)}
              />
              {RESOLUTION_LABELS[option]}
            </label>
          ))}
        </fieldset>
      ) : (
        conflict.resolution && (
          <p className="conflict-resolved">
            Resolved: <strong>{RESOLUTION_LABELS[conflict.resolution]}</strong>
            {conflict.copyId && <> (their version kept as a copy tagged “disputed copy”)</>}
          </p>
        )
      )}
    </article>
  );
}
