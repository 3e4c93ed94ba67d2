// `assay import`: every format, folders, duplicates, warnings and refusals, as --json reports them.
import { closeSync, mkdirSync, openSync, writeFileSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stopImportWorker } from '../../core/import/background-import';
import { misdecoded, NEWS_PAGE, reportPdf, wordReport } from '../../core/import/fixtures/corpus';
import { useCliHarness } from '../cli-test-harness';
import type { ImportReport, ShownArticle } from './article-commands';

const cli = useCliHarness();
afterAll(() => stopImportWorker());

const put = (name: string, content: Uint8Array | string) => {
  const path = join(cli.folder(), name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
};

describe('assay import', () => {
  it('imports web pages, PDF, Word, Markdown and text, and reports each file with its status and warnings', async () => {
    put('in/report.pdf', (await reportPdf()).bytes);
    put('in/capacity.docx', wordReport());
    put('in/magnets.html', NEWS_PAGE);
    put('in/notes/graphite.md', `# Graphite\n\nLe café.\n\n${misdecoded('China’s output.', 'windows-1252')}\n`);
    put('in/notes/picture.jpg', 'not imported');
    put('copy.html', NEWS_PAGE);
    put('broken.docx', 'not a zip');

    const run = await cli.assay('import', 'in', 'copy.html', 'broken.docx', '--json');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('assay: cannot import broken.docx: broken.docx is not a Word document: a .docx file is a zip archive, and this one is not.\n');
    const report = JSON.parse(run.stdout) as ImportReport;
    expect(report.imported.map((article) => [article.fileName, article.status, article.title])).toEqual([
      ['capacity.docx', 'imported', 'Separation capacity outside China'],
      ['magnets.html', 'imported', 'Magnet makers race to secure oxides'],
      ['graphite.md', 'imported', 'Graphite'],
      ['report.pdf', 'imported', 'Rare Earths in 2024: Supply, Refining and Policy']
    ]);
    expect(report.imported[2].warnings).toEqual([
      expect.objectContaining({ kind: 'mojibake', message: expect.stringContaining('graphite.md'), excerpt: expect.stringContaining('Chinaâ€™s') })
    ]);
    expect(report.duplicates).toEqual([
      { id: report.imported[1].id, title: 'Magnet makers race to secure oxides', fileName: 'copy.html', status: 'duplicate', duplicateOf: report.imported[1].id, warnings: [] }
    ]);
    expect(report.failed).toEqual([{ file: 'broken.docx', error: { code: 'unreadable_file', message: expect.stringContaining('is not a Word document') } }]);

    const pdf = await cli.json<ShownArticle>('show', report.imported[3].id);
    expect(pdf.origin).toMatchObject({ format: 'pdf', fileName: 'report.pdf' });
    expect(pdf.origin.pages?.map((page) => page.page)).toEqual([1, 2, 3]);
  });

  it('prints a table with each status and the warnings for people', async () => {
    put('graphite.md', `# Graphite\n\nLe café.\n\n${misdecoded('China’s output.', 'windows-1252')}\n`);
    put('again.md', `# Graphite\n\nLe café.\n\n${misdecoded('China’s output.', 'windows-1252')}\n`);
    const run = await cli.assay('import', 'graphite.md', 'again.md');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ID\s+STATUS\s+TITLE\s+FILE$/m);
    expect(run.stdout).toMatch(/imported, 1 warning\(s\)\s+Graphite\s+graphite\.md/);
    expect(run.stdout).toMatch(/duplicate, 1 warning\(s\)\s+Graphite\s+again\.md/);
    expect(run.stdout).toContain('Imported 1 of 2 files (1 already in the library, skipped).');
    expect(run.stderr).toContain('assay: warning: One passage looks mis-decoded in graphite.md');
    expect(run.stderr).toContain('  “Graphite Le café. Chinaâ€™s output.”');
  });

  it('refuses a 200 MB file by its size, without reading it', async () => {
    // A sparse file: 200 MB long, no data written.
    const path = join(cli.folder(), 'huge.pdf');
    const descriptor = openSync(path, 'w');
    ftruncateSync(descriptor, 200 * 1024 * 1024);
    closeSync(descriptor);
    const run = await cli.assay('import', 'huge.pdf');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('assay: cannot import huge.pdf: it is 200 MB; Assay imports files up to 50 MB.');
  });
});
