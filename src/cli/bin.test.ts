// One end-to-end run of the real `assay` executable (tsx registration, argv, exit codes, streams);
// everything else is tested in-process in main.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { PACKAGE_ROOT } from './install-paths';

const BIN = join(PACKAGE_ROOT, 'bin', 'assay.mjs');
let folder: string | undefined;

afterEach(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

function assay(args: string[], env: NodeJS.ProcessEnv = {}) {
  // Run from the temp folder, as a user would from anywhere: the bin must find its own files.
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: folder,
    env: { PATH: process.env.PATH, HOME: folder, ...env },
    encoding: 'utf8',
    timeout: 30_000
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

it('imports and lists through the real executable, honouring ASSAY_LIBRARY', () => {
  folder = mkdtempSync(join(tmpdir(), 'assay-bin-'));
  writeFileSync(join(folder, 'note.txt'), 'Tungsten prices\n\nTungsten rose in March.\n');
  const env = { ASSAY_LIBRARY: join(folder, 'library.sqlite') };

  const imported = assay(['import', 'note.txt', '--json'], env);
  expect(imported.stderr).toBe('');
  expect(imported.code).toBe(0);
  expect(JSON.parse(imported.stdout).imported[0]).toMatchObject({ title: 'Tungsten prices', fileName: 'note.txt' });

  const listed = assay(['list', '--json'], env);
  expect(listed.code).toBe(0);
  expect(JSON.parse(listed.stdout).items.map((item: { title: string }) => item.title)).toContain('Tungsten prices');

  const wrong = assay(['list', '--sort', 'colour'], env);
  expect(wrong.code).toBe(2);
  expect(wrong.stderr).toMatch(/^assay: --sort must be one of/);
});
