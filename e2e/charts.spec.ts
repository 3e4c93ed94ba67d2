// Issue 4 in browser mode: a bar chart of 2024 mine production from the sample figures, with its
// source line; hovering a bar shows the value and its source (and the quote, for a figure taken
// from a highlight); clicking opens the article at the passage; export SVG and PNG.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, PROJECT_ROOT, test } from './fixtures';
import { FiguresPage } from './pages/figures-page';
import { LibraryPage } from './pages/library-page';
import { ReaderPage } from './pages/reader-page';

const SAMPLE_CSV = join(PROJECT_ROOT, 'resources', 'sample', 'rare-earth-figures.csv');
const SAMPLE_TITLE = 'Who really controls rare earths? Mines, refineries and magnets';
const QUOTE = 'Chinese mines produced an estimated 270,000 tons';
const COUNTRIES = ['China', 'United States', 'Burma', 'Australia', 'Nigeria', 'Thailand'];

async function importSample(page: Page): Promise<void> {
  const figures = new FiguresPage(page);
  await figures.open();
  const dialog = await figures.importCsv(SAMPLE_CSV);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByRole('button', { name: 'Import 30 figures' }).click();
  await expect(figures.count).toHaveText('30 figures');
}

async function openCharts(page: Page): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Charts' }).click();
  await expect(page).toHaveURL(/#\/charts$/);
  return page.getByRole('form', { name: 'Chart builder' });
}

function canvas(page: Page): Locator {
  return page.locator('.chart-canvas');
}

function tooltip(page: Page): Locator {
  return page.locator('.chart-tooltip');
}

/**
 * Moves the mouse down a vertical line through the chart (at `xFraction` of its width) until the
 * tooltip names `entity`; returns where. The largest bar spans most of the plot, so a line through
 * its middle finds it whatever the layout.
 */
async function hoverBar(page: Page, entity: string, xFraction = 0.45): Promise<{ x: number; y: number }> {
  const box = (await canvas(page).boundingBox())!;
  const x = box.x + box.width * xFraction;
  const named = tooltip(page).filter({ hasText: entity });
  for (let y = box.y + 40; y < box.y + box.height - 20; y += 8) {
    await page.mouse.move(x, y, { steps: 2 });
    // The tooltip follows the pointer a frame or two later.
    const shown = await named.waitFor({ state: 'visible', timeout: 250 }).then(
      () => true,
      () => false
    );
    if (shown) return { x, y };
  }
  throw new Error(`no bar of ${entity} found under x=${xFraction}`);
}

