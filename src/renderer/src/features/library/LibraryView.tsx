import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import type { ArticleSortKey, ArticleSummary, SearchHit, TagCount } from '../../../../shared/domain';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { useNotices } from '../../app/notices';
import { navigate } from '../../app/route';
import { useLibraryChanged, useUndo } from '../../app/undo';
import { ProjectSelect } from '../projects/ProjectSelect';
import { useProjects } from '../projects/use-projects';
import { AddArticleDialog } from './AddArticleDialog';
import { selectionFromDrop, type BatchSelection } from './file-import';
import { ImportBatchDialog } from './ImportBatchDialog';
import { LibrarySelectionBar } from './LibrarySelectionBar';
import { Snippet } from './Snippet';

const PAGE_SIZE = 100;
// Short enough to feel instant, long enough not to query on every key of a fast typist.
const SEARCH_DELAY_MS = 120;

interface Column {
  key: ArticleSortKey;
  label: string;
  defaultDirection: 'asc' | 'desc';
}

const COLUMNS: Column[] = [
  { key: 'title', label: 'Title', defaultDirection: 'asc' },
  { key: 'source', label: 'Source', defaultDirection: 'asc' },
  { key: 'published', label: 'Published', defaultDirection: 'desc' },
  { key: 'highlights', label: 'Highlights', defaultDirection: 'desc' },
  { key: 'added', label: 'Added', defaultDirection: 'desc' }
];

function formatDate(iso: string): string {
  return iso.slice(0, 10);
}

