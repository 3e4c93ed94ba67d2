// Chooses another claim by words of its statement. claims.list has no text search, so the latest
// claims are fetched once and narrowed here.
import { useCallback, useRef } from 'react';
import type { ClaimSummary } from '../../../../shared/evidence';
import { useClient } from '../../app/client-context';
import { matchesWords, shorten } from './ledger';
import { SearchPicker } from './SearchPicker';
import { VerdictBadge } from './VerdictBadge';

const FETCH_LIMIT = 1000;
const RESULT_LIMIT = 30;

export function ClaimPicker({
  label,
  claim,
  excludeId,
  onSelect,
  autoFocus
}: {
  label: string;
  autoFocus?: boolean;
  claim: ClaimSummary | null;
  /** The claim being linked from, which cannot be its own evidence. */
  excludeId: string;
  onSelect: (claim: ClaimSummary) => void;
}) {
  const client = useClient();
  const all = useRef<Promise<ClaimSummary[]> | null>(null);
  const search = useCallback(
    async (query: string) => {
      all.current ??= client.call('claims.list', { limit: FETCH_LIMIT }).then((page) => page.items);
      return (await all.current).filter((item) => item.id !== excludeId && matchesWords(item.statement, query)).slice(0, RESULT_LIMIT);
    },
    [client, excludeId]
  );
  return (
    <SearchPicker<ClaimSummary>
      label={label}
      placeholder="Search claims by their words…"
      selected={claim}
      search={search}
      itemKey={(item) => item.id}
      describe={(item) => shorten(item.statement, 120)}
      onSelect={onSelect}
      autoFocus={autoFocus}
      emptyText="No other claim matches."
      renderOption={(item) => (
        <span className="claim-option">
          <VerdictBadge verdict={item.verdict} />
          <span>{shorten(item.statement, 120)}</span>
        </span>
      )}
    />
  );
}
