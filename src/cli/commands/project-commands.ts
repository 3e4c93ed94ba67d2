// assay project list|create|export|import|reports and assay export: projects, .assay project files
// and their merge, and exports to open formats.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AssayError } from '../../shared/errors';
import {
  ENTITY_KINDS,
  EXCHANGE_FORMATS,
  MAX_PROJECT_FILE_BYTES,
  MERGE_RESOLUTIONS,
  type ExchangeExport,
  type MergePlan,
  type MergeReport,
  type MergeResolution,
  type ProjectSummary
} from '../../shared/projects';
import { resolveFromCwd, UsageError, withLibrary, writeJson, type CliIo, type CommandContext, type CommandSpec } from '../cli-context';
import { choiceOption } from '../cli-options';
import { printable, renderTable, singleLine, truncate } from '../terminal-text';
import { fileProblem, readFileUpTo } from '../file-problems';


function requireOutput(context: CommandContext, what: string): string {
  const output = context.options.output;
  if (output === undefined || output.trim() === '') throw new UsageError(`${what} needs -o PATH (where to write).`);
  return resolveFromCwd(context.io, output);
}

function writeOutput(path: string, data: Uint8Array | string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  } catch (error) {
    throw new AssayError('unreadable_file', `cannot write ${path}: ${fileProblem(error).message}`);
  }
}

const projectListCommand: CommandSpec = {
  name: 'project list',
  summary: 'list the projects, with their articles, claims and figures',
  usage: 'assay project list [--json]',
  options: ['json'],
  args: { min: 0, max: 0 },
  run: (context) =>
    withLibrary(context, ({ dispatcher }) => {
      const projects = dispatcher.call('projects.list', {});
      if (context.options.json) {
        writeJson(context.io, projects);
        return 0;
      }
      context.io.stdout.write(
        renderTable<ProjectSummary>(
          [
            { header: 'ID', value: (project) => project.id },
            { header: 'NAME', value: (project) => `${project.name}${project.isDefault ? ' (default)' : ''}`, maxWidth: 50 },
            { header: 'ARTICLES', value: (project) => String(project.articleCount), align: 'right' },
            { header: 'CLAIMS', value: (project) => String(project.claimCount), align: 'right' },
            { header: 'FIGURES', value: (project) => String(project.figureCount), align: 'right' }
          ],
          projects
        )
      );
      return 0;
    })
};

const projectCreateCommand: CommandSpec = {
  name: 'project create',
  summary: 'create a project',
  usage: 'assay project create NAME [--json]',
  options: ['json'],
  args: { min: 1, max: Infinity },
  details: ['Several words are one name, as if quoted. Add articles to it with `assay import --project ID`.'],
  run: (context) =>
    withLibrary(context, ({ dispatcher }) => {
      const project = dispatcher.call('projects.create', { name: context.args.join(' ') });
      if (context.options.json) writeJson(context.io, project);
      else context.io.stdout.write(`Created project “${singleLine(project.name)}”.\nid ${project.id}\n`);
      return 0;
    })
};

/** `default` names the default project; otherwise an id or the start of one. */
function resolveProjectId(projects: ProjectSummary[], typed: string): string {
  if (typed === 'default') return projects.find((project) => project.isDefault)!.id;
  const exact = projects.find((project) => project.id === typed);
  if (exact) return exact.id;
  const matches = projects.filter((project) => project.id.startsWith(typed));
  if (typed.length >= 4 && matches.length === 1) return matches[0].id;
  throw new AssayError('not_found', matches.length > 1 ? `${typed} is the start of several project ids; give more of it.` : `There is no project with id ${typed}.`);
}

