// Browser-mode fixtures: each test gets a fresh temporary library served by the real CLI
// (`assay serve`, as `npm run web` runs it) and a Chromium page already admitted with the token.
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PROJECT_ROOT = join(import.meta.dirname, '..');

export interface BrowserModeHost {
  url: string;
  /** The origin without the token. */
  origin: string;
  libraryPath: string;
  folder: string;
}

/** Starts `assay serve` on a free port for the library and returns the printed URL (with its token). */
export async function startHost(libraryPath: string): Promise<{ host: ChildProcess; url: string }> {
  const host = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'assay.mjs'), 'serve', '--port', '0', '--library', libraryPath], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`assay serve did not print its URL in time:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    host.stdout!.on('data', onData);
    host.stderr!.on('data', onData);
    host.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`assay serve exited with ${code}:\n${output}`));
    });
  });
  return { host, url };
}

export async function stopHost(host: ChildProcess): Promise<void> {
  if (host.exitCode !== null) return;
  const exited = new Promise((resolve) => host.once('exit', resolve));
  host.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (host.exitCode === null) host.kill('SIGKILL');
}

export const test = base.extend<{ browserMode: BrowserModeHost; app: Page }>({
  browserMode: async ({}, use) => {
    const folder = mkdtempSync(join(tmpdir(), 'assay-e2e-'));
    const libraryPath = join(folder, 'library.sqlite');
    const { host, url } = await startHost(libraryPath);
    try {
      await use({ url, origin: new URL(url).origin, libraryPath, folder });
    } finally {
      await stopHost(host);
      rmSync(folder, { recursive: true, force: true });
    }
  },
  app: async ({ page, browserMode }, use) => {
    // Nothing may leave the machine: any request to another origin fails the test.
    const remoteRequests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(browserMode.origin) && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) {
        remoteRequests.push(request.url());
      }
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(browserMode.url);
    await expect(page.getByRole('table')).toBeVisible();
    await use(page);
    expect(remoteRequests, 'requests that left the machine').toEqual([]);
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  }
});

export { expect };
