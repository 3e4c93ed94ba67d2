// Page model of the figures view: the virtualised table, the detail pane, the CSV import dialog
// and the competing-values panel.
import { expect, type Locator, type Page } from '@playwright/test';

export class FiguresPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Figures' }).click();
    await expect(this.grid).toBeVisible();
  }

  get grid(): Locator {
    return this.page.getByRole('grid', { name: 'Figures' });
  }

  /** Rows of figures (the header row has no figure id). */
  get rows(): Locator {
    return this.grid.locator('[role="row"][data-figure-id]');
  }

  get count(): Locator {
    return this.page.locator('.figure-count');
  }

  cell(text: string): Locator {
    return this.page.getByRole('gridcell', { name: text, exact: true });
  }

  row(entity: string, metric: string, period: string): Locator {
    return this.rows.filter({ has: this.cell(entity) }).filter({ has: this.cell(metric) }).filter({ has: this.cell(period) });
  }

  valueCell(row: Locator): Locator {
    return row.locator('.cell-value');
  }

  get detail(): Locator {
    return this.page.getByRole('complementary', { name: 'Figure' });
  }

  async importCsv(file: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Import CSV…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Import figures from CSV' });
    await dialog.getByLabel('CSV file').setInputFiles(file);
    await expect(dialog.getByLabel('Column for Metric')).toBeVisible();
    return dialog;
  }

  async showCompeting(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Competing values', exact: true }).click();
    const panel = this.page.getByRole('region', { name: 'Competing values' });
    await expect(panel).toBeVisible();
    return panel;
  }

  async showTable(): Promise<void> {
    await this.page.getByRole('button', { name: 'Table', exact: true }).click();
    await expect(this.grid).toBeVisible();
  }
}
