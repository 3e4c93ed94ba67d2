import { LINK_RELATION_LABELS, type EvidenceLink } from '../../../../shared/evidence';
import { linkTargetHref } from './ledger';

/** The figures and claims a claim cites, each a way to its target. */
export function EvidenceLinkList({ links, onRemove }: { links: EvidenceLink[]; onRemove: (link: EvidenceLink) => void }) {
  if (links.length === 0) return <p className="hint">No evidence linked yet.</p>;
  return (
    <ul className="evidence-links" aria-label="Evidence links">
      {links.map((link) => (
        <li key={link.id} className="evidence-link" data-link-id={link.id}>
          <span className={`relation-badge relation-${link.relation}`}>{LINK_RELATION_LABELS[link.relation]}</span>
          <span className="target-kind">{link.targetKind === 'figure' ? 'figure' : 'claim'}</span>
          <a href={linkTargetHref(link)} className="evidence-target">
            {link.targetLabel}
          </a>
          <button
            type="button"
            className="remove-link"
            aria-label={`Remove link to ${link.targetLabel}`}
            title="Remove this link"
            onClick={() => onRemove(link)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
