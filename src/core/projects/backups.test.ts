import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openLibrary } from '../db/library';
import { listBackups, takeBackup } from './backups';

let folder: string;
afterEach(() => rmSync(folder, { recursive: true, force: true }));

it('keeps each library’s backups apart when libraries share a folder', () => {
  folder = mkdtempSync(join(tmpdir(), 'assay-backups-'));
  const mine = openLibrary(join(folder, 'mine.sqlite'));
  const theirs = openLibrary(join(folder, 'theirs.sqlite'));
  takeBackup(mine, 'manual');
  expect(listBackups(mine)).toHaveLength(1);
  expect(listBackups(theirs)).toHaveLength(0);
  mine.close();
  theirs.close();
});
