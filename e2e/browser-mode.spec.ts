// The app as an analyst uses it, in browser mode (the same renderer and contract as the desktop app).
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library-page';
import { ReaderPage } from './pages/reader-page';

const SAMPLE_TITLE = 'Who really controls rare earths? Mines, refineries and magnets';

const ARTICLE = `Cobalt and the copper belt

The Democratic Republic of the Congo mined about 170,000 tonnes of cobalt in 2023, roughly three quarters of world supply.

Refining happens mostly elsewhere, and the report says so only in passing.`;

test('a new library opens on the sample project', async ({ app }) => {
  const library = new LibraryPage(app);
  await expect(library.row(SAMPLE_TITLE)).toBeVisible();
  await expect(library.row(SAMPLE_TITLE).locator('td.number')).toHaveText('5');
  await library.row(SAMPLE_TITLE).getByRole('link').click();
  const reader = new ReaderPage(app);
  await reader.expectTitle(SAMPLE_TITLE);
  await expect(reader.items).toHaveCount(5);
  // Overlapping sample highlights are both drawn.
  const drawn = Object.values(await reader.drawnHighlights());
  expect(drawn).toContain('a world total of roughly 390,000 tons');
  expect(drawn.some((text) => text.startsWith('Chinese mines produced an estimated 270,000 tons'))).toBe(true);
});

test('add an article, highlight with a note, reload: the highlight is still there', async ({ app }) => {
  const library = new LibraryPage(app);
  await library.pasteArticle({ content: ARTICLE, publisher: 'Field notes', tags: 'cobalt' });
  const reader = new ReaderPage(app);
  await reader.expectTitle('Cobalt and the copper belt');

  await reader.highlight('about 170,000 tonnes of cobalt in 2023', 'green', 'Compare with USGS cobalt chapter');
  await reader.highlight('roughly three quarters of world supply', 'pink');
  await expect(reader.items).toHaveCount(2);

  await app.reload();
  await reader.expectTitle('Cobalt and the copper belt');
  await expect(reader.items).toHaveCount(2);
  await expect(reader.item('about 170,000 tonnes').getByLabel('Note')).toHaveValue('Compare with USGS cobalt chapter');
  const drawn = Object.values(await reader.drawnHighlights());
  expect(drawn.sort()).toEqual(['about 170,000 tonnes of cobalt in 2023', 'roughly three quarters of world supply']);

  await library.open();
  await expect(library.row('Cobalt and the copper belt').locator('td.number')).toHaveText('2');
});

test('search finds an article by a word of a highlight note and opens it at the highlight', async ({ app }) => {
  const library = new LibraryPage(app);
  await library.pasteArticle({ content: ARTICLE });
  const reader = new ReaderPage(app);
  await reader.highlight('Refining happens mostly elsewhere', 'blue', 'Where exactly? Ask about Kokkola');
  await library.open();

  const results = await library.search('kokkola');
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results.getByRole('listitem')).toContainText('in a note');
  await expect(results.locator('mark')).toHaveText('Kokkola');
  await results.getByRole('link', { name: 'Cobalt and the copper belt' }).click();
  await expect(reader.item('Refining happens mostly elsewhere')).toHaveClass(/active/);

  // Search as you type: a prefix of an article word finds it.
  await library.open();
  const typed = await library.search('copp');
  await expect(typed.getByRole('link', { name: 'Cobalt and the copper belt' })).toBeVisible();
});

test('an HTML file with a script and an onerror handler imports with neither running', async ({ app }) => {
  const library = new LibraryPage(app);
  const html = `<!doctype html><html><head><title>Magnet plant opens</title>
    <script>window.__assayPwned = 'script'</script></head>
    <body><h1>Magnet plant opens</h1>
    <p>The plant will make 1,000 t of magnets a year.<img src="x" onerror="window.__assayPwned = 'onerror'"></p>
    <p onmouseover="window.__assayPwned = 'hover'">Hover here.</p>
    <iframe src="https://example.com/"></iframe>
    <img src="https://tracker.example/pixel.gif"></body></html>`;
  await library.importFiles([{ name: 'magnet-plant.html', mimeType: 'text/html', buffer: Buffer.from(html) }]);
  const reader = new ReaderPage(app);
  await reader.expectTitle('Magnet plant opens');
  await expect(reader.text).toContainText('The plant will make 1,000 t of magnets a year.');
  await reader.text.getByText('Hover here.').hover();
  expect(await app.evaluate(() => (window as unknown as { __assayPwned?: string }).__assayPwned)).toBeUndefined();
  await expect(app.locator('.article-text script, .article-text img, .article-text iframe')).toHaveCount(0);
});

