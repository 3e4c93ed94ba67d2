import { describe, it, expect } from 'vitest';
import type { TextPositionSelector, TextQuoteSelector } from '../../shared/domain';
import { CONTEXT_LENGTH, anchorSelectors, describeRange, findExactOccurrences, mapPositionsThroughEdit } from './anchoring';

const ARTICLE = [
  'The committee met on Tuesday to review the budget for the coming year.',
  'Several members argued that the proposed cuts to the library would harm students.',
  'The chair, Dr. Amelia Kuhn, said the decision had already been delayed twice.',
  'After a long debate, the motion to restore library funding passed by a narrow margin.',
  'Critics called the vote a symbolic gesture that ignored the deficit.'
].join(' ');

/** Selectors for the n-th occurrence of `exact` in `text`, as a highlight would store them. */
function highlight(text: string, exact: string, occurrence = 0): { quote: TextQuoteSelector; position: TextPositionSelector } {
  const at = findExactOccurrences(text, exact)[occurrence];
  if (at === undefined) throw new Error(`fixture: "${exact}" #${occurrence} not in text`);
  return describeRange(text, at, at + exact.length);
}

function reanchor(text: string, stored: { quote: TextQuoteSelector; position: TextPositionSelector | null }) {
  return anchorSelectors(text, stored.quote, stored.position);
}

function placedText(text: string, result: ReturnType<typeof anchorSelectors>): string | null {
  return result.state === 'orphaned' ? null : text.slice(result.start, result.end);
}

