// How the claim's number follows from two figures: a share (a ÷ b) or a change ((a − b) ÷ b),
// with the tolerance, in percentage points, that the check allows.
import { useEffect, useState, type FormEvent } from 'react';
import { COMPUTATION_KINDS, type ClaimComputation, type ComputationKind, type Figure } from '../../../../shared/evidence';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import {
  checkComputationDraft,
  COMPUTATION_KIND_LABELS,
  computationDraftOf,
  concerns,
  describeProblem,
  problemField,
  type ComputationDraft
} from './claim-draft';
import { FigurePicker } from './FigurePicker';

export function ComputationForm({
  computation,
  onSave
}: {
  computation: ClaimComputation | null;
  onSave: (computation: ClaimComputation | null) => Promise<void>;
}) {
  const client = useClient();
  const [draft, setDraft] = useState<ComputationDraft>(() => computationDraftOf(computation));
  const [figures, setFigures] = useState<Record<string, Figure>>({});
  const [problem, setProblem] = useState<{ field: string | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [looked, setLooked] = useState(false);

  useEffect(() => {
    const ids = [computation?.aFigureId, computation?.bFigureId].filter((id): id is string => Boolean(id));
    if (ids.length === 0) return;
    let current = true;
    client.call('figures.list', { ids, limit: ids.length }).then(
      (page) => {
        if (!current) return;
        setFigures((known) => ({ ...known, ...Object.fromEntries(page.items.map((figure) => [figure.id, figure])) }));
        setLooked(true);
      },
      (error) => current && setProblem({ field: null, message: errorMessage(error) })
    );
    return () => {
      current = false;
    };
  }, [client, computation?.aFigureId, computation?.bFigureId]);

  const choose = (slot: 'aFigureId' | 'bFigureId', figure: Figure) => {
    setFigures((known) => ({ ...known, [figure.id]: figure }));
    setDraft((current) => ({ ...current, [slot]: figure.id }));
  };

  const save = async (value: ClaimComputation | null) => {
    setProblem(null);
    setBusy(true);
    try {
      await onSave(value);
    } catch (error) {
      const message = errorMessage(error);
      setProblem({ field: problemField(message), message: describeProblem(message) });
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkComputationDraft(draft);
    if (!checked.ok) {
      setProblem({ field: checked.field, message: checked.message });
      return;
    }
    await save(checked.value);
  };

  const figureOf = (id: string | null) => (id ? (figures[id] ?? null) : null);
  // A figure this claim used that is no longer listed (deleted) must still be replaceable.
  const missing = (id: string | null) => looked && id !== null && !figures[id];
  return (
    <form className="computation-form" aria-label="Computation" onSubmit={submit} noValidate>
      <label className="field">
        Computation kind
        <select value={draft.kind} onChange={(event) => setDraft((current) => ({ ...current, kind: event.target.value as ComputationKind }))}>
          {COMPUTATION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {COMPUTATION_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </label>
      <div className={concerns(problem?.field ?? null, 'computation.aFigureId') ? 'picker-slot invalid' : 'picker-slot'}>
        <FigurePicker label="Figure A" figure={figureOf(draft.aFigureId)} onSelect={(figure) => choose('aFigureId', figure)} />
        {missing(draft.aFigureId) && <p className="hint">The figure chosen before is not in the library any more.</p>}
      </div>
      <div className={concerns(problem?.field ?? null, 'computation.bFigureId') ? 'picker-slot invalid' : 'picker-slot'}>
        <FigurePicker label="Figure B" figure={figureOf(draft.bFigureId)} onSelect={(figure) => choose('bFigureId', figure)} />
        {missing(draft.bFigureId) && <p className="hint">The figure chosen before is not in the library any more.</p>}
      </div>
      <div className="form-row">
        <label className="field narrow">
          Tolerance (percentage points)
          <input
            type="text"
            inputMode="decimal"
            value={draft.tolerance}
            aria-invalid={concerns(problem?.field ?? null, 'computation.tolerance') ? true : undefined}
            onChange={(event) => setDraft((current) => ({ ...current, tolerance: event.target.value }))}
          />
        </label>
        <button type="submit" disabled={busy}>
          Save computation
        </button>
        {computation && (
          <button type="button" className="link-button danger" disabled={busy} onClick={() => void save(null)}>
            Remove computation
          </button>
        )}
      </div>
      {problem && (
        <p role="alert" className="form-problem">
          {problem.message}
        </p>
      )}
    </form>
  );
}
