// The CLI in-process: each test gets a fresh library in a temp folder and captured stdout/stderr.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEARCH_MATCH_START } from '../shared/domain';
import type { ImportReport, ShownArticle } from './commands/article-commands';
import type { SearchReport } from './commands/search-command';
import type { CliIo } from './cli-context';
import { PACKAGE_ROOT } from './install-paths';
import { runCli } from './main';
import type { ArticleSummary, Highlight } from '../shared/domain';

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

let folder: string;
let libraryPath: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'assay-cli-'));
  libraryPath = join(folder, 'library.sqlite');
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

async function cli(argv: string[], io: Partial<CliIo> & { tty?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (chunk: string) => (stdout += chunk), isTTY: io.tty ?? false },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    // Never the developer's own ASSAY_LIBRARY.
    env: {},
    cwd: folder,
    ...io
  });
  return { code, stdout, stderr };
}

/** Runs against the test's library. */
function assay(...argv: string[]): Promise<CliRun> {
  return cli(['--library', libraryPath, ...argv]);
}

async function json<T>(...argv: string[]): Promise<T> {
  const run = await assay(...argv, '--json');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as T;
}

function writeFile(name: string, content: string | Buffer): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

async function articleCount(): Promise<number> {
  return (await json<{ total: number }>('list')).total;
}

const MARKDOWN = '# Zirconium futures\n\nZirconium output doubled in 2024, traders said. Prices did not follow.\n';

describe('assay import and list', () => {
  it('imports markdown, HTML and text files and lists them', async () => {
    writeFile('futures.md', MARKDOWN);
    writeFile('page.html', '<html><head><title>Cobalt in Congo</title></head><body><p>Cobalt mines.</p><script>alert(1)</script></body></html>');
    writeFile('notes.txt', 'Graphite anodes\n\nMost graphite is refined in one country.\n');

    const report = await json<ImportReport>('import', 'futures.md', 'page.html', 'notes.txt');
    expect(report.failed).toEqual([]);
    expect(report.imported.map((article) => [article.title, article.fileName])).toEqual([
      ['Zirconium futures', 'futures.md'],
      ['Cobalt in Congo', 'page.html'],
      ['Graphite anodes', 'notes.txt']
    ]);

    const list = await json<{ items: ArticleSummary[]; total: number }>('list');
    // The new library was seeded with the sample article.
    expect(list.total).toBe(4);
    expect(list.items.map((item) => item.id)).toEqual(expect.arrayContaining(report.imported.map((article) => article.id)));
  });

  it('prints an aligned table for people', async () => {
    writeFile('futures.md', MARKDOWN);
    await assay('import', 'futures.md');
    const { stdout, code } = await assay('list', '--sort', 'title');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+ADDED\s+PUBLISHED\s+HL\s+TITLE\s+TAGS$/);
    const titleColumn = lines[0].indexOf('TITLE');
    expect(lines.slice(1).map((line) => line.slice(titleColumn, titleColumn + 3))).toEqual(['Who', 'Zir']);
  });

  it('filters by tag and limits', async () => {
    writeFile('futures.md', MARKDOWN);
    await assay('import', 'futures.md');
    const tagged = await json<{ items: ArticleSummary[]; total: number }>('list', '--tag', 'sample');
    expect(tagged.items.map((item) => item.tags)).toEqual([['rare earths', 'sample']]);
    const limited = await json<{ items: ArticleSummary[]; total: number }>('list', '--limit', '1');
    expect([limited.items.length, limited.total]).toEqual([1, 2]);
    expect((await assay('list', '--limit', 'lots')).code).toBe(2);
  });

  it('reports an unsupported file and a binary .txt, imports the rest, and exits non-zero', async () => {
    await articleCount(); // creates the library with its sample article
    writeFile('tool.exe', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]));
    writeFile('binary.txt', Buffer.from([0x68, 0x69, 0x00, 0xff, 0x00, 0x01]));
    const before = await articleCount();

    const failed = await assay('import', 'tool.exe', 'binary.txt', 'missing.md');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('assay: cannot import tool.exe: tool.exe is not a file Assay can import');
    expect(failed.stderr).toContain('assay: cannot import binary.txt: binary.txt looks like a binary file');
    expect(failed.stderr).toContain('assay: cannot import missing.md: there is no such file.');
    expect(await articleCount()).toBe(before);

    writeFile('futures.md', MARKDOWN);
    const mixed = await assay('import', 'tool.exe', 'futures.md', '--json');
    expect(mixed.code).toBe(1);
    const report = JSON.parse(mixed.stdout) as ImportReport;
    expect(report.imported.map((article) => article.title)).toEqual(['Zirconium futures']);
    expect(report.failed).toEqual([{ file: 'tool.exe', error: { code: 'unsupported_format', message: expect.stringContaining('tool.exe') } }]);
    expect(await articleCount()).toBe(before + 1);
  });

  it('imports the files of a folder and its subfolders, and skips what it cannot import', async () => {
    mkdirSync(join(folder, 'articles', 'more'), { recursive: true });
    writeFile('articles/futures.md', MARKDOWN);
    writeFile('articles/more/notes.txt', 'Graphite anodes\n\nMost graphite is refined in one country.\n');
    writeFile('articles/photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFile('articles/.hidden.md', '# Hidden\n');
    const report = await json<ImportReport>('import', 'articles');
    expect(report.imported.map((article) => article.fileName)).toEqual(['futures.md', 'notes.txt']);
    expect(report.failed).toEqual([]);
  });
});

