// The claims ledger: every claim with its verdict, where it was said, whether its number adds up
// and how much evidence it has; filters by verdict (with counts), tag and article; the chosen
// claim's detail on the right.
import { useCallback, useEffect, useId, useState } from 'react';
import type { ArticleSummary, TagCount } from '../../../../shared/domain';
import type { ClaimSummary, Verdict } from '../../../../shared/evidence';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { useNotices } from '../../app/notices';
import { navigate } from '../../app/route';
import { useLibraryChanged } from '../../app/undo';
import { ClaimDetailPane } from './ClaimDetailPane';
import { ClaimEditor } from './ClaimEditor';
import { ClaimsTable } from './ClaimsTable';
import { shorten } from './ledger';
import { VerdictChips } from './VerdictChips';

const PAGE_SIZE = 200;
// Enough for any one analyst's library; the article filter is a plain select.
const ARTICLE_LIMIT = 1000;

export function ClaimsView({ claimId }: { claimId: string | null }) {
  const client = useClient();
  const notices = useNotices();
  const ids = useId();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [tag, setTag] = useState('');
  const [articleId, setArticleId] = useState('');
  const [claims, setClaims] = useState<ClaimSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [counts, setCounts] = useState<Record<Verdict, number> | null>(null);
  const [tags, setTags] = useState<TagCount[]>([]);
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  const [creating, setCreating] = useState(false);

  const load = useCallback(
    async (offset = 0) => {
      try {
        const page = await client.call('claims.list', {
          verdict,
          tag: tag || null,
          articleId: articleId || null,
          limit: PAGE_SIZE,
          offset
        });
        setClaims((current) => (offset === 0 ? page.items : [...current, ...page.items]));
        setTotal(page.total);
        setCounts(page.countsByVerdict);
      } catch (error) {
        notices.error(errorMessage(error));
      }
    },
    [client, notices, verdict, tag, articleId]
  );

  const loadFilters = useCallback(async () => {
    try {
      const [claimTags, articlePage] = await Promise.all([
        client.call('claims.tags', {}),
        client.call('articles.list', { sort: 'title', direction: 'asc', limit: ARTICLE_LIMIT })
      ]);
      setTags(claimTags);
      setArticles(articlePage.items);
    } catch (error) {
      notices.error(errorMessage(error));
    }
  }, [client, notices]);

  useEffect(() => {
    void load(0);
  }, [load]);
  useEffect(() => {
    void loadFilters();
  }, [loadFilters]);

  const refresh = useCallback(() => {
    void load(0);
    void loadFilters();
  }, [load, loadFilters]);
  useLibraryChanged(refresh);

  // Choosing a claim (a row, a link in a pane) leaves the new-claim form.
  useEffect(() => setCreating(false), [claimId]);

  const filtered = verdict !== null || tag !== '' || articleId !== '';
  return (
    <section className="claims" aria-label="Claims">
      <div className="claims-main">
        <div className="claims-toolbar">
          <VerdictChips counts={counts} selected={verdict} onSelect={setVerdict} />
          <div className="claims-filters">
            <div className="tag-filter">
              <label htmlFor={`${ids}-tag`}>Tag</label>
              <select id={`${ids}-tag`} value={tag} onChange={(event) => setTag(event.target.value)}>
                <option value="">All tags</option>
                {tags.map((entry) => (
                  <option key={entry.name} value={entry.name}>
                    {entry.name} ({entry.count})
                  </option>
                ))}
              </select>
            </div>
            <div className="tag-filter">
              <label htmlFor={`${ids}-article`}>Article</label>
              <select id={`${ids}-article`} value={articleId} onChange={(event) => setArticleId(event.target.value)}>
                <option value="">All articles</option>
                {articles.map((article) => (
                  <option key={article.id} value={article.id}>
                    {shorten(article.title, 70)}
                  </option>
                ))}
              </select>
            </div>
            <span className="spacer" />
            <button type="button" className="primary" onClick={() => setCreating(true)}>
              New claim
            </button>
          </div>
        </div>

        <ClaimsTable claims={claims} selectedId={claimId} />
        {claims.length === 0 && (
          <p className="empty">
            {filtered
              ? 'No claim matches these filters.'
              : 'No claims yet. Highlight a passage in an article and make it a claim, or type one in with “New claim”.'}
          </p>
        )}
        <div className="table-footer">
          <span>
            {claims.length} of {total} claim{total === 1 ? '' : 's'}
          </span>
          {claims.length < total && (
            <button type="button" onClick={() => void load(claims.length)}>
              Show more
            </button>
          )}
        </div>
      </div>

      <aside className="claims-side" aria-label="Claim detail">
        {creating ? (
          <div className="claim-detail">
            <ClaimEditor
              onCancel={() => setCreating(false)}
              onSaved={(claim) => {
                setCreating(false);
                notices.show({ kind: 'info', message: 'Added the claim.' });
                refresh();
                navigate({ view: 'claims', claimId: claim.id });
              }}
            />
          </div>
        ) : claimId ? (
          <ClaimDetailPane key={claimId} claimId={claimId} onChanged={refresh} />
        ) : (
          <p className="hint claims-side-empty">Choose a claim to see its evidence and check its numbers.</p>
        )}
      </aside>
    </section>
  );
}
