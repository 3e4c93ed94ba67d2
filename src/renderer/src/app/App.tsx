import type { AssayClient } from '../api/client';
import { LibraryView } from '../features/library/LibraryView';
import { ReaderView } from '../features/reader/ReaderView';
import { ClientContext } from './client-context';
import { NoticeProvider } from './notices';
import { navigate, useRoute } from './route';

export function App({ client }: { client: AssayClient }) {
  const route = useRoute();
  return (
    <ClientContext.Provider value={client}>
      <NoticeProvider>
        <div className="app">
          <header className="app-header">
            <button type="button" className="brand" onClick={() => navigate({ view: 'library' })}>
              Assay
            </button>
            <nav aria-label="Main">
              <button
                type="button"
                className={route.view === 'library' ? 'nav-link active' : 'nav-link'}
                onClick={() => navigate({ view: 'library' })}
              >
                Library
              </button>
            </nav>
            <span className="runtime-badge" title="How this window reaches the library">
              {client.runtime === 'browser' ? 'Browser mode' : 'Desktop'}
            </span>
          </header>
          <main className="app-main">
            {route.view === 'library' ? (
              <LibraryView />
            ) : (
              <ReaderView key={route.articleId} articleId={route.articleId} focusHighlightId={route.highlightId} />
            )}
          </main>
        </div>
      </NoticeProvider>
    </ClientContext.Provider>
  );
}
