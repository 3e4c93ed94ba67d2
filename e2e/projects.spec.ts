// Project files through the UI: export a project, let a teammate (a second library, served by a
// second `assay serve`) import it and give a claim another verdict, then open the teammate's file:
// the preview shows the conflict side by side, "Take theirs" wins, the merge report is kept, the
// same file a second time has nothing to merge, and the backup taken before the merge restores.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { MethodInput, MethodName, MethodResult } from '../src/shared/contract';
import { expect, startHost, stopHost, test } from './fixtures';
import { callContract, ClaimsPage } from './pages/claims-page';

const STATEMENT = 'China refines about 90% of the world’s rare earths';

interface Teammate {
  call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodResult<K>>;
  stop(): Promise<void>;
}

/** A second library with its own host: the teammate. Same start-up as the fixtures' host. */
async function startTeammate(libraryPath: string): Promise<Teammate> {
  const { host, url } = await startHost(libraryPath);
  const { origin, searchParams } = new URL(url);
  const token = searchParams.get('token') ?? '';
  return {
    async call(method, input) {
      const response = await fetch(`${origin}/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-assay-token': token },
        body: JSON.stringify(input)
      });
      const envelope = (await response.json()) as { ok: boolean; result?: unknown; error?: { message: string } };
      if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message}`);
      return envelope.result as never;
    },
    stop: () => stopHost(host)
  };
}

async function openProjects(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Projects' }).click();
  await expect(page.getByRole('table', { name: 'Projects' })).toBeVisible();
}

