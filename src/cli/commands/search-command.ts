// assay search: ranked full-text hits over article titles, text and highlight notes.
import { SEARCH_MATCH_END, SEARCH_MATCH_START, type SearchHit } from '../../shared/domain';
import { withLibrary, writeJson, type CommandSpec } from '../cli-context';
import { integerOption } from '../cli-options';
import { printable, renderTable, singleLine } from '../terminal-text';

/** `assay search --json` output. Snippets keep the contract's match markers (\u0002 … \u0003). */
export interface SearchReport {
  query: string;
  hits: SearchHit[];
}

const BOLD = '\u001b[1m';
const NORMAL_INTENSITY = '\u001b[22m';

/** Matches in bold on a terminal; in brackets when the output goes to a file or another program. */
export function renderSnippet(snippet: string, styled: boolean): string {
  const [open, close] = styled ? [BOLD, NORMAL_INTENSITY] : ['[', ']'];
  // The markers are control characters themselves, so they are swapped before the rest is cleaned.
  return snippet
    .split(new RegExp(`(${SEARCH_MATCH_START}|${SEARCH_MATCH_END})`))
    .map((part) => (part === SEARCH_MATCH_START ? open : part === SEARCH_MATCH_END ? close : printable(part).replace(/\s+/g, ' ')))
    .join('')
    .trim();
}

export const searchCommand: CommandSpec = {
  name: 'search',
  summary: 'search article titles, text and highlight notes',
  usage: 'assay search QUERY [--limit N] [--json]',
  options: ['json', 'limit'],
  args: { min: 1, max: Infinity },
  details: [
    'Several words are one query (all must match); "quoted words" match as a phrase; the last word',
    'also matches as a prefix. --limit N: at most N hits, 1–200 (default 20).'
  ],
  run: (context) => {
    const { io, options } = context;
    // `assay search rare earth` reads as one query, as if it had been quoted.
    const query = context.args.join(' ');
    const limit = integerOption(options.limit, 'limit', 1, 200) ?? 20;
    return withLibrary(context, ({ dispatcher }) => {
      const hits = dispatcher.call('search.query', { query, limit });
      if (options.json) {
        writeJson(io, { query, hits } satisfies SearchReport);
        return 0;
      }
      if (hits.length === 0) {
        io.stdout.write(`Nothing matches "${singleLine(query)}".\n`);
        return 0;
      }
      const styled = io.stdout.isTTY === true;
      io.stdout.write(
        renderTable<SearchHit>(
          [
            { header: 'ID', value: (hit) => hit.articleId },
            { header: 'TITLE', value: (hit) => hit.title, maxWidth: 40 },
            { header: 'IN', value: (hit) => hit.matchedIn },
            { header: 'SNIPPET', value: (hit) => renderSnippet(hit.snippet, styled), styled: true }
          ],
          hits
        )
      );
      return 0;
    });
  }
};
