// Figures in browser mode: CSV import with a preview, the table, inline edit and undo, the
// competing-values panel, and a refused figure.
import { join } from 'node:path';
import { expect, PROJECT_ROOT, test } from './fixtures';
import { FiguresPage } from './pages/figures-page';

const SAMPLE_CSV = join(PROJECT_ROOT, 'resources', 'sample', 'rare-earth-figures.csv');

async function importSample(figures: FiguresPage): Promise<void> {
  const dialog = await figures.importCsv(SAMPLE_CSV);
  // The columns are mapped by their names.
  await expect(dialog.getByLabel('Column for Source title')).toHaveValue('source');
  await expect(dialog.getByLabel('Column for Edition')).toHaveValue('edition');
  await expect(dialog.getByLabel('Column for Notes')).toHaveValue('note');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const preview = dialog.getByRole('region', { name: 'Preview' });
  await expect(preview.locator('.csv-counts')).toContainText('30 rows');
  await expect(preview.locator('.csv-counts')).toContainText('30 valid');
  await expect(preview.locator('.csv-counts')).toContainText('0 with problems');
  await expect(preview.getByRole('row')).toHaveCount(31);
  // Nothing is added by the preview.
  await expect(figures.count).toHaveText('0 figures');
  await dialog.getByRole('button', { name: 'Import 30 figures' }).click();
  await expect(dialog).toBeHidden();
  await expect(figures.page.getByRole('status')).toContainText('Added 30 figures');
  await expect(figures.count).toHaveText('30 figures');
}

