// The app's location lives in the URL hash, so a reload (or an app restart with a restored URL)
// comes back to the same article and highlight.
import { useEffect, useState } from 'react';

export type Route = { view: 'library' } | { view: 'reader'; articleId: string; highlightId: string | null };

export function parseRoute(hash: string): Route {
  const match = /^#\/article\/([^/?]+)(?:\/highlight\/([^/?]+))?/.exec(hash);
  if (match) return { view: 'reader', articleId: decodeURIComponent(match[1]), highlightId: match[2] ? decodeURIComponent(match[2]) : null };
  return { view: 'library' };
}

export function routeHref(route: Route): string {
  if (route.view === 'library') return '#/';
  const base = `#/article/${encodeURIComponent(route.articleId)}`;
  return route.highlightId ? `${base}/highlight/${encodeURIComponent(route.highlightId)}` : base;
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
