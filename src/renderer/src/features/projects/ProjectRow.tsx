import { useRef, useState, type FormEvent } from 'react';
import { AssayError } from '../../../../shared/errors';
import type { JobProgress } from '../../../../shared/jobs';
import type { ProjectSummary } from '../../../../shared/projects';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { useNotices } from '../../app/notices';
import { downloadProjectFile } from './downloads';
import { ExportDataMenu } from './ExportDataMenu';
import { describeExportProgress, exportProgressValue, startProjectExport, type ExportRun } from './project-export';
import { formatDateTime } from './merge-plan';

/** A project with its counts; rename it, save it as a .assay file (with a progress bar and Cancel), or export its data. */
export function ProjectRow({ project, onChanged }: { project: ProjectSummary; onChanged: () => void }) {
  const client = useClient();
  const notices = useNotices();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(project.name);
  const [exporting, setExporting] = useState(false);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const exportRun = useRef<ExportRun | null>(null);

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || name.trim() === project.name) {
      setRenaming(false);
      return;
    }
    try {
      await client.call('projects.rename', { id: project.id, name: name.trim() });
      setRenaming(false);
      onChanged();
    } catch (error) {
      notices.error(errorMessage(error));
    }
  };

  const exportFile = async () => {
    setExporting(true);
    setProgress(null);
    setCancelling(false);
    const run = startProjectExport(client, project.id, setProgress);
    exportRun.current = run;
    try {
      const result = await run.result;
      downloadProjectFile(result.fileName, result.dataBase64);
      notices.show({ kind: 'info', message: `Exported “${project.name}” as ${result.fileName}.` });
      onChanged();
    } catch (error) {
      if (error instanceof AssayError && error.code === 'cancelled') notices.show({ kind: 'info', message: `Export of “${project.name}” cancelled.` });
      else notices.error(errorMessage(error));
    } finally {
      exportRun.current = null;
      setExporting(false);
    }
  };

  const cancelExport = () => {
    setCancelling(true);
    void exportRun.current?.cancel().catch((error: unknown) => notices.error(errorMessage(error)));
  };

  return (
    <tr className="project-row">
      <th scope="row" className="project-name">
        {renaming ? (
          <form className="inline-form" onSubmit={(event) => void rename(event)}>
            <input aria-label="Project name" value={name} maxLength={200} autoFocus onChange={(event) => setName(event.target.value)} />
            <button type="submit" className="primary">
              Save
            </button>
            <button
              type="button"
              onClick={() => {
                setName(project.name);
                setRenaming(false);
              }}
            >
              Cancel
            </button>
          </form>
        ) : (
          <>
            {project.name}
            {project.isDefault && (
              <span className="badge" title="New material lands here unless you choose another project">
                default
              </span>
            )}
          </>
        )}
      </th>
      <td className="num">{project.articleCount}</td>
      <td className="num">{project.claimCount}</td>
      <td className="num">{project.figureCount}</td>
      <td>{formatDateTime(project.updatedAt)}</td>
      <td>
        <div className="project-actions">
          {!renaming && (
            <button type="button" className="link-button" aria-label={`Rename ${project.name}`} onClick={() => setRenaming(true)}>
              Rename
            </button>
          )}
          <button type="button" aria-label={`Export ${project.name}`} disabled={exporting} onClick={() => void exportFile()}>
            Export…
          </button>
          {exporting && (
            <span className="export-status">
              <progress
                className="export-progress"
                aria-label={`Exporting ${project.name}`}
                aria-valuetext={describeExportProgress(progress)}
                max={100}
                value={exportProgressValue(progress)}
              />
              <span className="hint" aria-live="polite">
                {describeExportProgress(progress)}
              </span>
              <button type="button" className="link-button" onClick={cancelExport} disabled={cancelling}>
                {cancelling ? 'Cancelling…' : 'Cancel export'}
              </button>
            </span>
          )}
          <ExportDataMenu project={project} />
        </div>
      </td>
    </tr>
  );
}
