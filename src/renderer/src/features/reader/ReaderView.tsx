import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleDetail, Highlight, HighlightColor } from '../../../../shared/domain';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { useNotices } from '../../app/notices';
import { navigate } from '../../app/route';
import { useLibraryChanged } from '../../app/undo';
import { ArticleDetails } from './ArticleDetails';
import { ArticleEditor, type ArticleEditorHandle, type TextSelection } from './ArticleEditor';
import { HighlightComposer, type Composer } from './HighlightComposer';
import { HighlightPanel } from './HighlightPanel';
import { PrintButton } from './PrintButton';

function inTextOrder(highlights: Highlight[]): Highlight[] {
  return [...highlights].sort(
    (a, b) =>
      Number(a.anchorState === 'orphaned') - Number(b.anchorState === 'orphaned') ||
      a.position.start - b.position.start ||
      b.position.end - a.position.end
  );
}

export function ReaderView({ articleId, focusHighlightId }: { articleId: string; focusHighlightId: string | null }) {
  const client = useClient();
  const notices = useNotices();
  const [article, setArticle] = useState<ArticleDetail | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [highlights, setHighlights] = useState<Highlight[]>([]);
  const [activeId, setActiveId] = useState<string | null>(focusHighlightId);
  const [focusNoteOf, setFocusNoteOf] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [saveState, setSaveState] = useState<'saved' | 'pending' | 'saving'>('saved');
  const [composer, setComposer] = useState<Composer>(null);
  const editor = useRef<ArticleEditorHandle>(null);

  useEffect(() => {
    let current = true;
    client
      .call('articles.get', { id: articleId })
      .then((loaded) => {
        if (!current) return;
        setArticle(loaded);
        setHighlights(loaded.highlights);
      })
      .catch((error) => current && setLoadProblem(errorMessage(error)));
    return () => {
      current = false;
    };
  }, [client, articleId]);

  // After an undo (or any change made elsewhere), the highlights and their verdicts are reloaded;
  // the text stays as it is in the editor.
  const reloadHighlights = useCallback(() => {
    client
      .call('articles.get', { id: articleId })
      .then((loaded) => setHighlights(loaded.highlights))
      .catch((error) => notices.error(errorMessage(error)));
  }, [client, articleId, notices]);
  useLibraryChanged(reloadHighlights);

  const createHighlight = useCallback(
    async (selection: TextSelection, color: HighlightColor) => {
      try {
        const created = await client.call('highlights.create', {
          articleId,
          start: selection.start,
          end: selection.end,
          exact: selection.exact,
          color
        });
        setHighlights((current) => inTextOrder([...current, created]));
        setActiveId(created.id);
        setFocusNoteOf(created.id);
      } catch (error) {
        notices.error(errorMessage(error));
      }
    },
    [client, articleId, notices]
  );

  const updateHighlight = useCallback(
    async (id: string, changes: { color?: HighlightColor; note?: string }) => {
      try {
        const updated = await client.call('highlights.update', { id, ...changes });
        setHighlights((current) => current.map((highlight) => (highlight.id === id ? updated : highlight)));
      } catch (error) {
        notices.error(errorMessage(error));
      }
    },
    [client, notices]
  );

  const restoreHighlight = useCallback(
    async (id: string) => {
      try {
        const restored = await client.call('highlights.restore', { id });
        setHighlights((current) => inTextOrder([...current.filter((highlight) => highlight.id !== id), restored]));
        setActiveId(restored.id);
      } catch (error) {
        notices.error(errorMessage(error));
      }
    },
    [client, notices]
  );

  const deleteHighlight = useCallback(
    async (id: string) => {
      try {
        const removed = await client.call('highlights.delete', { id });
        setHighlights((current) => current.filter((highlight) => highlight.id !== id));
        notices.show({
          kind: 'info',
          message: `Deleted the highlight “${removed.quote.exact.slice(0, 40)}${removed.quote.exact.length > 40 ? '…' : ''}”.`,
          action: { label: 'Undo', run: () => void restoreHighlight(id) }
        });
      } catch (error) {
        notices.error(errorMessage(error));
      }
    },
    [client, notices, restoreHighlight]
  );

  const selectHighlight = useCallback((id: string) => {
    setActiveId(id);
    editor.current?.scrollToHighlight(id);
  }, []);

  const finishEditing = async () => {
    await editor.current?.flushSave();
    setEditing(false);
  };

  if (loadProblem) {
    return (
      <section className="reader">
        <p className="form-problem" role="alert">
          {loadProblem}
        </p>
        <button type="button" onClick={() => navigate({ view: 'library' })}>
          Back to the library
        </button>
      </section>
    );
  }
  if (!article) return <section className="reader loading">Loading…</section>;

  return (
    <section className="reader" aria-label="Reader">
      <div className="reader-main">
        <ArticleDetails
          article={article}
          onSaved={(summary) => setArticle((current) => (current ? { ...current, ...summary } : current))}
        />
        <div className="reader-toolbar">
          {editing ? (
            <>
              <span className="save-state" aria-live="polite">
                {saveState === 'saved' ? 'All changes saved' : saveState === 'saving' ? 'Saving…' : 'Editing…'}
              </span>
              <button type="button" className="primary" onClick={() => void finishEditing()}>
                Done editing
              </button>
            </>
          ) : (
            <>
              <span className="hint">Select text to highlight it.</span>
              <PrintButton articleId={articleId} />
              <button type="button" onClick={() => setEditing(true)}>
                Edit text
              </button>
            </>
          )}
        </div>
        <ArticleEditor
          ref={editor}
          article={article}
          highlights={highlights}
          activeId={activeId}
          focusHighlightId={focusHighlightId}
          editing={editing}
          onSaveState={setSaveState}
          onSaved={(result) => {
            setHighlights(result.article.highlights);
            const { orphaned, fuzzy } = result.reanchor;
            if (orphaned || fuzzy) {
              notices.show({
                kind: 'info',
                message:
                  `After the edit, ${fuzzy ? `${fuzzy} highlight${fuzzy === 1 ? ' was' : 's were'} placed approximately` : ''}` +
                  `${fuzzy && orphaned ? ' and ' : ''}${orphaned ? `${orphaned} could not be placed (orphaned)` : ''}.`
              });
            }
          }}
          onSaveError={(error) => notices.error(errorMessage(error))}
          onHighlight={createHighlight}
          onHighlightClicked={setActiveId}
        />
      </div>
      <HighlightPanel
        highlights={highlights}
        activeId={activeId}
        focusNoteOf={focusNoteOf}
        onSelect={selectHighlight}
        onUpdate={(id, changes) => void updateHighlight(id, changes)}
        onDelete={(id) => void deleteHighlight(id)}
        onCompose={(kind, highlight) => setComposer({ kind, highlight })}
      />
      <HighlightComposer
        composer={composer}
        onClose={() => setComposer(null)}
        onDone={(message) => {
          setComposer(null);
          notices.show({ kind: 'info', message });
          reloadHighlights();
        }}
      />
    </section>
  );
}
