// The app's location lives in the URL hash, so a reload (or an app restart with a restored URL)
// comes back to the same place.
import { useEffect, useState } from 'react';

export type Route =
  | { view: 'library' }
  | { view: 'trash' }
  | { view: 'reader'; articleId: string; highlightId: string | null }
  | { view: 'claims'; claimId: string | null }
  | { view: 'figures'; figureId: string | null }
  | { view: 'charts'; chartId: string | null }
  | { view: 'projects' };

export function parseRoute(hash: string): Route {
  const article = /^#\/article\/([^/?]+)(?:\/highlight\/([^/?]+))?/.exec(hash);
  if (article) {
    return { view: 'reader', articleId: decodeURIComponent(article[1]), highlightId: article[2] ? decodeURIComponent(article[2]) : null };
  }
  const claims = /^#\/claims(?:\/([^/?]+))?/.exec(hash);
  if (claims) return { view: 'claims', claimId: claims[1] ? decodeURIComponent(claims[1]) : null };
  const figures = /^#\/figures(?:\/([^/?]+))?/.exec(hash);
  if (figures) return { view: 'figures', figureId: figures[1] ? decodeURIComponent(figures[1]) : null };
  const charts = /^#\/charts(?:\/([^/?]+))?/.exec(hash);
  if (charts) return { view: 'charts', chartId: charts[1] ? decodeURIComponent(charts[1]) : null };
  if (hash.startsWith('#/projects')) return { view: 'projects' };
  if (hash.startsWith('#/trash')) return { view: 'trash' };
  return { view: 'library' };
}

export function routeHref(route: Route): string {
  switch (route.view) {
    case 'library':
      return '#/';
    case 'trash':
      return '#/trash';
    case 'claims':
      return route.claimId ? `#/claims/${encodeURIComponent(route.claimId)}` : '#/claims';
    case 'figures':
      return route.figureId ? `#/figures/${encodeURIComponent(route.figureId)}` : '#/figures';
    case 'projects':
      return '#/projects';
    case 'charts':
      return route.chartId ? `#/charts/${encodeURIComponent(route.chartId)}` : '#/charts';
    case 'reader': {
      const base = `#/article/${encodeURIComponent(route.articleId)}`;
      return route.highlightId ? `${base}/highlight/${encodeURIComponent(route.highlightId)}` : base;
    }
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
