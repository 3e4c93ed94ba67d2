// One claim in full: its verdict (changed in place), where it was said, the number it states and
// whether that number follows from the figures, and the evidence it is linked to.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput } from '../../../../shared/contract';
import { VERDICT_LABELS, VERDICTS, type ClaimDetail, type EvidenceLink, type Verdict } from '../../../../shared/evidence';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { useNotices } from '../../app/notices';
import { navigate } from '../../app/route';
import { announceLibraryChanged, useLibraryChanged } from '../../app/undo';
import { ClaimEditor } from './ClaimEditor';
import { ComputationForm } from './ComputationForm';
import { ConsistencyCard } from './ConsistencyCard';
import { EvidenceLinkList } from './EvidenceLinkList';
import { quoteHref, shorten } from './ledger';
import { LinkedFrom } from './LinkedFrom';
import { LinkEvidenceForm } from './LinkEvidenceForm';
import { StatedNumberForm } from './StatedNumberForm';
import { VerdictBadge } from './VerdictBadge';
import { ProjectMembership } from '../projects/ProjectMembership';

type ClaimChanges = Omit<MethodInput<'claims.update'>, 'id'>;

export function ClaimDetailPane({ claimId, onChanged }: { claimId: string; onChanged?: () => void }) {
  const client = useClient();
  const notices = useNotices();
  const [claim, setClaim] = useState<ClaimDetail | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [linking, setLinking] = useState(false);
  const [verdictProblem, setVerdictProblem] = useState<string | null>(null);
  const sequence = useRef(0);

  const reload = useCallback(async () => {
    const current = ++sequence.current;
    try {
      const loaded = await client.call('claims.get', { id: claimId });
      if (current !== sequence.current) return;
      setClaim(loaded);
      setLoadProblem(null);
    } catch (error) {
      if (current !== sequence.current) return;
      setClaim(null);
      setLoadProblem(errorMessage(error));
    }
  }, [client, claimId]);

  useEffect(() => {
    setClaim(null);
    setEditing(false);
    setLinking(false);
    setVerdictProblem(null);
    void reload();
  }, [reload]);
  useLibraryChanged(reload);

  /** Saves a change; the caller shows the error where the field is. */
  const update = useCallback(
    async (changes: ClaimChanges) => {
      const saved = await client.call('claims.update', { id: claimId, ...changes });
      sequence.current++;
      setClaim(saved);
      onChanged?.();
    },
    [client, claimId, onChanged]
  );

  const changeVerdict = async (verdict: Verdict) => {
    setVerdictProblem(null);
    try {
      await update({ verdict });
    } catch (error) {
      setVerdictProblem(errorMessage(error));
    }
  };

  const linksChanged = () => {
    void reload();
    onChanged?.();
  };

  const removeLink = async (link: EvidenceLink) => {
    try {
      await client.call('links.delete', { id: link.id });
      linksChanged();
      notices.show({
        kind: 'info',
        message: `Removed the link to “${shorten(link.targetLabel, 60)}”.`,
        action: {
          label: 'Undo',
          run: () => {
            client.call('links.restore', { id: link.id }).then(announceLibraryChanged, (error) => notices.error(errorMessage(error)));
          }
        }
      });
    } catch (error) {
      notices.error(errorMessage(error));
    }
  };

  const remove = async () => {
    if (!claim) return;
    try {
      await client.call('claims.delete', { id: claim.id });
      onChanged?.();
      navigate({ view: 'claims', claimId: null });
      notices.show({
        kind: 'info',
        message: `Deleted the claim “${shorten(claim.statement, 60)}”.`,
        action: {
          label: 'Undo',
          run: () => {
            client.call('claims.restore', { id: claim.id }).then(
              (restored) => {
                announceLibraryChanged();
                navigate({ view: 'claims', claimId: restored.id });
              },
              (error) => notices.error(errorMessage(error))
            );
          }
        }
      });
    } catch (error) {
      notices.error(errorMessage(error));
    }
  };

  if (!claim) {
    return (
      <div className="claim-detail" aria-label="Claim">
        {loadProblem ? <p className="form-problem">{loadProblem}</p> : <p className="hint">Loading…</p>}
      </div>
    );
  }

  if (editing) {
    return (
      <div className="claim-detail">
        <ClaimEditor
          claimId={claim.id}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            sequence.current++;
            setClaim(saved);
            onChanged?.();
          }}
        />
      </div>
    );
  }

  return (
    <article className="claim-detail" aria-label="Claim" data-claim-id={claim.id}>
      <header className="claim-detail-head">
        <VerdictBadge verdict={claim.verdict} />
        <h2 className="claim-statement">{claim.statement}</h2>
        <p className="claim-source">
          {claim.articleId ? (
            <>
              In <a href={`#/article/${encodeURIComponent(claim.articleId)}`}>{claim.articleTitle ?? 'the article'}</a>
            </>
          ) : (
            'Typed in, not from an article'
          )}
        </p>
        <ProjectMembership kind="claim" id={claim.id} />
        <div className="claim-actions">
          <button type="button" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button type="button" className="delete-claim" onClick={() => void remove()}>
            Delete claim
          </button>
        </div>
      </header>

      <section className="claim-section">
        <label className="field verdict-field">
          Verdict
          <select
            className={`verdict-select verdict-${claim.verdict}`}
            value={claim.verdict}
            onChange={(event) => void changeVerdict(event.target.value as Verdict)}
          >
            {VERDICTS.map((verdict) => (
              <option key={verdict} value={verdict}>
                {VERDICT_LABELS[verdict]}
              </option>
            ))}
          </select>
        </label>
        {verdictProblem && (
          <p role="alert" className="form-problem">
            {verdictProblem}
          </p>
        )}
        <h3>Rationale</h3>
        {claim.rationale ? <p className="claim-rationale">{claim.rationale}</p> : <p className="hint">No rationale yet.</p>}
        {claim.tags.length > 0 && (
          <div className="claim-tags" aria-label="Tags">
            {claim.tags.map((tag) => (
              <span key={tag} className="tag-chip">
                {tag}
              </span>
            ))}
          </div>
        )}
      </section>

      {claim.quotes.length > 0 && claim.articleId && (
        <section className="claim-section" aria-label="Quotes">
          <h3>Made from</h3>
          <ul className="claim-quotes">
            {claim.quotes.map((quote) => (
              <li key={quote.highlightId}>
                <a href={quoteHref(claim.articleId!, quote.highlightId)} className="claim-quote" title="Open the article at this passage">
                  {quote.quote}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="claim-section" aria-label="Number">
        <h3>Number and consistency</h3>
        <ConsistencyCard check={claim.check} stated={claim.stated} />
        <h4>Stated number</h4>
        <StatedNumberForm key={JSON.stringify(claim.stated)} stated={claim.stated} onSave={(stated) => update({ stated })} />
        <h4>Computation</h4>
        <ComputationForm
          key={JSON.stringify(claim.computation)}
          computation={claim.computation}
          onSave={(computation) => update({ computation })}
        />
      </section>

      <section className="claim-section" aria-label="Evidence">
        <h3>
          Evidence <span className="count">{claim.links.length}</span>
        </h3>
        <EvidenceLinkList links={claim.links} onRemove={(link) => void removeLink(link)} />
        {linking ? (
          <LinkEvidenceForm
            claimId={claim.id}
            onCancel={() => setLinking(false)}
            onLinked={() => {
              setLinking(false);
              linksChanged();
            }}
          />
        ) : (
          <button type="button" onClick={() => setLinking(true)}>
            Link evidence
          </button>
        )}
        <h4>Linked from</h4>
        <LinkedFrom links={claim.linkedFrom} />
      </section>
    </article>
  );
}
