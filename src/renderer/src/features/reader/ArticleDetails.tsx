import { useState, type FormEvent } from 'react';
import type { ArticleDetail, ArticleSummary } from '../../../../shared/domain';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { draftFrom, MetadataFields, type MetadataDraft } from '../library/MetadataFields';

/** The article's citation header, editable in place. */
export function ArticleDetails({ article, onSaved }: { article: ArticleDetail; onSaved: (summary: ArticleSummary) => void }) {
  const client = useClient();
  const [draft, setDraft] = useState<MetadataDraft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    try {
      const summary = await client.call('articles.updateMetadata', {
        id: article.id,
        title: draft.title,
        author: draft.author,
        publisher: draft.publisher,
        url: draft.url,
        publishedAt: draft.publishedAt,
        tags: draft.tags
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean)
      });
      onSaved(summary);
      setDraft(null);
      setProblem(null);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  if (draft) {
    return (
      <form className="article-details editing" onSubmit={save} aria-label="Article details">
        <MetadataFields value={draft} onChange={setDraft} />
        {problem && (
          <p className="form-problem" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={() => setDraft(null)}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save details
          </button>
        </div>
      </form>
    );
  }

  const source = [article.author, article.publisher, article.publishedAt].filter(Boolean).join(' · ');
  return (
    <header className="article-details">
      <h1 className="article-title">{article.title}</h1>
      <p className="article-source">
        {source || 'No author, publisher or date yet'}
        {article.url && (
          <>
            {' · '}
            <a href={article.url} target="_blank" rel="noreferrer noopener">
              {article.url}
            </a>
          </>
        )}
      </p>
      <p className="article-origin">
        {article.origin.fileName ? `Imported from ${article.origin.fileName}` : `Added as ${article.origin.format}`} on{' '}
        {article.origin.importedAt.slice(0, 10)}
        {article.tags.length > 0 && (
          <>
            {' · '}
            {article.tags.map((tag) => (
              <span key={tag} className="tag-chip static">
                {tag}
              </span>
            ))}
          </>
        )}
        <button type="button" className="link-button" onClick={() => setDraft(draftFrom(article))}>
          Edit details
        </button>
      </p>
    </header>
  );
}
