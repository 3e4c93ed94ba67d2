import type { ReactNode } from 'react';
import { SEARCH_MATCH_END, SEARCH_MATCH_START } from '../../../../shared/domain';

/** Renders a search snippet; matches become <mark> elements without any HTML parsing. */
export function Snippet({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let rest = text;
  let key = 0;
  while (rest.length > 0) {
    const start = rest.indexOf(SEARCH_MATCH_START);
    if (start < 0) {
      parts.push(<span key={key++}>{rest}</span>);
      break;
    }
    if (start > 0) parts.push(<span key={key++}>{rest.slice(0, start)}</span>);
    const end = rest.indexOf(SEARCH_MATCH_END, start);
    const stop = end < 0 ? rest.length : end;
    parts.push(<mark key={key++}>{rest.slice(start + 1, stop)}</mark>);
    rest = end < 0 ? '' : rest.slice(end + 1);
  }
  return <span className="snippet">{parts}</span>;
}
