// @vitest-environment happy-dom
// The reader draws highlights by mapping stored text offsets onto the Tiptap document. This checks
// that the editor's document yields exactly core's text, and that the mapping lands on the quotes.
import { Editor } from '@tiptap/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../../core/import/import-content';
import { articleExtensions } from '../../../shared/article-schema';
import { indexDocumentText, posToTextOffset, textOffsetToPos } from '../../../shared/document-text';
import type { DocumentNode } from '../../../shared/domain';
import { HighlightDecorations, highlightDecorationsKey, segmentHighlights } from './highlight-decorations';

const sampleMarkdown = readFileSync(join(__dirname, '../../../../resources/sample/rare-earth-supply-chain.md'), 'utf8');
const sampleHighlights = JSON.parse(readFileSync(join(__dirname, '../../../../resources/sample/sample-project.json'), 'utf8'))
  .highlights as { exact: string }[];

function editorFor(doc: DocumentNode): Editor {
  return new Editor({ extensions: [...articleExtensions(), HighlightDecorations], content: doc, editable: false });
}

describe('the reader and core agree on the article text', () => {
  it.each([
    ['the sample article (Markdown)', () => prepareArticle(sampleMarkdown, 'markdown')],
    [
      'HTML with lists, quotes, breaks and nested marks',
      () =>
        prepareArticle(
          '<h1>T</h1><p>a <b>b <i>c</i></b> d<br>e</p><blockquote><p>q1</p><p>q2</p></blockquote><ol><li><p>x</p><ul><li>y</li></ul></li></ol><pre><code>code\nblock</code></pre><p></p><hr><p>end</p>',
          'html'
        )
    ]
  ])('%s', (_name, prepare) => {
    const prepared = prepare();
    const editor = editorFor(prepared.doc);
    const index = indexDocumentText(editor.getJSON() as DocumentNode);
    expect(index.text).toBe(prepared.text);
    // Every text offset maps to a position whose text is the same character.
    for (let offset = 0; offset < index.text.length; offset += 1) {
      if (index.text[offset] === '\n') continue;
      const from = textOffsetToPos(index, offset, 'start')!;
      const to = textOffsetToPos(index, offset + 1, 'end')!;
      expect(editor.state.doc.textBetween(from, to)).toBe(index.text[offset]);
      expect(posToTextOffset(index, from, 'start')).toBe(offset);
    }
    editor.destroy();
  });

  it('maps every sample highlight quote onto exactly its words in the editor', () => {
    const prepared = prepareArticle(sampleMarkdown, 'markdown');
    const editor = editorFor(prepared.doc);
    const index = indexDocumentText(editor.getJSON() as DocumentNode);
    for (const { exact } of sampleHighlights) {
      const start = index.text.indexOf(exact);
      expect(start).toBeGreaterThanOrEqual(0);
      const from = textOffsetToPos(index, start, 'start')!;
      const to = textOffsetToPos(index, start + exact.length, 'end')!;
      expect(editor.state.doc.textBetween(from, to)).toBe(exact);
    }
    editor.destroy();
  });
});

describe('highlight decorations', () => {
  it('cuts overlapping highlights into segments, innermost on top', () => {
    const segments = segmentHighlights([
      { id: 'outer', from: 1, to: 20, color: 'green' },
      { id: 'inner', from: 5, to: 10, color: 'blue' },
      { id: 'later', from: 30, to: 35, color: 'yellow' }
    ]);
    expect(segments.map(({ from, to, layers }) => [from, to, layers.map((layer) => layer.id)])).toEqual([
      [1, 5, ['outer']],
      [5, 10, ['outer', 'inner']],
      [10, 20, ['outer']],
      [30, 35, ['later']]
    ]);
  });

  it('draws the highlights in the editor and keeps them on their words while the text is edited', () => {
    const editor = editorFor({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'China mined 270,000 t.' }] }] });
    editor.commands.setDrawnHighlights([{ id: 'h1', from: 13, to: 20, color: 'green' }]);
    const found = () => highlightDecorationsKey.getState(editor.state)!.decorations.find();
    expect(found().map((decoration) => editor.state.doc.textBetween(decoration.from, decoration.to))).toEqual(['270,000']);
    editor.setEditable(true);
    editor.commands.insertContentAt(1, 'In 2024, ');
    expect(found().map((decoration) => editor.state.doc.textBetween(decoration.from, decoration.to))).toEqual(['270,000']);
    expect(editor.view.dom.querySelector('[data-highlight-ids="h1"]')?.textContent).toBe('270,000');
    editor.destroy();
  });
});
