// The claims ledger's filter chips and the addresses its rows and links go to.
import { VERDICT_LABELS, VERDICTS, type EvidenceLink, type Verdict } from '../../../../shared/evidence';

export interface VerdictChip {
  /** null is the "All" chip. */
  verdict: Verdict | null;
  label: string;
  count: number;
  selected: boolean;
}

/** "All" and one chip per verdict, in the contract's order, with the counts claims.list gave. */
export function verdictChips(counts: Record<Verdict, number> | null, selected: Verdict | null): VerdictChip[] {
  const countOf = (verdict: Verdict) => counts?.[verdict] ?? 0;
  const total = VERDICTS.reduce((sum, verdict) => sum + countOf(verdict), 0);
  return [
    { verdict: null, label: 'All', count: total, selected: selected === null },
    ...VERDICTS.map((verdict) => ({ verdict, label: VERDICT_LABELS[verdict], count: countOf(verdict), selected: selected === verdict }))
  ];
}

export function verdictClass(verdict: Verdict): string {
  return `verdict-${verdict}`;
}

export function claimHref(claimId: string | null): string {
  return claimId ? `#/claims/${encodeURIComponent(claimId)}` : '#/claims';
}

export function figureHref(figureId: string): string {
  return `#/figures/${encodeURIComponent(figureId)}`;
}

/** Opens the article scrolled to the passage. */
export function quoteHref(articleId: string, highlightId: string): string {
  return `#/article/${encodeURIComponent(articleId)}/highlight/${encodeURIComponent(highlightId)}`;
}

export function linkTargetHref(link: Pick<EvidenceLink, 'targetKind' | 'targetId'>): string {
  return link.targetKind === 'figure' ? figureHref(link.targetId) : claimHref(link.targetId);
}

/** Keeps a one-line statement short in lists; the full text is in the detail pane. */
export function shorten(text: string, max = 160): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1).trimEnd()}…` : oneLine;
}

/** Whether every word of a query is in the text, in any order and case. */
export function matchesWords(text: string, query: string): boolean {
  const haystack = text.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