describe('assay show', () => {
  it('gives metadata, text and highlights with their selectors and anchoring state', async () => {
    const [sample] = (await json<{ items: ArticleSummary[] }>('list')).items;
    const article = await json<ShownArticle>('show', sample.id);
    expect(article).toMatchObject({ id: sample.id, title: sample.title, author: 'Mara Lindqvist', origin: { format: 'markdown' } });
    expect(article).not.toHaveProperty('doc');
    expect(article.text).toContain('rare-earth');
    expect(article.highlights).toHaveLength(5);
    const [first] = article.highlights;
    expect(first.quote).toMatchObject({ type: 'TextQuoteSelector', exact: expect.any(String), prefix: expect.any(String) });
    expect(first.position.type).toBe('TextPositionSelector');
    expect(article.text.slice(first.position.start, first.position.end)).toBe(first.quote.exact);
    expect(first.anchorState).toBe('anchored');

    const human = await assay('show', sample.id);
    expect(human.stdout).toContain('── Highlights ──');
    expect(human.stdout).toMatch(/1\. \w+ · anchored · characters \d+–\d+/);
  });

  it('says when there is no such article', async () => {
    const run = await assay('show', 'no-such-id');
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe('assay: There is no article with id no-such-id.\n');
  });
});

describe('assay search', () => {
  it('finds an imported article by a word, with markers in JSON and brackets in piped output', async () => {
    writeFile('futures.md', MARKDOWN);
    const [imported] = (await json<ImportReport>('import', 'futures.md')).imported;

    const report = await json<SearchReport>('search', 'zirconium');
    expect(report.query).toBe('zirconium');
    expect(report.hits[0]).toMatchObject({ articleId: imported.id, title: 'Zirconium futures', matchedIn: 'article' });
    expect(report.hits[0].snippet).toContain(`${SEARCH_MATCH_START}Zirconium`);

    const piped = await assay('search', 'zirconium');
    expect(piped.stdout).toContain('[Zirconium] output doubled');
    expect(piped.stdout).not.toContain('\u001b[');
  });

  it('makes matches bold on a terminal', async () => {
    writeFile('futures.md', MARKDOWN);
    await assay('import', 'futures.md');
    const terminal = await cli(['--library', libraryPath, 'search', 'doubled'], { tty: true });
    expect(terminal.stdout).toContain('\u001b[1mdoubled\u001b[22m');
  });

  it('says when nothing matches', async () => {
    const run = await assay('search', 'xylophone');
    expect(run).toMatchObject({ code: 0, stdout: 'Nothing matches "xylophone".\n' });
  });
});

describe('assay highlight', () => {
  async function importFutures(): Promise<string> {
    writeFile('futures.md', MARKDOWN);
    return (await json<ImportReport>('import', 'futures.md')).imported[0].id;
  }

  it('highlights a quote that occurs once, with note and colour', async () => {
    const id = await importFutures();
    const highlight = await json<Highlight>('highlight', id, '--quote', 'output doubled in 2024', '--note', 'Check USGS', '--color', 'green');
    expect(highlight).toMatchObject({
      articleId: id,
      color: 'green',
      note: 'Check USGS',
      anchorState: 'anchored',
      quote: { type: 'TextQuoteSelector', exact: 'output doubled in 2024' }
    });
    const article = await json<ShownArticle>('show', id);
    expect(article.highlights.map((item) => item.id)).toEqual([highlight.id]);
  });

  it('refuses an ambiguous or missing quote with a message and exit code 1', async () => {
    const id = await importFutures();
    const ambiguous = await assay('highlight', id, '--quote', 'Zirconium');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/^assay: The quote “Zirconium” occurs 2 times in the article/);

    const missing = await assay('highlight', id, '--quote', 'hafnium');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('assay: The quote “hafnium” does not occur in the article.\n');
    expect((await json<ShownArticle>('show', id)).highlights).toEqual([]);
  });

  it('treats a missing --quote or an unknown colour as a usage error', async () => {
    const id = await importFutures();
    expect((await assay('highlight', id)).code).toBe(2);
    const colour = await assay('highlight', id, '--quote', 'Prices', '--color', 'orange');
    expect(colour.code).toBe(2);
    expect(colour.stderr).toContain('--color must be one of yellow, green, blue, pink, purple');
  });
});

