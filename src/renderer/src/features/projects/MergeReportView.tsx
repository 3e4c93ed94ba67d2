import type { MergeReport } from '../../../../shared/projects';
import { ConflictCard } from './ConflictCard';
import { ManifestInfo } from './ManifestInfo';
import { allConflicts, formatDateTime, reportSentence } from './merge-plan';
import { PlanCounts } from './PlanCounts';
import { PlanDetails } from './PlanDetails';

/** A merge as it was applied: what was added, updated and rejected, and how each conflict was resolved. */
export function MergeReportView({ report }: { report: MergeReport }) {
  const conflicts = allConflicts(report);
  return (
    <section className="merge-report" aria-label="Merge report">
      <h2>Merge report</h2>
      <p className="report-sentence">
        Merged {formatDateTime(report.appliedAt)}: <strong>{reportSentence(report)}</strong>
      </p>
      {report.backup && <p className="hint">The library was backed up before the merge ({report.backup}); restore it under Backups to undo this merge.</p>}
      <ManifestInfo plan={report} />
      <PlanCounts plan={report} caption="What the merge did" />
      <PlanDetails
        plan={report}
        conflicts={
          conflicts.length > 0 && (
            <section className="plan-section" aria-label="Conflicts">
              <h3>Conflicts resolved ({conflicts.length})</h3>
              {conflicts.map((conflict) => (
                <ConflictCard key={`${conflict.kind}-${conflict.id}`} conflict={conflict} />
              ))}
            </section>
          )
        }
      />
    </section>
  );
}
