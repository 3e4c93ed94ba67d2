import { describe, expect, it } from 'vitest';
import {
  checkClaimDraft,
  checkComputationDraft,
  checkStatedDraft,
  computationDraftOf,
  concerns,
  describeProblem,
  formatTags,
  parseTags,
  parseTypedNumber,
  problemField,
  statedDraftOf
} from './claim-draft';

describe('tags', () => {
  it('splits on commas, trims, drops empties and repeats', () => {
    expect(parseTags(' rare earths, China ,, mining, china,  two   words ')).toEqual(['rare earths', 'China', 'mining', 'two words']);
    expect(parseTags('')).toEqual([]);
  });

  it('round-trips through the text field', () => {
    expect(parseTags(formatTags(['a', 'b c']))).toEqual(['a', 'b c']);
  });
});

describe('parseTypedNumber', () => {
  it.each([
    ['270,000', 270000],
    ['69.2', 69.2],
    ['  42 ', 42],
    ['−5', -5],
    ['-0.5', -0.5],
    ['.5', 0.5],
    ['1 234', 1234],
    ['3,800,000', 3800000]
  ])('reads %s', (text, value) => {
    expect(parseTypedNumber(text)).toBe(value);
  });

  it('returns null for an empty field', () => {
    expect(parseTypedNumber('   ')).toBeNull();
  });

  it.each(['abc', '1,5', '12,34,567', '69%', '-', '1.2.3'])('refuses %s', (text) => {
    expect(parseTypedNumber(text)).toBeNaN();
  });
});

describe('checkClaimDraft', () => {
  it('needs a statement', () => {
    expect(checkClaimDraft({ statement: '  ', verdict: 'accurate', rationale: '', tags: '' })).toEqual({
      ok: false,
      field: 'statement',
      message: 'Statement: a claim needs a statement.'
    });
  });

  it('trims and splits tags', () => {
    expect(checkClaimDraft({ statement: ' China mines 70% ', verdict: 'misleading', rationale: ' why ', tags: 'a, b' })).toEqual({
      ok: true,
      value: { statement: 'China mines 70%', verdict: 'misleading', rationale: 'why', tags: ['a', 'b'] }
    });
  });
});

describe('stated number', () => {
  it('an empty value means no stated number', () => {
    expect(checkStatedDraft({ value: '', high: '', unit: '%', qualifier: 'approximately' })).toEqual({ ok: true, value: null });
  });

  it('reads value, unit and qualifier', () => {
    expect(checkStatedDraft({ value: '69', high: '99', unit: ' % ', qualifier: 'approximately' })).toEqual({
      ok: true,
      value: { value: 69, high: null, unit: '%', qualifier: 'approximately' }
    });
  });

  it('a range needs an upper value not below the value', () => {
    expect(checkStatedDraft({ value: '35', high: '40', unit: '%', qualifier: 'range' })).toEqual({
      ok: true,
      value: { value: 35, high: 40, unit: '%', qualifier: 'range' }
    });
    expect(checkStatedDraft({ value: '35', high: '', unit: '%', qualifier: 'range' })).toMatchObject({ ok: false, field: 'stated.high' });
    expect(checkStatedDraft({ value: '35', high: '30', unit: '%', qualifier: 'range' })).toMatchObject({ ok: false, field: 'stated.high' });
  });

  it('names the field it cannot read', () => {
    expect(checkStatedDraft({ value: 'seventy', high: '', unit: '%', qualifier: 'exact' })).toEqual({
      ok: false,
      field: 'stated.value',
      message: 'Stated value: “seventy” is not a number.'
    });
  });

  it('fills the form from a stated number and back', () => {
    const stated = { value: 35, high: 40, unit: '%', qualifier: 'range' as const };
    expect(checkStatedDraft(statedDraftOf(stated))).toEqual({ ok: true, value: stated });
    expect(statedDraftOf(null)).toEqual({ value: '', high: '', unit: '%', qualifier: 'exact' });
  });
});

describe('computation', () => {
  const draft = { kind: 'share' as const, aFigureId: 'a', bFigureId: 'b', tolerance: '1' };

  it('starts as a share with a 1-point tolerance', () => {
    expect(computationDraftOf(null)).toEqual({ kind: 'share', aFigureId: null, bFigureId: null, tolerance: '1' });
  });

  it('accepts two different figures and a tolerance', () => {
    expect(checkComputationDraft({ ...draft, tolerance: '0.5' })).toEqual({
      ok: true,
      value: { kind: 'share', aFigureId: 'a', bFigureId: 'b', tolerance: 0.5 }
    });
  });

  it('names what is missing or wrong', () => {
    expect(checkComputationDraft({ ...draft, aFigureId: null })).toMatchObject({ ok: false, field: 'computation.aFigureId' });
    expect(checkComputationDraft({ ...draft, bFigureId: null })).toMatchObject({ ok: false, field: 'computation.bFigureId' });
    expect(checkComputationDraft({ ...draft, bFigureId: 'a' })).toMatchObject({ ok: false, field: 'computation.bFigureId' });
    expect(checkComputationDraft({ ...draft, tolerance: '' })).toMatchObject({ ok: false, field: 'computation.tolerance' });
    expect(checkComputationDraft({ ...draft, tolerance: '-1' })).toMatchObject({ ok: false, field: 'computation.tolerance' });
    expect(checkComputationDraft({ ...draft, tolerance: 'x' })).toMatchObject({ ok: false, field: 'computation.tolerance' });
  });
});

describe('contract problems', () => {
  it('finds the field after the method name of an input error', () => {
    expect(problemField('claims.create: statement: Too big')).toBe('statement');
    expect(problemField('claims.update: computation.tolerance: the tolerance cannot be negative')).toBe('computation.tolerance');
    expect(problemField('claims.create: tags.0: Too small')).toBe('tags.0');
  });

  it('finds the field of an error from core', () => {
    expect(problemField('computation.aFigureId: there is no figure f1 (it may have been deleted).')).toBe('computation.aFigureId');
    expect(problemField('statement: a claim needs a statement.')).toBe('statement');
  });

  it('finds none in a plain sentence', () => {
    expect(problemField('The claim is already linked to that figure as “supports”.')).toBeNull();
  });

  it('drops the method name from the message', () => {
    expect(describeProblem('claims.create: statement: Too big')).toBe('statement: Too big');
    expect(describeProblem('computation.aFigureId: there is no figure')).toBe('computation.aFigureId: there is no figure');
  });

  it('a problem concerns its field and the fields under it', () => {
    expect(concerns('computation.tolerance', 'computation')).toBe(true);
    expect(concerns('tags.0', 'tags')).toBe(true);
    expect(concerns('statement', 'stated')).toBe(false);
    expect(concerns(null, 'statement')).toBe(false);
  });
});