test('a file that cannot be read gets a clear message and adds nothing', async ({ app }) => {
  const library = new LibraryPage(app);
  // Count only once the library has loaded (it opens on the sample article), or the count races the first fetch.
  await expect(library.row(SAMPLE_TITLE)).toBeVisible();
  const before = await library.rows.count();
  await library.importFiles([
    { name: 'report.pdf.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\0\0') },
    { name: 'broken.txt', mimeType: 'text/plain', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]) }
  ]);
  const dialog = app.getByRole('dialog', { name: 'Import files' });
  await expect(dialog.getByRole('alert')).toContainText('report.pdf.exe is not a file Assay can import');
  await expect(dialog.getByRole('alert')).toContainText('broken.txt looks like a binary file');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(library.rows).toHaveCount(before);
});

test('deleting a highlight can be undone', async ({ app }) => {
  const library = new LibraryPage(app);
  await library.row(SAMPLE_TITLE).getByRole('link').click();
  const reader = new ReaderPage(app);
  const quote = 'The Bayan Obo deposit in Inner Mongolia alone holds about 40% of known reserves.';
  await reader.item(quote).getByRole('button', { name: 'Delete' }).click();
  await expect(reader.items).toHaveCount(4);
  await app.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(reader.items).toHaveCount(5);
  await expect(reader.item(quote)).toBeVisible();

  // Ctrl+Z outside the text undoes too.
  await reader.item(quote).getByRole('button', { name: 'Delete' }).click();
  await expect(reader.items).toHaveCount(4);
  await app.locator('h1.article-title').click();
  await app.keyboard.press('Control+z');
  await expect(reader.items).toHaveCount(5);
});

test('editing the text keeps highlights on their words and orphans the one whose passage is gone', async ({ app }) => {
  const library = new LibraryPage(app);
  await library.row(SAMPLE_TITLE).getByRole('link').click();
  const reader = new ReaderPage(app);
  await app.getByRole('button', { name: 'Edit text' }).click();

  // Delete the Bayan Obo sentence (a highlight), and type a new sentence before another highlight.
  await reader.select('The Bayan Obo deposit in Inner Mongolia alone holds about 40% of known reserves.');
  await app.keyboard.press('Delete');
  await reader.select('China accounts for nearly 70%');
  await app.keyboard.press('Home');
  await app.keyboard.type('Added by the analyst. ');
  await app.getByRole('button', { name: 'Done editing' }).click();
  await expect(app.getByRole('button', { name: 'Edit text' })).toBeVisible();

  const orphans = app.getByRole('region', { name: 'Orphaned highlights' });
  await expect(orphans.locator('li')).toHaveCount(1);
  await expect(orphans).toContainText('Bayan Obo deposit');
  const drawn = Object.values(await reader.drawnHighlights());
  expect(drawn).toContain('a world total of roughly 390,000 tons');

  // The edit and the re-anchoring were saved.
  await app.reload();
  await expect(reader.text).toContainText('Added by the analyst. China accounts');
  await expect(app.getByRole('region', { name: 'Orphaned highlights' }).locator('li')).toHaveCount(1);
});

test('the library sorts by column and filters by tag', async ({ app }) => {
  const library = new LibraryPage(app);
  await library.pasteArticle({ content: 'Zinc notes\n\nSome text.', tags: 'metals' });
  await library.open();
  await library.pasteArticle({ content: 'Antimony notes\n\nMore text.', tags: 'metals, critical' });
  await library.open();

  await app.getByRole('button', { name: 'Title' }).click();
  await expect(library.rows.first()).toContainText('Antimony notes');
  await app.getByRole('button', { name: /^Title/ }).click();
  await expect(library.rows.first()).toContainText('Zinc notes');

  await app.getByLabel('Filter by tag').selectOption('critical');
  await expect(library.rows).toHaveCount(1);
  await expect(library.rows.first()).toContainText('Antimony notes');
});