const projectExportCommand: CommandSpec = {
  name: 'project export',
  summary: 'export a project to a .assay file',
  usage: 'assay project export ID|default -o FILE.assay [--json]',
  options: ['json', 'output'],
  args: { min: 1, max: 1 },
  details: [
    '-o FILE            the file to write (.assay is added when missing)',
    'On a terminal, a counter on stderr shows the progress of a large export.',
    'JSON: the manifest (counts and content hashes) and the path written.'
  ],
  run: (context) => {
    let path = requireOutput(context, 'project export');
    if (!path.toLowerCase().endsWith('.assay')) path = `${path}.assay`;
    return withLibrary(context, async ({ library, dispatcher }) => {
      const projectId = resolveProjectId(dispatcher.call('projects.list', {}), context.args[0]);
      const { commitExport, prepareExportAsync } = await import('../../core/projects/export-project');
      const { appVersion } = await import('../install-paths');
      const showProgress = Boolean(context.io.stderr.isTTY);
      const phaseLabel = { collect: 'Reading', articles: 'Articles', package: 'Compressing' } as const;
      // The same work as the contract's projects.export (snapshot, serialise, compress, then record
      // the sync bases in one transaction), with a counter.
      const prepared = await prepareExportAsync(library, {
        projectId,
        appVersion: appVersion(),
        onProgress: showProgress
          ? ({ phase, done, total }) =>
              context.io.stderr.write(`\r${phaseLabel[phase]} ${phase === 'package' ? (done === total ? 'done' : '…') : `${done}/${total}`}   `)
          : undefined
      });
      const result = library.db.transaction(() => commitExport(library, prepared))();
      if (showProgress) context.io.stderr.write('\n');
      writeOutput(path, result.bytes);
      if (context.options.json) {
        writeJson(context.io, { path, manifest: result.manifest });
      } else {
        const counts = result.manifest.counts;
        context.io.stdout.write(
          `Exported “${singleLine(result.manifest.projectName)}” to ${path}: ${counts.articles} articles, ${counts.highlights} highlights, ` +
            `${counts.claims} claims, ${counts.figures} figures, ${counts.links} links, ${counts.tombstones} deletions.\n`
        );
      }
      return 0;
    });
  }
};

/** --resolve ID=CHOICE (ID may be shortened, or `all` for every conflict that offers CHOICE). */
function resolutionsFor(plan: MergePlan, given: string[]): Record<string, MergeResolution> {
  const conflicts = ENTITY_KINDS.flatMap((kind) => plan.kinds[kind].conflicts);
  const resolutions: Record<string, MergeResolution> = {};
  let fallback: MergeResolution | undefined;
  for (const entry of given) {
    const match = /^([^=]+)=(.+)$/.exec(entry);
    if (!match) throw new UsageError(`--resolve takes ID=mine|theirs|both, not "${entry}".`);
    const choice = choiceOption(match[2], 'resolve', MERGE_RESOLUTIONS)!;
    if (match[1] === 'all') {
      fallback = choice;
      continue;
    }
    const candidates = conflicts.filter((conflict) => conflict.id === match[1] || conflict.id.startsWith(match[1]));
    if (candidates.length !== 1) {
      throw new UsageError(
        candidates.length === 0 ? `--resolve: ${match[1]} is not a conflict of this merge.` : `--resolve: ${match[1]} is the start of several conflict ids.`
      );
    }
    resolutions[candidates[0].id] = choice;
  }
  if (fallback) {
    for (const conflict of conflicts) if (!resolutions[conflict.id] && conflict.options.includes(fallback)) resolutions[conflict.id] = fallback;
  }
  return resolutions;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return truncate(singleLine(text), 60);
}

