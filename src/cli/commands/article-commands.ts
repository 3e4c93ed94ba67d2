// assay import / list / show: getting articles into the library and looking at them.
import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { ARTICLE_SORT_KEYS, type ArticleDetail, type ArticleSortKey, type ArticleSummary, type ImportedArticle } from '../../shared/domain';
import { AssayError, type ErrorPayload } from '../../shared/errors';
import { readFileUpTo } from '../file-problems';
import { resolveFromCwd, withLibrary, writeJson, type CliIo, type CommandSpec } from '../cli-context';
import { choiceOption, integerOption, singleOption } from '../cli-options';
import { printable, renderTable, singleLine, truncate } from '../terminal-text';

/** `assay import --json` output. */
export interface ImportReport {
  /** Files added as new articles (status "imported"), with their warnings. */
  imported: ImportedArticle[];
  /** Files whose text the library already holds (status "duplicate"); nothing was added for them. */
  duplicates: ImportedArticle[];
  failed: { file: string; error: ErrorPayload }[];
}

function errorPayload(error: unknown): ErrorPayload {
  if (error instanceof AssayError) return error.toPayload();
  return { code: 'internal', message: `Assay hit an unexpected error: ${error instanceof Error ? error.message : String(error)}` };
}

async function readArticleFile(path: string): Promise<Buffer> {
  const { MAX_IMPORT_BYTES } = await import('../../core/import/import-content');
  return readFileUpTo(path, MAX_IMPORT_BYTES, 'imports files');
}

/**
 * The files to import, in order: files as given, and for a folder the importable files in it and
 * its subfolders (hidden ones skipped), sorted by path.
 */
async function expandArguments(io: CliIo, args: string[]): Promise<{ file: string; path: string }[]> {
  const { IMPORTABLE_EXTENSIONS } = await import('../../core/import/import-content');
  const files: { file: string; path: string }[] = [];
  const walk = (folder: string, shown: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      const label = join(shown, entry.name);
      if (entry.isDirectory()) walk(path, label);
      else if (IMPORTABLE_EXTENSIONS.includes(extname(entry.name).toLowerCase())) files.push({ file: label, path });
    }
  };
  for (const file of args) {
    const path = resolveFromCwd(io, file);
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) walk(path, file);
    else files.push({ file, path });
  }
  return files;
}

export const importCommand: CommandSpec = {
  name: 'import',
  summary: 'import articles: web pages, PDF, Word (.docx), Markdown, text; files or folders',
  usage: 'assay import FILE|FOLDER... [--project ID] [--json]',
  options: ['json', 'project'],
  args: { min: 1, max: Infinity },
  details: [
    'Formats: .html .htm .xhtml (saved web pages), .pdf, .docx, .md .markdown, .txt .text.',
    'A folder imports the files of those formats in it and in its subfolders.',
    'Each file is imported on its own: a file that fails is reported on stderr and the others',
    'still import. A file whose text the library already has is skipped as a duplicate (not an',
    'error). Warnings (a guessed encoding, mis-decoded text, PDF pages without text) are printed',
    'on stderr. The exit code is 1 if any file failed.',
    '--project ID: the project the articles join (default: the default project; see `assay project list`).'
  ],
  run: (context) =>
    withLibrary(context, async ({ dispatcher }) => {
      const { io } = context;
      const report: ImportReport = { imported: [], duplicates: [], failed: [] };
      // One file at a time, each in its own transaction: a bad file never stops the others.
      for (const { file, path } of await expandArguments(io, context.args)) {
        try {
          const bytes = await readArticleFile(path);
          // Async: PDF and Word files are parsed in the import worker before the write.
          const outcome = await dispatcher.callAsync('articles.importFile', {
            fileName: basename(path),
            dataBase64: bytes.toString('base64'),
            projectId: context.options.project ?? null
          });
          (outcome.status === 'duplicate' ? report.duplicates : report.imported).push(outcome);
        } catch (error) {
          const payload = errorPayload(error);
          report.failed.push({ file, error: payload });
          io.stderr.write(`assay: cannot import ${file}: ${payload.message}\n`);
        }
      }
      if (context.options.json) writeJson(io, report);
      else writeImportReport(io, report);
      return report.failed.length > 0 ? 1 : 0;
    })
};

function writeImportReport(io: CliIo, report: ImportReport): void {
  const done = [...report.imported, ...report.duplicates];
  const total = done.length + report.failed.length;
  if (done.length > 0) {
    io.stdout.write(
      renderTable<ImportedArticle>(
        [
          { header: 'ID', value: (article) => article.id },
          { header: 'STATUS', value: (article) => (article.warnings.length ? `${article.status}, ${article.warnings.length} warning(s)` : article.status) },
          { header: 'TITLE', value: (article) => article.title, maxWidth: 60 },
          { header: 'FILE', value: (article) => article.fileName ?? '' }
        ],
        done
      )
    );
  }
  for (const article of done) {
    for (const warning of article.warnings) {
      io.stderr.write(`assay: warning: ${printable(warning.message)}\n`);
      if (warning.excerpt) io.stderr.write(`  “${singleLine(warning.excerpt)}”\n`);
    }
  }
  const duplicates = report.duplicates.length ? ` (${report.duplicates.length} already in the library, skipped)` : '';
  const summary = `Imported ${report.imported.length} of ${total} ${total === 1 ? 'file' : 'files'}${duplicates}.\n`;
  if (report.failed.length > 0) io.stderr.write(`assay: ${summary}`);
  else io.stdout.write(summary);
}

