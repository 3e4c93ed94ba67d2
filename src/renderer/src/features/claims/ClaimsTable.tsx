import type { ClaimSummary } from '../../../../shared/evidence';
import { navigate } from '../../app/route';
import { ConsistencyBadge } from './ConsistencyBadge';
import { claimHref, shorten } from './ledger';
import { VerdictBadge } from './VerdictBadge';

export function ClaimsTable({ claims, selectedId }: { claims: ClaimSummary[]; selectedId: string | null }) {
  return (
    <table className="claims-table">
      <colgroup>
        <col />
        <col className="col-verdict" />
        <col className="col-article" />
        <col className="col-consistency" />
        <col className="col-links" />
      </colgroup>
      <thead>
        <tr>
          <th>Statement</th>
          <th>Verdict</th>
          <th>Article</th>
          <th>Consistency</th>
          <th className="number">Links</th>
        </tr>
      </thead>
      <tbody>
        {claims.map((claim) => (
          <tr
            key={claim.id}
            className={claim.id === selectedId ? 'claim-row selected' : 'claim-row'}
            data-claim-id={claim.id}
            // The whole row is a target for the mouse; the statement's link is the keyboard's way in.
            onClick={(event) => {
              if (!(event.target instanceof HTMLAnchorElement)) navigate({ view: 'claims', claimId: claim.id });
            }}
          >
            <td className="statement-cell">
              <a href={claimHref(claim.id)} aria-current={claim.id === selectedId ? 'true' : undefined}>
                {shorten(claim.statement)}
              </a>
              {claim.tags.length > 0 && (
                <div className="claim-tags">
                  {claim.tags.map((tag) => (
                    <span key={tag} className="tag-chip">
                      {tag}
                    </span>
                  ))}
                </div>
              )}
            </td>
            <td>
              <VerdictBadge verdict={claim.verdict} />
            </td>
            <td className="article-cell">{claim.articleTitle ?? <span className="typed-in">typed in</span>}</td>
            <td>
              <ConsistencyBadge check={claim.check} />
            </td>
            <td className="number">{claim.linkCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
