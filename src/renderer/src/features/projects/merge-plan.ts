// What the projects view shows of a merge plan or report, worked out without React: counts per
// kind, the fields of a conflict side by side, which choices are still missing, and how values read.
import { VERDICT_LABELS, type Verdict } from '../../../../shared/evidence';
import {
  ENTITY_KINDS,
  type EntityKind,
  type ExchangeFormat,
  type MergePlan,
  type MergeResolution,
  type PlanConflict
} from '../../../../shared/projects';

/** The largest project file the library takes (the contract refuses anything bigger). */
export { MAX_PROJECT_FILE_BYTES } from '../../../../shared/projects';

export const KIND_LABELS: Record<EntityKind, { one: string; many: string }> = {
  project: { one: 'project', many: 'Projects' },
  article: { one: 'article', many: 'Articles' },
  highlight: { one: 'highlight', many: 'Highlights' },
  claim: { one: 'claim', many: 'Claims' },
  figure: { one: 'figure', many: 'Figures' },
  link: { one: 'evidence link', many: 'Evidence links' },
  chart: { one: 'chart', many: 'Charts' }
};

export const RESOLUTION_LABELS: Record<MergeResolution, string> = {
  mine: 'Keep mine',
  theirs: 'Take theirs',
  both: 'Keep both'
};

export const EXCHANGE_FORMAT_LABELS: Record<ExchangeFormat, { label: string; what: string }> = {
  csv: { label: 'CSV', what: 'figures' },
  datapackage: { label: 'Data Package', what: 'figures' },
  w3c: { label: 'W3C annotations', what: 'highlights' },
  claimreview: { label: 'ClaimReview', what: 'claims' },
  'csl-json': { label: 'CSL-JSON', what: 'articles' }
};

export interface KindCounts {
  kind: EntityKind;
  added: number;
  updated: number;
  deleted: number;
  conflicts: number;
  rejected: number;
  unchanged: number;
}

/** One row per kind that the file touches at all (kinds with nothing in them are left out). */
export function kindCounts(plan: MergePlan): KindCounts[] {
  return ENTITY_KINDS.map((kind) => {
    const entry = plan.kinds[kind];
    return {
      kind,
      added: entry?.added.length ?? 0,
      updated: entry?.updated.length ?? 0,
      deleted: entry?.deleted.length ?? 0,
      conflicts: entry?.conflicts.length ?? 0,
      rejected: plan.rejected.filter((item) => item.kind === kind).length,
      unchanged: entry?.unchanged ?? 0
    };
  }).filter((row) => row.added + row.updated + row.deleted + row.conflicts + row.rejected + row.unchanged > 0);
}

export function allConflicts(plan: MergePlan): PlanConflict[] {
  return ENTITY_KINDS.flatMap((kind) => plan.kinds[kind]?.conflicts ?? []);
}

/** The conflicts that have no (valid) choice yet; Merge waits until there are none. */
export function unresolvedConflicts(plan: MergePlan, resolutions: Record<string, MergeResolution>): PlanConflict[] {
  return allConflicts(plan).filter((conflict) => {
    const choice = resolutions[conflict.id];
    return choice === undefined || !conflict.options.includes(choice);
  });
}

/** Only the resolutions of this plan's conflicts, as applyImport takes them. */
export function resolutionsFor(plan: MergePlan, resolutions: Record<string, MergeResolution>): Record<string, MergeResolution> {
  const result: Record<string, MergeResolution> = {};
  for (const conflict of allConflicts(plan)) {
    const choice = resolutions[conflict.id];
    if (choice && conflict.options.includes(choice)) result[conflict.id] = choice;
  }
  return result;
}

export interface ConflictRow {
  field: string;
  mine: unknown;
  theirs: unknown;
  base: unknown;
  /** Yours and theirs differ here (or the merge lists the field as changed). */
  differs: boolean;
}

// Fields a person decides by come first; bookkeeping last.
const FIELD_ORDER = ['verdict', 'rationale', 'statement', 'title', 'name', 'note', 'value', 'unit', 'period', 'tags'];
const LAST_FIELDS = ['createdAt', 'updatedAt'];
const HIDDEN_FIELDS = new Set(['id']);

function fieldRank(field: string): number {
  const index = FIELD_ORDER.indexOf(field);
  if (index >= 0) return index;
  return LAST_FIELDS.includes(field) ? 1000 + LAST_FIELDS.indexOf(field) : 500;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${stableJson(record[key])}`)
    .join(',')}}`;
}

/** Every field of the two versions side by side (and the base), the differing ones marked. */
export function conflictRows(conflict: PlanConflict): ConflictRow[] {
  const listed = new Set(conflict.fields.map((change) => change.field));
  const keys = new Set<string>([...Object.keys(conflict.mine ?? {}), ...Object.keys(conflict.theirs ?? {}), ...listed]);
  const rows: ConflictRow[] = [];
  for (const field of keys) {
    if (HIDDEN_FIELDS.has(field)) continue;
    const change = conflict.fields.find((candidate) => candidate.field === field);
    const mine = conflict.mine ? conflict.mine[field] : change?.mine;
    const theirs = conflict.theirs ? conflict.theirs[field] : change?.theirs;
    const base = conflict.base ? conflict.base[field] : change?.base;
    const bothThere = conflict.mine !== null && conflict.theirs !== null;
    rows.push({ field, mine, theirs, base, differs: listed.has(field) || (bothThere && !sameValue(mine, theirs)) });
  }
  return rows.sort((a, b) => fieldRank(a.field) - fieldRank(b.field) || a.field.localeCompare(b.field));
}

export function conflictReason(conflict: PlanConflict): string {
  if (conflict.reason === 'verdict') return 'You and they gave this claim different verdicts.';
  if (conflict.mine === null) return 'You deleted this; they edited it since you last exchanged it.';
  if (conflict.theirs === null) return 'They deleted this; you edited it since you last exchanged it.';
  return 'One side deleted this, the other edited it.';
}

const MAX_SHOWN = 280;

/** A value as it reads in the preview: verdicts by their label, lists joined, long text cut. */
export function formatValue(value: unknown, field = ''): string {
  if (value === undefined || value === null || value === '') return '—';
  if (field === 'verdict' && typeof value === 'string' && value in VERDICT_LABELS) return VERDICT_LABELS[value as Verdict];
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    if (value.every((item) => typeof item === 'string' || typeof item === 'number')) return clip(value.join(', '));
    return clip(stableJson(value));
  }
  // Keys sorted, so that the same value reads the same on both sides.
  if (typeof value === 'object') return clip(stableJson(value));
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return clip(String(value));
}

function clip(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

/** "2026-11-28 15:50 UTC": the same on every machine, so a report reads the same for the whole team. */
export function formatDateTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "2 added · 1 updated · 1 conflict resolved · 0 rejected" */
export function reportSentence(plan: MergePlan): string {
  const { summary } = plan;
  const parts = [`${summary.added} added`, `${summary.updated} updated`];
  if (summary.deleted) parts.push(`${summary.deleted} deleted`);
  parts.push(`${plural(summary.conflicts, 'conflict')} resolved`, `${summary.rejected} rejected`);
  return parts.join(' · ');
}

export function isProjectFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.assay');
}

export function bytesToBase64(bytes: Uint8Array): string {
  // String.fromCharCode with a spread overflows the stack on large files; go in chunks.
  let binary = '';
  const chunk = 0x8000;
  for (let index = 0; index < bytes.length; index += chunk) {
    binary += String.fromCharCode(...bytes.subarray(index, index + chunk));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
