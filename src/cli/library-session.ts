// Opening the library for a command. Core (SQLite, the importers, zod) is loaded here on demand,
// so `assay --help` and `assay --version` start without it.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { LIBRARY_FILE_NAME, resolveLibraryPath } from '../core/library/library-location';
import { AssayError } from '../shared/errors';
import { resolveFromCwd, UsageError, type CliIo, type LibrarySession } from './cli-context';
import { appVersion, RESOURCES_DIR } from './install-paths';

/** --library, then ASSAY_LIBRARY, then the OS user-data folder; relative paths from the cwd. */
export function libraryPathFor(explicit: string | undefined, io: CliIo): string {
  if (explicit !== undefined && explicit.trim() === '') throw new UsageError('--library needs a file path.');
  // An empty ASSAY_LIBRARY (e.g. `ASSAY_LIBRARY= assay list`) means "not set", not "the cwd".
  const env = io.env.ASSAY_LIBRARY === '' ? { ...io.env, ASSAY_LIBRARY: undefined } : io.env;
  return resolveFromCwd(io, resolveLibraryPath(explicit, env));
}

export async function openLibrarySession(explicitPath: string | undefined, io: CliIo): Promise<LibrarySession> {
  const path = libraryPathFor(explicitPath, io);
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
    // SQLite would only say "unable to open database file".
    throw new AssayError('not_found', `${path} is a folder; give the library file, e.g. ${join(path, LIBRARY_FILE_NAME)}.`);
  }
  const [{ openAppLibrary }, { createDispatcher }] = await Promise.all([
    import('../core/library/app-library'),
    import('../core/dispatch/dispatcher')
  ]);
  const library = openAppLibrary(path, { resourcesDir: RESOURCES_DIR });
  return {
    path,
    library,
    dispatcher: createDispatcher({ library, appVersion: appVersion() }),
    close: () => library.close()
  };
}
