import type { AssayClient } from '../api/client';
import { ChartsView } from '../features/charts/ChartsView';
import { ClaimsView } from '../features/claims/ClaimsView';
import { FiguresView } from '../features/figures/FiguresView';
import { LibraryView } from '../features/library/LibraryView';
import { ProjectsView } from '../features/projects/ProjectsView';
import { TrashView } from '../features/library/TrashView';
import { ReaderView } from '../features/reader/ReaderView';
import { ClientContext } from './client-context';
import { NoticeProvider } from './notices';
import { navigate, useRoute, type Route } from './route';
import { useGlobalUndo } from './undo';

const SECTIONS: { label: string; route: Route; matches: Route['view'][] }[] = [
  { label: 'Library', route: { view: 'library' }, matches: ['library', 'reader', 'trash'] },
  { label: 'Claims', route: { view: 'claims', claimId: null }, matches: ['claims'] },
  { label: 'Figures', route: { view: 'figures', figureId: null }, matches: ['figures'] },
  { label: 'Charts', route: { view: 'charts', chartId: null }, matches: ['charts'] },
  { label: 'Projects', route: { view: 'projects' }, matches: ['projects'] }
];

function CurrentView({ route }: { route: Route }) {
  useGlobalUndo();
  switch (route.view) {
    case 'library':
      return <LibraryView />;
    case 'trash':
      return <TrashView />;
    case 'claims':
      return <ClaimsView claimId={route.claimId} />;
    case 'figures':
      return <FiguresView figureId={route.figureId} />;
    case 'projects':
      return <ProjectsView />;
    case 'charts':
      return <ChartsView chartId={route.chartId} />;
    case 'reader':
      return <ReaderView key={route.articleId} articleId={route.articleId} focusHighlightId={route.highlightId} />;
  }
}

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
              {SECTIONS.map((section) => (
                <button
                  key={section.label}
                  type="button"
                  className={section.matches.includes(route.view) ? 'nav-link active' : 'nav-link'}
                  aria-current={section.matches.includes(route.view) ? 'page' : undefined}
                  onClick={() => navigate(section.route)}
                >
                  {section.label}
                </button>
              ))}
            </nav>
            <span className="runtime-badge" title="How this window reaches the library">
              {client.runtime === 'browser' ? 'Browser mode' : 'Desktop'}
            </span>
          </header>
          <main className="app-main">
            <CurrentView route={route} />
          </main>
        </div>
      </NoticeProvider>
    </ClientContext.Provider>
  );
}
