import { describe, expect, it } from 'vitest';
import { pageAtOffset, pageCitation } from '../../shared/page-map';
import { pageStartsFromBlocks, remapPageStarts } from './page-map';

describe('page map', () => {
  const pages = [
    { start: 0, page: 1 },
    { start: 50, page: 2 },
    { start: 120, page: 3 }
  ];

  it('finds the page of an offset and cites ranges', () => {
    expect([0, 49, 50, 119, 120, 5000].map((offset) => pageAtOffset(pages, offset))).toEqual([1, 1, 2, 2, 3, 3]);
    expect(pageAtOffset(null, 3)).toBeNull();
    expect(pageCitation(pages, 10, 20)).toBe('p. 1');
    expect(pageCitation(pages, 40, 50)).toBe('p. 1');
    expect(pageCitation(pages, 40, 60)).toBe('pp. 1–2');
  });

  it('builds page starts from blocks joined by newlines, one per page', () => {
    expect(
      pageStartsFromBlocks([
        { text: 'Title', pages: [{ at: 0, page: 1 }] },
        { text: 'A paragraph that runs on', pages: [{ at: 0, page: 1 }, { at: 17, page: 2 }] },
        { text: 'Next', pages: [{ at: 0, page: 2 }] },
        { text: 'Third page', pages: [{ at: 0, page: 3 }] }
      ])
    ).toEqual([
      { start: 0, page: 1 },
      { start: 23, page: 2 },
      { start: 36, page: 3 }
    ]);
  });

  it('moves page starts with their words through an edit, and drops one whose words are gone', () => {
    const old = 'Page one text here. Page two starts with these words. Page three begins like this.';
    const starts = [
      { start: 0, page: 1 },
      { start: old.indexOf('Page two'), page: 2 },
      { start: old.indexOf('Page three'), page: 3 }
    ];
    const inserted = `NEW ${old}`;
    expect(remapPageStarts(starts, old, inserted)).toEqual([
      { start: 0, page: 1 },
      { start: inserted.indexOf('Page two'), page: 2 },
      { start: inserted.indexOf('Page three'), page: 3 }
    ]);
    const rewritten = old.replace('Page two starts with these words. ', 'Something else entirely. ');
    expect(remapPageStarts(starts, old, rewritten)).toEqual([
      { start: 0, page: 1 },
      { start: rewritten.indexOf('Page three'), page: 3 }
    ]);
    expect(remapPageStarts(null, old, inserted)).toBeNull();
  });
});
