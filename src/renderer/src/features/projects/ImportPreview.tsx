import { useEffect, useState } from 'react';
import type { MergePlan, MergeReport, MergeResolution } from '../../../../shared/projects';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { useNotices } from '../../app/notices';
import { announceLibraryChanged } from '../../app/undo';
import { ConflictCard } from './ConflictCard';
import { ManifestInfo } from './ManifestInfo';
import { allConflicts, reportSentence, resolutionsFor, unresolvedConflicts } from './merge-plan';
import { MergeReportView } from './MergeReportView';
import { PlanCounts } from './PlanCounts';
import { PlanDetails } from './PlanDetails';

export interface PickedProjectFile {
  fileName: string;
  dataBase64: string;
}

type State =
  | { step: 'reading' }
  | { step: 'refused'; message: string }
  | { step: 'preview'; plan: MergePlan }
  | { step: 'merged'; report: MergeReport };

/**
 * What opening a project file would do, before anything changes: the file's manifest, counts per
 * kind, rejected items, field-by-field changes and each conflict side by side with its choices.
 * Merge applies it with the choices made and shows the report.
 */
export function ImportPreview({ file, onClose }: { file: PickedProjectFile; onClose: (merged: boolean) => void }) {
  const client = useClient();
  const notices = useNotices();
  const [state, setState] = useState<State>({ step: 'reading' });
  const [resolutions, setResolutions] = useState<Record<string, MergeResolution>>({});
  const [merging, setMerging] = useState(false);
  const [mergeError, setMergeError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    client
      .call('projects.previewImport', { dataBase64: file.dataBase64, fileName: file.fileName })
      .then((plan) => current && setState({ step: 'preview', plan }))
      .catch((error) => current && setState({ step: 'refused', message: errorMessage(error) }));
    return () => {
      current = false;
    };
  }, [client, file]);

  const merge = async (plan: MergePlan) => {
    setMerging(true);
    setMergeError(null);
    try {
      const report = await client.call('projects.applyImport', {
        dataBase64: file.dataBase64,
        fileName: file.fileName,
        resolutions: resolutionsFor(plan, resolutions)
      });
      setState({ step: 'merged', report });
      notices.show({ kind: 'info', message: `Merged “${file.fileName}”: ${reportSentence(report)}.` });
      announceLibraryChanged();
    } catch (error) {
      setMergeError(errorMessage(error));
    } finally {
      setMerging(false);
    }
  };

  const title = <h2>Open “{file.fileName}”</h2>;

  if (state.step === 'reading') {
    return (
      <section className="import-preview" aria-label="Import preview" aria-busy="true">
        {title}
        <p className="busy">
          <progress aria-label="Reading the project file" /> Reading the file…
        </p>
      </section>
    );
  }

  if (state.step === 'refused') {
    return (
      <section className="import-preview" aria-label="Import preview">
        {title}
        <p role="alert" className="form-problem file-refused">
          {state.message}
        </p>
        <div className="preview-actions">
          <button type="button" onClick={() => onClose(false)}>
            Close
          </button>
        </div>
      </section>
    );
  }

  if (state.step === 'merged') {
    return (
      <section className="import-preview" aria-label="Import preview">
        <MergeReportView report={state.report} />
        <div className="preview-actions">
          <button type="button" className="primary" onClick={() => onClose(true)}>
            Done
          </button>
        </div>
      </section>
    );
  }

  const { plan } = state;
  if (plan.nothingToDo) {
    return (
      <section className="import-preview" aria-label="Import preview">
        {title}
        <p className="nothing-to-do">Nothing to merge: everything in this file is already in your library.</p>
        <ManifestInfo plan={plan} />
        <div className="preview-actions">
          <button type="button" onClick={() => onClose(false)}>
            Close
          </button>
        </div>
      </section>
    );
  }

  const conflicts = allConflicts(plan);
  const open = unresolvedConflicts(plan, resolutions);
  return (
    <section className="import-preview" aria-label="Import preview">
      {title}
      <p className="hint">Nothing has changed yet. Check what the file brings, resolve the conflicts, then merge.</p>
      <div className="preview-head">
        <ManifestInfo plan={plan} />
        <PlanCounts plan={plan} caption="What merging would do" />
      </div>
      <PlanDetails
        plan={plan}
        conflicts={
          conflicts.length > 0 && (
            <section className="plan-section" aria-label="Conflicts">
              <h3>Conflicts ({conflicts.length})</h3>
              <p className="hint">Both sides changed these differently. Choose for each which version the library keeps.</p>
              {conflicts.map((conflict) => (
                <ConflictCard
                  key={`${conflict.kind}-${conflict.id}`}
                  conflict={conflict}
                  choice={resolutions[conflict.id]}
                  onChoose={(resolution) => setResolutions((current) => ({ ...current, [conflict.id]: resolution }))}
                />
              ))}
            </section>
          )
        }
      />
      {mergeError && (
        <p role="alert" className="form-problem">
          {mergeError}
        </p>
      )}
      <div className="preview-actions sticky">
        {open.length > 0 && (
          <span className="hint">
            {open.length} of {conflicts.length} conflict{conflicts.length === 1 ? '' : 's'} still need{open.length === 1 ? 's' : ''} a choice
          </span>
        )}
        {merging && <progress aria-label="Merging" />}
        <button type="button" onClick={() => onClose(false)} disabled={merging}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={open.length > 0 || merging} onClick={() => void merge(plan)}>
          Merge
        </button>
      </div>
    </section>
  );
}
