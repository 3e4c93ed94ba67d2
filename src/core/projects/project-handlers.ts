// Projects, project files, merge reports, backups and settings in the contract.
//
// Two calls need a step outside the dispatcher's transaction (see `outsideTransaction` in
// dispatcher.ts): applying a merge takes a backup with VACUUM INTO first, and restoring a backup
// attaches the backup file first (ATTACH cannot run in a transaction either) and detaches it after.
import { randomUUID } from 'node:crypto';
import { AssayError } from '../../shared/errors';
import type { MethodName, ParsedInput } from '../../shared/contract';
import type { BackupInfo, MergePlan, MergeReport, MergeReportSummary } from '../../shared/projects';
import type { Library } from '../db/library';
import type { DomainHandlers } from '../dispatch/handler-types';
import { attachBackup, detachBackup, listBackups, restoreFromAttached, takeBackup } from './backups';
import { commitExport, prepareExport, prepareExportAsync, type PreparedExport } from './export-project';
import { applyMerge, planMerge } from './merge';
import {
  addArticlesToProject,
  addItemsToProject,
  removeItemsFromProject,
  projectsOfItem,
  createProject,
  defaultProjectId,
  getSetting,
  listProjects,
  removeArticlesFromProject,
  renameProject,
  setSetting
} from './projects';
import { readProjectFile, type ParsedProjectFile } from './read-project-file';

// The step before the transaction reads and checks the file; the handler reuses that work.
const parsedFiles = new WeakMap<object, ParsedProjectFile>();
// The backup taken for a call, reported in its merge report.
const backupsTaken = new WeakMap<object, BackupInfo | null>();

function parseFor(input: { dataBase64: string; fileName?: string | null }): ParsedProjectFile {
  let parsed = parsedFiles.get(input);
  if (!parsed) {
    parsed = readProjectFile(Buffer.from(input.dataBase64, 'base64'), input.fileName ?? null);
    parsedFiles.set(input, parsed);
  }
  return parsed;
}

