// npm run bench [-- --small] [--only id,id…] [--skip id,id…] [--seed N] [--keep] [--out FILE]
//
// Generates (or reuses) the synthetic library, copies it so that nothing measured can change the
// cached file, runs each benchmark group through Assay and against its bare baseline, prints the
// table and writes bench/results.json. Misses are reported, not failures: the exit code is non-zero
// only when a group could not run. See docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSession, type BenchContext, type BenchGroup } from './context';
import { DEFAULT_SEED, ensureLibrary, SIZES } from './generate-library';
import { markdownTable, type RowResult } from './measure';
import { bulkImportGroup } from './rows/bulk-import';
import { chartOptionGroup } from './rows/chart-option';
import { highlightCreateGroup } from './rows/highlight-create';
import { NOT_YET_BUILT } from './rows/not-yet-built';
import { openListGroup } from './rows/open-list';
import { printPdfGroup } from './rows/print-pdf';
import { projectFilesGroup } from './rows/project-files';
import { reanchorGroup } from './rows/reanchor';
import { rendererGroup } from './rows/renderer';
import { rendererChartsGroup } from './rows/renderer-charts';
import { rendererFiguresGroup } from './rows/renderer-figures';
import { searchGroup } from './rows/search';

// Order matters: read-only groups first, then the ones that add rows to the work copy.
const GROUPS: BenchGroup[] = [openListGroup, searchGroup, reanchorGroup, chartOptionGroup, highlightCreateGroup, bulkImportGroup, projectFilesGroup, printPdfGroup, rendererGroup, rendererChartsGroup, rendererFiguresGroup];

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const PROJECT_ROOT = resolve(BENCH_DIR, '..');

interface Options {
  small: boolean;
  only: string[] | null;
  skip: string[];
  seed: number;
  keep: boolean;
  out: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { small: false, only: null, skip: [], seed: DEFAULT_SEED, keep: false, out: join(BENCH_DIR, 'results.json') };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--small') options.small = true;
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--only') options.only = value().split(',');
    else if (arg === '--skip') options.skip = value().split(',');
    else if (arg === '--seed') options.seed = Number(value());
    else if (arg === '--out') options.out = resolve(value());
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(
        `usage: npm run bench [-- --small] [--only ${GROUPS.map((group) => group.id).join(',')}] [--skip …] [--seed N] [--keep] [--out FILE]\n`
      );
      process.exit(0);
    } else throw new Error(`unknown option ${arg} (try --help)`);
  }
  if (!Number.isInteger(options.seed)) throw new Error('--seed needs an integer');
  return options;
}

function gitRevision(): string | null {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    return dirty ? `${commit} (src/ has uncommitted changes)` : commit;
  } catch {
    return null;
  }
}

const loadAverageAtStart = loadavg();

function machine() {
  const cpu = cpus();
  return {
    os: `${platform()} ${release()} (${arch()})`,
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    // Other work on the machine skews every figure; the 1-minute load average says how much there was.
    loadAverageAtStart: loadAverageAtStart.map((value) => Number(value.toFixed(2))),
    loadAverageAtEnd: loadavg().map((value) => Number(value.toFixed(2)))
  };
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n`);
    return 2;
  }
  const size = options.small ? SIZES.small : SIZES.full;
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const startedAt = new Date();
  const runStarted = performance.now();

  const { path: cachedPath, manifest, cached } = ensureLibrary({ size, seed: options.seed, log });
  if (cached) log(`Using the cached ${size.name} library ${cachedPath} (generated in ${manifest.generationSeconds.toFixed(1)} s).`);

  const workDir = mkdtempSync(join(tmpdir(), 'assay-bench-'));
  const workPath = join(workDir, 'library.sqlite');
  copyFileSync(cachedPath, workPath);
  const session = createSession(workPath);
  const context: BenchContext = { small: options.small, seed: options.seed, size, manifest, workPath, workDir, projectRoot: PROJECT_ROOT, log, ...session };

  const rows: RowResult[] = [];
  let failures = 0;
  try {
    for (const group of GROUPS) {
      if ((options.only && !options.only.includes(group.id)) || options.skip.includes(group.id)) continue;
      log(`▸ ${group.title}`);
      const started = performance.now();
      try {
        rows.push(...(await group.run(context)));
      } catch (error) {
        failures += 1;
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        log(`  FAILED: ${message}`);
        rows.push({ id: group.id, operation: group.title, status: 'failed', unit: 'ms', targets: [], verdict: 'failed (see the log)', notes: [message] });
      }
      log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
  } finally {
    context.closeSession();
    if (!options.keep) rmSync(workDir, { recursive: true, force: true });
    else log(`Kept the work copy: ${workPath}`);
  }

  for (const entry of NOT_YET_BUILT) {
    rows.push({
      id: entry.id,
      operation: entry.operation,
      status: 'not yet built',
      unit: 'ms',
      targets: entry.target === '—' ? [] : [{ metric: 'p95', unit: 'ms', label: entry.target }],
      verdict: 'not yet built',
      notes: [`Waits for ${entry.waitsFor}.`]
    });
  }

  const info = {
    date: startedAt.toISOString(),
    machine: machine(),
    commit: gitRevision(),
    size: size.name,
    seed: options.seed,
    library: { ...manifest, cached },
    runSeconds: (performance.now() - runStarted) / 1000
  };
  log('');
  log(
    `Assay benchmarks, ${size.name} library (${manifest.articles.toLocaleString('en')} articles, ${manifest.highlights.toLocaleString('en')} highlights, ` +
      `${manifest.evidence.figures.toLocaleString('en')} figures, ${manifest.evidence.claims.toLocaleString('en')} claims, ${manifest.evidence.charts.toLocaleString('en')} charts, seed ${options.seed}) — ` +
      `${info.machine.cpu}, ${info.machine.cores} cores, ${info.machine.os}, Node ${info.machine.node}, ${info.date}, ` +
      `load average ${info.machine.loadAverageAtStart[0]} at start, ${info.machine.loadAverageAtEnd[0]} at end`
  );
  log('');
  log(markdownTable(rows));
  log('');
  for (const row of rows.filter((entry) => entry.status === 'measured' || entry.status === 'failed')) {
    log(`${row.operation}:`);
    for (const note of row.notes) log(`  - ${note}`);
  }
  writeFileSync(options.out, `${JSON.stringify({ ...info, rows }, null, 2)}\n`);
  log('');
  log(`Wrote ${options.out} (run took ${info.runSeconds.toFixed(0)} s).`);
  return failures > 0 ? 1 : 0;
}

process.exitCode = await main();
