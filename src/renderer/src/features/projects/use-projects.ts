// The library's projects for pickers and filters outside the Projects view; reloads whenever the
// library changes (a merge can add projects, an import changes the counts).
import { useCallback, useEffect, useState } from 'react';
import type { ProjectSummary } from '../../../../shared/projects';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { useNotices } from '../../app/notices';
import { useLibraryChanged } from '../../app/undo';

export function useProjects(): { projects: ProjectSummary[]; reload: () => Promise<void> } {
  const client = useClient();
  const notices = useNotices();
  const [projects, setProjects] = useState<ProjectSummary[]>([]);
  const reload = useCallback(async () => {
    try {
      setProjects(await client.call('projects.list', {}));
    } catch (error) {
      notices.error(errorMessage(error));
    }
  }, [client, notices]);
  useEffect(() => {
    void reload();
  }, [reload]);
  useLibraryChanged(reload);
  return { projects, reload };
}

/** The project new material lands in unless the analyst picks another. */
export function defaultProject(projects: ProjectSummary[]): ProjectSummary | undefined {
  return projects.find((project) => project.isDefault);
}
