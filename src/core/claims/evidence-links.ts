// Evidence links: a claim is supported, contradicted, qualified or derived from figures and other
// claims.
import { randomUUID } from 'node:crypto';
import type { EvidenceLink, LinkRelation, Verdict } from '../../shared/evidence';
import { AssayError } from '../../shared/errors';
import type { Library } from '../db/library';
import { formatQuantity } from '../quantities/units';

interface LinkRow {
  id: string;
  claim_id: string;
  target_kind: 'figure' | 'claim';
  target_id: string;
  relation: LinkRelation;
  deleted_at: string | null;
}

function targetLabel(library: Library, kind: 'figure' | 'claim', id: string): string {
  if (kind === 'figure') {
    const figure = library.statement('SELECT metric, entity, period, value, unit FROM figures WHERE id = ?').get(id) as
      | { metric: string; entity: string; period: string; value: number; unit: string }
      | undefined;
    return figure ? `${figure.entity}, ${figure.metric}, ${figure.period}: ${formatQuantity(figure.value, figure.unit)}` : '(missing figure)';
  }
  const claim = library.statement('SELECT statement FROM claims WHERE id = ?').get(id) as { statement: string } | undefined;
  if (!claim) return '(missing claim)';
  return claim.statement.length > 120 ? `${claim.statement.slice(0, 117)}…` : claim.statement;
}

function linkFromRow(library: Library, row: LinkRow): EvidenceLink {
  return {
    id: row.id,
    claimId: row.claim_id,
    targetKind: row.target_kind,
    targetId: row.target_id,
    relation: row.relation,
    targetLabel: targetLabel(library, row.target_kind, row.target_id),
    claimLabel: targetLabel(library, 'claim', row.claim_id),
    claimVerdict: (library.statement('SELECT verdict FROM claims WHERE id = ?').get(row.claim_id) as { verdict: Verdict }).verdict
  };
}

/** SQL: the link l points at a figure or claim that is not deleted. */
export const LIVE_TARGET = `((l.target_kind = 'figure' AND EXISTS (SELECT 1 FROM figures f WHERE f.id = l.target_id AND f.deleted_at IS NULL))
  OR (l.target_kind = 'claim' AND EXISTS (SELECT 1 FROM claims c WHERE c.id = l.target_id AND c.deleted_at IS NULL)))`;

/** The claim's links to live figures and claims. */
export function listLinks(library: Library, claimId: string): EvidenceLink[] {
  const rows = library
    .statement(`SELECT l.* FROM evidence_links l WHERE l.claim_id = ? AND l.deleted_at IS NULL AND ${LIVE_TARGET} ORDER BY l.created_at, l.rowid`)
    .all(claimId) as LinkRow[];
  return rows.map((row) => linkFromRow(library, row));
}

/** Links from live claims to this figure or claim. */
export function listLinksTo(library: Library, targetId: string): EvidenceLink[] {
  const rows = library
    .statement(
      `SELECT l.* FROM evidence_links l JOIN claims c ON c.id = l.claim_id AND c.deleted_at IS NULL
       WHERE l.target_id = ? AND l.deleted_at IS NULL ORDER BY l.created_at, l.rowid`
    )
    .all(targetId) as LinkRow[];
  return rows.map((row) => linkFromRow(library, row));
}

function assertLive(library: Library, kind: 'figure' | 'claim', id: string, field: string): void {
  const table = kind === 'figure' ? 'figures' : 'claims';
  const row = library.statement(`SELECT deleted_at FROM ${table} WHERE id = ?`).get(id) as { deleted_at: string | null } | undefined;
  if (!row) throw new AssayError('invalid_input', `${field}: there is no ${kind} ${id}.`);
  if (row.deleted_at) throw new AssayError('invalid_input', `${field}: the ${kind} ${id} was deleted; restore it before linking to it.`);
}

export function createLink(
  library: Library,
  input: { claimId: string; targetKind: 'figure' | 'claim'; targetId: string; relation: LinkRelation }
): EvidenceLink {
  assertLive(library, 'claim', input.claimId, 'claimId');
  assertLive(library, input.targetKind, input.targetId, 'targetId');
  if (input.targetKind === 'claim' && input.targetId === input.claimId) {
    throw new AssayError('invalid_input', 'targetId: a claim cannot be evidence for itself.');
  }
  const existing = library
    .statement('SELECT id FROM evidence_links WHERE claim_id = ? AND target_id = ? AND relation = ? AND deleted_at IS NULL')
    .get(input.claimId, input.targetId, input.relation) as { id: string } | undefined;
  if (existing) throw new AssayError('invalid_input', `The claim is already linked to that ${input.targetKind} as “${input.relation}”.`);
  const id = randomUUID();
  library
    .statement('INSERT INTO evidence_links (id, claim_id, target_kind, target_id, relation, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(id, input.claimId, input.targetKind, input.targetId, input.relation, library.now());
  return getLink(library, id);
}

export function getLink(library: Library, id: string): EvidenceLink {
  const row = library.statement('SELECT * FROM evidence_links WHERE id = ?').get(id) as LinkRow | undefined;
  if (!row) throw new AssayError('not_found', `There is no evidence link with id ${id}.`);
  return linkFromRow(library, row);
}

export function setLinkDeleted(library: Library, id: string, deleted: boolean): EvidenceLink {
  const row = library.statement('SELECT * FROM evidence_links WHERE id = ?').get(id) as LinkRow | undefined;
  if (!row) throw new AssayError('not_found', `There is no evidence link with id ${id}.`);
  if (!deleted) {
    assertLive(library, row.target_kind, row.target_id, 'targetId');
  }
  library.statement('UPDATE evidence_links SET deleted_at = ? WHERE id = ?').run(deleted ? library.now() : null, id);
  return linkFromRow(library, row);
}
