// Links the claim to a figure or another claim that supports, contradicts, qualifies it, or that
// it is derived from.
import { useState, type FormEvent } from 'react';
import { LINK_RELATION_LABELS, LINK_RELATIONS, type ClaimSummary, type Figure, type LinkRelation } from '../../../../shared/evidence';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { describeProblem } from './claim-draft';
import { ClaimPicker } from './ClaimPicker';
import { FigurePicker } from './FigurePicker';

type TargetKind = 'figure' | 'claim';

export function LinkEvidenceForm({ claimId, onLinked, onCancel }: { claimId: string; onLinked: () => void; onCancel: () => void }) {
  const client = useClient();
  const [relation, setRelation] = useState<LinkRelation>('supports');
  const [kind, setKind] = useState<TargetKind>('figure');
  const [figure, setFigure] = useState<Figure | null>(null);
  const [claim, setClaim] = useState<ClaimSummary | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const targetId = kind === 'figure' ? figure?.id : claim?.id;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!targetId) {
      setProblem(kind === 'figure' ? 'Choose the figure to link.' : 'Choose the claim to link.');
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      await client.call('links.create', { claimId, targetKind: kind, targetId, relation });
      onLinked();
    } catch (error) {
      setProblem(describeProblem(errorMessage(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="link-form"
      aria-label="Link evidence"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
      noValidate
    >
      <div className="form-row">
        <label className="field">
          Relation
          <select value={relation} onChange={(event) => setRelation(event.target.value as LinkRelation)}>
            {LINK_RELATIONS.map((value) => (
              <option key={value} value={value}>
                {LINK_RELATION_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <div className="segmented" role="radiogroup" aria-label="Link to">
          {(['figure', 'claim'] as const).map((value) => (
            <button
              key={value}
              type="button"
              role="radio"
              aria-checked={kind === value}
              className={kind === value ? 'selected' : undefined}
              onClick={() => {
                setKind(value);
                setProblem(null);
              }}
            >
              {value === 'figure' ? 'A figure' : 'A claim'}
            </button>
          ))}
        </div>
      </div>
      {kind === 'figure' ? (
        <FigurePicker label="Evidence figure" figure={figure} onSelect={setFigure} autoFocus />
      ) : (
        <ClaimPicker label="Evidence claim" claim={claim} excludeId={claimId} onSelect={setClaim} autoFocus />
      )}
      {problem && (
        <p role="alert" className="form-problem">
          {problem}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy || !targetId}>
          Add link
        </button>
      </div>
    </form>
  );
}
