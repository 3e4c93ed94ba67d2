import { useState, type FormEvent } from 'react';
import type { ProjectSummary } from '../../../../shared/projects';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { useNotices } from '../../app/notices';
import { downloadProjectFile } from './downloads';
import { ExportDataMenu } from './ExportDataMenu';
import { formatDateTime } from './merge-plan';

/** A project with its counts; rename it, save it as a .assay file, or export its data. */
export function ProjectRow({ project, onChanged }: { project: ProjectSummary; onChanged: () => void }) {
  const client = useClient();
  const notices = useNotices();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(project.name);
  const [exporting, setExporting] = useState(false);

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
    try {
      const result = await client.call('projects.export', { projectId: project.id });
      downloadProjectFile(result.fileName, result.dataBase64);
      notices.show({ kind: 'info', message: `Exported “${project.name}” as ${result.fileName}.` });
      onChanged();
    } catch (error) {
      notices.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
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
          {exporting && <progress className="export-progress" aria-label={`Exporting ${project.name}`} />}
          <ExportDataMenu project={project} />
        </div>
      </td>
    </tr>
  );
}
