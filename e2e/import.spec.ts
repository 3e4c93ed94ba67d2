// Importing documents through the UI: several files at once (one bad, one a duplicate), a whole
// folder, and cancelling a batch. Core parses each file; the page shows progress and a summary.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { NEWS_PAGE, misdecoded, reportPdf, wordReport } from '../src/core/import/fixtures/corpus';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library-page';
import { ReaderPage } from './pages/reader-page';

const MIXED_MOJIBAKE = `Graphite notes\n\nLe café coûte cher.\n\n${misdecoded('China’s anode output rose “sharply” in 2024.', 'windows-1252')}\n`;

async function corpus() {
  const report = await reportPdf();
  return [
    { name: 'rare-earths-2024.pdf', mimeType: 'application/pdf', buffer: Buffer.from(report.bytes) },
    { name: 'capacity.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(wordReport()) },
    { name: 'magnets.html', mimeType: 'text/html', buffer: Buffer.from(NEWS_PAGE) },
    { name: 'zurich-1252.txt', mimeType: 'text/plain', buffer: iconv.encode('Zürich prices – “high”\n\nThe café on the square.\n', 'windows-1252') },
    { name: 'graphite.txt', mimeType: 'text/plain', buffer: Buffer.from(MIXED_MOJIBAKE, 'utf8') },
    { name: 'broken.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\nthis is not really a PDF at all') },
    { name: 'magnets (copy).html', mimeType: 'text/html', buffer: Buffer.from(NEWS_PAGE) }
  ];
}

test('imports several files at once, with progress and a summary of imported, duplicate and failed files', async ({ app }) => {
  const library = new LibraryPage(app);
  const files = await corpus();
  await library.importFiles(files);

  const dialog = app.getByRole('dialog', { name: 'Import files' });
  const progress = dialog.getByRole('progressbar', { name: 'Import progress' });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('aria-valuemax', String(files.length));
  await expect(dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 60_000 });
  await expect(progress).toHaveAttribute('aria-valuenow', String(files.length));

  const imported = dialog.getByRole('region', { name: 'Imported' });
  await expect(imported.getByRole('heading')).toHaveText('Imported (5)');
  for (const title of [
    'Rare Earths in 2024: Supply, Refining and Policy',
    'Separation capacity outside China',
    'Magnet makers race to secure oxides',
    'Zürich prices – “high”',
    'Graphite notes'
  ]) {
    await expect(imported.getByRole('link', { name: title })).toBeVisible();
  }
  const duplicates = dialog.getByRole('region', { name: 'Skipped as duplicates' });
  await expect(duplicates).toContainText('magnets (copy).html: the library already has this text as “Magnet makers race to secure oxides”');
  const failed = dialog.getByRole('region', { name: 'Failed' });
  await expect(failed.getByRole('listitem')).toHaveCount(1);
  await expect(failed).toContainText('broken.pdf is damaged or is not a PDF');

  const warnings = dialog.getByRole('region', { name: 'Warnings' });
  await expect(warnings).toContainText('zurich-1252.txt is not UTF-8');
  await expect(warnings).toContainText('mis-decoded in graphite.txt: “â€™” (probably “’”)');
  await expect(warnings.locator('q.excerpt')).toContainText(['Chinaâ€™s anode output']);

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(library.row('Magnet makers race to secure oxides')).toHaveCount(1);
  await expect(library.row('Magnet makers race to secure oxides')).toContainText('The Metals Ledger');
  await expect(library.row('Magnet makers race to secure oxides')).toContainText('2024-03-05');

  // The PDF reads as paragraphs, without its running header.
  await library.row('Rare Earths in 2024').getByRole('link').click();
  const reader = new ReaderPage(app);
  await reader.expectTitle('Rare Earths in 2024: Supply, Refining and Policy');
  await expect(reader.text).toContainText('approaching ninety percent by most industry estimates');
  await expect(reader.text).not.toContainText('Working Paper 7');
});

test('imports a whole folder, subfolders included, and names what it skipped', async ({ app, browserMode }) => {
  const folder = join(browserMode.folder, 'clippings');
  mkdirSync(join(folder, 'word'), { recursive: true });
  writeFileSync(join(folder, 'magnets.html'), NEWS_PAGE);
  writeFileSync(join(folder, 'word', 'capacity.docx'), wordReport());
  writeFileSync(join(folder, 'notes.md'), '# Antimony\n\nAntimony prices doubled in 2024.\n');
  writeFileSync(join(folder, 'chart.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));

  await app.getByRole('button', { name: 'Add article' }).click();
  await app.getByRole('dialog', { name: 'Add article' }).getByLabel('Open a folder to import').setInputFiles(folder);
  const dialog = app.getByRole('dialog', { name: 'Import files' });
  await expect(dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByRole('region', { name: 'Imported' }).getByRole('heading')).toHaveText('Imported (3)');
  await expect(dialog.getByRole('region', { name: 'Imported' })).toContainText('clippings/word/capacity.docx');
  await expect(dialog).toContainText('Not imported: 1 other file in the folder that Assay cannot read (.png).');
});

test('cancel stops the batch after the current file', async ({ app }) => {
  const library = new LibraryPage(app);
  const notes = Array.from({ length: 12 }, (_, index) => ({
    name: `note-${index + 1}.md`,
    mimeType: 'text/markdown',
    buffer: Buffer.from(`# Note ${index + 1}\n\nTungsten stocks, day ${index + 1}.\n`)
  }));
  await library.importFiles([{ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from((await reportPdf()).bytes) }, ...notes]);
  const dialog = app.getByRole('dialog', { name: 'Import files' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByRole('heading', { name: 'Import cancelled' })).toBeVisible({ timeout: 60_000 });
  const count = Number(await dialog.getByRole('progressbar').getAttribute('aria-valuenow'));
  expect(count).toBeLessThan(13);
  await expect(dialog).toContainText(`Cancelled before ${13 - count} files`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(library.rows.filter({ hasText: /Note \d+/ })).toHaveCount(count - 1);
});
