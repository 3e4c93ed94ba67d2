// The article in a Tiptap editor, read-only until the analyst chooses to edit the text. Highlights
// are drawn as decorations from their stored text offsets; a selection becomes text offsets the
// same way, through the shared document-text index.
import { EditorContent, useEditor } from '@tiptap/react';
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { articleExtensions } from '../../../../shared/article-schema';
import { indexDocumentText, posToTextOffset, textOffsetToPos, type DocumentText } from '../../../../shared/document-text';
import { HIGHLIGHT_COLORS, type ArticleDetail, type DocumentNode, type Highlight, type HighlightColor, type ReanchorReport } from '../../../../shared/domain';
import { useClient } from '../../app/client-context';
import { HighlightDecorations, type DrawnHighlight } from '../../editor/highlight-decorations';

export interface TextSelection {
  start: number;
  end: number;
  exact: string;
}

export interface ArticleEditorHandle {
  scrollToHighlight(id: string): void;
  /** Saves pending edits now (used when the analyst finishes editing or leaves). */
  flushSave(): Promise<void>;
}

// Saving waits for a pause in typing: serialising a long article on every keystroke freezes it.
const SAVE_DELAY_MS = 1200;

interface ToolbarPosition {
  top: number;
  left: number;
  selection: TextSelection;
}

