// For the CLI's tests: runs `assay` in-process against a fresh library in a temp folder, with
// captured stdout/stderr. Each test file calls useCliHarness() once at the top level.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import type { ArticleSummary } from '../shared/domain';
import type { ShownArticle } from './commands/article-commands';
import { runCli } from './main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliHarness {
  /** The test's temp folder (the cwd of every run). */
  folder(): string;
  /** Runs `assay --library <the test's library> ...argv`. */
  assay(...argv: string[]): Promise<CliRun>;
  /** Runs with --json, expects success and nothing on stderr, and parses stdout. */
  json<T>(...argv: string[]): Promise<T>;
  writeFile(name: string, content: string): string;
  /** The seeded sample article, with its five highlights. */
  sampleArticle(): Promise<ShownArticle>;
}

export function useCliHarness(): CliHarness {
  let folder = '';
  let libraryPath = '';
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'assay-cli-'));
    libraryPath = join(folder, 'library.sqlite');
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  async function assay(...argv: string[]): Promise<CliRun> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(['--library', libraryPath, ...argv], {
      stdout: { write: (chunk: string) => (stdout += chunk), isTTY: false },
      stderr: { write: (chunk: string) => (stderr += chunk) },
      // Never the developer's own ASSAY_LIBRARY.
      env: {},
      cwd: folder
    });
    return { code, stdout, stderr };
  }

  async function json<T>(...argv: string[]): Promise<T> {
    const run = await assay(...argv, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as T;
  }

  return {
    folder: () => folder,
    assay,
    json,
    writeFile(name, content) {
      const path = join(folder, name);
      writeFileSync(path, content);
      return path;
    },
    async sampleArticle() {
      const [sample] = (await json<{ items: ArticleSummary[] }>('list')).items;
      return json<ShownArticle>('show', sample.id);
    }
  };
}
