// Filing material in projects through the UI: articles selected in the library go into a project,
// the library filters by project, a selection exports as a project file holding just those
// articles, and a typed-in figure (which has no article to travel with) is filed in a project from
// its detail pane.
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './fixtures';
import { callContract } from './pages/claims-page';
import { FiguresPage } from './pages/figures-page';
import { LibraryPage } from './pages/library-page';

const SAMPLE_TITLE = 'Who really controls rare earths? Mines, refineries and magnets';

test('select articles, add them to a project, filter by it, and export just the selection', async ({ app }) => {
  const library = new LibraryPage(app);
  await expect(library.row(SAMPLE_TITLE)).toBeVisible();
  await library.pasteArticle({ content: 'Magnet makers\n\nJapan makes sintered magnets too.', title: 'Magnet makers' });
  await library.open();
  await callContract(app, 'projects.create', { name: 'Magnets' });
  await app.reload();
  await expect(library.row(SAMPLE_TITLE)).toBeVisible();

  await library.row(SAMPLE_TITLE).getByRole('checkbox').check();
  const bar = app.getByRole('toolbar', { name: 'Selected articles' });
  await expect(bar).toContainText('1 article selected');
  await bar.getByLabel('Project to add the selected articles to').selectOption({ label: 'Magnets — 0 articles' });
  await bar.getByRole('button', { name: 'Add to project' }).click();
  await expect(app.locator('.notice').filter({ hasText: 'Added 1 article to “Magnets”.' })).toBeVisible();

  await app.getByLabel('Filter by project').selectOption({ label: 'Magnets — 1 article' });
  await expect(library.rows).toHaveCount(1);
  await expect(library.row(SAMPLE_TITLE)).toBeVisible();
  // The article is in both projects now: the default one still lists it.
  await app.getByLabel('Filter by project').selectOption({ label: 'My project (default) — 2 articles' });
  await expect(library.rows).toHaveCount(2);

  // Export only the pasted article, as a teammate would receive it.
  await library.row('Magnet makers').getByRole('checkbox').check();
  const [download] = await Promise.all([app.waitForEvent('download'), bar.getByRole('button', { name: 'Export as project file…' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.assay$/);
  const entries = unzipSync(readFileSync((await download.path())!));
  const articles = JSON.parse(strFromU8(entries['articles.json'])) as { title: string }[];
  expect(articles.map((article) => article.title)).toEqual(['Magnet makers']);

  // Taken out of a project that is not the default, an article leaves the filtered list.
  await app.getByLabel('Filter by project').selectOption({ label: 'Magnets — 1 article' });
  await library.row(SAMPLE_TITLE).getByRole('checkbox').check();
  await bar.getByRole('button', { name: 'Remove from “Magnets”' }).click();
  await expect(library.rows).toHaveCount(0);
  await expect(app.getByText('“Magnets” has no articles yet.')).toBeVisible();
});

test('a typed-in figure is filed in a project from its detail pane and travels with it', async ({ app }) => {
  const project = await callContract(app, 'projects.create', { name: 'Magnets' });
  await callContract(app, 'figures.create', {
    metric: 'magnet_production',
    entity: 'Japan',
    value: 4500,
    unit: 't',
    period: '2024',
    citation: { title: 'Trade association yearbook' }
  });
  const figures = new FiguresPage(app);
  await figures.open();
  await figures.row('Japan', 'magnet_production', '2024').click();
  const membership = figures.detail.getByLabel('Projects');
  await expect(membership).toContainText('In no project yet, so in');
  await expect(membership).toContainText('My project');
  await membership.getByLabel('Project to file this figure in').selectOption({ label: 'Magnets' });
  await membership.getByRole('button', { name: 'File in project' }).click();
  await expect(membership).toContainText('Filed in');
  await expect(membership.locator('.project-badge')).toHaveText(['Magnets×']);

  const exported = await callContract(app, 'projects.export', { projectId: project.id });
  const entries = unzipSync(Buffer.from(exported.dataBase64, 'base64'));
  const figuresInFile = JSON.parse(strFromU8(entries['figures.json'])) as { entity: string }[];
  expect(figuresInFile.map((figure) => figure.entity)).toEqual(['Japan']);

  await membership.getByRole('button', { name: 'Take it out of Magnets' }).click();
  await expect(membership).toContainText('In no project yet, so in');
});