test('a bar chart of 2024 mine production: source line, tooltip, save, export SVG and PNG, delete and undo', async ({ app }) => {
  await importSample(app);
  const builder = await openCharts(app);
  await builder.getByLabel('Chart type').selectOption({ label: 'Bar' });
  await builder.getByLabel('Metric').selectOption('mine_production');
  const entities = builder.getByRole('group', { name: 'Entities' });
  for (const country of COUNTRIES) await entities.getByLabel(country, { exact: true }).check();
  await builder.getByRole('group', { name: 'Periods' }).getByLabel('2024', { exact: true }).check();

  // Core's title is shown as the default, and its source line under the chart.
  await expect(builder.getByLabel('Title', { exact: true })).toHaveAttribute('placeholder', /Mine production, 2024/);
  await expect(app.locator('.chart-source')).toHaveText('Source: USGS Mineral Commodity Summaries 2025');
  await expect(canvas(app)).toHaveAttribute('aria-label', /Source: USGS Mineral Commodity Summaries 2025/);
  await expect(app.locator('.chart-stats')).toHaveText('6 figures');
  await expect(app.getByRole('alert')).toHaveCount(0);

  await hoverBar(app, 'China');
  await expect(tooltip(app)).toContainText('270,000 t');
  await expect(tooltip(app)).toContainText('Source: USGS Mineral Commodity Summaries 2025');

  // Entities along the axis, no series, and both periods: core refuses, and says why, next to the builder.
  await builder.getByLabel('Category axis').selectOption('entity');
  await builder.getByRole('group', { name: 'Periods' }).getByRole('button', { name: 'Clear' }).click();
  await expect(app.getByRole('alert')).toContainText('more than one period');
  await builder.getByRole('group', { name: 'Periods' }).getByLabel('2024', { exact: true }).check();
  await expect(app.getByRole('alert')).toHaveCount(0);
  await builder.getByLabel('Category axis').selectOption('auto');

  await app.getByRole('button', { name: 'Save chart' }).click();
  await expect(app).toHaveURL(/#\/charts\/[^/]+$/);
  const saved = app.getByRole('navigation', { name: 'Saved charts' }).getByRole('link', { name: /Mine production, 2024/ });
  await expect(saved).toHaveAttribute('aria-current', 'page');
  // A saved chart travels with the default project until it is filed in another.
  await expect(app.getByLabel('Projects')).toContainText('In no project yet, so in');
  await expect(app.getByLabel('Projects')).toContainText('My project');

  // Export SVG: drawn by core, with the source line.
  await expect(canvas(app)).toBeVisible();
  const [svgDownload] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: 'Export SVG' }).click()]);
  expect(svgDownload.suggestedFilename()).toBe('Mine-production-2024.svg');
  const svg = readFileSync((await svgDownload.path())!, 'utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).toContain('Source: USGS Mineral Commodity Summaries 2025');

  // Export PNG: the canvas at twice its size.
  const [pngDownload] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: 'Export PNG' }).click()]);
  expect(pngDownload.suggestedFilename()).toBe('Mine-production-2024.png');
  const png = readFileSync((await pngDownload.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.length).toBeGreaterThan(5000);

  // Delete, then Undo brings the chart back.
  await app.getByRole('button', { name: 'Delete' }).click();
  await expect(app).toHaveURL(/#\/charts$/);
  await expect(saved).toHaveCount(0);
  await app.locator('.notice').filter({ hasText: 'Deleted the chart' }).getByRole('button', { name: 'Undo' }).click();
  await expect(saved).toBeVisible();
  await expect(app).toHaveURL(/#\/charts\/[^/]+$/);
});

test('a figure from a highlight: hovering its bar shows the quote, clicking opens the passage', async ({ app }) => {
  const library = new LibraryPage(app);
  await library.row(SAMPLE_TITLE).getByRole('link').click();
  const reader = new ReaderPage(app);
  const item = reader.item(QUOTE);
  await item.getByRole('button', { name: 'Figure' }).click();
  const dialog = app.getByRole('dialog', { name: 'Add figure' });
  await dialog.getByLabel('Metric').fill('mine_production');
  await dialog.getByLabel('Entity').fill('China');
  await dialog.getByLabel('Value').fill('270,000');
  await dialog.getByLabel('Unit').fill('t');
  await dialog.getByLabel('Period').fill('2024');
  await dialog.getByRole('button', { name: 'Save figure' }).click();
  await expect(dialog).toBeHidden();

  const builder = await openCharts(app);
  await builder.getByLabel('Metric').selectOption('mine_production');
  await expect(app.locator('.chart-stats')).toHaveText('1 figure');
  const at = await hoverBar(app, 'China');
  await expect(tooltip(app)).toContainText('270,000 t');
  await expect(tooltip(app)).toContainText(QUOTE);

  await app.mouse.click(at.x, at.y);
  await expect(app).toHaveURL(/#\/article\/[^/]+\/highlight\/[^/]+$/);
  await reader.expectTitle(SAMPLE_TITLE);
  await expect(reader.item(QUOTE)).toHaveClass(/\bactive\b/);
});

test('competing values stand side by side and each tooltip names the other source’s value', async ({ app }) => {
  await importSample(app);
  const builder = await openCharts(app);
  await builder.getByLabel('Chart type').selectOption({ label: 'Bar' });
  await builder.getByLabel('Metric').selectOption('mine_production');
  await builder.getByRole('group', { name: 'Entities' }).getByLabel('China', { exact: true }).check();
  await builder.getByRole('group', { name: 'Periods' }).getByLabel('2023', { exact: true }).check();
  await expect(app.locator('.chart-stats')).toHaveText('2 figures · 2 competing');

  // Whichever edition's bar is under the pointer, its tooltip names the other edition's value.
  await hoverBar(app, 'China', 0.3);
  await expect(tooltip(app)).toHaveText(
    /255,000 t.*Also 240,000 t from USGS Mineral Commodity Summaries 2024|240,000 t.*Also 255,000 t from USGS Mineral Commodity Summaries 2025/
  );
});