describe('usage', () => {
  it('answers an unknown command with the usage and exit code 2', async () => {
    const run = await assay('frobnicate');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('assay: unknown command "frobnicate".');
    expect(run.stderr).toContain('Usage: assay COMMAND [options]');
  });

  it('rejects unknown options, options of other commands and extra arguments', async () => {
    expect((await assay('list', '--frob')).code).toBe(2);
    const foreign = await assay('list', '--quote', 'x');
    expect([foreign.code, foreign.stderr.split('\n')[0]]).toEqual([2, 'assay: list does not take --quote.']);
    expect((await assay('show', 'a', 'b')).code).toBe(2);
    expect((await assay('show')).code).toBe(2);
    expect((await assay('import')).code).toBe(2);
  });

  it('prints help and the version', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('highlight');
    const commandHelp = await cli(['highlight', '--help']);
    expect(commandHelp.stdout).toContain('Usage: assay highlight ID --quote');
    const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect((await cli([])).code).toBe(2);
  });
});

describe('choosing the library', () => {
  it('uses ASSAY_LIBRARY when --library is not given, and --library over it', async () => {
    const fromEnv = join(folder, 'from-env.sqlite');
    writeFile('futures.md', MARKDOWN);
    const imported = await cli(['import', 'futures.md', '--json'], { env: { ASSAY_LIBRARY: fromEnv } });
    expect(imported.code).toBe(0);

    const viaEnv = await cli(['list', '--json'], { env: { ASSAY_LIBRARY: fromEnv } });
    expect(JSON.parse(viaEnv.stdout).total).toBe(2);
    const viaFlag = await cli(['--library', 'other.sqlite', 'list', '--json'], { env: { ASSAY_LIBRARY: fromEnv } });
    expect(JSON.parse(viaFlag.stdout).total).toBe(1);
  });

  it('explains a folder given as the library', async () => {
    const run = await cli(['--library', folder, 'list']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is a folder; give the library file');
  });
});

describe('assay serve', () => {
  function rendererFolder(): string {
    const dir = join(folder, 'renderer');
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>Assay</title></head><body></body></html>');
    return dir;
  }

  it('serves until shut down, then closes the server', async () => {
    let shutDown!: () => void;
    const shutdown = new Promise<void>((resolve) => (shutDown = resolve));
    let stdout = '';
    let announceUrl!: (url: string) => void;
    const printed = new Promise<string>((resolve) => (announceUrl = resolve));
    const exitCode = runCli(['--library', libraryPath, 'serve', '--port', '0'], {
      stdout: {
        write: (chunk: string) => {
          stdout += chunk;
          const match = /Open: (\S+)/.exec(stdout);
          if (match) announceUrl(match[1]);
        }
      },
      stderr: { write: () => true },
      env: {},
      cwd: folder,
      rendererDir: rendererFolder(),
      waitForShutdown: () => shutdown
    });

    const url = await printed;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    expect(stdout).toContain(`Library: ${libraryPath}`);
    const { origin, searchParams } = new URL(url);
    const reply = await fetch(`${origin}/api/library.info`, {
      method: 'POST',
      headers: { 'x-assay-token': searchParams.get('token')!, connection: 'close' },
      body: '{}'
    });
    expect(await reply.json()).toMatchObject({ ok: true, result: { path: libraryPath, articleCount: 1 } });

    shutDown();
    expect(await exitCode).toBe(0);
    await expect(fetch(`${origin}/`)).rejects.toThrow();
  });

  it('says to build first when the renderer is missing', async () => {
    const run = await cli(['--library', libraryPath, 'serve'], { rendererDir: join(folder, 'not-built') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('npm run build');
  });
});
