// Browser-mode fixtures: each test gets a fresh temporary library served by the real CLI
// (`assay serve`, as `npm run web` runs it) and a Chromium page already admitted with the token.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, stopHost } from './browser-mode-host';

export { PROJECT_ROOT, startHost, stopHost } from './browser-mode-host';

export interface BrowserModeHost {
  url: string;
  /** The origin without the token. */
  origin: string;
  libraryPath: string;
  folder: string;
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
