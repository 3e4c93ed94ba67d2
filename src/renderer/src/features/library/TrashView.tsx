import { useCallback, useEffect, useState } from 'react';
import type { TrashedArticle } from '../../../../shared/evidence';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { useNotices } from '../../app/notices';
import { navigate } from '../../app/route';
import { useLibraryChanged } from '../../app/undo';

/** Articles moved to the trash, with their highlights and claims kept, ready to restore. */
export function TrashView() {
  const client = useClient();
  const notices = useNotices();
  const [trashed, setTrashed] = useState<TrashedArticle[] | null>(null);

  const load = useCallback(() => {
    client
      .call('articles.trash', {})
      .then(setTrashed)
      .catch((error) => notices.error(errorMessage(error)));
  }, [client, notices]);
  useEffect(load, [load]);
  useLibraryChanged(load);

  const restore = async (article: TrashedArticle) => {
    try {
      await client.call('articles.restore', { id: article.id });
      notices.show({ kind: 'info', message: `Restored “${article.title}”.` });
      load();
    } catch (error) {
      notices.error(errorMessage(error));
    }
  };

  return (
    <section className="library" aria-label="Trash">
      <div className="library-toolbar">
        <button type="button" onClick={() => navigate({ view: 'library' })}>
          ← Library
        </button>
        <h2 className="view-title">Trash</h2>
      </div>
      {trashed && trashed.length === 0 && <p className="empty">The trash is empty.</p>}
      {trashed && trashed.length > 0 && (
        <table className="article-table">
          <thead>
            <tr>
              <th className="plain">Title</th>
              <th className="plain">Highlights</th>
              <th className="plain">Claims</th>
              <th className="plain">Deleted</th>
              <th className="plain" aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {trashed.map((article) => (
              <tr key={article.id} className="article-row">
                <td className="title-cell">{article.title}</td>
                <td className="number">{article.highlightCount}</td>
                <td className="number">{article.claimCount}</td>
                <td>{article.deletedAt.slice(0, 10)}</td>
                <td>
                  <button type="button" onClick={() => void restore(article)}>
                    Restore
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