export function ArticleEditor({
  ref,
  article,
  highlights,
  activeId,
  focusHighlightId,
  editing,
  onSaveState,
  onSaved,
  onSaveError,
  onHighlight,
  onHighlightClicked
}: {
  ref: Ref<ArticleEditorHandle>;
  article: ArticleDetail;
  highlights: Highlight[];
  activeId: string | null;
  focusHighlightId: string | null;
  editing: boolean;
  onSaveState: (state: 'saved' | 'pending' | 'saving') => void;
  onSaved: (result: { article: ArticleDetail; reanchor: ReanchorReport }) => void;
  onSaveError: (error: unknown) => void;
  onHighlight: (selection: TextSelection, color: HighlightColor) => void;
  onHighlightClicked: (id: string) => void;
}) {
  const client = useClient();
  const extensions = useMemo(() => [...articleExtensions(), HighlightDecorations], []);
  const editor = useEditor(
    {
      extensions,
      content: article.doc,
      editable: false,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: { attributes: { class: 'article-text', 'aria-label': 'Article text' } }
    },
    [article.id]
  );
  // The text index of the document as last saved; highlights' offsets refer to it.
  const [textIndex, setTextIndex] = useState<DocumentText>(() => indexDocumentText(article.doc));
  const [toolbar, setToolbar] = useState<ToolbarPosition | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const saveTimer = useRef<number | null>(null);
  const dirty = useRef(false);
  const saving = useRef<Promise<void> | null>(null);
  const scrolledToFocus = useRef(false);

  useEffect(() => {
    if (textIndex.text !== article.text) {
      // Both sides derive the text with the same function; a difference means a schema mismatch.
      console.error('Assay: the reader text differs from the library text; highlights may be misplaced.');
    }
  }, [textIndex, article.text]);

  // Draw highlights whenever they or the saved text change.
  useEffect(() => {
    if (!editor) return;
    const drawn: DrawnHighlight[] = [];
    for (const highlight of highlights) {
      if (highlight.anchorState === 'orphaned') continue;
      const from = textOffsetToPos(textIndex, highlight.position.start, 'start');
      const to = textOffsetToPos(textIndex, highlight.position.end, 'end');
      if (from !== null && to !== null && to > from) drawn.push({ id: highlight.id, from, to, color: highlight.color, verdict: highlight.verdict });
    }
    editor.commands.setDrawnHighlights(drawn);
  }, [editor, highlights, textIndex]);

  useEffect(() => {
    editor?.commands.setActiveHighlight(activeId);
  }, [editor, activeId]);

  const scrollToHighlight = useCallback((id: string) => {
    const element = container.current?.querySelector(`[data-highlight-ids~="${CSS.escape(id)}"]`);
    if (!element) return;
    element.scrollIntoView({ block: 'center', behavior: 'smooth' });
    element.classList.remove('assay-highlight-flash');
    // Restart the animation even when the same highlight is clicked twice.
    void (element as HTMLElement).offsetWidth;
    element.classList.add('assay-highlight-flash');
  }, []);

  useEffect(() => {
    if (!focusHighlightId || scrolledToFocus.current || !highlights.some((highlight) => highlight.id === focusHighlightId)) return;
    scrolledToFocus.current = true;
    // Wait a frame so the decorations are in the DOM.
    requestAnimationFrame(() => scrollToHighlight(focusHighlightId));
  }, [focusHighlightId, highlights, scrollToHighlight]);

  const save = useCallback(async () => {
    if (!editor || !dirty.current) return;
    if (saving.current) await saving.current;
    dirty.current = false;
    const snapshot = editor.state.doc;
    const doc = snapshot.toJSON() as DocumentNode;
    onSaveState('saving');
    const run = client
      .call('articles.updateDocument', { id: article.id, doc })
      .then((result) => {
        // Apply the re-anchored highlights only if nothing was typed meanwhile; otherwise the next
        // save brings them for the newer text.
        if (editor.state.doc === snapshot) {
          setTextIndex(indexDocumentText(doc));
          onSaved(result);
        }
        onSaveState(dirty.current ? 'pending' : 'saved');
      })
      .catch((error) => {
        dirty.current = true;
        onSaveState('pending');
        onSaveError(error);
      })
      .finally(() => {
        saving.current = null;
      });
    saving.current = run;
    await run;
  }, [editor, client, article.id, onSaveState, onSaved, onSaveError]);

  const flushSave = useCallback(async () => {
    if (saveTimer.current !== null) window.clearTimeout(saveTimer.current);
    saveTimer.current = null;
    await save();
  }, [save]);

  useImperativeHandle(ref, () => ({ scrollToHighlight, flushSave }), [scrollToHighlight, flushSave]);

  useEffect(() => {
    if (!editor) return;
    editor.setEditable(editing);
    if (editing) setToolbar(null);
    const onUpdate = () => {
      if (!editing) return;
      dirty.current = true;
      onSaveState('pending');
      if (saveTimer.current !== null) window.clearTimeout(saveTimer.current);
      saveTimer.current = window.setTimeout(() => {
        saveTimer.current = null;
        void save();
      }, SAVE_DELAY_MS);
    };
    editor.on('update', onUpdate);
    return () => {
      editor.off('update', onUpdate);
    };
  }, [editor, editing, save, onSaveState]);

  // Leaving the reader with unsaved edits saves them.
  useEffect(() => () => void flushSave(), [flushSave]);

  // Reads the DOM selection (the view is not editable, so ProseMirror does not track it).
  const readSelection = useCallback(() => {
    if (!editor || editing) return;
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !container.current) {
      setToolbar(null);
      return;
    }
    const range = selection.getRangeAt(0);
    if (!editor.view.dom.contains(range.startContainer) || !editor.view.dom.contains(range.endContainer)) {
      setToolbar(null);
      return;
    }
    const from = editor.view.posAtDOM(range.startContainer, range.startOffset);
    const to = editor.view.posAtDOM(range.endContainer, range.endOffset);
    const start = posToTextOffset(textIndex, Math.min(from, to), 'start');
    const end = posToTextOffset(textIndex, Math.max(from, to), 'end');
    const exact = textIndex.text.slice(start, end);
    if (end <= start || exact.trim() === '') {
      setToolbar(null);
      return;
    }
    const box = range.getBoundingClientRect();
    const frame = container.current.getBoundingClientRect();
    setToolbar({
      top: box.top - frame.top + container.current.scrollTop - 44,
      left: Math.max(0, Math.min(box.left - frame.left + box.width / 2 - 110, frame.width - 240)),
      selection: { start, end, exact }
    });
  }, [editor, editing, textIndex]);

  const onClick = (event: React.MouseEvent) => {
    const target = (event.target as HTMLElement).closest('[data-highlight-ids]');
    const selection = window.getSelection();
    if (target && (!selection || selection.isCollapsed)) {
      const ids = target.getAttribute('data-highlight-ids')!.split(' ');
      onHighlightClicked(ids[ids.length - 1]);
    }
  };

  const highlightSelection = (color: HighlightColor) => {
    if (!toolbar) return;
    onHighlight(toolbar.selection, color);
    window.getSelection()?.removeAllRanges();
    setToolbar(null);
  };

  return (
    <div
      className={editing ? 'article-scroll editing' : 'article-scroll'}
      ref={container}
      onMouseUp={() => window.setTimeout(readSelection, 0)}
      onKeyUp={(event) => {
        if (event.shiftKey || event.key === 'Shift') readSelection();
        if (event.key === 'Escape') setToolbar(null);
      }}
      onClick={onClick}
    >
      <EditorContent editor={editor} />
      {toolbar && (
        <div className="selection-toolbar" style={{ top: toolbar.top, left: toolbar.left }} role="toolbar" aria-label="Highlight selection">
          {HIGHLIGHT_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              className={`swatch swatch-${color}`}
              aria-label={`Highlight ${color}`}
              title={`Highlight ${color}`}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => highlightSelection(color)}
            />
          ))}
        </div>
      )}
    </div>
  );
}
