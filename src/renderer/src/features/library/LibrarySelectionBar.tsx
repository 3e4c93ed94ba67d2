// What an analyst does with several articles at once: file them in a project, take them out of the
// project being shown, or save them as a project file for a teammate (issue 5: "export a project,
// or a selection of articles").
import { useState } from 'react';
import type { ProjectSummary } from '../../../../shared/projects';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { useNotices } from '../../app/notices';
import { downloadProjectFile } from '../projects/downloads';
import { ProjectSelect } from '../projects/ProjectSelect';

const articlesLabel = (count: number) => `${count} article${count === 1 ? '' : 's'}`;

export function LibrarySelectionBar({
  selectedIds,
  projects,
  filterProject,
  onChanged,
  onClear
}: {
  selectedIds: string[];
  projects: ProjectSummary[];
  /** The project the library is filtered by, if any: its articles can be taken out of it. */
  filterProject: ProjectSummary | null;
  onChanged: () => void;
  onClear: () => void;
}) {
  const client = useClient();
  const notices = useNotices();
  // Every article is in some project already (the default one at least), so offer the others first.
  const targets = projects
    .filter((project) => project.id !== filterProject?.id)
    .sort((a, b) => Number(a.isDefault) - Number(b.isDefault));
  const [targetId, setTargetId] = useState('');
  const [busy, setBusy] = useState(false);
  const chosenTarget = targets.find((project) => project.id === targetId) ?? targets[0];

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      notices.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const addToProject = () =>
    run(async () => {
      if (!chosenTarget) return;
      const project = await client.call('projects.addArticles', { projectId: chosenTarget.id, articleIds: selectedIds });
      notices.show({ kind: 'info', message: `Added ${articlesLabel(selectedIds.length)} to “${project.name}”.` });
      onChanged();
    });

  const removeFromProject = () =>
    run(async () => {
      if (!filterProject) return;
      const project = await client.call('projects.removeArticles', { projectId: filterProject.id, articleIds: selectedIds });
      notices.show({
        kind: 'info',
        message: `Took ${articlesLabel(selectedIds.length)} out of “${project.name}”. An article left in no project goes back to the default project.`
      });
      onClear();
      onChanged();
    });

  const exportSelection = () =>
    run(async () => {
      const result = await client.call('projects.export', { projectId: filterProject?.id ?? null, articleIds: selectedIds });
      downloadProjectFile(result.fileName, result.dataBase64);
      notices.show({ kind: 'info', message: `Saved ${articlesLabel(selectedIds.length)} as ${result.fileName}.` });
    });

  return (
    <div className="selection-bar" role="toolbar" aria-label="Selected articles">
      <strong>{articlesLabel(selectedIds.length)} selected</strong>
      {chosenTarget && (
        <span className="selection-action">
          <ProjectSelect projects={targets} value={chosenTarget.id} onChange={setTargetId} label="Project to add the selected articles to" />
          <button type="button" disabled={busy} onClick={() => void addToProject()}>
            Add to project
          </button>
        </span>
      )}
      {filterProject && !filterProject.isDefault && (
        <button type="button" disabled={busy} onClick={() => void removeFromProject()}>
          Remove from “{filterProject.name}”
        </button>
      )}
      <button type="button" disabled={busy} onClick={() => void exportSelection()}>
        Export as project file…
      </button>
      <button type="button" className="link-button" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
