// Importing many files at once: a progress bar with Cancel (which stops after the current file),
// then a summary of what was imported, skipped as a duplicate, or failed and why, with the
// warnings to check (a guessed encoding, mis-decoded text with the suspicious passage, PDF pages
// without text). A single file that imports cleanly opens straight in the reader instead.
import { useEffect, useRef, useState } from 'react';
import { useClient } from '../../app/client-context';
import { runImportBatch, type BatchProgress, type BatchSelection, type FileOutcome } from './file-import';

interface Props {
  selection: BatchSelection;
  /** The project the imported articles join (null: the default project). */
  projectId?: string | null;
  /** Called once: with an article id to open it, or null to go back to the library. */
  onDone(openArticleId: string | null): void;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export function ImportBatchDialog({ selection, projectId = null, onDone }: Props) {
  const client = useClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const done = useRef(onDone);
  done.current = onDone;
  const stopRequested = useRef(false);
  const started = useRef(false);
  const [progress, setProgress] = useState<BatchProgress>({ done: 0, total: selection.files.length, current: null });
  const [outcomes, setOutcomes] = useState<FileOutcome[]>([]);
  const [stopping, setStopping] = useState(false);
  const [finished, setFinished] = useState<{ cancelled: boolean } | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  useEffect(() => {
    // Once per dialog, also under React's development double effects.
    if (started.current) return;
    started.current = true;
    void runImportBatch(client, selection.files, {
      shouldStop: () => stopRequested.current,
      projectId,
      onProgress: (next, outcome) => {
        setProgress(next);
        if (outcome) setOutcomes((list) => [...list, outcome]);
      }
    }).then(({ outcomes: all, cancelled }) => {
      const [only] = all;
      if (selection.files.length === 1 && selection.skipped.length === 0 && only?.status === 'imported' && only.warnings.length === 0) {
        done.current(only.id);
        return;
      }
      setFinished({ cancelled });
    });
  }, [client, selection, projectId]);

  const imported = outcomes.filter((outcome) => outcome.status === 'imported');
  const duplicates = outcomes.filter((outcome) => outcome.status === 'duplicate');
  const failed = outcomes.filter((outcome) => outcome.status === 'failed');
  const warned = outcomes.filter((outcome) => outcome.warnings.length > 0);
  const notRead = selection.files.length - outcomes.length;

  const cancel = () => {
    stopRequested.current = true;
    setStopping(true);
  };

  return (
    <dialog
      ref={dialog}
      className="dialog import-batch"
      aria-label="Import files"
      onCancel={(event) => {
        // Escape cancels the batch while it runs, and closes the summary after.
        event.preventDefault();
        if (finished) onDone(null);
        else cancel();
      }}
    >
      <h2>{finished ? (finished.cancelled ? 'Import cancelled' : 'Import finished') : `Importing ${plural(progress.total, 'file')}`}</h2>
      <progress
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.done}
        max={Math.max(progress.total, 1)}
        value={progress.done}
        style={{ width: '100%' }}
      />
      <p className="hint" aria-live="polite">
        {finished
          ? `${progress.done} of ${plural(progress.total, 'file')} read.`
          : progress.current
            ? `Reading ${progress.current} (${progress.done + 1} of ${progress.total})…`
            : `${progress.done} of ${progress.total}`}
      </p>

      {finished && (
        <div className="import-summary">
          <section aria-label="Imported">
            <h3>Imported ({imported.length})</h3>
            {imported.length > 0 && (
              <ul>
                {imported.map((outcome) => outcome.status !== 'failed' && (
                  <li key={outcome.path}>
                    <a href={`#/article/${encodeURIComponent(outcome.id)}`} onClick={() => onDone(null)}>
                      {outcome.title}
                    </a>{' '}
                    <span className="hint">{outcome.path}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {duplicates.length > 0 && (
            <section aria-label="Skipped as duplicates">
              <h3>Skipped as duplicates ({duplicates.length})</h3>
              <ul>
                {duplicates.map((outcome) => outcome.status !== 'failed' && (
                  <li key={outcome.path}>
                    {outcome.path}: the library already has this text as{' '}
                    <a href={`#/article/${encodeURIComponent(outcome.id)}`} onClick={() => onDone(null)}>
                      “{outcome.title}”
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {failed.length > 0 && (
            <section aria-label="Failed">
              <h3>Failed ({failed.length})</h3>
              <ul className="form-problem" role="alert">
                {failed.map((outcome) => outcome.status === 'failed' && <li key={outcome.path}>{outcome.message}</li>)}
              </ul>
            </section>
          )}
          {warned.length > 0 && (
            <section aria-label="Warnings">
              <h3>Check these ({warned.reduce((sum, outcome) => sum + outcome.warnings.length, 0)})</h3>
              <ul>
                {warned.flatMap((outcome) =>
                  outcome.warnings.map((warning, index) => (
                    <li key={`${outcome.path}/${index}`} className={warning.kind === 'mojibake' || warning.kind === 'pdf-structure' ? 'hint warning' : undefined}>
                      {warning.message}
                      {warning.excerpt && (
                        <>
                          {' '}
                          <q className="excerpt">{warning.excerpt}</q>
                        </>
                      )}
                    </li>
                  ))
                )}
              </ul>
            </section>
          )}
          {(notRead > 0 || selection.skipped.length > 0) && (
            <p className="hint">
              {notRead > 0 && `Cancelled before ${plural(notRead, 'file')}: nothing was imported from ${notRead === 1 ? 'it' : 'them'}. `}
              {selection.skipped.length > 0 &&
                `Not imported: ${plural(selection.skipped.length, 'other file')} in the folder that Assay cannot read (${[
                  ...new Set(selection.skipped.map((path) => path.slice(path.lastIndexOf('.')).toLowerCase()))
                ]
                  .slice(0, 6)
                  .join(', ')}).`}
            </p>
          )}
        </div>
      )}

      <div className="dialog-buttons">
        {finished ? (
          <button type="button" className="primary" onClick={() => onDone(null)}>
            Close
          </button>
        ) : (
          <button type="button" onClick={cancel} disabled={stopping}>
            {stopping ? 'Stopping after this file…' : 'Cancel'}
          </button>
        )}
      </div>
    </dialog>
  );
}
