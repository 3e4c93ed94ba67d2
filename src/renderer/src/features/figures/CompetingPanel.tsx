// Competing values side by side: for each metric, entity and period with disagreeing figures, one
// card per figure in a row, so the two USGS editions' China 2023 numbers sit next to each other.
import { useEffect, useState } from 'react';
import type { CompetingGroup } from '../../../../shared/evidence';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { describeSpread, groupTitle } from './competing';
import { CompetingFigureCard } from './CompetingFigureCard';

// A large library can have thousands of disagreeing keys; they are drawn a batch at a time.
const GROUPS_PER_BATCH = 100;

export function CompetingPanel({ revision, selectedId }: { revision: number; selectedId: string | null }) {
  const client = useClient();
  const [groups, setGroups] = useState<CompetingGroup[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [shown, setShown] = useState(GROUPS_PER_BATCH);

  useEffect(() => {
    let current = true;
    client
      .call('figures.competing', {})
      .then((loaded) => {
        if (!current) return;
        setGroups(loaded);
        setProblem(null);
      })
      .catch((error) => current && setProblem(errorMessage(error)));
    return () => {
      current = false;
    };
  }, [client, revision]);

  return (
    <section className="competing-panel" aria-label="Competing values">
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
      {groups === null && !problem && <p className="hint">Loading…</p>}
      {groups !== null && groups.length === 0 && (
        <p className="empty">No competing values: no two figures with the same metric, entity and period disagree.</p>
      )}
      {groups !== null && groups.length > 0 && (
        <p className="hint">
          {groups.length.toLocaleString('en-US')} {groups.length === 1 ? 'metric, entity and period has' : 'metrics, entities and periods have'} figures that disagree.
        </p>
      )}
      {groups?.slice(0, shown).map((group) => {
        const title = groupTitle(group);
        const spread = describeSpread(group);
        return (
          <section key={`${group.metric}\u0000${group.entity}\u0000${group.period}`} className="competing-group" aria-label={title}>
            <h3>
              {group.entity} <span className="competing-metric">{group.metric}</span> <span className="figure-period">{group.period}</span>
              {spread && <span className="competing-spread">{spread}</span>}
            </h3>
            <ul className="competing-cards">
              {group.figures.map((figure) => (
                <CompetingFigureCard key={figure.id} figure={figure} selected={figure.id === selectedId} />
              ))}
            </ul>
          </section>
        );
      })}
      {groups !== null && groups.length > shown && (
        <button type="button" onClick={() => setShown((current) => current + GROUPS_PER_BATCH)}>
          Show {Math.min(GROUPS_PER_BATCH, groups.length - shown)} more of {(groups.length - shown).toLocaleString('en-US')}
        </button>
      )}
    </section>
  );
}
