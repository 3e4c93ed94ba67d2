import { describe, expect, it } from 'vitest';
import { claimHref, figureHref, linkTargetHref, matchesWords, quoteHref, shorten, verdictChips, verdictClass } from './ledger';

describe('verdictChips', () => {
  const counts = { accurate: 2, mostly_accurate: 1, misleading: 0, inaccurate: 3, unverified: 4, disputed: 0 };

  it('starts with All, which counts every claim', () => {
    const chips = verdictChips(counts, null);
    expect(chips.map((chip) => chip.label)).toEqual(['All', 'Accurate', 'Mostly accurate', 'Misleading', 'Inaccurate', 'Unverified', 'Disputed']);
    expect(chips[0]).toEqual({ verdict: null, label: 'All', count: 10, selected: true });
    expect(chips.filter((chip) => chip.selected)).toHaveLength(1);
  });

  it('marks the chosen verdict', () => {
    const chips = verdictChips(counts, 'inaccurate');
    expect(chips.find((chip) => chip.selected)).toEqual({ verdict: 'inaccurate', label: 'Inaccurate', count: 3, selected: true });
  });

  it('counts zero before the first answer', () => {
    expect(verdictChips(null, null).every((chip) => chip.count === 0)).toBe(true);
  });
});

describe('addresses', () => {
  it('matches the routes', () => {
    expect(claimHref('c 1')).toBe('#/claims/c%201');
    expect(claimHref(null)).toBe('#/claims');
    expect(figureHref('f1')).toBe('#/figures/f1');
    expect(quoteHref('a1', 'h1')).toBe('#/article/a1/highlight/h1');
    expect(linkTargetHref({ targetKind: 'figure', targetId: 'f1' })).toBe('#/figures/f1');
    expect(linkTargetHref({ targetKind: 'claim', targetId: 'c1' })).toBe('#/claims/c1');
  });

  it('names verdict classes after the verdict values', () => {
    expect(verdictClass('mostly_accurate')).toBe('verdict-mostly_accurate');
  });
});

describe('shorten', () => {
  it('keeps short text and cuts long text with an ellipsis', () => {
    expect(shorten('  a\n b ')).toBe('a b');
    expect(shorten('abcdefghij', 6)).toBe('abcde…');
  });
});

describe('matchesWords', () => {
  it('needs every word, in any order and case', () => {
    expect(matchesWords('China accounts for nearly 70% of global mine production', 'MINE china')).toBe(true);
    expect(matchesWords('China accounts for nearly 70%', 'china refining')).toBe(false);
    expect(matchesWords('anything', '  ')).toBe(true);
  });
});
