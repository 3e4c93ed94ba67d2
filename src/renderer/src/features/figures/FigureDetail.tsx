// The detail pane of one figure: every field, its source (with a link to the highlighted passage),
// the claims that cite it, and Edit / Delete.
import { useCallback, useEffect, useState } from 'react';
import { LINK_RELATION_LABELS, QUALIFIER_LABELS, VERDICT_LABELS, type ClaimDetail, type EvidenceLink, type Figure } from '../../../../shared/evidence';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { useNotices } from '../../app/notices';
import { navigate, routeHref } from '../../app/route';
import { announceLibraryChanged } from '../../app/undo';
import { formatDate, formatEdition, formatExactNumber, formatQuantity } from './figure-format';
import { ProjectMembership } from '../projects/ProjectMembership';

// A figure cited by more claims than this is rare; past it the pane lists the links without
// fetching each claim's statement.
const CLAIMS_TO_DESCRIBE = 25;

interface Loaded {
  figure: Figure & { linkedFrom: EvidenceLink[] };
  claims: Map<string, ClaimDetail>;
}

export function FigureDetail({
  figureId,
  revision,
  onEdit,
  onDeleted,
  onShowAll
}: {
  figureId: string;
  revision: number;
  onEdit: (figure: Figure) => void;
  onDeleted: (figure: Figure) => void;
  /** Filters the table to this figure's metric, entity and period. */
  onShowAll: (figure: Figure) => void;
}) {
  const client = useClient();
  const notices = useNotices();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setProblem(null);
    (async () => {
      const figure = await client.call('figures.get', { id: figureId });
      const claimIds = [...new Set(figure.linkedFrom.map((link) => link.claimId))].slice(0, CLAIMS_TO_DESCRIBE);
      const claims = await Promise.all(claimIds.map((id) => client.call('claims.get', { id }).catch(() => null)));
      return { figure, claims: new Map(claims.filter((claim): claim is ClaimDetail => claim !== null).map((claim) => [claim.id, claim])) };
    })()
      .then((result) => current && setLoaded(result))
      .catch((error) => {
        if (!current) return;
        setLoaded(null);
        setProblem(errorMessage(error));
      });
    return () => {
      current = false;
    };
  }, [client, figureId, revision]);

  const close = () => navigate({ view: 'figures', figureId: null });

  const remove = useCallback(
    async (figure: Figure) => {
      try {
        await client.call('figures.delete', { id: figure.id });
        onDeleted(figure);
        notices.show({
          kind: 'info',
          message: `Deleted the figure ${figure.entity} ${figure.metric} ${figure.period}.`,
          action: {
            label: 'Undo',
            run: () => {
              client
                .call('figures.restore', { id: figure.id })
                .then(() => {
                  announceLibraryChanged();
                  navigate({ view: 'figures', figureId: figure.id });
                })
                .catch((error) => notices.error(errorMessage(error)));
            }
          }
        });
      } catch (error) {
        notices.error(errorMessage(error));
      }
    },
    [client, notices, onDeleted]
  );

  if (problem) {
    return (
      <aside className="figure-detail" aria-label="Figure">
        <div className="figure-detail-head">
          <h2>Figure</h2>
          <button type="button" className="close-button" aria-label="Close" onClick={close}>
            ×
          </button>
        </div>
        <p className="form-problem">{problem}</p>
      </aside>
    );
  }
  if (!loaded || loaded.figure.id !== figureId) {
    return (
      <aside className="figure-detail" aria-label="Figure" aria-busy="true">
        <p className="hint">Loading…</p>
      </aside>
    );
  }

  const { figure, claims } = loaded;
  const { source } = figure;
  return (
    <aside className="figure-detail" aria-label="Figure">
      <div className="figure-detail-head">
        <h2>
          {figure.entity} · {figure.metric}
        </h2>
        <button type="button" className="close-button" aria-label="Close" onClick={close}>
          ×
        </button>
      </div>
      <p className="figure-big-value">
        {formatQuantity(figure)} <span className="figure-period">{figure.period}</span>
      </p>
      {figure.competing && (
        <p className="competing-note">
          <span className="competing-badge" aria-hidden="true">
            !
          </span>{' '}
          Another figure gives a different value for this metric, entity and period.{' '}
          <button type="button" className="link-button" onClick={() => onShowAll(figure)}>
            Show them all
          </button>
        </p>
      )}
      <dl className="figure-fields">
        <dt>Metric</dt>
        <dd>{figure.metric}</dd>
        <dt>Entity</dt>
        <dd>{figure.entity}</dd>
        <dt>Value</dt>
        <dd>
          {figure.qualifier === 'range' && figure.high !== null
            ? `${formatExactNumber(figure.value)} to ${formatExactNumber(figure.high)}`
            : formatExactNumber(figure.value)}{' '}
          ({QUALIFIER_LABELS[figure.qualifier]})
        </dd>
        <dt>Unit</dt>
        <dd>{figure.unit || '—'}</dd>
        <dt>Period</dt>
        <dd>
          {figure.period} <span className="hint">({figure.periodKind})</span>
        </dd>
        <dt>Basis</dt>
        <dd>{figure.basis ?? '—'}</dd>
        <dt>Notes</dt>
        <dd className="figure-notes">{figure.notes ?? '—'}</dd>
        <dt>Added</dt>
        <dd>
          {formatDate(figure.createdAt)}
          {figure.updatedAt !== figure.createdAt && <span className="hint"> · edited {formatDate(figure.updatedAt)}</span>}
        </dd>
      </dl>

      <h3>Source</h3>
      {source.kind === 'highlight' && (
        <div className="figure-source-view">
          <blockquote className="figure-quote">{source.quote}</blockquote>
          <a href={routeHref({ view: 'reader', articleId: source.articleId, highlightId: source.highlightId })}>
            {source.articleTitle || 'Open the article'} — go to the passage
          </a>
        </div>
      )}
      {source.kind === 'citation' && (
        <dl className="figure-fields figure-source-view">
          <dt>Title</dt>
          <dd>{source.title ?? '—'}</dd>
          <dt>Publisher</dt>
          <dd>{source.publisher ?? '—'}</dd>
          <dt>Edition</dt>
          <dd>{source.edition ? formatEdition(source.edition) : '—'}</dd>
          <dt>Page</dt>
          <dd>{source.page ?? '—'}</dd>
          <dt>URL</dt>
          <dd>
            {source.url ? (
              <a href={source.url} target="_blank" rel="noreferrer noopener">
                {source.url}
              </a>
            ) : (
              '—'
            )}
          </dd>
        </dl>
      )}
      {source.kind === 'none' && <p className="hint">No source recorded.</p>}

      <h3>Projects</h3>
      <ProjectMembership kind="figure" id={figure.id} />

      <h3>
        Claims citing it <span className="count">{figure.linkedFrom.length}</span>
      </h3>
      {figure.linkedFrom.length === 0 ? (
        <p className="hint">No claim links to this figure yet.</p>
      ) : (
        <ul className="figure-claims">
          {figure.linkedFrom.map((link) => {
            const claim = claims.get(link.claimId);
            return (
              <li key={link.id}>
                <span className={`relation-badge relation-${link.relation}`}>{LINK_RELATION_LABELS[link.relation]}</span>{' '}
                <a href={routeHref({ view: 'claims', claimId: link.claimId })}>{claim ? claim.statement : 'Open the claim'}</a>
                {claim && <span className={`verdict-badge verdict-${claim.verdict}`}>{VERDICT_LABELS[claim.verdict]}</span>}
              </li>
            );
          })}
        </ul>
      )}

      <div className="figure-detail-actions">
        <button type="button" onClick={() => onEdit(figure)}>
          Edit
        </button>
        <button type="button" className="figure-delete-button" onClick={() => void remove(figure)}>
          Delete
        </button>
      </div>
    </aside>
  );
}
