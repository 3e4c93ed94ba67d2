// Draws highlights over the article as ProseMirror decorations. The highlights are kept outside
// the document (as selectors in the library), so they can overlap freely and never change the text.
//
// Overlapping ranges are cut into segments, each drawn once with the colour of its innermost
// highlight and an underline in the colour of the one beneath, so overlaps stay visible.
import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { HighlightColor } from '../../../shared/domain';
import type { Verdict } from '../../../shared/evidence';

export interface DrawnHighlight {
  id: string;
  from: number;
  to: number;
  color: HighlightColor;
  /** The verdict of the highlight's claim, drawn as an underline in the verdict's colour. */
  verdict?: Verdict | null;
}

export interface HighlightDecorationState {
  decorations: DecorationSet;
  activeId: string | null;
}

export const highlightDecorationsKey = new PluginKey<HighlightDecorationState>('assayHighlightDecorations');

interface DecorationsMeta {
  highlights?: DrawnHighlight[];
  activeId?: string | null;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    highlightDecorations: {
      /** Replaces the drawn highlights (positions in the current document). */
      setDrawnHighlights: (highlights: DrawnHighlight[]) => ReturnType;
      /** Marks one highlight as the one the side panel has selected. */
      setActiveHighlight: (id: string | null) => ReturnType;
    };
  }
}

export interface Segment {
  from: number;
  to: number;
  /** Highlights covering this segment, outermost (longest) first. */
  layers: DrawnHighlight[];
}

/** Cuts possibly overlapping highlights into disjoint segments. Pure, for testing. */
export function segmentHighlights(highlights: DrawnHighlight[]): Segment[] {
  const valid = highlights.filter((highlight) => highlight.to > highlight.from);
  const boundaries = [...new Set(valid.flatMap((highlight) => [highlight.from, highlight.to]))].sort((a, b) => a - b);
  const byStart = [...valid].sort((a, b) => a.from - b.from);
  const segments: Segment[] = [];
  const open: DrawnHighlight[] = [];
  let next = 0;
  for (let index = 0; index < boundaries.length - 1; index += 1) {
    const from = boundaries[index];
    const to = boundaries[index + 1];
    while (next < byStart.length && byStart[next].from <= from) open.push(byStart[next++]);
    for (let position = open.length - 1; position >= 0; position -= 1) {
      if (open[position].to <= from) open.splice(position, 1);
    }
    if (open.length === 0) continue;
    const layers = [...open].sort((a, b) => b.to - b.from - (a.to - a.from));
    segments.push({ from, to, layers });
  }
  return segments;
}

function buildDecorations(doc: ProseMirrorNode, highlights: DrawnHighlight[], activeId: string | null): DecorationSet {
  const size = doc.content.size;
  const decorations = segmentHighlights(highlights)
    .filter((segment) => segment.from >= 0 && segment.to <= size)
    .map((segment) => {
      const top = segment.layers[segment.layers.length - 1];
      const beneath = segment.layers.length > 1 ? segment.layers[segment.layers.length - 2] : null;
      const ids = segment.layers.map((layer) => layer.id);
      const classes = ['assay-highlight', `assay-highlight-${top.color}`];
      if (beneath) classes.push('assay-highlight-overlap', `assay-highlight-under-${beneath.color}`);
      const judged = [...segment.layers].reverse().find((layer) => layer.verdict);
      if (judged) classes.push('assay-verdict', `assay-verdict-${judged.verdict}`);
      if (activeId && ids.includes(activeId)) classes.push('assay-highlight-active');
      return Decoration.inline(
        segment.from,
        segment.to,
        { class: classes.join(' '), 'data-highlight-ids': ids.join(' ') },
        { ids }
      );
    });
  return DecorationSet.create(doc, decorations);
}

export const HighlightDecorations = Extension.create({
  name: 'highlightDecorations',

  addCommands() {
    return {
      setDrawnHighlights:
        (highlights) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(highlightDecorationsKey, { highlights } satisfies DecorationsMeta);
          return true;
        },
      setActiveHighlight:
        (id) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(highlightDecorationsKey, { activeId: id } satisfies DecorationsMeta);
          return true;
        }
    };
  },

  addProseMirrorPlugins() {
    let drawn: DrawnHighlight[] = [];
    return [
      new Plugin<HighlightDecorationState>({
        key: highlightDecorationsKey,
        state: {
          init: () => ({ decorations: DecorationSet.empty, activeId: null }),
          apply(tr, previous, _oldState, newState) {
            const meta = tr.getMeta(highlightDecorationsKey) as DecorationsMeta | undefined;
            if (meta) {
              if (meta.highlights) drawn = meta.highlights;
              const activeId = meta.activeId !== undefined ? meta.activeId : previous.activeId;
              return { decorations: buildDecorations(newState.doc, drawn, activeId), activeId };
            }
            // While the analyst edits the text, decorations follow the edits by mapping; they are
            // rebuilt from the library only when the saved text has been re-anchored.
            if (!tr.docChanged) return previous;
            const decorations = previous.decorations.map(tr.mapping, tr.doc);
            drawn = drawn
              .map((highlight) => ({ ...highlight, from: tr.mapping.map(highlight.from, 1), to: tr.mapping.map(highlight.to, -1) }))
              .filter((highlight) => highlight.to > highlight.from);
            return { decorations, activeId: previous.activeId };
          }
        },
        props: {
          decorations(state) {
            return highlightDecorationsKey.getState(state)?.decorations;
          }
        }
      })
    ];
  }
});
