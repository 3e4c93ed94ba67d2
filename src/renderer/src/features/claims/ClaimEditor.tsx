// The claim form: new (from highlights, or typed in) or an edit of an existing claim. The reader
// uses it too, so it knows nothing of the ledger around it.
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { VERDICT_LABELS, VERDICTS, type ClaimDetail, type Verdict } from '../../../../shared/evidence';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { checkClaimDraft, concerns, describeProblem, formatTags, problemField, type ClaimDraft } from './claim-draft';

export interface ClaimEditorProps {
  /** Edit this claim; without it, the form makes a new claim. */
  claimId?: string;
  /** The highlights a new claim is made from. */
  highlightIds?: string[];
  /** The statement a new claim starts with, usually the quote. */
  defaultStatement?: string;
  /** The article a new claim belongs to (implied by its highlights when it has some). */
  articleId?: string;
  onSaved(claim: ClaimDetail): void;
  onCancel(): void;
}

interface Problem {
  field: string | null;
  message: string;
}

export function ClaimEditor({ claimId, highlightIds, defaultStatement, articleId, onSaved, onCancel }: ClaimEditorProps) {
  const client = useClient();
  const ids = useId();
  const [draft, setDraft] = useState<ClaimDraft | null>(
    claimId ? null : { statement: defaultStatement ?? '', verdict: 'unverified', rationale: '', tags: '' }
  );
  const [quotes, setQuotes] = useState<string[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const statementRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (!claimId) return;
    let current = true;
    client.call('claims.get', { id: claimId }).then(
      (claim) => {
        if (!current) return;
        setDraft({ statement: claim.statement, verdict: claim.verdict, rationale: claim.rationale, tags: formatTags(claim.tags) });
        setQuotes(claim.quotes.map((quote) => quote.quote));
      },
      (error) => current && setProblem({ field: null, message: errorMessage(error) })
    );
    return () => {
      current = false;
    };
  }, [client, claimId]);

  const loaded = draft !== null;
  useEffect(() => {
    // A new claim starts in its statement; an edit is often of the verdict or rationale instead.
    if (loaded && !claimId) statementRef.current?.focus();
  }, [loaded, claimId]);

  const set = (changes: Partial<ClaimDraft>) => setDraft((current) => (current ? { ...current, ...changes } : current));

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!draft || busy) return;
    const checked = checkClaimDraft(draft);
    if (!checked.ok) {
      setProblem({ field: checked.field, message: checked.message });
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const claim = claimId
        ? await client.call('claims.update', { id: claimId, ...checked.value })
        : await client.call('claims.create', {
            ...checked.value,
            highlightIds: highlightIds?.length ? highlightIds : undefined,
            articleId: articleId ?? null
          });
      onSaved(claim);
    } catch (error) {
      const message = errorMessage(error);
      setProblem({ field: problemField(message), message: describeProblem(message) });
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  const title = claimId ? 'Edit claim' : 'New claim';
  if (!draft) {
    return (
      <div className="claim-editor" aria-label={title}>
        {problem ? (
          <p role="alert" className="form-problem">
            {problem.message}
          </p>
        ) : (
          <p className="hint">Loading…</p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    );
  }

  const invalid = (name: string) => (concerns(problem?.field ?? null, name) ? true : undefined);
  const fromHighlights = claimId ? quotes.length : (highlightIds?.length ?? 0);
  return (
    <form className="claim-editor" aria-label={title} onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <h2>{title}</h2>
      {fromHighlights > 0 && (
        <p className="hint">
          Made from {fromHighlights} highlight{fromHighlights === 1 ? '' : 's'}.
        </p>
      )}
      <label className="editor-label" htmlFor={`${ids}-statement`}>
        Statement
      </label>
      <textarea
        id={`${ids}-statement`}
        ref={statementRef}
        className="claim-statement-input"
        rows={4}
        value={draft.statement}
        aria-invalid={invalid('statement')}
        onChange={(event) => set({ statement: event.target.value })}
      />
      <label className="editor-label" htmlFor={`${ids}-verdict`}>
        Verdict
      </label>
      <select
        id={`${ids}-verdict`}
        value={draft.verdict}
        aria-invalid={invalid('verdict')}
        onChange={(event) => set({ verdict: event.target.value as Verdict })}
      >
        {VERDICTS.map((verdict) => (
          <option key={verdict} value={verdict}>
            {VERDICT_LABELS[verdict]}
          </option>
        ))}
      </select>
      <label className="editor-label" htmlFor={`${ids}-rationale`}>
        Rationale
      </label>
      <textarea
        id={`${ids}-rationale`}
        rows={4}
        value={draft.rationale}
        placeholder="Why this verdict: the sources, the arithmetic, what is missing."
        aria-invalid={invalid('rationale')}
        onChange={(event) => set({ rationale: event.target.value })}
      />
      <label className="editor-label" htmlFor={`${ids}-tags`}>
        Tags
      </label>
      <input
        id={`${ids}-tags`}
        type="text"
        value={draft.tags}
        placeholder="comma-separated, e.g. rare earths, mining"
        aria-invalid={invalid('tags')}
        onChange={(event) => set({ tags: event.target.value })}
      />
      {problem && (
        <p role="alert" className="form-problem">
          {problem.message}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Save claim
        </button>
      </div>
    </form>
  );
}
