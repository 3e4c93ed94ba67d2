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

test('exporting a large project shows a progress bar that moves forward, then downloads the file', async ({ app }, testInfo) => {
  test.setTimeout(180_000);
  const ARTICLES = 150;
  const project = await callContract(app, 'projects.create', { name: 'Big dossier' });
  // Enough text that serialising and compressing take a while (about 30 MB of JSON).
  await app.evaluate(
    async ([projectId, count]) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="assay-token"]')?.content ?? '';
      const words = ['output', 'rose', 'tons', 'mine', 'refinery', 'export', 'quota', 'magnet', 'oxide', 'ministry', 'said', 'capacity'];
      for (let index = 0; index < count; index += 1) {
        const paragraphs = Array.from({ length: 40 }, (_, paragraph) =>
          Array.from({ length: 100 }, (_, word) => words[(index * 7 + paragraph * 13 + word * (word % 5 + 1)) % words.length]).join(' ') + '.'
        );
        const response = await fetch('/api/articles.create', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-assay-token': token },
          body: JSON.stringify({ content: `Dispatch ${index}\n\n${paragraphs.join('\n\n')}`, format: 'text', title: `Dispatch ${index}`, projectId })
        });
        const envelope = (await response.json()) as { ok: boolean; error?: { message: string } };
        if (!envelope.ok) throw new Error(envelope.error?.message);
      }
    },
    [project.id, ARTICLES] as const
  );

  // Every answer the Projects view gets from jobs.progress while it waits for the export.
  const answers: { state: string; phase: string; done: number; total: number }[] = [];
  app.on('response', async (response) => {
    if (!response.url().endsWith('/api/jobs.progress')) return;
    const envelope = (await response.json().catch(() => null)) as { ok: boolean; result: (typeof answers)[number] | null } | null;
    if (envelope?.ok && envelope.result) answers.push(envelope.result);
  });

  await openProjects(app);
  const row = app.getByRole('row').filter({ has: app.getByRole('rowheader', { name: 'Big dossier' }) });
  const downloading = app.waitForEvent('download', { timeout: 150_000 });
  await row.getByRole('button', { name: 'Export Big dossier' }).click();
  const bar = row.getByRole('progressbar', { name: 'Exporting Big dossier' });
  await expect(bar).toBeVisible();
  await expect(row.getByRole('button', { name: 'Cancel export' })).toBeVisible();
  // The bar says how far it is: “n of 150 articles”, then the compression step.
  await expect(row.getByText(new RegExp(`^\\d+ of ${ARTICLES} articles$|^Compressing the file…$`))).toBeVisible({ timeout: 60_000 });
  await row.screenshot({ path: testInfo.outputPath('export-progress.png') });
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('big-dossier.assay');
  await expect(bar).toBeHidden();
  await expect(app.getByText(/Exported “Big dossier” as big-dossier\.assay/)).toBeVisible();

  // The polls were answered while the export ran, and the progress never went back.
  expect(answers.length).toBeGreaterThan(0);
  const phases = ['collect', 'articles', 'package'];
  for (let index = 1; index < answers.length; index += 1) {
    const [before, now] = [answers[index - 1], answers[index]];
    expect(phases.indexOf(now.phase)).toBeGreaterThanOrEqual(phases.indexOf(before.phase));
    if (now.phase === before.phase) expect(now.done).toBeGreaterThanOrEqual(before.done);
  }
  for (const answer of answers.filter((entry) => entry.phase === 'articles')) expect(answer.total).toBe(ARTICLES);
  const file = await download.path();
  expect(file).toBeTruthy();
});

test('an export can be cancelled, and nothing is downloaded', async ({ app }) => {
  test.setTimeout(120_000);
  const project = await callContract(app, 'projects.create', { name: 'Cancelled dossier' });
  const text = Array.from({ length: 400 }, (_, index) => `Paragraph ${index}: output rose to ${index * 17} tons, the ministry said.`).join('\n\n');
  // Enough that the export is still running when Cancel is pressed.
  for (let index = 0; index < 80; index += 1) {
    await callContract(app, 'articles.create', { content: `Note ${index}\n\n${text}`, format: 'text', title: `Note ${index}`, projectId: project.id });
  }
  await openProjects(app);
  const row = app.getByRole('row').filter({ has: app.getByRole('rowheader', { name: 'Cancelled dossier' }) });
  let downloads = 0;
  app.on('download', () => (downloads += 1));
  await row.getByRole('button', { name: 'Export Cancelled dossier' }).click();
  await row.getByRole('button', { name: 'Cancel export' }).click();
  await expect(app.getByText('Export of “Cancelled dossier” cancelled.')).toBeVisible({ timeout: 60_000 });
  await expect(row.getByRole('progressbar')).toBeHidden();
  expect(downloads).toBe(0);
});
