// assay import / list / show: getting articles into the library and looking at them.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ARTICLE_SORT_KEYS, type ArticleDetail, type ArticleSortKey, type ArticleSummary, type ImportedArticle } from '../../shared/domain';
import { AssayError, type ErrorPayload } from '../../shared/errors';
import { resolveFromCwd, withLibrary, writeJson, type CliIo, type CommandSpec } from '../cli-context';
import { choiceOption, integerOption, singleOption } from '../cli-options';
import { printable, renderTable, singleLine, truncate } from '../terminal-text';

/** `assay import --json` output. */
export interface ImportReport {
  imported: ImportedArticle[];
  failed: { file: string; error: ErrorPayload }[];
}

/** Why a file given on the command line cannot be read, in words (also used by `figures import`). */
export function fileProblem(error: unknown): AssayError {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return new AssayError('unreadable_file', 'there is no such file.');
    case 'EISDIR':
      return new AssayError('unreadable_file', 'it is a folder, not a file.');
    case 'EACCES':
    case 'EPERM':
      return new AssayError('unreadable_file', 'permission denied.');
    default:
      return new AssayError('unreadable_file', error instanceof Error ? error.message : String(error));
  }
}

function errorPayload(error: unknown): ErrorPayload {
  if (error instanceof AssayError) return error.toPayload();
  return { code: 'internal', message: `Assay hit an unexpected error: ${error instanceof Error ? error.message : String(error)}` };
}

async function readArticleFile(path: string): Promise<Buffer> {
  // Checked before reading so that a stray multi-gigabyte file is refused without loading it.
  const { MAX_IMPORT_BYTES } = await import('../../core/import/import-content');
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    size = stats.size;
  } catch (error) {
    throw fileProblem(error);
  }
  if (size > MAX_IMPORT_BYTES) {
    throw new AssayError(
      'unreadable_file',
      `it is ${Math.round(size / 1024 / 1024)} MB; Assay imports articles up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`
    );
  }
  try {
    return readFileSync(path);
  } catch (error) {
    throw fileProblem(error);
  }
}

export const importCommand: CommandSpec = {
  name: 'import',
  summary: 'import article files (.md, .html, .txt) into the library',
  usage: 'assay import FILE... [--json]',
  options: ['json'],
  args: { min: 1, max: Infinity },
  details: [
    'Each file is imported on its own: a file that fails is reported on stderr and the others',
    'still import; the exit code is 1 if any failed.'
  ],
  run: (context) =>
    withLibrary(context, async ({ dispatcher }) => {
      const { io } = context;
      const report: ImportReport = { imported: [], failed: [] };
      // One file at a time, each in its own transaction: a bad file never stops the others.
      for (const file of context.args) {
        try {
          const path = resolveFromCwd(io, file);
          const bytes = await readArticleFile(path);
          report.imported.push(
            dispatcher.call('articles.importFile', { fileName: basename(path), dataBase64: bytes.toString('base64') })
          );
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
  const total = report.imported.length + report.failed.length;
  if (report.imported.length > 0) {
    io.stdout.write(
      renderTable<ImportedArticle>(
        [
          { header: 'ID', value: (article) => article.id },
          { header: 'TITLE', value: (article) => article.title, maxWidth: 60 },
          { header: 'FILE', value: (article) => article.fileName ?? '' }
        ],
        report.imported
      )
    );
  }
  const summary = `Imported ${report.imported.length} of ${total} ${total === 1 ? 'file' : 'files'}.\n`;
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
