import { useCallback, useEffect, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import type { BackupInfo, MergeReport, MergeReportSummary, ProjectSummary } from '../../../../shared/projects';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { useNotices } from '../../app/notices';
import { useLibraryChanged } from '../../app/undo';
import { BackupsSection } from './BackupsSection';
import { ImportPreview, type PickedProjectFile } from './ImportPreview';
import { bytesToBase64, isProjectFileName, MAX_PROJECT_FILE_BYTES } from './merge-plan';
import { MergeReportsList } from './MergeReportsList';
import { MergeReportView } from './MergeReportView';
import { NewProjectForm } from './NewProjectForm';
import { ProjectRow } from './ProjectRow';

type Panel = { kind: 'list' } | { kind: 'preview'; file: PickedProjectFile } | { kind: 'report'; report: MergeReport };

/**
 * Projects and the files teams exchange: the projects with their counts, export and open .assay
 * files (a preview before anything changes), the merge reports, and the library's backups.
 */
export function ProjectsView() {
  const client = useClient();
  const notices = useNotices();
  const [projects, setProjects] = useState<ProjectSummary[] | null>(null);
  const [reports, setReports] = useState<MergeReportSummary[]>([]);
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [panel, setPanel] = useState<Panel>({ kind: 'list' });
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    try {
      const [projectList, reportList, backupList] = await Promise.all([
        client.call('projects.list', {}),
        client.call('projects.mergeReports', { limit: 50 }),
        client.call('library.backups', {})
      ]);
      setProjects(projectList);
      setReports(reportList);
      setBackups(backupList);
    } catch (error) {
      notices.error(errorMessage(error));
    }
  }, [client, notices]);

  useEffect(() => {
    void load();
  }, [load]);
  useLibraryChanged(load);

  const openFile = async (file: File) => {
    if (!isProjectFileName(file.name)) {
      notices.error(`${file.name} is not a project file: Assay opens .assay files here.`);
      return;
    }
    if (file.size > MAX_PROJECT_FILE_BYTES) {
      notices.error(`${file.name} is larger than ${MAX_PROJECT_FILE_BYTES / 1024 / 1024} MB, the most a project file may be.`);
      return;
    }
    try {
      const dataBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      setPanel({ kind: 'preview', file: { fileName: file.name, dataBase64 } });
    } catch (error) {
      notices.error(`${file.name}: ${errorMessage(error)}`);
    }
  };

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that picking the same file again opens it again.
    event.target.value = '';
    if (file) void openFile(file);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    const file = files.find((candidate) => isProjectFileName(candidate.name)) ?? files[0];
    if (file) void openFile(file);
  };

  const openReport = async (id: string) => {
    try {
      setPanel({ kind: 'report', report: await client.call('projects.mergeReport', { id }) });
    } catch (error) {
      notices.error(errorMessage(error));
    }
  };

  const back = () => {
    setPanel({ kind: 'list' });
    void load();
  };

  return (
    <section
      className={dragging ? 'projects dragging' : 'projects'}
      aria-label="Projects"
      onDragOver={(event) => {
        if (panel.kind === 'preview' || !event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      {panel.kind === 'preview' && (
        <ImportPreview
          key={panel.file.dataBase64.length + panel.file.fileName}
          file={panel.file}
          onClose={back}
        />
      )}
      {panel.kind === 'report' && (
        <div className="import-preview">
          <button type="button" className="link-button back-link" onClick={back}>
            ← Projects
          </button>
          <MergeReportView report={panel.report} />
        </div>
      )}
      {panel.kind === 'list' && (
        <>
          <div className="projects-toolbar">
            <h1>Projects</h1>
            <NewProjectForm onCreated={() => void load()} />
            <button type="button" className="primary" onClick={() => fileInput.current?.click()}>
              Open project file…
            </button>
            <input ref={fileInput} type="file" accept=".assay" aria-label="Project file" className="visually-hidden" tabIndex={-1} onChange={onPick} />
          </div>
          <p className="hint">Drop a teammate’s .assay file here to see what it would change before anything is merged.</p>
          {projects === null ? (
            <p className="busy">
              <progress aria-label="Loading projects" />
            </p>
          ) : (
            <table className="projects-table" aria-label="Projects">
              <thead>
                <tr>
                  <th scope="col">Project</th>
                  <th scope="col" className="num">Articles</th>
                  <th scope="col" className="num">Claims</th>
                  <th scope="col" className="num">Figures</th>
                  <th scope="col">Updated</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {projects.map((project) => (
                  <ProjectRow key={project.id} project={project} onChanged={() => void load()} />
                ))}
              </tbody>
            </table>
          )}
          <MergeReportsList reports={reports} onOpen={(id) => void openReport(id)} />
          <BackupsSection backups={backups} onChanged={() => void load()} />
          {dragging && <div className="drop-overlay">Drop the .assay file to preview the merge</div>}
        </>
      )}
    </section>
  );
}
