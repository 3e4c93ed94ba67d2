// Page model of the library view.
import { expect, type Locator, type Page } from '@playwright/test';

export class LibraryPage {
  constructor(readonly page: Page) {}

  get rows(): Locator {
    return this.page.locator('tr.article-row');
  }

  row(title: string): Locator {
    return this.rows.filter({ hasText: title });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
    await expect(this.page.getByRole('table')).toBeVisible();
  }

  async pasteArticle(input: { content: string; title?: string; publisher?: string; tags?: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Add article' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add article' });
    await dialog.getByLabel('Article text or HTML').fill(input.content);
    if (input.title) await dialog.getByLabel('Title (read from the content if empty)').fill(input.title);
    if (input.publisher) await dialog.getByLabel('Publisher').fill(input.publisher);
    if (input.tags) await dialog.getByLabel('Tags (comma-separated)').fill(input.tags);
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  async importFiles(files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
    await this.page.getByRole('button', { name: 'Add article' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add article' });
    await dialog.getByLabel('Open files to import').setInputFiles(files);
  }

  async search(query: string): Promise<Locator> {
    await this.page.getByLabel('Search the library').fill(query);
    const results = this.page.getByRole('list', { name: 'Search results' });
    return results;
  }
}
