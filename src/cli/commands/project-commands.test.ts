// assay project … and assay export, in-process against fresh sample libraries.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../core/db/library';
import { createDispatcher } from '../../core/dispatch/dispatcher';
import type { ClaimDetail, Verdict } from '../../shared/evidence';
import type { MergePlan, MergeReport, ProjectFileManifest, ProjectSummary } from '../../shared/projects';
import { useCliHarness } from '../cli-test-harness';

const { assay, json, folder, sampleArticle, writeFile } = useCliHarness();

function setVerdict(path: string, id: string, verdict: Verdict): void {
  const library = openLibrary(path);
  try {
    createDispatcher({ library, appVersion: 'test' }).call('claims.update', { id, verdict });
  } finally {
    library.close();
  }
}

/** Runs against a second library in the same folder (the last --library wins). */
const other = (...argv: string[]) => assay('--library', join(folder(), 'other.sqlite'), ...argv);

describe('assay project', () => {
  it('lists the default project, creates another and imports articles into it', async () => {
    const [initial] = await json<ProjectSummary[]>('project', 'list');
    expect(initial).toMatchObject({ name: 'My project', isDefault: true, articleCount: 1 });
    const created = await json<ProjectSummary>('project', 'create', 'Rare', 'earths');
    expect(created).toMatchObject({ name: 'Rare earths', articleCount: 0 });
    writeFile('note.md', '# Magnets\n\nNeodymium magnets need dysprosium.');
    expect((await assay('import', 'note.md', '--project', created.id)).code).toBe(0);
    const human = await assay('project', 'list');
    expect(human.stdout).toMatch(/My project \(default\)\s+1/);
    expect(human.stdout).toMatch(/Rare earths\s+1/);
    const missing = await assay('import', 'note.md', '--project', 'nope');
    expect(missing.code).toBe(1);
  });

  it('exports a project, previews and merges it elsewhere, and asks for a decision on each conflict', async () => {
    const article = await sampleArticle();
    const highlight = article.highlights[0];
    const claim = await json<ClaimDetail>('claim', 'add', '--highlight', highlight.id, '--verdict', 'accurate');
    const exported = await json<{ path: string; manifest: ProjectFileManifest }>('project', 'export', 'default', '-o', 'shared');
    expect(exported.path).toBe(join(folder(), 'shared.assay'));
    expect(exported.manifest).toMatchObject({ format: 'assay-project', formatVersion: 1, counts: { articles: 1, highlights: 5, claims: 1 } });

    const dryRun = await other('project', 'import', 'shared.assay', '--dry-run');
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toMatch(/would be added/);
    expect(dryRun.stdout).toContain(`+ ${claim.id}`);
    const plan = JSON.parse((await other('project', 'import', 'shared.assay', '--dry-run', '--json')).stdout) as MergePlan;
    expect(plan.summary).toMatchObject({ added: 8, conflicts: 0 });
    const merged = await other('project', 'import', 'shared.assay');
    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(/Merged\. Backup taken first: library-.*-before-merge\.sqlite/);
    expect((await other('project', 'import', 'shared.assay')).stdout).toMatch(/Nothing to merge/);

    // Both sides change the verdict (there is no CLI command for that; the contract does it).
    setVerdict(join(folder(), 'library.sqlite'), claim.id, 'misleading');
    setVerdict(join(folder(), 'other.sqlite'), claim.id, 'inaccurate');
    await assay('project', 'export', 'default', '-o', 'shared.assay');
    const blocked = await other('project', 'import', 'shared.assay');
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain(`! ${claim.id}`);
    expect(blocked.stdout).toMatch(/mine:\s+inaccurate/);
    expect(blocked.stdout).toMatch(/theirs:\s+misleading/);
    expect(blocked.stderr).toMatch(/1 conflict needs a decision; nothing was changed/);
    const resolved = JSON.parse((await other('project', 'import', 'shared.assay', '--resolve', `${claim.id.slice(0, 8)}=theirs`, '--json')).stdout) as MergeReport;
    expect(resolved.kinds.claim.conflicts[0]).toMatchObject({ id: claim.id, resolution: 'theirs' });
    expect(JSON.parse((await other('claim', 'show', claim.id, '--json')).stdout)).toMatchObject({ verdict: 'misleading' });
    const reports = await other('project', 'reports');
    expect(reports.stdout).toMatch(/My project/);
  });

  it('refuses a damaged file with the reason and exit code 1', async () => {
    writeFile('bad.assay', 'PK\u0003\u0004 this is not really a zip');
    const run = await assay('project', 'import', 'bad.assay');
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toMatch(/^assay: The file is not a valid project file: it is not a readable zip archive/);
    expect((await assay('project', 'import', 'missing.assay')).stderr).toMatch(/there is no such file/);
    expect((await assay('project', 'export', 'default')).code).toBe(2);
  });
});

describe('assay export', () => {
  it('writes each open format, a data package as a folder or a zip', async () => {
    const article = await sampleArticle();
    await assay('figure', 'add', '--metric', 'mine_production', '--entity', 'China', '--value', '270,000', '--unit', 't', '--period', '2024', '--highlight', article.highlights[0].id);
    const csv = await json<{ count: number; files: string[] }>('export', '--format', 'csv', '-o', 'out/figures.csv');
    expect(csv).toMatchObject({ count: 1, files: [join(folder(), 'out/figures.csv')] });
    expect(readFileSync(csv.files[0], 'utf8')).toMatch(/^id,metric,entity,value,high,unit,qualifier,period/);

    const pkg = await json<{ files: string[] }>('export', '--format', 'datapackage', '-o', 'pkg');
    expect(pkg.files).toEqual([join(folder(), 'pkg/datapackage.json'), join(folder(), 'pkg/figures.csv')]);
    expect(JSON.parse(readFileSync(pkg.files[0], 'utf8')).resources[0].path).toBe('figures.csv');
    expect((await json<{ files: string[] }>('export', '--format', 'datapackage', '-o', 'pkg.zip')).files).toEqual([join(folder(), 'pkg.zip')]);

    for (const format of ['w3c', 'claimreview', 'csl-json']) {
      const run = await assay('export', '--format', format, '-o', `out/${format}.json`, '--project', 'default');
      expect(run.code).toBe(0);
      expect(existsSync(join(folder(), `out/${format}.json`))).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(folder(), 'out/w3c.json'), 'utf8')).total).toBe(5);
    const wrong = await assay('export', '--format', 'bibtex', '-o', 'x');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--format must be one of csv, datapackage, w3c, claimreview, csl-json/);
    expect((await assay('export', '--format', 'csv')).stderr).toMatch(/export needs -o PATH/);
  });
});
