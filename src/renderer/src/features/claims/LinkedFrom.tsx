// Claims that cite this one. A link's label describes its target (this claim), so the citing
// claims' own statements are fetched.
import { useEffect, useState } from 'react';
import { LINK_RELATION_LABELS, type ClaimDetail, type EvidenceLink } from '../../../../shared/evidence';
import { useClient } from '../../app/client-context';
import { claimHref, shorten } from './ledger';
import { VerdictBadge } from './VerdictBadge';

export function LinkedFrom({ links }: { links: EvidenceLink[] }) {
  const client = useClient();
  const [citing, setCiting] = useState<Record<string, ClaimDetail | null>>({});

  useEffect(() => {
    let current = true;
    const ids = [...new Set(links.map((link) => link.claimId))];
    Promise.all(ids.map((id) => client.call('claims.get', { id }).catch(() => null))).then((claims) => {
      if (current) setCiting(Object.fromEntries(ids.map((id, index) => [id, claims[index]])));
    });
    return () => {
      current = false;
    };
  }, [client, links]);

  if (links.length === 0) return <p className="hint">No other claim cites this one.</p>;
  return (
    <ul className="evidence-links" aria-label="Linked from">
      {links.map((link) => {
        const claim = citing[link.claimId];
        return (
          <li key={link.id} className="evidence-link">
            <span className={`relation-badge relation-${link.relation}`} title={`That claim cites this one as “${LINK_RELATION_LABELS[link.relation]}”`}>
              {LINK_RELATION_LABELS[link.relation]}
            </span>
            <a href={claimHref(link.claimId)} className="evidence-target">
              {claim ? shorten(claim.statement, 120) : 'A claim'}
            </a>
            {claim && <VerdictBadge verdict={claim.verdict} />}
          </li>
        );
      })}
    </ul>
  );
}