export function LibraryView() {
  const client = useClient();
  const notices = useNotices();
  const [sort, setSort] = useState<{ key: ArticleSortKey; direction: 'asc' | 'desc' }>({ key: 'added', direction: 'desc' });
  const [tag, setTag] = useState<string>('');
  const [projectId, setProjectId] = useState<string>('');
  // Selected article ids, kept across "Show more" pages; cleared when the filter changes.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [tags, setTags] = useState<TagCount[]>([]);
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [adding, setAdding] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [dropped, setDropped] = useState<BatchSelection | null>(null);
  const searchSequence = useRef(0);
  const [deleting, setDeleting] = useState<ArticleSummary | null>(null);
  const undo = useUndo();

  const load = useCallback(
    async (offset = 0) => {
      try {
        const page = await client.call('articles.list', {
          sort: sort.key,
          direction: sort.direction,
          tag: tag || null,
          projectId: projectId || null,
          limit: PAGE_SIZE,
          offset
        });
        setArticles((current) => (offset === 0 ? page.items : [...current, ...page.items]));
        setTotal(page.total);
      } catch (error) {
        notices.error(errorMessage(error));
      }
    },
    [client, notices, sort, tag, projectId]
  );

  const loadTags = useCallback(async () => {
    try {
      setTags(await client.call('tags.list', {}));
    } catch (error) {
      notices.error(errorMessage(error));
    }
  }, [client, notices]);

  useEffect(() => {
    void load(0);
  }, [load]);
  // After the articles' effect, so that the list is asked for first: counting a large library's
  // projects takes longer, and the host answers in turn.
  const { projects, reload: reloadProjects } = useProjects();
  const filterProject = projects.find((project) => project.id === projectId) ?? null;
  useEffect(() => setSelected(new Set()), [tag, projectId]);
  useEffect(() => {
    void loadTags();
  }, [loadTags]);

  useEffect(() => {
    const sequence = ++searchSequence.current;
    if (!query.trim()) {
      setHits(null);
      return;
    }
    const timer = window.setTimeout(async () => {
      try {
        const results = await client.call('search.query', { query, limit: 50 });
        // Answers can arrive out of order; only the latest query's answer is shown.
        if (sequence === searchSequence.current) setHits(results);
      } catch (error) {
        if (sequence === searchSequence.current) notices.error(errorMessage(error));
      }
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [client, notices, query]);

  const refresh = useCallback(() => {
    void load(0);
    void loadTags();
    void reloadProjects();
  }, [load, loadTags, reloadProjects]);

  const toggleSelected = (articleId: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(articleId)) next.delete(articleId);
      else next.add(articleId);
      return next;
    });
  const allShownSelected = articles.length > 0 && articles.every((article) => selected.has(article.id));
  const toggleAllShown = () => setSelected(allShownSelected ? new Set() : new Set(articles.map((article) => article.id)));
  useLibraryChanged(refresh);

  const moveToTrash = async (article: ArticleSummary) => {
    setDeleting(null);
    try {
      const trashed = await client.call('articles.delete', { id: article.id });
      notices.show({ kind: 'info', message: `Moved “${trashed.title}” to the trash.`, action: { label: 'Undo', run: () => void undo() } });
      refresh();
    } catch (error) {
      notices.error(errorMessage(error));
    }
  };

  const onDrop = async (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    // Files and folders (walked); read from the event before anything is awaited.
    const selection = await selectionFromDrop(event.dataTransfer);
    if (selection.files.length === 0) {
      if (selection.skipped.length > 0) notices.error('Nothing to import: Assay reads web pages (.html), PDF, Word (.docx), Markdown and text files.');
      return;
    }
    setDropped(selection);
  };

  const sortBy = (column: Column) =>
    setSort((current) =>
      current.key === column.key
        ? { key: column.key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
        : { key: column.key, direction: column.defaultDirection }
    );

  return (
    <section
      className={dragging ? 'library dragging' : 'library'}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes('Files')) {
          event.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDragging(false);
      }}
      onDrop={onDrop}
      aria-label="Library"
    >
      <div className="library-toolbar">
        <input
          type="search"
          className="search-input"
          placeholder="Search articles and notes…"
          aria-label="Search the library"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        {projects.length > 1 && (
          <label className="tag-filter">
            Project
            <ProjectSelect projects={projects} value={projectId} onChange={setProjectId} label="Filter by project" emptyOption="All projects" />
          </label>
        )}
        <label className="tag-filter">
          Tag
          <select value={tag} onChange={(event) => setTag(event.target.value)} aria-label="Filter by tag">
            <option value="">All articles</option>
            {tags.map((entry) => (
              <option key={entry.name} value={entry.name}>
                {entry.name} ({entry.count})
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          Add article
        </button>
        <button type="button" className="link-button trash-link" onClick={() => navigate({ view: 'trash' })}>
          Trash
        </button>
      </div>

      {hits !== null ? (
        <SearchResults hits={hits} query={query} />
      ) : (
        <>
          {selected.size > 0 && (
            <LibrarySelectionBar
              selectedIds={[...selected]}
              projects={projects}
              filterProject={filterProject}
              onChanged={refresh}
              onClear={() => setSelected(new Set())}
            />
          )}
          <table className="article-table">
            <thead>
              <tr>
                <th className="plain select-cell">
                  <input type="checkbox" aria-label="Select all shown articles" checked={allShownSelected} onChange={toggleAllShown} />
                </th>
                {COLUMNS.map((column) => (
                  <th
                    key={column.key}
                    aria-sort={sort.key === column.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                  >
                    <button type="button" onClick={() => sortBy(column)}>
                      {column.label}
                      {sort.key === column.key ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                    </button>
                  </th>
                ))}
                <th className="plain">Tags</th>
                <th className="plain" aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {articles.map((article) => (
                <tr
                  key={article.id}
                  className={selected.has(article.id) ? 'article-row selected' : 'article-row'}
                  data-article-id={article.id}
                >
                  <td className="select-cell">
                    <input
                      type="checkbox"
                      aria-label={`Select “${article.title}”`}
                      checked={selected.has(article.id)}
                      onChange={() => toggleSelected(article.id)}
                    />
                  </td>
                  <td className="title-cell">
                    <a href={`#/article/${encodeURIComponent(article.id)}`}>{article.title}</a>
                    {article.author && <div className="byline">{article.author}</div>}
                  </td>
                  <td>{article.publisher ?? '—'}</td>
                  <td>{article.publishedAt ?? '—'}</td>
                  <td className="number">{article.highlightCount}</td>
                  <td>{formatDate(article.addedAt)}</td>
                  <td>
                    {article.tags.map((name) => (
                      <button key={name} type="button" className="tag-chip" onClick={() => setTag(name)}>
                        {name}
                      </button>
                    ))}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link-button danger"
                      aria-label={`Move “${article.title}” to the trash`}
                      onClick={() => setDeleting(article)}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {articles.length === 0 && (
            <p className="empty">
              {tag
                ? `No article${filterProject ? ` in “${filterProject.name}”` : ''} is tagged “${tag}”.`
                : filterProject
                  ? `“${filterProject.name}” has no articles yet. Select articles under All projects and add them to it, or add new ones here.`
                  : 'The library is empty. Add an article, or drop files here.'}
            </p>
          )}
          <div className="table-footer">
            <span>
              {articles.length} of {total} article{total === 1 ? '' : 's'}
            </span>
            {articles.length < total && (
              <button type="button" onClick={() => void load(articles.length)}>
                Show more
              </button>
            )}
          </div>
        </>
      )}

      {dragging && <div className="drop-overlay">Drop files or folders to import them</div>}
      {dropped && (
        <ImportBatchDialog
          selection={dropped}
          projectId={projectId || null}
          onDone={(articleId) => {
            setDropped(null);
            refresh();
            if (articleId) navigate({ view: 'reader', articleId, highlightId: null });
          }}
        />
      )}
      {deleting && <ConfirmTrash article={deleting} onConfirm={() => void moveToTrash(deleting)} onCancel={() => setDeleting(null)} />}
      {adding && (
        <AddArticleDialog
          initialProjectId={projectId || null}
          onClose={() => setAdding(false)}
          onAdded={(articleId) => {
            setAdding(false);
            refresh();
            if (articleId) navigate({ view: 'reader', articleId, highlightId: null });
          }}
        />
      )}
    </section>
  );
}

/** Asks first when the article carries claims; an article without any goes to the trash at once. */
function ConfirmTrash({ article, onConfirm, onCancel }: { article: ArticleSummary; onConfirm: () => void; onCancel: () => void }) {
  const client = useClient();
  const [claimCount, setClaimCount] = useState<number | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const answered = useRef(false);
  useEffect(() => {
    client
      .call('claims.list', { articleId: article.id, limit: 1 })
      .then((result) => setClaimCount(result.total))
      .catch(() => setClaimCount(0));
  }, [client, article.id]);
  useEffect(() => {
    if (claimCount === 0 && !answered.current) {
      answered.current = true;
      onConfirm();
    } else if (claimCount !== null && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [claimCount, onConfirm]);
  if (!claimCount) return null;
  return (
    <dialog ref={dialog} className="dialog confirm" aria-label="Move to the trash?" onClose={onCancel}>
      <h2>Move “{article.title}” to the trash?</h2>
      <p>
        It has {claimCount} claim{claimCount === 1 ? '' : 's'} and {article.highlightCount} highlight
        {article.highlightCount === 1 ? '' : 's'}. They stay with the article in the trash, and you can restore it from there.
      </p>
      <div className="dialog-buttons">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary danger-button" onClick={onConfirm}>
          Move to trash
        </button>
      </div>
    </dialog>
  );
}

function SearchResults({ hits, query }: { hits: SearchHit[]; query: string }) {
  if (hits.length === 0) return <p className="empty">Nothing in the library matches “{query}”.</p>;
  return (
    <ol className="search-results" aria-label="Search results">
      {hits.map((hit) => (
        <li key={hit.articleId} className="search-hit">
          <a href={`#/article/${encodeURIComponent(hit.articleId)}${hit.highlightId ? `/highlight/${encodeURIComponent(hit.highlightId)}` : ''}`}>
            {hit.title}
          </a>
          {hit.matchedIn === 'note' && <span className="badge">in a note</span>}
          <div>
            <Snippet text={hit.snippet} />
          </div>
        </li>
      ))}
    </ol>
  );
}
