import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS, type KindPlan, type MergePlan, type PlanConflict } from '../../../../shared/projects';
import {
  allConflicts,
  base64ToBytes,
  bytesToBase64,
  conflictReason,
  conflictRows,
  formatBytes,
  formatDateTime,
  formatValue,
  isProjectFileName,
  kindCounts,
  reportSentence,
  resolutionsFor,
  unresolvedConflicts
} from './merge-plan';

function emptyKind(): KindPlan {
  return { added: [], updated: [], deleted: [], conflicts: [], unchanged: 0 };
}

const verdictConflict: PlanConflict = {
  kind: 'claim',
  id: 'c1',
  label: 'China mines 70%',
  reason: 'verdict',
  mine: { id: 'c1', statement: 'China mines 70%', verdict: 'accurate', rationale: 'USGS', tags: ['mining'], updatedAt: '2026-11-28T10:00:00.000Z' },
  theirs: { id: 'c1', statement: 'China mines 70%', verdict: 'disputed', rationale: 'USGS', tags: ['mining'], updatedAt: '2026-11-28T11:00:00.000Z' },
  base: { id: 'c1', statement: 'China mines 70%', verdict: 'unverified', rationale: 'USGS', tags: ['mining'], updatedAt: '2026-11-28T09:00:00.000Z' },
  fields: [{ field: 'verdict', base: 'unverified', mine: 'accurate', theirs: 'disputed', result: 'accurate', rule: 'conflict' }],
  options: ['mine', 'theirs', 'both']
};

const deleteConflict: PlanConflict = {
  kind: 'figure',
  id: 'f1',
  label: '270,000 t',
  reason: 'edit_vs_delete',
  mine: { id: 'f1', value: 270000, notes: 'edited' },
  theirs: null,
  base: null,
  fields: [],
  options: ['mine', 'theirs']
};

function plan(): MergePlan {
  const kinds = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, emptyKind()])) as MergePlan['kinds'];
  kinds.article.added.push({ kind: 'article', id: 'a1', label: 'New article' });
  kinds.article.unchanged = 2;
  kinds.claim.conflicts.push(verdictConflict);
  kinds.figure.conflicts.push(deleteConflict);
  kinds.figure.updated.push({ kind: 'figure', id: 'f2', label: '390,000 t' });
  return {
    file: {
      fileName: 'rare.assay',
      sha256: 'x',
      formatVersion: 1,
      appVersion: '0.1.0',
      exportedAt: '2026-11-28T15:50:27.592Z',
      exporterName: 'Maria',
      projectId: 'p1',
      projectName: 'Rare earths',
      counts: {}
    },
    project: { id: 'p1', name: 'Rare earths', exists: true, localName: 'Rare earths' },
    kinds,
    rejected: [{ kind: 'figure', id: 'f9', label: '5 zorkmids', reason: 'unknown unit “zorkmid”' }],
    notes: [],
    summary: { added: 1, updated: 1, deleted: 0, conflicts: 2, rejected: 1, unchanged: 2 },
    nothingToDo: false
  };
}

describe('kindCounts', () => {
  it('counts each kind the file touches and leaves the others out', () => {
    expect(kindCounts(plan())).toEqual([
      { kind: 'article', added: 1, updated: 0, deleted: 0, conflicts: 0, rejected: 0, unchanged: 2 },
      { kind: 'claim', added: 0, updated: 0, deleted: 0, conflicts: 1, rejected: 0, unchanged: 0 },
      { kind: 'figure', added: 0, updated: 1, deleted: 0, conflicts: 1, rejected: 1, unchanged: 0 }
    ]);
  });
});

describe('conflict resolutions', () => {
  it('lists the conflicts that still need a choice, ignoring choices a conflict does not offer', () => {
    const p = plan();
    expect(allConflicts(p).map((c) => c.id)).toEqual(['c1', 'f1']);
    expect(unresolvedConflicts(p, {}).map((c) => c.id)).toEqual(['c1', 'f1']);
    expect(unresolvedConflicts(p, { c1: 'theirs', f1: 'both' }).map((c) => c.id)).toEqual(['f1']);
    expect(unresolvedConflicts(p, { c1: 'theirs', f1: 'mine' })).toEqual([]);
  });

  it('sends only the resolutions of this plan', () => {
    expect(resolutionsFor(plan(), { c1: 'both', f1: 'theirs', stale: 'mine' })).toEqual({ c1: 'both', f1: 'theirs' });
  });
});

describe('conflictRows', () => {
  it('puts the verdict first and marks only the fields that differ', () => {
    const rows = conflictRows(verdictConflict);
    expect(rows[0]).toEqual({ field: 'verdict', mine: 'accurate', theirs: 'disputed', base: 'unverified', differs: true });
    expect(rows.map((row) => row.field)).toEqual(['verdict', 'rationale', 'statement', 'tags', 'updatedAt']);
    expect(rows.filter((row) => row.differs).map((row) => row.field)).toEqual(['verdict', 'updatedAt']);
  });

  it('shows a deleted side as missing without marking every field', () => {
    const rows = conflictRows(deleteConflict);
    expect(rows.map((row) => row.field)).toEqual(['value', 'notes']);
    expect(rows.every((row) => row.theirs === undefined && !row.differs)).toBe(true);
    expect(conflictReason(deleteConflict)).toMatch(/They deleted this/);
  });
});

describe('formatting', () => {
  it('reads values as people do', () => {
    expect(formatValue('disputed', 'verdict')).toBe('Disputed');
    expect(formatValue('mostly_accurate', 'verdict')).toBe('Mostly accurate');
    expect(formatValue(null)).toBe('—');
    expect(formatValue([])).toBe('—');
    expect(formatValue(['a', 'b'])).toBe('a, b');
    expect(formatValue({ b: 1, a: null })).toBe('{"a":null,"b":1}');
    expect(formatValue('x'.repeat(400))).toHaveLength(280);
  });

  it('formats dates, sizes and the report sentence', () => {
    expect(formatDateTime('2026-11-28T15:50:27.592Z')).toBe('2026-11-28 15:50 UTC');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
    expect(reportSentence(plan())).toBe('1 added · 1 updated · 2 conflicts resolved · 1 rejected');
    expect(isProjectFileName('Rare Earths.ASSAY')).toBe(true);
    expect(isProjectFileName('notes.zip')).toBe(false);
  });

  it('round-trips bytes through base64, large files included', () => {
    const bytes = new Uint8Array(70_000).map((_, index) => (index * 31) % 256);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
  });
});
