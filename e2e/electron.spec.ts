// The desktop app end to end: the built main process opens a fresh library, the sandboxed window
// shows the sample article, and the page sees window.assay but no Node. Skipped, with the reason
// printed, where Electron cannot run (no binary, no Electron build of better-sqlite3, no display).
import { _electron, expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronNativeBindingPath } from '../src/main/native-binding';

const projectRoot = join(import.meta.dirname, '..');
const electronPackage = join(projectRoot, 'node_modules', 'electron');
const SAMPLE_TITLE = 'Who really controls rare earths?';

/**
 * The Electron binary, without require('electron'): that call downloads the binary when it is
 * missing, which on an offline machine only fails slowly.
 */
function electronExecutable(): { path: string } | { problem: string } {
  const pathFile = join(electronPackage, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      problem:
        'the Electron binary is not installed here (node_modules/electron/path.txt and dist/ missing; ' +
        'its download is lazy and this machine has no network)'
    };
  }
  const relativePath = readFileSync(pathFile, 'utf8').trim();
  const path = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relativePath)
    : join(electronPackage, 'dist', relativePath);
  if (!existsSync(path)) return { problem: `the Electron binary ${path} is missing` };
  const version = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (version.status !== 0) {
    return { problem: `the Electron binary ${path} does not run (${(version.stderr || String(version.error)).trim()})` };
  }
  return { path };
}

function whyElectronCannotRun(): string | null {
  const executable = electronExecutable();
  if ('problem' in executable) return executable.problem;
  const electronVersion = JSON.parse(readFileSync(join(electronPackage, 'package.json'), 'utf8')).version as string;
  const binding = electronNativeBindingPath(projectRoot, { electronVersion, platform: process.platform, arch: process.arch });
  if (!existsSync(binding)) {
    return `better-sqlite3 has no Electron build at ${binding} (run \`node scripts/electron-native.mjs\` once online)`;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'there is no display (run under xvfb-run)';
  }
  return null;
}

test('the desktop app shows the library in a sandboxed window', async () => {
  const reason = whyElectronCannotRun();
  if (reason) {
    console.log(`Electron e2e skipped: ${reason}`);
    test.skip(true, reason);
    return;
  }
  if (!existsSync(join(projectRoot, 'out', 'main', 'index.js'))) {
    throw new Error('out/main/index.js is missing: run `npm run build` before the end-to-end tests.');
  }

  const folder = mkdtempSync(join(tmpdir(), 'assay-e2e-electron-'));
  const { ELECTRON_RUN_AS_NODE: _ignored, ...env } = process.env;
  // Launching the project folder runs package.json "main" (out/main/index.js) with the project as
  // app.getAppPath(), where main finds resources/ and build/electron-native/.
  const app = await _electron.launch({
    args: [projectRoot, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    cwd: projectRoot,
    env: {
      ...env,
      ASSAY_LIBRARY: join(folder, 'library.sqlite'),
      ASSAY_USER_DATA: join(folder, 'user-data')
    }
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByText(SAMPLE_TITLE).first()).toBeVisible({ timeout: 15_000 });

    const globals = await window.evaluate(() => {
      const page = window as unknown as Record<string, unknown>;
      return {
        assay: typeof page.assay,
        runtime: (page.assay as { runtime?: string } | undefined)?.runtime,
        require: typeof page.require,
        process: typeof page.process,
        module: typeof page.module
      };
    });
    expect(globals).toEqual({ assay: 'object', runtime: 'electron', require: 'undefined', process: 'undefined', module: 'undefined' });
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
