// A project export that reports its progress and can be cancelled: the asynchronous export writes
// the very bytes the synchronous one writes, reports phases in order and counts that never go back,
// answers jobs.progress while it runs, and a cancelled export leaves the library as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../shared/jobs';
import { openLibrary } from '../db/library';
import { createDispatcher } from '../dispatch/dispatcher';
import { JobRegistry } from '../jobs/job-registry';
import { createTemporaryLibrary, libraryFingerprint, type TemporaryLibrary } from '../testing/temporary-library';
import { commitExport, exportProject, prepareExportAsync, type ExportProgress } from './export-project';
import { seedProject, type SeededProject } from './project-fixtures';

let temporary: TemporaryLibrary;
let seeded: SeededProject;

const FIXED_NOW = () => new Date('2026-11-28T12:00:00.000Z');
const PHASES = ['collect', 'articles', 'package'];

/** Each phase starts after the one before, and within a phase the count never goes back. */
function expectMonotonic(reports: { phase: string; done: number; total: number }[]): void {
  for (let index = 1; index < reports.length; index += 1) {
    const before = reports[index - 1];
    const now = reports[index];
    expect(PHASES.indexOf(now.phase)).toBeGreaterThanOrEqual(PHASES.indexOf(before.phase));
    if (now.phase === before.phase) expect(now.done).toBeGreaterThanOrEqual(before.done);
    expect(now.done).toBeLessThanOrEqual(now.total);
  }
}

beforeEach(() => {
  temporary = createTemporaryLibrary();
  // A fixed clock, so that two exports of the same content have the same manifest.
  temporary.library.close();
  temporary.library = openLibrary(temporary.path, { now: FIXED_NOW });
  temporary.dispatcher = createDispatcher({ library: temporary.library, appVersion: 'test' });
  seeded = seedProject(temporary.dispatcher);
  for (let index = 0; index < 12; index += 1) {
    temporary.dispatcher.call('articles.create', {
      content: `Dispatch ${index}\n\nOutput rose to ${1000 + index} tons in 2024, the ministry said.`,
      format: 'text',
      title: `Dispatch ${index}`,
      projectId: seeded.projectId
    });
  }
});
afterEach(() => temporary.dispose());

describe('project export progress', () => {
  it('writes the same bytes as the synchronous export and reports every article in order', async () => {
    const { library } = temporary;
    const reports: ExportProgress[] = [];
    const prepared = await prepareExportAsync(library, { projectId: seeded.projectId, appVersion: 'test', sliceMs: 0, onProgress: (progress) => reports.push(progress) });
    const asynchronous = library.db.transaction(() => commitExport(library, prepared))();
    const synchronous = exportProject(library, { projectId: seeded.projectId, appVersion: 'test' });
    expect(Buffer.compare(Buffer.from(asynchronous.bytes), Buffer.from(synchronous.bytes))).toBe(0);

    expectMonotonic(reports);
    expect(reports[0].phase).toBe('collect');
    const articleReports = reports.filter((report) => report.phase === 'articles');
    expect(articleReports.at(-1)).toEqual({ phase: 'articles', done: 14, total: 14 });
    // Paused after every record (sliceMs 0): every article count from 1 to 14 was reported.
    for (let done = 1; done <= 14; done += 1) expect(articleReports.some((report) => report.done === done)).toBe(true);
    expect(reports.at(-1)).toEqual({ phase: 'package', done: 1, total: 1 });
  });

  it('answers jobs.progress while the export is pending, and says how it ended', async () => {
    const { dispatcher } = temporary;
    const token = 'export-test-0001';
    expect(dispatcher.call('jobs.progress', { token })).toBeNull();
    const pending = dispatcher.callAsync('projects.export', { projectId: seeded.projectId, progressToken: token });
    const seen: JobProgress[] = [];
    let finished = false;
    void pending.finally(() => (finished = true));
    while (!finished) {
      const progress = dispatcher.call('jobs.progress', { token });
      if (progress) seen.push(progress);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const result = await pending;
    expect(result.manifest.counts.articles).toBe(14);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((progress) => progress.state === 'running' || progress.state === 'done')).toBe(true);
    expectMonotonic(seen);
    expect(dispatcher.call('jobs.progress', { token })).toMatchObject({ state: 'done', phase: 'package', done: 1, total: 1 });
    // The bytes are those of a synchronous call of the same method.
    expect(dispatcher.call('projects.export', { projectId: seeded.projectId }).dataBase64).toBe(result.dataBase64);
  });

  it('a cancelled export fails with "cancelled" and writes nothing', async () => {
    const { dispatcher, library } = temporary;
    const before = libraryFingerprint(library);
    const token = 'export-test-0002';
    const pending = dispatcher.invokeAsync('projects.export', { projectId: seeded.projectId, progressToken: token });
    expect(dispatcher.call('jobs.cancel', { token })).toEqual({ cancelled: true });
    const envelope = await pending;
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) expect(envelope.error.code).toBe('cancelled');
    expect(dispatcher.call('jobs.progress', { token })).toMatchObject({ state: 'cancelled' });
    // No sync base (the export's only write) was recorded.
    expect(libraryFingerprint(library)).toBe(before);
    // A finished job cannot be cancelled, and a new export runs to the end.
    expect(dispatcher.call('jobs.cancel', { token })).toEqual({ cancelled: false });
    const done = await dispatcher.invokeAsync('projects.export', { projectId: seeded.projectId, progressToken: 'export-test-0003' });
    expect(done.ok).toBe(true);
  });

  it('cancelling while the file is compressed stops the compression', async () => {
    const { library } = temporary;
    const jobs = new JobRegistry();
    const job = jobs.start('export-test-0004', 'collect');
    const pending = prepareExportAsync(library, {
      projectId: seeded.projectId,
      appVersion: 'test',
      job,
      onProgress: (progress) => {
        if (progress.phase === 'package' && progress.done === 0) jobs.cancel('export-test-0004');
      }
    });
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
  });
});

describe('job registry', () => {
  it('keeps a finished job readable for a while, then forgets it', () => {
    let now = 0;
    const jobs = new JobRegistry(() => now);
    const job = jobs.start('job-token-1', 'collect');
    job.report('articles', 3, 10);
    expect(jobs.progress('job-token-1')).toEqual({ state: 'running', phase: 'articles', done: 3, total: 10 });
    job.finish('done');
    expect(jobs.progress('job-token-1')?.state).toBe('done');
    now += 10 * 60_000;
    jobs.start('job-token-2', 'collect');
    expect(jobs.progress('job-token-1')).toBeNull();
  });

  it('refuses a token that is still running, and remembers a cancel that arrives before its job', () => {
    const jobs = new JobRegistry();
    jobs.start('job-token-1', 'collect');
    expect(() => jobs.start('job-token-1', 'collect')).toThrow(/already running/);
    expect(jobs.cancel('job-token-3')).toBe(true);
    expect(jobs.progress('job-token-3')).toBeNull();
    const late = jobs.start('job-token-3', 'collect');
    expect(late.cancelled).toBe(true);
    expect(() => late.throwIfCancelled()).toThrow(/cancelled/);
  });
});
