// Where the installed Assay keeps what the CLI needs besides the library: the resources folder
// (sample project), the built renderer for browser mode, and package.json for the version. All are
// found relative to this file, so `npx assay` works from any working directory.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository (or installed package) root: src/cli/ is two levels below it. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const RESOURCES_DIR = join(PACKAGE_ROOT, 'resources');

/** Where `electron-vite build` writes the renderer that browser mode serves. */
export const DEFAULT_RENDERER_DIR = join(PACKAGE_ROOT, 'out', 'renderer');

let cachedVersion: string | undefined;

export function appVersion(): string {
  cachedVersion ??= (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return cachedVersion;
}