// Titles and sources read best A→Z; dates and counts newest or largest first.
const NATURAL_DIRECTION: Record<ArticleSortKey, 'asc' | 'desc'> = {
  added: 'desc',
  title: 'asc',
  published: 'desc',
  source: 'asc',
  highlights: 'desc'
};

export const listCommand: CommandSpec = {
  name: 'list',
  summary: 'list the articles in the library',
  usage: `assay list [--sort ${ARTICLE_SORT_KEYS.join('|')}] [--direction asc|desc] [--tag NAME] [--limit N] [--json]`,
  options: ['json', 'sort', 'direction', 'tag', 'limit'],
  args: { min: 0, max: 0 },
  details: [
    '--sort KEY         added (default), title, published, source or highlights',
    '--direction D      asc or desc (default: A→Z for title and source, newest/most first otherwise)',
    '--tag NAME         only articles with this tag',
    '--limit N          at most N articles, 1–1000 (default 200)'
  ],
  run: (context) => {
    const { options, io } = context;
    const sort = choiceOption(options.sort, 'sort', ARTICLE_SORT_KEYS) ?? 'added';
    const direction = choiceOption(options.direction, 'direction', ['asc', 'desc'] as const) ?? NATURAL_DIRECTION[sort];
    const limit = integerOption(options.limit, 'limit', 1, 1000) ?? 200;
    const tag = singleOption(options.tag, 'tag');
    return withLibrary(context, ({ dispatcher }) => {
      const page = dispatcher.call('articles.list', { sort, direction, tag: tag ?? null, limit });
      if (options.json) writeJson(io, page);
      else writeArticleTable(io, page.items, page.total, tag);
      return 0;
    });
  }
};

function writeArticleTable(io: CliIo, items: ArticleSummary[], total: number, tag: string | undefined): void {
  if (items.length === 0) {
    io.stdout.write(tag ? `No articles are tagged "${printable(tag)}".\n` : 'The library has no articles yet.\n');
    return;
  }
  io.stdout.write(
    renderTable<ArticleSummary>(
      [
        { header: 'ID', value: (article) => article.id },
        { header: 'ADDED', value: (article) => article.addedAt.slice(0, 10) },
        { header: 'PUBLISHED', value: (article) => article.publishedAt ?? '' },
        { header: 'HL', value: (article) => String(article.highlightCount), align: 'right' },
        { header: 'TITLE', value: (article) => article.title, maxWidth: 60 },
        { header: 'TAGS', value: (article) => article.tags.join(', '), maxWidth: 40 }
      ],
      items
    )
  );
  if (items.length < total) io.stdout.write(`${items.length} of ${total} articles (use --limit to see more).\n`);
}

/** `assay show --json` output: the article as the contract returns it, without the editor document. */
export type ShownArticle = Omit<ArticleDetail, 'doc'>;

export const showCommand: CommandSpec = {
  name: 'show',
  summary: "show an article's details, text and highlights",
  usage: 'assay show ID [--json]',
  options: ['json'],
  args: { min: 1, max: 1 },
  run: (context) =>
    withLibrary(context, ({ dispatcher }) => {
      // The ProseMirror document is the editor's internal form; the text is what selectors measure.
      const { doc: _editorDocument, ...article } = dispatcher.call('articles.get', { id: context.args[0] });
      if (context.options.json) writeJson(context.io, article satisfies ShownArticle);
      else writeArticle(context.io, article);
      return 0;
    })
};

function writeArticle(io: CliIo, article: ShownArticle): void {
  const fields: [string, string | null][] = [
    ['Title', article.title],
    ['ID', article.id],
    ['Author', article.author],
    ['Publisher', article.publisher],
    ['Published', article.publishedAt],
    ['URL', article.url],
    ['Tags', article.tags.join(', ') || null],
    ['File', article.origin.fileName ? `${article.origin.fileName} (${article.origin.format})` : article.origin.format],
    ['Added', article.addedAt],
    ['Highlights', String(article.highlights.length)]
  ];
  const labelWidth = Math.max(...fields.map(([label]) => label.length));
  for (const [label, value] of fields) io.stdout.write(`${label.padEnd(labelWidth)}  ${singleLine(value ?? '—')}\n`);

  io.stdout.write(`\n── Text ──\n\n${printable(article.text).trimEnd()}\n`);

  if (article.highlights.length === 0) return;
  io.stdout.write('\n── Highlights ──\n');
  article.highlights.forEach((highlight, index) => {
    const place =
      highlight.anchorState === 'orphaned'
        ? 'no longer found in the text'
        : `characters ${highlight.position.start}–${highlight.position.end}`;
    io.stdout.write(`\n${index + 1}. ${highlight.color} · ${highlight.anchorState} · ${place}\n`);
    io.stdout.write(`   “${truncate(singleLine(highlight.quote.exact), 300)}”\n`);
    if (highlight.note) io.stdout.write(`   Note: ${singleLine(highlight.note)}\n`);
    io.stdout.write(`   id ${highlight.id}\n`);
  });
}
