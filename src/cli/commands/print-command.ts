// assay print: an annotated article, or a dossier (a project, chosen articles, the whole library),
// as a PDF printed with headless Chromium — the same document the desktop app prints.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import type { Dispatcher } from '../../core/dispatch/dispatcher';
import { AssayError } from '../../shared/errors';
import { VERDICTS, type Verdict } from '../../shared/evidence';
import { PAPER_SIZES } from '../../shared/print';
import { resolveFromCwd, UsageError, withLibrary, writeJson, type CommandSpec } from '../cli-context';
import { choiceOption } from '../cli-options';
import { fileProblem } from '../file-problems';

const FULL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID_PREFIX = /^[0-9a-f-]{4,35}$/i;

/** A full article id from what was typed: the id itself, or the one article whose id starts with it. */
function resolveArticleId(dispatcher: Dispatcher, typed: string): string {
  const given = typed.trim();
  if (FULL_ID.test(given) || !ID_PREFIX.test(given)) return given;
  const matches: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = dispatcher.call('articles.list', { limit: 1000, offset });
    matches.push(...page.items.filter((article) => article.id.toLowerCase().startsWith(given.toLowerCase())).map((article) => article.id));
    if (page.items.length === 0 || offset + page.items.length >= page.total) break;
  }
  if (matches.length > 1) throw new AssayError('invalid_input', `${given} is the start of ${matches.length} article ids; give more of the id.`);
  return matches[0] ?? given;
}

function parseVerdicts(value: string | undefined): Verdict[] | null {
  if (value === undefined) return null;
  const words = value
    .split(',')
    .map((word) => word.trim().toLowerCase().replace(/[\s-]+/g, '_'))
    .filter(Boolean);
  if (words.length === 0) throw new UsageError('--verdicts needs at least one verdict.');
  for (const word of words) {
    if (!(VERDICTS as readonly string[]).includes(word)) {
      throw new UsageError(`--verdicts: "${word}" is not a verdict; use ${VERDICTS.join(', ')}.`);
    }
  }
  return [...new Set(words)] as Verdict[];
}

function writeOutput(path: string, data: Uint8Array | string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  } catch (error) {
    throw new AssayError('unreadable_file', `cannot write ${path}: ${fileProblem(error).message}`);
  }
}

export const printCommand: CommandSpec = {
  name: 'print',
  summary: 'print an annotated article, or a project dossier, to PDF',
  usage: 'assay print [ARTICLE_ID…] [--project ID] -o FILE.pdf [--paper a4|letter] [--no-notes] [--verdicts V,V…] [--greyscale] [--json]',
  options: ['json', 'output', 'project', 'paper', 'no-notes', 'verdicts', 'greyscale'],
  args: { min: 0, max: 1000 },
  details: [
    'One ARTICLE_ID prints that article: its source details, the text with each highlight in its colour',
    'and numbered, the notes in the margin beside their passage, each claim with its verdict and',
    'rationale under its passage, and the figures linked to it.',
    'Several ARTICLE_IDs, or --project ID, print a dossier: a cover with the claims counted by verdict,',
    'contents, every article, the charts (project dossiers), and an appendix of every figure with its',
    'quote, article and page. With neither, the dossier holds the whole library.',
    '',
    '-o FILE.pdf        where to write the PDF (FILE.html writes the print document instead)',
    `--paper P          ${PAPER_SIZES.join(' or ')} (default a4)`,
    '--no-notes         leave the highlight notes out',
    `--verdicts V,V     only claims with these verdicts (${VERDICTS.join(', ')})`,
    '--greyscale        tell highlights apart without colour too (underline styles)',
    '',
    'The highlights are also PDF highlight annotations carrying their notes, and the PDF has an',
    'outline. Printing uses Chromium or Google Chrome: set ASSAY_CHROMIUM if it is not found.'
  ],
  run: async (context) => {
    const { options, args, io } = context;
    const output = options.output;
    if (output === undefined || output.trim() === '') throw new UsageError('print needs -o FILE.pdf (where to write).');
    if (options.project !== undefined && args.length > 0) throw new UsageError('give either ARTICLE_IDs or --project, not both.');
    const path = resolveFromCwd(io, output);
    const printOptions = {
      paper: choiceOption(options.paper, 'paper', PAPER_SIZES) ?? 'a4',
      notes: !options['no-notes'],
      verdicts: parseVerdicts(options.verdicts),
      greyscale: Boolean(options.greyscale)
    };
    return withLibrary(context, async ({ dispatcher }) => {
      const ids = args.map((typed) => resolveArticleId(dispatcher, typed));
      const scope =
        options.project !== undefined
          ? { projectId: options.project }
          : ids.length === 1
            ? { articleId: ids[0] }
            : ids.length > 1
              ? { articleIds: ids }
              : {};
      const job = dispatcher.call('print.document', { ...scope, options: printOptions });
      if (extname(path).toLowerCase() === '.html' || extname(path).toLowerCase() === '.htm') {
        writeOutput(path, job.html);
        if (options.json) writeJson(io, { path, title: job.title, format: 'html' });
        else io.stdout.write(`Wrote the print document “${job.title}” to ${path}.\n`);
        return 0;
      }
      const printed = await dispatcher.callAsync('print.pdf', job);
      writeOutput(path, Buffer.from(printed.pdfBase64, 'base64'));
      if (options.json) {
        writeJson(io, { path, title: job.title, pageCount: printed.pageCount, annotationCount: printed.annotationCount });
      } else {
        io.stdout.write(
          `Printed “${job.title}” to ${path}: ${printed.pageCount} page${printed.pageCount === 1 ? '' : 's'}, ` +
            `${printed.annotationCount} highlight annotation${printed.annotationCount === 1 ? '' : 's'}.\n`
        );
      }
      return 0;
    });
  }
};