function storeReport(library: Library, report: MergeReport): void {
  library
    .statement(
      `INSERT INTO merge_reports (id, applied_at, file_name, file_hash, project_id, project_name, exporter_name, exported_at,
         backup_name, summary_json, report_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(
      report.id,
      report.appliedAt,
      report.file.fileName,
      report.file.sha256,
      report.file.projectId,
      report.file.projectName,
      report.file.exporterName,
      report.file.exportedAt,
      report.backup,
      JSON.stringify(report.summary),
      JSON.stringify(report)
    );
}

interface ReportRow {
  id: string;
  applied_at: string;
  file_name: string | null;
  project_id: string;
  project_name: string;
  exporter_name: string | null;
  exported_at: string;
  backup_name: string | null;
  summary_json: string;
  report_json: string;
}

function previewFor(library: Library, input: { dataBase64: string; fileName?: string | null }): MergePlan {
  return planMerge(library, parseFor(input)).plan;
}

export const projectHandlers: DomainHandlers<
  | 'projects.list'
  | 'projects.create'
  | 'projects.rename'
  | 'projects.addArticles'
  | 'projects.removeArticles'
  | 'projects.addItems'
  | 'projects.removeItems'
  | 'projects.ofItem'
  | 'projects.export'
  | 'projects.previewImport'
  | 'projects.applyImport'
  | 'projects.mergeReports'
  | 'projects.mergeReport'
  | 'projects.settings'
  | 'projects.updateSettings'
  | 'library.backups'
  | 'library.backup'
  | 'library.restoreBackup'
> = {
  'projects.list': (_input, { library }) => listProjects(library),
  'projects.create': ({ name }, { library }) => createProject(library, name),
  'projects.rename': ({ id, name }, { library }) => renameProject(library, id, name),
  'projects.addArticles': ({ projectId, articleIds }, { library }) => addArticlesToProject(library, projectId, articleIds),
  'projects.removeArticles': ({ projectId, articleIds }, { library }) => removeArticlesFromProject(library, projectId, articleIds),
  'projects.addItems': ({ projectId, items }, { library }) => addItemsToProject(library, projectId, items),
  'projects.removeItems': ({ projectId, items }, { library }) => removeItemsFromProject(library, projectId, items),
  'projects.ofItem': ({ kind, id }, { library }) => projectsOfItem(library, kind, id),
  // Two phases: the snapshot is read, serialised and compressed before the transaction, pausing
  // between records so that jobs.progress and jobs.cancel are answered meanwhile; the transaction
  // only records the sync bases. A cancelled export never reaches it, so it leaves nothing behind.
  'projects.export': {
    prepare: async ({ projectId, articleIds, progressToken }, { library, appVersion, jobs }): Promise<PreparedExport> => {
      const job = progressToken ? jobs.start(progressToken, 'collect') : undefined;
      try {
        const prepared = await prepareExportAsync(library, {
          projectId: projectId ?? defaultProjectId(library),
          articleIds,
          appVersion,
          job,
          onProgress: job ? ({ phase, done, total }) => job.report(phase, done, total) : undefined
        });
        job?.finish('done');
        return prepared;
      } catch (error) {
        job?.finish(error instanceof AssayError && error.code === 'cancelled' ? 'cancelled' : 'failed');
        throw error;
      }
    },
    prepareSync: ({ projectId, articleIds }, { library, appVersion }): PreparedExport =>
      prepareExport(library, { projectId: projectId ?? defaultProjectId(library), articleIds, appVersion }),
    commit: (_input, prepared: PreparedExport, { library }) => {
      const { bytes: _bytes, ...result } = commitExport(library, prepared);
      return result;
    }
  },
  'projects.previewImport': (input, { library }) => previewFor(library, input),
  'projects.applyImport': (input, { library }) => {
    const parsed = parseFor(input);
    const computed = planMerge(library, parsed);
    const appliedAt = library.now();
    const backup = backupsTaken.get(input) ?? null;
    if (computed.plan.nothingToDo) {
      // Importing what is already here changes nothing, not even the list of reports.
      return { ...computed.plan, id: null, appliedAt, backup: null, stored: false };
    }
    const plan = applyMerge(library, computed, input.resolutions, parsed);
    const report: MergeReport = { ...plan, id: randomUUID(), appliedAt, backup: backup?.name ?? null, stored: true };
    storeReport(library, report);
    return report;
  },
  'projects.mergeReports': ({ limit }, { library }) =>
    (library.statement('SELECT * FROM merge_reports ORDER BY applied_at DESC, rowid DESC LIMIT ?').all(limit) as ReportRow[]).map(
      (row): MergeReportSummary => ({
        id: row.id,
        appliedAt: row.applied_at,
        fileName: row.file_name,
        projectId: row.project_id,
        projectName: row.project_name,
        exporterName: row.exporter_name,
        exportedAt: row.exported_at,
        backup: row.backup_name,
        summary: JSON.parse(row.summary_json) as MergeReportSummary['summary']
      })
    ),
  'projects.mergeReport': ({ id }, { library }) => {
    const row = library.statement('SELECT report_json FROM merge_reports WHERE id = ?').get(id) as { report_json: string } | undefined;
    if (!row) throw new AssayError('not_found', `There is no merge report with id ${id}.`);
    return JSON.parse(row.report_json) as MergeReport;
  },
  'projects.settings': (_input, { library }) => ({ exporterName: getSetting(library, 'exporterName') }),
  'projects.updateSettings': ({ exporterName }, { library }) => {
    setSetting(library, 'exporterName', exporterName === null || exporterName.trim() === '' ? null : exporterName.trim());
    return { exporterName: getSetting(library, 'exporterName') };
  },
  'library.backups': (_input, { library }) => listBackups(library),
  'library.backup': (input, { library }) => {
    if (!backupsTaken.has(input)) throw new AssayError('invalid_input', 'library.backup must be called on its own, not from another call.');
    return backupsTaken.get(input) ?? null;
  },
  'library.restoreBackup': ({ name }, { library }) => {
    const { rows } = restoreFromAttached(library, name);
    // The wrapper fills in the backup it took just before.
    return { restored: name, rows, backupBeforeRestore: null };
  }
};

type Wrapper<K extends MethodName> = (input: ParsedInput<K>, library: Library, transaction: () => unknown) => unknown;

/**
 * Steps that must run outside the call's transaction, around it. The dispatcher calls the
 * wrapper instead of opening the transaction itself; the wrapper calls `transaction()` once.
 */
const outsideTransaction: { [K in MethodName]?: Wrapper<K> } = {
  'projects.applyImport': (input, library, transaction) => {
    // A file that is refused is refused before anything happens, backup included.
    const parsed = parseFor(input);
    if (!planMerge(library, parsed).plan.nothingToDo) backupsTaken.set(input, takeBackup(library, 'before-merge'));
    return transaction();
  },
  'library.backup': (input, library, transaction) => {
    backupsTaken.set(input, takeBackup(library, 'manual'));
    return transaction();
  },
  'library.restoreBackup': (input, library, transaction) => {
    // Restoring is undone by restoring the backup taken just before it.
    const before = takeBackup(library, 'before-restore', input.name);
    attachBackup(library, input.name);
    try {
      const result = transaction() as { restored: string; rows: number };
      return { ...result, backupBeforeRestore: before?.name ?? null };
    } finally {
      detachBackup(library);
    }
  }
};

/**
 * Runs a call's transaction, preceded (and followed) by the steps that cannot run inside one:
 * VACUUM INTO for the backup before a merge, ATTACH/DETACH for a restore. A nested call (already
 * inside a transaction) gets none of them, and those methods then refuse to run.
 */
export function aroundTransaction(library: Library, method: string, input: unknown, transaction: () => unknown): unknown {
  const wrapper = outsideTransaction[method as MethodName] as Wrapper<MethodName> | undefined;
  if (!wrapper || library.db.inTransaction) return transaction();
  return wrapper(input as never, library, transaction);
}