test('import the USGS figures from CSV; competing editions sit side by side', async ({ app }) => {
  const figures = new FiguresPage(app);
  await figures.open();
  await importSample(figures);

  const china2024 = figures.row('China', 'mine_production', '2024');
  await expect(china2024).toHaveCount(1);
  await expect(figures.valueCell(china2024)).toHaveText('270,000');
  await expect(china2024.getByRole('gridcell', { name: 't', exact: true })).toBeVisible();
  await expect(china2024).toContainText('USGS Mineral Commodity Summaries, 2025 edition');
  // China 2023 has two editions that disagree: both rows carry the badge, 2024 does not.
  await expect(figures.row('China', 'mine_production', '2023').getByRole('img', { name: 'Competing values' })).toHaveCount(2);
  await expect(china2024.getByRole('img', { name: 'Competing values' })).toHaveCount(0);

  // The detail pane names the source.
  await china2024.click();
  await expect(app).toHaveURL(/#\/figures\/[^/]+$/);
  await expect(figures.detail).toContainText('270,000 t');
  await expect(figures.detail).toContainText('USGS Mineral Commodity Summaries');
  await expect(figures.detail).toContainText('2025 edition');

  const panel = await figures.showCompeting();
  const group = panel.getByRole('region', { name: 'China · mine_production · 2023' });
  await expect(group).toBeVisible();
  const cards = group.getByRole('listitem');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toContainText('255,000 t');
  await expect(cards.nth(0)).toContainText('2025 edition');
  await expect(cards.nth(1)).toContainText('240,000 t');
  await expect(cards.nth(1)).toContainText('2024 edition');
  const [first, second] = [await cards.nth(0).boundingBox(), await cards.nth(1).boundingBox()];
  expect(first && second && Math.abs(first.y - second.y) < 1 && second.x > first.x + first.width - 1).toBe(true);

  // A card opens its figure.
  await cards.nth(1).getByRole('link').click();
  await expect(figures.detail).toContainText('240,000 t');
  await expect(figures.detail).toContainText('2024 edition');
});

test('inline-edit a value, see a refused edit, and undo the saved one with Ctrl+Z', async ({ app }) => {
  const figures = new FiguresPage(app);
  await figures.open();
  await importSample(figures);
  const row = figures.row('China', 'mine_production', '2024');
  const value = figures.valueCell(row);

  // A value core cannot read is refused with its message; the saved value is kept.
  await value.dblclick();
  const editor = row.getByRole('textbox', { name: 'Value of China mine_production 2024' });
  await expect(editor).toHaveValue('270,000');
  await editor.fill('lots');
  await editor.press('Enter');
  await expect(row.getByRole('alert')).toContainText('value:');
  await expect(row.getByRole('alert')).toContainText('is not a number');
  await editor.press('Escape');
  await expect(value).toHaveText('270,000');

  await value.dblclick();
  await editor.fill('280,000');
  await editor.press('Enter');
  await expect(value).toHaveText('280,000');
  await expect(editor).toHaveCount(0);

  await app.keyboard.press('Control+z');
  await expect(app.getByRole('status')).toContainText('Undone: Edit figure');
  await expect(value).toHaveText('270,000');

  // The keyboard reaches the same editor: Enter on the focused row edits its value.
  await row.click();
  await app.keyboard.press('Enter');
  await expect(editor).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
});

test('a figure typed in by hand with the period 2024-13 is refused and nothing is added', async ({ app }) => {
  const figures = new FiguresPage(app);
  await figures.open();
  await importSample(figures);

  await app.getByRole('button', { name: 'Add figure' }).click();
  const dialog = app.getByRole('dialog', { name: 'Add figure' });
  await dialog.getByLabel('Metric').fill('mine_production');
  await dialog.getByLabel('Entity').fill('Malaysia');
  await dialog.getByLabel('Value').fill('130');
  await dialog.getByLabel('Unit').fill('t');
  await dialog.getByLabel('Period').fill('2024-13');
  await dialog.getByLabel('Source title').fill('Field notes');
  await dialog.getByRole('button', { name: 'Save figure' }).click();

  await expect(dialog.getByRole('alert')).toContainText('period:');
  await expect(dialog.getByLabel('Period')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(figures.count).toHaveText('30 figures');
  await expect(figures.rows.filter({ has: figures.cell('Malaysia') })).toHaveCount(0);

  // Corrected, it is added and opens in the detail pane.
  await app.getByRole('button', { name: 'Add figure' }).click();
  await dialog.getByLabel('Metric').fill('mine_production');
  await dialog.getByLabel('Entity').fill('Malaysia');
  await dialog.getByLabel('Value').fill('130');
  await dialog.getByLabel('Unit').fill('t');
  await dialog.getByLabel('Period').fill('2024-12');
  await dialog.getByRole('button', { name: 'Save figure' }).click();
  await expect(dialog).toBeHidden();
  await expect(figures.count).toHaveText('31 figures');
  await expect(figures.detail).toContainText('Malaysia');
});

test('delete a figure from its detail pane and take it back from the notice', async ({ app }) => {
  const figures = new FiguresPage(app);
  await figures.open();
  await importSample(figures);
  await figures.row('World', 'mine_production', '2024').click();
  await expect(figures.detail).toContainText('390,000 t');
  await figures.detail.getByRole('button', { name: 'Delete' }).click();
  await expect(figures.count).toHaveText('29 figures');
  await expect(figures.row('World', 'mine_production', '2024')).toHaveCount(0);
  await app.locator('.notice').filter({ hasText: 'Deleted the figure' }).getByRole('button', { name: 'Undo' }).click();
  await expect(figures.count).toHaveText('30 figures');
  await expect(figures.valueCell(figures.row('World', 'mine_production', '2024'))).toHaveText('390,000');
  await expect(figures.detail).toContainText('390,000 t');
});

test('a long table keeps only the rows in view in the page', async ({ app }) => {
  const figures = new FiguresPage(app);
  await figures.open();
  const lines = ['metric,entity,period,value,unit'];
  for (let i = 0; i < 5000; i++) lines.push(`exports,Port ${String(i).padStart(4, '0')},2024,${1000 + i},t`);
  await app.getByRole('button', { name: 'Import CSV…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Import figures from CSV' });
  await dialog.getByLabel('CSV file').setInputFiles({ name: 'ports.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByRole('button', { name: 'Import 5,000 figures' }).click();
  await expect(figures.count).toHaveText('5,000 figures');
  await expect(figures.grid).toHaveAttribute('aria-rowcount', '5001');

  const body = app.locator('.figure-grid-body');
  for (const fraction of [0.5, 1]) {
    await body.evaluate((element, f) => (element.scrollTop = f * (element.scrollHeight - element.clientHeight)), fraction);
    await expect(figures.rows.first()).not.toHaveAttribute('aria-rowindex', '2');
    expect(await app.locator('[role="row"]').count()).toBeLessThanOrEqual(100);
  }
  await expect(figures.cell('Port 4999')).toBeVisible();

  // Home and End on the focused table move to either end.
  await figures.grid.focus();
  await app.keyboard.press('Home');
  await expect(figures.cell('Port 0000')).toBeVisible();
  await app.keyboard.press('End');
  await expect(figures.cell('Port 4999')).toBeVisible();
  await expect(app.locator('.figure-row.active')).toHaveAttribute('aria-rowindex', '5001');
  expect(await app.locator('[role="row"]').count()).toBeLessThanOrEqual(100);
});

test('the import notice takes the import back, and only while it is the latest change', async ({ app }) => {
  const figures = new FiguresPage(app);
  await figures.open();
  await importSample(figures);
  await app.locator('.notice').filter({ hasText: 'Added 30 figures' }).getByRole('button', { name: 'Undo' }).click();
  await expect(figures.count).toHaveText('0 figures');

  await importSample(figures);
  const value = figures.valueCell(figures.row('China', 'mine_production', '2024'));
  await value.dblclick();
  await figures.row('China', 'mine_production', '2024').getByRole('textbox').fill('271,000');
  await app.keyboard.press('Enter');
  await expect(value).toHaveText('271,000');
  await app.locator('.notice').filter({ hasText: 'Added 30 figures' }).getByRole('button', { name: 'Undo' }).click();
  await expect(app.getByRole('alert').filter({ hasText: 'no longer the latest change' })).toBeVisible();
  await expect(figures.count).toHaveText('30 figures');
});
