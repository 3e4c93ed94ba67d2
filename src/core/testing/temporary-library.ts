// A fresh library in a temporary folder, for tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibrary, type Library } from '../db/library';
import { createDispatcher, type Dispatcher } from '../dispatch/dispatcher';

export interface TemporaryLibrary {
  library: Library;
  dispatcher: Dispatcher;
  folder: string;
  path: string;
  dispose(): void;
}

export function createTemporaryLibrary(): TemporaryLibrary {
  const folder = mkdtempSync(join(tmpdir(), 'assay-test-'));
  const path = join(folder, 'library.sqlite');
  const library = openLibrary(path);
  return {
    library,
    dispatcher: createDispatcher({ library, appVersion: 'test' }),
    folder,
    path,
    dispose() {
      library.close();
      rmSync(folder, { recursive: true, force: true });
    }
  };
}

/** A digest of every row of every table, to prove that a refused operation changed nothing. */
export function libraryFingerprint(library: Library): string {
  const tables = library.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts_%' ORDER BY name")
    .all() as { name: string }[];
  return tables
    .map(({ name }) => `${name}:${JSON.stringify(library.db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all())}`)
    .join('\n');
}