describe('describeRange', () => {
  const text = 'a'.repeat(40) + 'QUOTE' + 'b'.repeat(40);

  it.each([
    { name: 'middle of a long text', text, start: 40, end: 45, prefix: 'a'.repeat(32), suffix: 'b'.repeat(32) },
    { name: 'very start', text: 'Hello world, this is it.', start: 0, end: 5, prefix: '', suffix: ' world, this is it.' },
    { name: 'very end', text: 'Hello world, this is it.', start: 21, end: 24, prefix: 'Hello world, this is ', suffix: '' },
    { name: 'whole text', text: 'Alone', start: 0, end: 5, prefix: '', suffix: '' },
    { name: 'short context near both edges', text: 'ab QUOTE cd', start: 3, end: 8, prefix: 'ab ', suffix: ' cd' }
  ])('describes a range at the $name', ({ text: t, start, end, prefix, suffix }) => {
    const { quote, position } = describeRange(t, start, end);
    expect(quote).toEqual({ type: 'TextQuoteSelector', exact: t.slice(start, end), prefix, suffix });
    expect(position).toEqual({ type: 'TextPositionSelector', start, end });
    expect(quote.prefix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
    expect(quote.suffix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
  });

  it('does not cut a surrogate pair in half at the context edges', () => {
    const emoji = '\u{1F600}';
    const t = emoji + 'x'.repeat(31) + 'QUOTE' + 'y'.repeat(31) + emoji;
    // 33 code units on either side: a 32-unit window would end or start inside an emoji's pair.
    const { quote } = describeRange(t, 33, 38);
    expect(quote.prefix).toBe('x'.repeat(31));
    expect(quote.suffix).toBe('y'.repeat(31));
  });

  it.each([
    { name: 'empty range', start: 3, end: 3 },
    { name: 'reversed range', start: 5, end: 3 },
    { name: 'negative start', start: -1, end: 3 },
    { name: 'end beyond the text', start: 0, end: 12 },
    { name: 'fractional offsets', start: 0.5, end: 3 },
    { name: 'NaN', start: Number.NaN, end: 3 }
  ])('rejects an $name', ({ start, end }) => {
    expect(() => describeRange('Hello world', start, end)).toThrow(RangeError);
  });
});

describe('findExactOccurrences', () => {
  it.each([
    { text: 'the cat and the hat', exact: 'the', limit: undefined, expected: [0, 12] },
    { text: 'aaaa', exact: 'aa', limit: undefined, expected: [0, 1, 2] },
    { text: 'aaaa', exact: 'aa', limit: 2, expected: [0, 1] },
    { text: 'aaaa', exact: 'aa', limit: 0, expected: [] },
    { text: 'abc', exact: 'x', limit: undefined, expected: [] },
    { text: 'abc', exact: '', limit: undefined, expected: [] },
    { text: '', exact: 'a', limit: undefined, expected: [] }
  ])('finds $exact in "$text" (limit $limit)', ({ text, exact, limit, expected }) => {
    expect(findExactOccurrences(text, exact, limit)).toEqual(expected);
  });
});

describe('anchorSelectors', () => {
  describe('unchanged text', () => {
    it.each([
      { name: 'at the start', exact: 'The committee met' },
      { name: 'in the middle', exact: 'the proposed cuts to the library' },
      { name: 'at the end', exact: 'ignored the deficit.' },
      { name: 'a short quote', exact: 'Kuhn' },
      { name: 'a quote that also occurs elsewhere', exact: 'library', occurrence: 1 }
    ])('anchors a quote $name at the same offsets', ({ exact, occurrence }) => {
      const stored = highlight(ARTICLE, exact, occurrence);
      expect(reanchor(ARTICLE, stored)).toEqual({ state: 'anchored', start: stored.position.start, end: stored.position.end });
    });

    it('re-anchors 2,000 highlights on a long article, and moves them all after an insertion at the top', () => {
      const text = syntheticArticle(300_000);
      const random = seededRandom(7);
      const stored = Array.from({ length: 2000 }, () => {
        // Word-aligned ranges of 20–120 characters, like real selections.
        let start = Math.floor(random() * (text.length - 200));
        while (text[start - 1] !== ' ') start += 1;
        let end = start + 20 + Math.floor(random() * 100);
        while (text[end] !== ' ') end += 1;
        return describeRange(text, start, end);
      });

      for (const s of stored) {
        expect(reanchor(text, s)).toEqual({ state: 'anchored', start: s.position.start, end: s.position.end });
      }

      const preface = 'Editor’s note: this article was updated to correct a figure in the third section.\n\n';
      const edited = preface + text;
      const states = new Map<string, number>();
      for (const s of stored) {
        const result = reanchor(edited, s);
        states.set(result.state, (states.get(result.state) ?? 0) + 1);
        if (result.state === 'orphaned') continue;
        expect(result.start).toBe(s.position.start + preface.length);
        expect(edited.slice(result.start, result.end)).toBe(s.quote.exact);
      }
      expect(Object.fromEntries(states)).toEqual({ moved: 2000 });
    });
  });

  describe('text edited around the quote', () => {
    it.each([
      { name: 'a sentence before the quote', edit: (t: string) => 'Minutes of the meeting, revised. ' + t },
      { name: 'a word right before the quote', edit: (t: string) => t.replace('argued that the', 'argued loudly that the') },
      { name: 'a deletion before the quote', edit: (t: string) => t.replace('to review the budget ', '') }
    ])('moves the quote when $name changes', ({ edit }) => {
      const stored = highlight(ARTICLE, 'the proposed cuts to the library');
      const edited = edit(ARTICLE);
      const result = reanchor(edited, stored);
      expect(result.state).toBe('moved');
      expect(placedText(edited, result)).toBe(stored.quote.exact);
      expect(result).toMatchObject({ start: edited.indexOf(stored.quote.exact) });
    });

    it('moves a short quote whose context is still there', () => {
      const stored = highlight(ARTICLE, 'Kuhn');
      const edited = 'Note: names were checked. ' + ARTICLE;
      expect(reanchor(edited, stored)).toEqual({ state: 'moved', start: stored.position.start + 26, end: stored.position.end + 26 });
    });

    it('finds the quote when the stored position lies beyond the new text', () => {
      const stored = highlight(ARTICLE, 'The chair, Dr. Amelia Kuhn');
      const edited = 'The chair, Dr. Amelia Kuhn, closed the meeting.';
      const result = reanchor(edited, { ...stored, position: { ...stored.position, start: 5000, end: 5026 } });
      expect(result).toEqual({ state: 'moved', start: 0, end: 26 });
    });

    it('places a quote that has no stored position, and reports it as moved', () => {
      const stored = highlight(ARTICLE, 'a narrow margin');
      const result = reanchor(ARTICLE, { quote: stored.quote, position: null });
      expect(result).toEqual({ state: 'moved', start: stored.position.start, end: stored.position.end });
    });
  });

  describe('duplicated passage', () => {
    const sentence = 'The data were collected by independent observers.';
    const first = `In the pilot study, conducted in spring, ${sentence} Results were mixed.`;
    const second = `For the main trial, which ran all summer, ${sentence} Results were clear.`;
    const text = `${first}\n\n${second}`;
    const stored = highlight(text, sentence, 1);

    it('fixture: the sentence occurs twice', () => {
      expect(findExactOccurrences(text, sentence)).toHaveLength(2);
    });

    it.each([
      { name: 'text is inserted at the top', edited: `Summary of both studies.\n\n${text}` },
      { name: 'the first occurrence moves after the second', edited: `${second}\n\n${first}` },
      { name: 'the first occurrence is deleted', edited: `Preface.\n\n${second}` },
      { name: 'the context next to the second is edited', edited: `${first}\n\n${second.replace('ran all summer', 'ran through the whole summer')}` }
    ])('keeps the highlight on the second occurrence when $name', ({ edited }) => {
      const result = reanchor(edited, stored);
      expect(result.state).toBe('moved');
      if (result.state === 'orphaned') return;
      expect(edited.slice(result.start, result.end)).toBe(sentence);
      expect(edited.slice(0, result.start)).toContain('main trial');
      expect(edited.slice(result.start - 40, result.start)).toContain('summer');
    });

    it('does not trust the old offset when the other copy has landed on it', () => {
      const edited = `${second}\n\n${first}`;
      // The swap happens to put the first copy exactly where the second one was.
      expect(edited.slice(stored.position.start, stored.position.end)).toBe(sentence);
      expect(edited.slice(stored.position.end)).toBe(' Results were mixed.');
      expect(reanchor(edited, stored)).toEqual({ state: 'moved', start: second.indexOf(sentence), end: second.indexOf(sentence) + sentence.length });
    });

    it('prefers the occurrence nearer the old place when the contexts are equal', () => {
      const repeated = `${sentence} ${sentence} ${sentence}`;
      const middle = highlight(repeated, sentence, 1);
      const edited = `Intro. ${repeated}`;
      expect(reanchor(edited, middle)).toEqual({ state: 'moved', start: middle.position.start + 7, end: middle.position.end + 7 });
    });
  });

  describe('quote edited itself', () => {
    it.each([
      {
        name: 'a word changed',
        exact: 'the motion to restore library funding passed by a narrow margin',
        edit: (t: string) => t.replace('restore library funding', 'restore school funding'),
        expected: 'the motion to restore school funding passed by a narrow margin'
      },
      {
        name: 'punctuation changed',
        exact: 'The chair, Dr. Amelia Kuhn, said the decision had already been delayed twice.',
        edit: (t: string) => t.replace('The chair, Dr. Amelia Kuhn, said', 'The chair (Dr. Amelia Kuhn) said'),
        expected: 'The chair (Dr. Amelia Kuhn) said the decision had already been delayed twice.'
      },
      {
        name: 'two letters transposed',
        exact: 'Several members argued that the proposed cuts',
        edit: (t: string) => t.replace('argued', 'argeud'),
        expected: 'Several members argeud that the proposed cuts'
      },
      {
        name: 'its first word changed',
        exact: 'Critics called the vote a symbolic gesture',
        edit: (t: string) => t.replace('Critics called', 'Opponents called'),
        expected: 'Opponents called the vote a symbolic gesture'
      },
      {
        name: 'its last word changed and text inserted before it',
        exact: 'the budget for the coming year',
        edit: (t: string) => `Draft 2. ${t.replace('the coming year', 'the coming decade')}`,
        expected: 'the budget for the coming decade'
      }
    ])('re-anchors fuzzily when $name, covering the edited words', ({ exact, edit, expected }) => {
      const stored = highlight(ARTICLE, exact);
      const edited = edit(ARTICLE);
      expect(edited).not.toContain(exact);
      const result = reanchor(edited, stored);
      expect(result.state).toBe('fuzzy');
      expect(placedText(edited, result)).toBe(expected);
    });

    it('fixes a typo in reverse: the stored quote had the typo, the new text is correct', () => {
      const withTypo = ARTICLE.replace('symbolic', 'symbloic');
      const stored = highlight(withTypo, 'called the vote a symbloic gesture');
      const result = reanchor(ARTICLE, stored);
      expect(result.state).toBe('fuzzy');
      expect(placedText(ARTICLE, result)).toBe('called the vote a symbolic gesture');
    });

    it('re-anchors an edited short quote at its own place, not at an exact copy elsewhere', () => {
      const text = 'The colour of the sea changed at dusk, said the fisherman. Nobody asked about colour again.';
      const stored = highlight(text, 'colour', 0);
      const edited = text.replace('The colour of the sea', 'The color of the sea');
      const result = reanchor(edited, stored);
      expect(result.state).toBe('fuzzy');
      expect(result).toMatchObject({ start: 4, end: 9 });
    });
  });

  describe('orphans rather than guesses', () => {
    it('orphans a quote whose passage was deleted', () => {
      const stored = highlight(ARTICLE, 'the decision had already been delayed twice');
      const edited = ARTICLE.replace(/The chair, .*?twice\. /, '');
      expect(reanchor(edited, stored)).toEqual({ state: 'orphaned' });
    });

    it('orphans a quote rewritten beyond recognition, even with its context intact', () => {
      const stored = highlight(ARTICLE, 'the proposed cuts to the library would harm students');
      const edited = ARTICLE.replace('the proposed cuts to the library would harm students', 'reading rooms ought to stay open at night');
      expect(reanchor(edited, stored)).toEqual({ state: 'orphaned' });
    });

    it.each([
      {
        name: 'a different "the" now sits at the old offset',
        edit: (at: number) => 'Lorem ipsum dolor sit amet, consectetur. '.repeat(20).slice(0, at) + 'the end of another story, as the saying goes.',
        oldOffsetHoldsThe: true
      },
      {
        name: 'the old offset holds other words',
        edit: () => 'We read the report, and then the summary of the minutes, and the appendix.',
        oldOffsetHoldsThe: false
      }
    ])('does not move a short quote whose context is gone to another "the": $name', ({ edit, oldOffsetHoldsThe }) => {
      const stored = highlight(ARTICLE, 'the', 3);
      const edited = edit(stored.position.start);
      expect(findExactOccurrences(edited, 'the').length).toBeGreaterThan(1);
      expect(edited.slice(stored.position.start, stored.position.end) === 'the').toBe(oldOffsetHoldsThe);
      expect(reanchor(edited, stored)).toEqual({ state: 'orphaned' });
    });

    it('never matches a quote under four characters fuzzily', () => {
      const stored = highlight(ARTICLE, 'Dr.');
      const edited = ARTICLE.replace('Dr.', 'Dr');
      expect(reanchor(edited, stored)).toEqual({ state: 'orphaned' });
    });

    it('does not match a medium-length phrase to a similar phrase elsewhere', () => {
      const text = 'We met in the middle of the week to plan the budget. Nobody slept.';
      const stored = highlight(text, 'in the middle of the week');
      // Five edits in 25 characters: close enough for the search, but no context vouches for it.
      const edited = 'We left early. Later, in the middle of the night, we left.';
      expect(reanchor(edited, stored)).toEqual({ state: 'orphaned' });
    });

    it.each([
      { name: 'the text is empty', text: '', exact: 'budget' },
      { name: 'the quote is empty', text: ARTICLE, exact: '' }
    ])('orphans when $name', ({ text, exact }) => {
      const quote: TextQuoteSelector = { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' };
      expect(anchorSelectors(text, quote, { type: 'TextPositionSelector', start: 0, end: exact.length })).toEqual({ state: 'orphaned' });
    });
  });

  describe('quotes at the edges of the text', () => {
    const opening = 'The committee met on Tuesday';
    const closing = 'a symbolic gesture that ignored the deficit.';

    it.each([
      { name: 'start quote, text appended', exact: opening, edit: (t: string) => `${t} Addendum.`, state: 'anchored', expected: opening },
      { name: 'start quote, text prepended', exact: opening, edit: (t: string) => `Addendum. ${t}`, state: 'moved', expected: opening },
      {
        name: 'start quote, its first word edited',
        exact: opening,
        edit: (t: string) => t.replace('The committee', 'Our committee'),
        state: 'fuzzy',
        expected: 'Our committee met on Tuesday'
      },
      { name: 'end quote, text prepended', exact: closing, edit: (t: string) => `Addendum. ${t}`, state: 'moved', expected: closing },
      { name: 'end quote, text appended', exact: closing, edit: (t: string) => `${t} Addendum.`, state: 'anchored', expected: closing },
      {
        name: 'end quote, its last word edited',
        exact: closing,
        edit: (t: string) => t.replace('the deficit.', 'the debt.'),
        state: 'fuzzy',
        expected: 'a symbolic gesture that ignored the debt.'
      }
    ])('$name → $state', ({ exact, edit, state, expected }) => {
      const stored = highlight(ARTICLE, exact);
      expect(stored.quote.prefix === '' || stored.quote.suffix === '').toBe(true);
      const edited = edit(ARTICLE);
      const result = reanchor(edited, stored);
      expect(result.state).toBe(state);
      expect(placedText(edited, result)).toBe(expected);
    });

    it('anchors a short quote that is the whole text', () => {
      const stored = highlight('Yes', 'Yes');
      expect(reanchor('Yes', stored)).toEqual({ state: 'anchored', start: 0, end: 3 });
    });
  });
});

/** Deterministic pseudo-random numbers, so the synthetic article is the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function syntheticArticle(length: number): string {
  const random = seededRandom(42);
  const words = Array.from({ length: 600 }, (_, i) => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    let word = '';
    const size = 2 + ((i * 7) % 9);
    for (let k = 0; k < size; k += 1) word += letters[Math.floor(random() * letters.length)];
    return word;
  });
  let text = '';
  while (text.length < length) {
    const sentence = Array.from({ length: 8 + Math.floor(random() * 12) }, () => words[Math.floor(random() * words.length)]);
    text += `${sentence.join(' ')}. `;
  }
  return text;
}

describe('mapPositionsThroughEdit', () => {
  it('keeps positions before the edit, shifts those after it, and gives up inside it', () => {
    const map = mapPositionsThroughEdit('one two three four', 'one 2 three four');
    expect(map(0, 'start')).toBe(0);
    expect(map(3, 'end')).toBe(3);
    expect(map(5, 'start')).toBeNull();
    expect(map(8, 'start')).toBe(6);
    expect(map(18, 'end')).toBe(16);
  });

  it('handles insertions at either end and an unchanged text', () => {
    expect(mapPositionsThroughEdit('abc', 'xxabc')(0, 'start')).toBe(2);
    expect(mapPositionsThroughEdit('abc', 'abcxx')(3, 'end')).toBe(3);
    expect(mapPositionsThroughEdit('abc', 'abc')(1, 'start')).toBe(1);
  });
});
