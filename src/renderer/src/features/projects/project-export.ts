// Exporting a project with a determinate progress bar. The export is one contract call; while it
// is pending, jobs.progress is asked how far it is, under a token this module makes up, and
// jobs.cancel stops it. Both transports answer those calls while the export runs.
import type { JobProgress } from '../../../../shared/jobs';
import type { ProjectExport } from '../../../../shared/projects';
import type { AssayClient } from '../../api/client';

// Often enough for the bar to move smoothly, rarely enough to cost the export nothing measurable.
const POLL_MS = 150;

function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `export-${[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

export interface ExportRun {
  /** Resolves with the file, or rejects (AssayError 'cancelled' after cancel()). */
  result: Promise<ProjectExport>;
  cancel(): Promise<void>;
}

/** Starts the export; onProgress gets every new progress report (never one going backwards). */
export function startProjectExport(client: AssayClient, projectId: string, onProgress: (progress: JobProgress) => void): ExportRun {
  const token = newToken();
  let pending = true;
  const result = client.call('projects.export', { projectId, progressToken: token }).finally(() => {
    pending = false;
  });
  const poll = async () => {
    while (pending) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      if (!pending) break;
      try {
        const progress = await client.call('jobs.progress', { token });
        if (progress && pending) onProgress(progress);
      } catch {
        // A lost poll only delays the bar; the export's own answer is what counts.
      }
    }
  };
  void poll();
  return {
    result,
    cancel: async () => {
      await client.call('jobs.cancel', { token });
    }
  };
}

/** The words under the bar. */
export function describeExportProgress(progress: JobProgress | null): string {
  if (!progress || progress.phase === 'collect') return 'Reading the project…';
  if (progress.phase === 'articles') return `${progress.done} of ${progress.total} ${progress.total === 1 ? 'article' : 'articles'}`;
  return 'Compressing the file…';
}

/** Where the bar stands, out of 100: the articles take the first 90, compressing the rest. */
export function exportProgressValue(progress: JobProgress | null): number {
  if (!progress || progress.phase === 'collect') return 0;
  if (progress.phase === 'articles') return progress.total === 0 ? 90 : Math.round((progress.done / progress.total) * 90);
  return progress.done >= progress.total ? 100 : 95;
}
