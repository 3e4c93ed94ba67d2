// @vitest-environment happy-dom
// Tables are kept in articles (web pages, Word). The reader draws highlights by mapping text
// offsets onto the Tiptap document, so the editor must see exactly core's text in table cells too.
import { Editor } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { articleExtensions } from '../../shared/article-schema';
import { indexDocumentText, textOffsetToPos } from '../../shared/document-text';
import type { DocumentNode } from '../../shared/domain';
import { wordReport } from './fixtures/corpus';
import { prepareArticle } from './import-content';
import { readWordDocument } from './word-document';

describe('tables in the reader', () => {
  it.each([
    ['an HTML table with a header row', async () => '<p>Before</p><table><tr><th>Plant</th><th>t/yr</th></tr><tr><td>Kuantan</td><td><p>10,500</p><p>(2024)</p></td></tr></table><p>After</p>'],
    ['a Word table', async () => (await readWordDocument(wordReport(), 'capacity.docx')).html]
  ])('%s: each cell paragraph is a line of the text, and every offset maps onto its character', async (_name, html) => {
    const prepared = prepareArticle(await html(), 'html');
    expect(prepared.doc.content?.some((node) => node.type === 'table')).toBe(true);
    const editor = new Editor({ extensions: articleExtensions(), content: prepared.doc, editable: false });
    const index = indexDocumentText(editor.getJSON() as DocumentNode);
    expect(index.text).toBe(prepared.text);
    for (let offset = 0; offset < index.text.length; offset += 1) {
      if (index.text[offset] === '\n') continue;
      const from = textOffsetToPos(index, offset, 'start')!;
      expect(editor.state.doc.textBetween(from, from + 1)).toBe(index.text[offset]);
    }
    editor.destroy();
  });

  it('an HTML table reads as one line per cell', () => {
    expect(prepareArticle('<table><tr><th>Plant</th><th>t/yr</th></tr><tr><td>Kuantan</td><td>10,500</td></tr></table>', 'html').text).toBe(
      'Plant\nt/yr\nKuantan\n10,500'
    );
  });
});
