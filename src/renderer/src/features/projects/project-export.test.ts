import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../../shared/jobs';
import type { AssayClient } from '../../api/client';
import { describeExportProgress, exportProgressValue, startProjectExport } from './project-export';

describe('project export progress', () => {
  it('says how far the export is, in words and on the bar', () => {
    expect(describeExportProgress(null)).toBe('Reading the project…');
    const articles: JobProgress = { state: 'running', phase: 'articles', done: 412, total: 1000 };
    expect(describeExportProgress(articles)).toBe('412 of 1000 articles');
    expect(describeExportProgress({ ...articles, done: 0, total: 1 })).toBe('0 of 1 article');
    expect(exportProgressValue(articles)).toBe(37);
    expect(describeExportProgress({ state: 'running', phase: 'package', done: 0, total: 1 })).toBe('Compressing the file…');
    expect(exportProgressValue({ state: 'running', phase: 'package', done: 0, total: 1 })).toBe(95);
    expect(exportProgressValue({ state: 'done', phase: 'package', done: 1, total: 1 })).toBe(100);
  });

  it('polls jobs.progress under its own token while the export is pending, then stops', async () => {
    const calls: { method: string; input: Record<string, unknown> }[] = [];
    let finish: (value: unknown) => void = () => {};
    let done = 0;
    const client = {
      runtime: 'browser',
      call: (method: string, input: Record<string, unknown>) => {
        calls.push({ method, input });
        if (method === 'projects.export') return new Promise((resolve) => (finish = resolve));
        if (method === 'jobs.progress') return Promise.resolve({ state: 'running', phase: 'articles', done: (done += 1), total: 10 });
        return Promise.resolve({ cancelled: true });
      }
    } as unknown as AssayClient;
    const seen: JobProgress[] = [];
    const run = startProjectExport(client, 'project-1', (progress) => seen.push(progress));
    await new Promise((resolve) => setTimeout(resolve, 500));
    finish({ fileName: 'p.assay', dataBase64: '', manifest: {} });
    await run.result;
    const token = calls[0].input.progressToken;
    expect(calls[0]).toMatchObject({ method: 'projects.export', input: { projectId: 'project-1' } });
    expect(seen.length).toBeGreaterThan(0);
    expect(calls.filter((call) => call.method === 'jobs.progress').every((call) => call.input.token === token)).toBe(true);
    const polls = calls.length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(calls.length).toBe(polls);
    await run.cancel();
    expect(calls.at(-1)).toEqual({ method: 'jobs.cancel', input: { token } });
  });
});
