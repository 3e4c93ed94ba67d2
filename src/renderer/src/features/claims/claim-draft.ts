// What the claim forms hold while the analyst types, and how it becomes contract input. Every
// problem names the field it is about, the way the contract's own errors do.
import {
  COMPUTATION_KINDS,
  DEFAULT_TOLERANCE,
  type ClaimComputation,
  type ComputationKind,
  type Qualifier,
  type StatedNumber,
  type Verdict
} from '../../../../shared/evidence';

/** "rare earths, China ,, mining" → ["rare earths", "China", "mining"] (first spelling wins). */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of text.split(',')) {
    const tag = part.trim().replace(/\s+/g, ' ');
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags;
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}

/**
 * Reads a number as typed: "270,000", "69.2", "−5", "1 234". Returns null for an empty field and
 * NaN for text that is not a number.
 */
export function parseTypedNumber(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/[\u2212\u2013]/g, '-')
    .replace(/[\s\u00a0\u202f]/g, '');
  if (!cleaned) return null;
  // Thousands separators only in groups of three, so "1,5" is refused rather than read as 15.
  if (!/^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/.test(cleaned) || !/\d/.test(cleaned)) return Number.NaN;
  return Number(cleaned.replace(/,/g, ''));
}

export type Checked<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

function problem(field: string, message: string): { ok: false; field: string; message: string } {
  return { ok: false, field, message };
}

export interface ClaimDraft {
  statement: string;
  verdict: Verdict;
  rationale: string;
  tags: string;
}

export interface ClaimFields {
  statement: string;
  verdict: Verdict;
  rationale: string;
  tags: string[];
}

export function checkClaimDraft(draft: ClaimDraft): Checked<ClaimFields> {
  const statement = draft.statement.trim();
  if (!statement) return problem('statement', 'Statement: a claim needs a statement.');
  return { ok: true, value: { statement, verdict: draft.verdict, rationale: draft.rationale.trim(), tags: parseTags(draft.tags) } };
}

export interface StatedDraft {
  value: string;
  high: string;
  unit: string;
  qualifier: Qualifier;
}

export function statedDraftOf(stated: StatedNumber | null): StatedDraft {
  if (!stated) return { value: '', high: '', unit: '%', qualifier: 'exact' };
  return {
    value: String(stated.value),
    high: stated.high === null ? '' : String(stated.high),
    unit: stated.unit,
    qualifier: stated.qualifier
  };
}

/** An empty value means the claim states no number (null). */
export function checkStatedDraft(draft: StatedDraft): Checked<StatedNumber | null> {
  const value = parseTypedNumber(draft.value);
  if (value === null) return { ok: true, value: null };
  if (Number.isNaN(value)) return problem('stated.value', `Stated value: “${draft.value.trim()}” is not a number.`);
  const unit = draft.unit.trim();
  if (unit.length > 40) return problem('stated.unit', 'Stated unit: a unit is at most 40 characters.');
  if (draft.qualifier !== 'range') return { ok: true, value: { value, high: null, unit, qualifier: draft.qualifier } };
  const high = parseTypedNumber(draft.high);
  if (high === null) return problem('stated.high', 'Stated upper value: a range needs an upper value.');
  if (Number.isNaN(high)) return problem('stated.high', `Stated upper value: “${draft.high.trim()}” is not a number.`);
  if (high < value) return problem('stated.high', 'Stated upper value: the upper value is below the value.');
  return { ok: true, value: { value, high, unit, qualifier: 'range' } };
}

export interface ComputationDraft {
  kind: ComputationKind;
  aFigureId: string | null;
  bFigureId: string | null;
  tolerance: string;
}


export const COMPUTATION_KIND_LABELS: Record<ComputationKind, string> = {
  share: 'share  a ÷ b',
  change: 'change  (a − b) ÷ b'
};

export function computationDraftOf(computation: ClaimComputation | null): ComputationDraft {
  if (!computation) return { kind: COMPUTATION_KINDS[0], aFigureId: null, bFigureId: null, tolerance: String(DEFAULT_TOLERANCE) };
  return {
    kind: computation.kind,
    aFigureId: computation.aFigureId,
    bFigureId: computation.bFigureId,
    tolerance: String(computation.tolerance)
  };
}

export function checkComputationDraft(draft: ComputationDraft): Checked<ClaimComputation> {
  if (!draft.aFigureId) return problem('computation.aFigureId', 'Figure A: choose the figure to divide.');
  if (!draft.bFigureId) return problem('computation.bFigureId', 'Figure B: choose the figure to divide by.');
  if (draft.aFigureId === draft.bFigureId) return problem('computation.bFigureId', 'Figure B: choose a different figure from figure A.');
  const tolerance = parseTypedNumber(draft.tolerance);
  if (tolerance === null) return problem('computation.tolerance', 'Tolerance: give the tolerance in percentage points.');
  if (Number.isNaN(tolerance)) return problem('computation.tolerance', `Tolerance: “${draft.tolerance.trim()}” is not a number.`);
  if (tolerance < 0) return problem('computation.tolerance', 'Tolerance: the tolerance cannot be negative.');
  if (tolerance > 100) return problem('computation.tolerance', 'Tolerance: at most 100 percentage points.');
  return { ok: true, value: { kind: draft.kind, aFigureId: draft.aFigureId, bFigureId: draft.bFigureId, tolerance } };
}

// Input errors start with the method and the field path ("claims.create: statement: …"); errors
// from core start with the field path only ("computation.aFigureId: there is no figure …").
const METHOD_PREFIX = /^(library|articles|tags|highlights|claims|figures|links|quantities|units|history|search)\.[a-zA-Z]+: /;
const FIELD_PREFIX = /^([a-zA-Z]+(?:\.[a-zA-Z0-9]+)*): /;

/** The field a contract error is about ("computation.tolerance"), or null when it names none. */
export function problemField(message: string): string | null {
  const rest = message.replace(METHOD_PREFIX, '');
  const match = FIELD_PREFIX.exec(rest);
  return match ? match[1] : null;
}

/** A contract error without the method name, which means nothing to the analyst. */
export function describeProblem(message: string): string {
  return message.replace(METHOD_PREFIX, '');
}

/** Whether a problem (from the form or the contract) concerns a field (or something under it). */
export function concerns(field: string | null, name: string): boolean {
  return field !== null && (field === name || field.startsWith(`${name}.`));
}
