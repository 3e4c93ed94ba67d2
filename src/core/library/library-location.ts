// Where the library lives when nobody says otherwise: the OS user-data folder, the same folder
// Electron's app.getPath('userData') gives for an app named Assay, so the desktop app and the CLI
// open the same file.
import { homedir, platform } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Assay';
export const LIBRARY_FILE_NAME = 'library.sqlite';

export function userDataFolder(env: NodeJS.ProcessEnv = process.env): string {
  switch (platform()) {
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', APP_NAME);
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
  }
}

/** --library wins, then ASSAY_LIBRARY, then the user-data folder. */
export function resolveLibraryPath(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  // An empty value counts as unset: `ASSAY_LIBRARY= assay list` must not open a file named ''.
  return explicit || env.ASSAY_LIBRARY || join(userDataFolder(env), LIBRARY_FILE_NAME);
}
