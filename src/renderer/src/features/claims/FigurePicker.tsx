// Chooses a figure by searching figures.list (entity, metric, notes): each option shows entity,
// metric, period and value so two figures for the same thing can be told apart.
import { useCallback } from 'react';
import type { Figure } from '../../../../shared/evidence';
import { useClient } from '../../app/client-context';
import { describeFigure, formatAmount } from './format';
import { SearchPicker } from './SearchPicker';

const RESULT_LIMIT = 30;

export function FigurePicker({
  label,
  figure,
  onSelect,
  autoFocus
}: {
  label: string;
  autoFocus?: boolean;
  figure: Figure | null;
  onSelect: (figure: Figure) => void;
}) {
  const client = useClient();
  const search = useCallback(
    async (query: string) =>
      (await client.call('figures.list', { query: query || null, sort: 'entity', direction: 'asc', limit: RESULT_LIMIT })).items,
    [client]
  );
  return (
    <SearchPicker<Figure>
      label={label}
      placeholder="Search figures by entity or metric…"
      selected={figure}
      search={search}
      itemKey={(item) => item.id}
      describe={describeFigure}
      onSelect={onSelect}
      autoFocus={autoFocus}
      emptyText="No figure matches. Add figures in the Figures view."
      renderOption={(item) => (
        <span className="figure-option">
          <span className="figure-option-entity">
            {item.entity}
            {item.competing && (
              <span className="figure-option-competing" title="Another figure for the same metric, entity and period has a different value">
                competing
              </span>
            )}
          </span>
          <span className="figure-option-value">{formatAmount(item)}</span>
          <span className="figure-option-what">
            {item.metric} · {item.period}
          </span>
        </span>
      )}
    />
  );
}
