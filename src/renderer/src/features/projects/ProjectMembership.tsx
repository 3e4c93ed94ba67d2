// Which projects a claim, figure or chart travels with when a project is exported. Claims from an
// article and figures from a highlight go where their article goes; typed-in ones and charts are
// filed in projects here (until then they are the default project's).
import { useCallback, useEffect, useState } from 'react';
import type { ItemProjects } from '../../../../shared/projects';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { useNotices } from '../../app/notices';
import { useLibraryChanged } from '../../app/undo';
import { ProjectSelect } from './ProjectSelect';
import { useProjects } from './use-projects';

type ItemKind = 'claim' | 'figure' | 'chart';

export function ProjectMembership({ kind, id }: { kind: ItemKind; id: string }) {
  const client = useClient();
  const notices = useNotices();
  const { projects } = useProjects();
  const [membership, setMembership] = useState<ItemProjects | null>(null);
  const [targetId, setTargetId] = useState('');

  const load = useCallback(async () => {
    try {
      setMembership(await client.call('projects.ofItem', { kind, id }));
    } catch (error) {
      notices.error(errorMessage(error));
    }
  }, [client, notices, kind, id]);
  useEffect(() => {
    void load();
  }, [load]);
  useLibraryChanged(load);

  if (!membership) return null;
  const filedIn = new Set(membership.via === 'explicit' ? membership.projects.map((project) => project.id) : []);
  const candidates = projects.filter((project) => !filedIn.has(project.id) && !(membership.via === 'default' && project.isDefault));
  const chosen = candidates.find((project) => project.id === targetId) ?? candidates[0];

  const change = async (method: 'projects.addItems' | 'projects.removeItems', projectId: string) => {
    try {
      const project = await client.call(method, { projectId, items: [{ kind, id }] });
      notices.show({ kind: 'info', message: `${method === 'projects.addItems' ? 'Filed in' : 'Taken out of'} “${project.name}”.` });
      await load();
    } catch (error) {
      notices.error(errorMessage(error));
    }
  };

  return (
    <div className="project-membership" aria-label="Projects">
      <span className="hint">{membership.via === 'article' ? 'Travels with its article in' : membership.via === 'default' ? 'In no project yet, so in' : 'Filed in'}</span>{' '}
      {membership.projects.map((project) => (
        <span key={project.id} className="badge project-badge">
          {project.name}
          {membership.via === 'explicit' && (
            <button
              type="button"
              className="link-button"
              aria-label={`Take it out of ${project.name}`}
              title="Take it out of this project"
              onClick={() => void change('projects.removeItems', project.id)}
            >
              ×
            </button>
          )}
        </span>
      ))}
      {membership.via !== 'article' && chosen && (
        <span className="project-add">
          <ProjectSelect projects={candidates} value={chosen.id} onChange={setTargetId} label={`Project to file this ${kind} in`} showCounts={false} />
          <button type="button" onClick={() => void change('projects.addItems', chosen.id)}>
            File in project
          </button>
        </span>
      )}
    </div>
  );
}
