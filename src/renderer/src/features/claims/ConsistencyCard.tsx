// The consistency check, prominently: the arithmetic, the verdict on it, and why.
import type { ConsistencyCheck, StatedNumber } from '../../../../shared/evidence';
import { ConsistencyBadge } from './ConsistencyBadge';
import { consistencyDisplay, formatStated } from './format';

export function ConsistencyCard({ check, stated }: { check: ConsistencyCheck | null; stated: StatedNumber | null }) {
  const display = consistencyDisplay(check);
  return (
    <section className={`consistency-card tone-${display.tone}`} aria-label="Consistency check">
      <div className="consistency-head">
        <span className="consistency-stated">
          <span className="caption">Stated</span> {formatStated(stated)}
        </span>
        {check && <ConsistencyBadge check={check} large />}
      </div>
      {check ? (
        <>
          {check.formula && <div className="consistency-formula">{check.formula}</div>}
          <p className="consistency-explanation">{check.explanation}</p>
          {/* The explanation names the tolerance when it could compare; otherwise it is said here. */}
          {!/tolerance/i.test(check.explanation) && (
            <p className="hint">
              Tolerance: ±{check.tolerance} percentage point{check.tolerance === 1 ? '' : 's'}
            </p>
          )}
        </>
      ) : (
        <p className="hint">No computation yet: choose how the stated number follows from two figures below.</p>
      )}
    </section>
  );
}