function writePlan(io: CliIo, plan: MergePlan | MergeReport, applied: boolean): void {
  const { file, summary } = plan;
  const from = file.exporterName ? ` from ${printable(file.exporterName)}` : '';
  io.stdout.write(
    `Project “${singleLine(file.projectName)}”${from}, exported ${file.exportedAt} by Assay ${printable(file.appVersion)}` +
      `${plan.project.exists ? '' : ' (new here)'}.\n`
  );
  const verb = applied ? '' : 'would be ';
  io.stdout.write(
    `${summary.added} ${verb}added · ${summary.updated} ${verb}updated · ${summary.deleted} ${verb}deleted · ` +
      `${summary.conflicts} conflict${summary.conflicts === 1 ? '' : 's'} · ${summary.rejected} rejected · ${summary.unchanged} unchanged\n`
  );
  for (const kind of ENTITY_KINDS) {
    const part = plan.kinds[kind];
    const lines: string[] = [];
    for (const item of part.added) lines.push(`  + ${item.id}  ${singleLine(item.label)}`);
    for (const item of part.updated) {
      lines.push(`  ~ ${item.id}  ${singleLine(item.label)}${item.note ? ` (${item.note})` : ''}`);
      for (const change of item.changes ?? []) {
        lines.push(`      ${change.field}: ${describeValue(change.mine)} → ${describeValue(change.result)} (${change.rule.replace('_', ' ')})`);
      }
    }
    for (const item of part.deleted) lines.push(`  - ${item.id}  ${singleLine(item.label)}`);
    for (const conflict of part.conflicts) {
      const reason = conflict.reason === 'verdict' ? 'verdicts differ' : conflict.mine ? 'deleted there, edited here' : 'deleted here, edited there';
      const resolution = conflict.resolution ? `, resolved: ${conflict.resolution}` : ` — choose ${conflict.options.join('|')}`;
      lines.push(`  ! ${conflict.id}  ${singleLine(conflict.label)} (${reason}${resolution})`);
      if (conflict.reason === 'verdict') {
        lines.push(`      mine:   ${describeValue(conflict.mine?.verdict)} — ${describeValue(conflict.mine?.rationale)}`);
        lines.push(`      theirs: ${describeValue(conflict.theirs?.verdict)} — ${describeValue(conflict.theirs?.rationale)}`);
      }
      if (conflict.copyId) lines.push(`      their version kept as claim ${conflict.copyId}`);
    }
    if (lines.length > 0) io.stdout.write(`\n── ${kind}s ──\n${lines.join('\n')}\n`);
  }
  if (plan.rejected.length > 0) {
    io.stdout.write('\n── rejected ──\n');
    for (const item of plan.rejected) io.stdout.write(`  × ${item.kind} ${item.id}  ${singleLine(item.label)}: ${singleLine(item.reason)}\n`);
  }
  if (plan.notes.length > 0) io.stdout.write(`\n${plan.notes.map((note) => `Note: ${singleLine(note)}`).join('\n')}\n`);
}

const projectImportCommand: CommandSpec = {
  name: 'project import',
  summary: "merge a teammate's .assay file into the library (preview with --dry-run)",
  usage: 'assay project import FILE.assay [--dry-run] [--resolve ID=mine|theirs|both]... [--json]',
  options: ['json', 'dry-run', 'resolve'],
  args: { min: 1, max: 1 },
  details: [
    '--dry-run          show what the merge would do (added, updated, deleted, conflicts, rejected) and change nothing',
    '--resolve ID=C     settle a conflict: mine (keep ours), theirs (take theirs) or both (claims: keep theirs as a copy)',
    '                   ID may be shortened; all=C settles every conflict that offers C',
    'Without a resolution for every conflict, nothing is changed and the conflicts are listed (exit 1).',
    'The library is backed up before every merge (see the backups folder next to it).',
    'JSON: the merge plan (--dry-run) or the merge report, as the contract returns them.'
  ],
  run: (context) =>
    withLibrary(context, ({ dispatcher }) => {
      const { io, options } = context;
      const path = resolveFromCwd(io, context.args[0]);
      const dataBase64 = readFileUpTo(path, MAX_PROJECT_FILE_BYTES, 'opens project files').toString('base64');
      const fileName = basename(path);
      const plan = dispatcher.call('projects.previewImport', { dataBase64, fileName });
      if (options['dry-run']) {
        if (options.json) writeJson(io, plan);
        else writePlan(io, plan, false);
        return 0;
      }
      const resolutions = resolutionsFor(plan, options.resolve ?? []);
      const open = ENTITY_KINDS.flatMap((kind) => plan.kinds[kind].conflicts).filter((conflict) => !resolutions[conflict.id]);
      if (open.length > 0) {
        if (options.json) writeJson(io, plan);
        else writePlan(io, plan, false);
        throw new AssayError(
          'invalid_input',
          `${open.length} conflict${open.length === 1 ? ' needs' : 's need'} a decision; nothing was changed. ` +
            `Run again with --resolve ID=mine|theirs|both for each (or --resolve all=mine).`
        );
      }
      const report = dispatcher.call('projects.applyImport', { dataBase64, fileName, resolutions });
      if (options.json) {
        writeJson(io, report);
      } else {
        writePlan(io, report, true);
        io.stdout.write(report.stored ? `\nMerged. Backup taken first: ${report.backup ?? 'none'}; report ${report.id}.\n` : '\nNothing to merge: the library already has everything in this file.\n');
      }
      return 0;
    })
};

