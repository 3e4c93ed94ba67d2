import { describe, expect, it } from 'vitest';
import { layoutPdf, type PdfPageText, type PdfTextItem } from './pdf-layout';

const WIDTH = 600;
const HEIGHT = 800;
// Helvetica-ish: half an em per character.
const item = (str: string, x: number, y: number, fontSize = 10): PdfTextItem => ({ str, x, y, width: str.length * fontSize * 0.5, fontSize });
const page = (pageNumber: number, items: PdfTextItem[]): PdfPageText => ({ pageNumber, width: WIDTH, height: HEIGHT, items });
const text = (pages: PdfPageText[]) => layoutPdf(pages).blocks.map((block) => block.text);

describe('layoutPdf', () => {
  it('drops heads that alternate between left and right pages, and roman page numbers', () => {
    const pages = [1, 2, 3, 4].map((number) =>
      page(number, [
        item(number % 2 ? 'Chapter 2: Refining' : 'Rare Earths Handbook', 60, 40, 8),
        item(`Body text of page ${number} ends here.`, 60, 100),
        item(['i', 'ii', 'iii', 'iv'][number - 1], 300, 770, 8)
      ])
    );
    expect(text(pages)).toEqual([1, 2, 3, 4].map((number) => `Body text of page ${number} ends here.`));
  });

  it('keeps the hyphen of a word the document writes with one, and rejoins other hyphenated words', () => {
    const lines = ['A well-known problem of separa-', 'tion is that the well-', 'known plants are few and small.'];
    const pages = [page(1, lines.map((line, index) => item(line, 60, 100 + index * 12)))];
    expect(text(pages)).toEqual(['A well-known problem of separation is that the well-known plants are few and small.']);
  });

  it('reads a title across two columns first, then the left column, then the right', () => {
    // The sentence runs on from the foot of the left column to the top of the right one.
    const left = ['Left one starts the', 'story and goes on', 'down the column to', 'its very end, and'];
    const right = ['the right one follows', 'with more of the', 'same story until', 'the page is done.'];
    const pages = [
      page(1, [
        item('A Title Across Both Columns', 60, 60, 18),
        ...left.map((line, index) => item(line, 60, 120 + index * 12)),
        ...right.map((line, index) => item(line, 320, 120 + index * 12))
      ])
    ];
    const { blocks, multiColumnPages } = layoutPdf(pages);
    expect(multiColumnPages).toBe(1);
    expect(blocks.map((block) => [block.kind, block.text])).toEqual([
      ['heading', 'A Title Across Both Columns'],
      ['paragraph', `${left.join(' ')} ${right.join(' ')}`]
    ]);
  });

  it('starts a paragraph at an indented first line and after a wider gap', () => {
    const pages = [
      page(1, [
        item('The first paragraph runs over', 60, 100),
        item('two lines of text.', 60, 112),
        item('An indented line opens the', 75, 124),
        item('second paragraph here.', 60, 136),
        item('After a gap, a third one.', 60, 160)
      ])
    ];
    expect(text(pages)).toEqual([
      'The first paragraph runs over two lines of text.',
      'An indented line opens the second paragraph here.',
      'After a gap, a third one.'
    ]);
  });

  it('records where the next page begins inside a paragraph that runs on', () => {
    const pages = [
      page(1, [item('Refining capacity grew', 60, 100), item('in Malaysia and', 60, 112)]),
      page(2, [item('in Texas during 2024.', 60, 100), item('A new paragraph.', 75, 112)])
    ];
    const { blocks } = layoutPdf(pages);
    expect(blocks[0]).toEqual({
      kind: 'paragraph',
      level: 0,
      text: 'Refining capacity grew in Malaysia and in Texas during 2024.',
      pages: [
        { at: 0, page: 1 },
        { at: 'Refining capacity grew in Malaysia and '.length, page: 2 }
      ]
    });
    expect(blocks[1].pages).toEqual([{ at: 0, page: 2 }]);
  });
});
