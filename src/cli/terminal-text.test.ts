import { describe, expect, it } from 'vitest';
import { SEARCH_MATCH_END, SEARCH_MATCH_START } from '../shared/domain';
import { renderSnippet } from './commands/search-command';
import { printable, renderTable, truncate } from './terminal-text';

describe('terminal text', () => {
  it('drops escape sequences an imported article might carry, keeping lines and tabs', () => {
    expect(printable('red\u001b[31m alert\u0007\n\tnext')).toBe('red[31m alert\n\tnext');
  });

  it('aligns columns, right-aligns numbers and cuts long cells', () => {
    const table = renderTable<{ name: string; count: number }>(
      [
        { header: 'NAME', value: (row) => row.name, maxWidth: 8 },
        { header: 'N', value: (row) => String(row.count), align: 'right' },
        { header: 'NOTE', value: () => 'x\ny' }
      ],
      [
        { name: 'short', count: 7 },
        { name: 'a very long name', count: 120 }
      ]
    );
    expect(table).toBe('NAME        N  NOTE\nshort       7  x y\na very …  120  x y\n');
    expect(truncate('abcdef', 4)).toBe('abc…');
  });

  it('renders search markers as brackets, or bold on a terminal, and keeps foreign control characters out', () => {
    const snippet = `…the ${SEARCH_MATCH_START}lithium${SEARCH_MATCH_END}\u001b[2J price\n rose`;
    expect(renderSnippet(snippet, false)).toBe('…the [lithium][2J price rose');
    expect(renderSnippet(snippet, true)).toBe('…the \u001b[1mlithium\u001b[22m[2J price rose');
  });
});