const projectReportsCommand: CommandSpec = {
  name: 'project reports',
  summary: 'list the merges applied to the library',
  usage: 'assay project reports [--json]',
  options: ['json'],
  args: { min: 0, max: 0 },
  run: (context) =>
    withLibrary(context, ({ dispatcher }) => {
      const reports = dispatcher.call('projects.mergeReports', {});
      if (context.options.json) {
        writeJson(context.io, reports);
        return 0;
      }
      if (reports.length === 0) {
        context.io.stdout.write('No project files have been merged into this library.\n');
        return 0;
      }
      context.io.stdout.write(
        renderTable(
          [
            { header: 'APPLIED', value: (report: (typeof reports)[number]) => report.appliedAt.slice(0, 19).replace('T', ' ') },
            { header: 'PROJECT', value: (report) => report.projectName, maxWidth: 40 },
            { header: 'FILE', value: (report) => report.fileName ?? '', maxWidth: 30 },
            { header: 'ADDED', value: (report) => String(report.summary.added), align: 'right' },
            { header: 'UPDATED', value: (report) => String(report.summary.updated), align: 'right' },
            { header: 'CONFLICTS', value: (report) => String(report.summary.conflicts), align: 'right' },
            { header: 'ID', value: (report) => report.id }
          ],
          reports
        )
      );
      return 0;
    })
};

export const projectCommand: CommandSpec = {
  name: 'project',
  summary: 'projects and .assay project files: list, create, export, import (merge), reports',
  usage: 'assay project list|create|export|import|reports …',
  options: [],
  args: { min: 0, max: Infinity },
  subcommands: [projectListCommand, projectCreateCommand, projectExportCommand, projectImportCommand, projectReportsCommand]
};

async function writeExchange(path: string, result: ExchangeExport): Promise<string[]> {
  if (result.files.length === 1) {
    writeOutput(path, result.files[0].content);
    return [path];
  }
  if (path.toLowerCase().endsWith('.zip')) {
    const { strToU8, zipSync } = await import('fflate');
    const files = Object.fromEntries(result.files.map((file) => [file.path, strToU8(file.content)]));
    writeOutput(path, zipSync(files));
    return [path];
  }
  // A data package is a folder: datapackage.json beside the CSV it describes.
  return result.files.map((file) => {
    const target = join(path, file.path);
    writeOutput(target, file.content);
    return target;
  });
}

export const exportCommand: CommandSpec = {
  name: 'export',
  summary: 'export figures, highlights, claims or article metadata in an open format',
  usage: `assay export --format ${EXCHANGE_FORMATS.join('|')} -o PATH [--project ID] [--json]`,
  options: ['json', 'format', 'output', 'project'],
  args: { min: 0, max: 0 },
  details: [
    '--format csv           figures as CSV (columns named so `assay figures import --map auto` reads them back)',
    '--format datapackage   figures as a Frictionless Data Package: PATH is a folder with datapackage.json and figures.csv,',
    '                       or one zip of both when PATH ends in .zip',
    '--format w3c           highlights as a W3C Web Annotation collection (JSON-LD); verdicts as assessing bodies',
    '--format claimreview   claims as schema.org ClaimReview (JSON-LD)',
    '--format csl-json      article metadata as CSL-JSON, for reference managers',
    '--project ID           only this project (default: the whole library); `default` for the default project'
  ],
  run: (context) => {
    const { io, options } = context;
    if (options.format === undefined) throw new UsageError(`export needs --format ${EXCHANGE_FORMATS.join('|')}.`);
    const format = choiceOption(options.format, 'format', EXCHANGE_FORMATS)!;
    const path = requireOutput(context, 'export');
    return withLibrary(context, async ({ dispatcher }) => {
      const projectId = options.project ? resolveProjectId(dispatcher.call('projects.list', {}), options.project) : null;
      const result = dispatcher.call('exchange.export', { format, projectId });
      const written = await writeExchange(path, result);
      if (options.json) writeJson(io, { format, count: result.count, files: written });
      else io.stdout.write(`Exported ${result.count} ${format === 'w3c' ? 'highlights' : format === 'claimreview' ? 'claims' : format === 'csl-json' ? 'articles' : 'figures'} to ${written.join(', ')}.\n`);
      return 0;
    });
  }
};