test('a teammate’s file: preview, the verdict conflict side by side, take theirs, report, nothing twice, restore', async ({ app, browserMode }) => {
  // Two hosts and a round trip between them: slow on a loaded machine.
  test.setTimeout(150_000);
  const folder = mkdtempSync(join(tmpdir(), 'assay-teammate-'));
  const teammate = await startTeammate(join(folder, 'library.sqlite'));
  try {
    // A claim on one of the sample articles, in the default project.
    const articles = await callContract(app, 'articles.list', { sort: 'added', direction: 'desc', tag: null, limit: 1, offset: 0 });
    const claim = await callContract(app, 'claims.create', { articleId: articles.items[0].id, statement: STATEMENT, verdict: 'unverified' });
    const [myProject] = (await callContract(app, 'projects.list', {})).filter((project) => project.isDefault);

    // Export it through the UI.
    await openProjects(app);
    const row = app.getByRole('row').filter({ has: app.getByRole('rowheader', { name: myProject.name }) });
    await expect(row.getByRole('cell').nth(1)).toHaveText(String(myProject.claimCount));
    const downloading = app.waitForEvent('download');
    await row.getByRole('button', { name: `Export ${myProject.name}` }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.assay$/);
    const mine = join(folder, download.suggestedFilename());
    await download.saveAs(mine);

    // The teammate imports it, calls the claim disputed and sends the project back.
    const dataBase64 = readFileSync(mine).toString('base64');
    const received = await teammate.call('projects.previewImport', { dataBase64, fileName: 'mine.assay' });
    expect(received.summary.conflicts).toBe(0);
    await teammate.call('projects.applyImport', { dataBase64, fileName: 'mine.assay', resolutions: {} });
    await teammate.call('claims.update', { id: claim.id, verdict: 'disputed', rationale: 'Depends on what counts as refining' });
    await teammate.call('projects.updateSettings', { exporterName: 'Maria (desk B)' });
    const theirExport = await teammate.call('projects.export', { projectId: myProject.id });
    const theirs = join(folder, 'from-maria.assay');
    writeFileSync(theirs, Buffer.from(theirExport.dataBase64, 'base64'));

    // Meanwhile I call it accurate.
    await callContract(app, 'claims.update', { id: claim.id, verdict: 'accurate' });

    // Opening the file shows what it would do, before anything changes.
    await app.getByLabel('Project file').setInputFiles(theirs);
    const preview = app.getByRole('region', { name: 'Import preview' });
    await expect(preview.getByRole('heading', { name: 'Open “from-maria.assay”' })).toBeVisible();
    await expect(preview.getByText('Maria (desk B)')).toBeVisible();
    const counts = preview.getByRole('table').filter({ has: app.getByText('What merging would do') });
    await expect(counts.getByRole('row', { name: /^Claims/ }).getByRole('cell').nth(3)).toHaveText('1');

    const conflict = preview.getByRole('article', { name: new RegExp(STATEMENT.slice(0, 20)) });
    await expect(conflict.getByRole('columnheader', { name: 'Yours' })).toBeVisible();
    await expect(conflict.getByRole('columnheader', { name: 'Theirs' })).toBeVisible();
    const verdictRow = conflict.getByRole('row', { name: /^verdict/ });
    await expect(verdictRow).toHaveClass(/differs/);
    await expect(verdictRow.locator('td.mine')).toHaveText('Accurate');
    await expect(verdictRow.locator('td.theirs')).toHaveText('Disputed');
    await expect(verdictRow.locator('td.base')).toHaveText('Unverified');
    await expect(conflict.getByLabel('Keep mine')).toBeVisible();
    await expect(conflict.getByLabel('Keep both')).toBeVisible();

    // Merge waits for a choice; the claim is still mine.
    const merge = preview.getByRole('button', { name: 'Merge' });
    await expect(merge).toBeDisabled();
    expect((await callContract(app, 'claims.get', { id: claim.id })).verdict).toBe('accurate');
    await conflict.getByLabel('Take theirs').check();
    await expect(merge).toBeEnabled();
    await merge.click();

    const report = app.getByRole('region', { name: 'Merge report' });
    await expect(report.getByRole('heading', { name: 'Merge report' })).toBeVisible();
    await expect(report.getByText('1 conflict resolved', { exact: false })).toBeVisible();
    await expect(report.getByText('Resolved: Take theirs')).toBeVisible();
    await expect(app.getByRole('status').getByText(/Merged “from-maria.assay”/)).toBeVisible();
    await preview.getByRole('button', { name: 'Done' }).click();

    // The report is listed and opens again; a backup was taken before the merge.
    const reports = app.getByRole('table', { name: 'Merge reports' });
    await expect(reports.getByRole('row')).toHaveCount(2);
    await expect(reports.getByRole('row').nth(1)).toContainText('from-maria.assay');
    const backups = app.getByRole('table', { name: 'Backups' });
    await expect(backups.getByRole('row', { name: /Before a merge/ })).toHaveCount(1);
    await reports.getByRole('row').nth(1).getByRole('button').click();
    await expect(app.getByRole('region', { name: 'Merge report' }).getByText('Resolved: Take theirs')).toBeVisible();
    await app.getByRole('button', { name: '← Projects' }).click();

    // Their verdict is the claim's verdict now.
    const claims = new ClaimsPage(app);
    await claims.open();
    await expect(claims.row(STATEMENT).locator('.verdict-badge')).toHaveText('Disputed');

    // The same file again changes nothing.
    await openProjects(app);
    await app.getByLabel('Project file').setInputFiles(theirs);
    await expect(app.getByText('Nothing to merge: everything in this file is already in your library')).toBeVisible();
    await app.getByRole('button', { name: 'Close' }).click();

    // Restoring the backup taken before the merge brings my verdict back.
    await backups.getByRole('row', { name: /Before a merge/ }).getByRole('button', { name: /^Restore/ }).click();
    const dialog = app.getByRole('dialog', { name: 'Restore this backup?' });
    await expect(dialog).toContainText('Your library as it is now is backed up first');
    await dialog.getByRole('button', { name: 'Restore backup' }).click();
    await expect(app.getByRole('status').getByText(/Restored the library as of/)).toBeVisible();
    await expect(backups.getByRole('row', { name: /Before a restore/ })).toHaveCount(1);
    expect((await callContract(app, 'claims.get', { id: claim.id })).verdict).toBe('accurate');
    expect(browserMode.libraryPath).toBeTruthy();
  } finally {
    await teammate.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('open formats download; a damaged project file is refused with the reason and nothing else', async ({ app }) => {
  await openProjects(app);
  const row = app.getByRole('row').filter({ hasText: 'default' });
  await row.getByText('Export data…').click();
  let downloading = app.waitForEvent('download');
  await app.getByRole('menuitem', { name: /^CSV/ }).click();
  expect((await downloading).suggestedFilename()).toMatch(/-figures\.csv$/);
  await row.getByText('Export data…').click();
  downloading = app.waitForEvent('download');
  await app.getByRole('menuitem', { name: /^Data Package/ }).click();
  expect((await downloading).suggestedFilename()).toMatch(/-datapackage\.zip$/);

  await app.getByLabel('Project file').setInputFiles({ name: 'broken.assay', mimeType: 'application/zip', buffer: Buffer.from('PK\u0003\u0004 not really a zip') });
  const preview = app.getByRole('region', { name: 'Import preview' });
  await expect(preview.getByRole('alert')).toBeVisible();
  await expect(preview.getByRole('alert')).not.toBeEmpty();
  await expect(preview.getByRole('table')).toHaveCount(0);
  await expect(preview.getByRole('button', { name: 'Merge' })).toHaveCount(0);
  await preview.getByRole('button', { name: 'Close' }).click();
  await expect(app.getByRole('table', { name: 'Projects' })).toBeVisible();
});
