// The number a claim states ("~69%"): what the computation is compared with.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { QUALIFIER_LABELS, QUALIFIERS, type Qualifier, type StatedNumber, type UnitDescription } from '../../../../shared/evidence';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { checkStatedDraft, concerns, describeProblem, problemField, statedDraftOf, type StatedDraft } from './claim-draft';

export function StatedNumberForm({
  stated,
  onSave
}: {
  stated: StatedNumber | null;
  onSave: (stated: StatedNumber | null) => Promise<void>;
}) {
  const client = useClient();
  const ids = useId();
  const [draft, setDraft] = useState<StatedDraft>(() => statedDraftOf(stated));
  const [problem, setProblem] = useState<{ field: string | null; message: string } | null>(null);
  const [units, setUnits] = useState<UnitDescription[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    // Suggestions only: a unit the catalogue does not know is still typed by hand.
    client.call('units.list', {}).then(
      (list) => current && setUnits(list),
      () => undefined
    );
    return () => {
      current = false;
    };
  }, [client]);

  const set = (changes: Partial<StatedDraft>) => setDraft((current) => ({ ...current, ...changes }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkStatedDraft(draft);
    if (!checked.ok) {
      setProblem({ field: checked.field, message: checked.message });
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      await onSave(checked.value);
    } catch (error) {
      const message = errorMessage(error);
      setProblem({ field: problemField(message), message: describeProblem(message) });
    } finally {
      setBusy(false);
    }
  };

  const invalid = (name: string) => (concerns(problem?.field ?? null, name) ? true : undefined);
  return (
    <form className="stated-form" aria-label="Stated number" onSubmit={submit} noValidate>
      <div className="form-row">
        <label className="field">
          Stated qualifier
          <select value={draft.qualifier} onChange={(event) => set({ qualifier: event.target.value as Qualifier })}>
            {QUALIFIERS.map((qualifier) => (
              <option key={qualifier} value={qualifier}>
                {QUALIFIER_LABELS[qualifier]}
              </option>
            ))}
          </select>
        </label>
        <label className="field narrow">
          Stated value
          <input
            type="text"
            inputMode="decimal"
            value={draft.value}
            placeholder="none"
            aria-invalid={invalid('stated.value')}
            onChange={(event) => set({ value: event.target.value })}
          />
        </label>
        {draft.qualifier === 'range' && (
          <label className="field narrow">
            Stated upper value
            <input
              type="text"
              inputMode="decimal"
              value={draft.high}
              aria-invalid={invalid('stated.high')}
              onChange={(event) => set({ high: event.target.value })}
            />
          </label>
        )}
        <label className="field narrow">
          Stated unit
          <input
            type="text"
            list={`${ids}-units`}
            value={draft.unit}
            aria-invalid={invalid('stated.unit')}
            onChange={(event) => set({ unit: event.target.value })}
          />
        </label>
        <button type="submit" disabled={busy}>
          Save number
        </button>
      </div>
      <datalist id={`${ids}-units`}>
        {units.map((unit) => (
          <option key={unit.symbol} value={unit.symbol}>
            {unit.name}
          </option>
        ))}
      </datalist>
      <p className="hint">Leave the value empty if the claim states no number.</p>
      {problem && (
        <p role="alert" className="form-problem">
          {problem.message}
        </p>
      )}
    </form>
  );
}
