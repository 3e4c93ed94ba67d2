// Projects, export, import and merge between libraries, backups.
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createTemporaryLibrary, libraryFingerprint, type TemporaryLibrary } from '../testing/temporary-library';
import { BACKUPS_KEPT } from './backups';
import { DISPUTED_COPY_TAG } from './merge';
import { entryHashes, normalisedDump, seedProject } from './project-fixtures';

const libraries: TemporaryLibrary[] = [];
afterEach(() => libraries.splice(0).forEach((library) => library.dispose()));
function makeLibrary(): TemporaryLibrary {
  const library = createTemporaryLibrary();
  libraries.push(library);
  return library;
}

describe('projects', () => {
  it('has a default project that new articles land in, unless another is picked', () => {
    const t = makeLibrary();
    const [defaultProject] = t.dispatcher.call('projects.list', {});
    expect(defaultProject).toMatchObject({ isDefault: true, articleCount: 0 });
    t.dispatcher.call('articles.create', { content: 'Loose article.', format: 'text', title: 'Loose' });
    const other = t.dispatcher.call('projects.create', { name: '  Magnets  ' });
    expect(other).toMatchObject({ name: 'Magnets', isDefault: false, articleCount: 0 });
    const placed = t.dispatcher.call('articles.create', { content: 'Placed article.', format: 'text', title: 'Placed', projectId: other.id });
    const imported = t.dispatcher.call('articles.importFile', {
      fileName: 'notes.md',
      dataBase64: Buffer.from('# Notes\n\nA note on magnets.').toString('base64'),
      projectId: other.id
    });
    const counts = () => Object.fromEntries(t.dispatcher.call('projects.list', {}).map((project) => [project.name, project.articleCount]));
    expect(counts()).toEqual({ 'My project': 1, Magnets: 2 });

    // An article can be in several projects; one left in none goes back to the default project.
    t.dispatcher.call('projects.addArticles', { projectId: defaultProject.id, articleIds: [placed.id] });
    expect(counts()).toEqual({ 'My project': 2, Magnets: 2 });
    t.dispatcher.call('projects.removeArticles', { projectId: other.id, articleIds: [placed.id, imported.id] });
    expect(counts()).toEqual({ 'My project': 3, Magnets: 0 });
    expect(t.dispatcher.invoke('articles.create', { content: 'x', format: 'text', projectId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'There is no project with id nope.' }
    });
    expect(t.dispatcher.call('projects.rename', { id: other.id, name: 'Permanent magnets' }).name).toBe('Permanent magnets');
  });

  it('counts claims and figures through articles, and typed-in ones explicitly or in the default project', () => {
    const t = makeLibrary();
    const seeded = seedProject(t.dispatcher);
    const byName = () => Object.fromEntries(t.dispatcher.call('projects.list', {}).map((project) => [project.name, project]));
    // The cited (typed-in) figure belongs to no project explicitly, so to the default one.
    expect(byName()['Rare earths']).toMatchObject({ articleCount: 2, claimCount: 2, figureCount: 2 });
    expect(byName()['My project']).toMatchObject({ articleCount: 0, claimCount: 0, figureCount: 1 });
    t.dispatcher.call('projects.addItems', { projectId: seeded.projectId, items: [{ kind: 'figure', id: seeded.figureIds[2] }] });
    expect(byName()['Rare earths'].figureCount).toBe(3);
    expect(byName()['My project'].figureCount).toBe(0);
  });

  it('says which projects an item is in and why; an item taken out of every project goes back to the default one', () => {
    const t = makeLibrary();
    const seeded = seedProject(t.dispatcher);
    const typedIn = seeded.figureIds[2];
    expect(t.dispatcher.call('projects.ofItem', { kind: 'figure', id: typedIn })).toMatchObject({
      via: 'default',
      projects: [{ name: 'My project', isDefault: true }]
    });
    // A figure from a highlight is where its article is.
    expect(t.dispatcher.call('projects.ofItem', { kind: 'figure', id: seeded.figureIds[0] })).toMatchObject({
      via: 'article',
      projects: [{ id: seeded.projectId, name: 'Rare earths' }]
    });
    t.dispatcher.call('projects.addItems', { projectId: seeded.projectId, items: [{ kind: 'figure', id: typedIn }] });
    expect(t.dispatcher.call('projects.ofItem', { kind: 'figure', id: typedIn })).toMatchObject({ via: 'explicit', projects: [{ name: 'Rare earths' }] });
    const after = t.dispatcher.call('projects.removeItems', { projectId: seeded.projectId, items: [{ kind: 'figure', id: typedIn }] });
    expect(after.figureCount).toBe(2);
    expect(t.dispatcher.call('projects.ofItem', { kind: 'figure', id: typedIn }).via).toBe('default');
    expect(t.dispatcher.invoke('projects.ofItem', { kind: 'chart', id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'There is no chart with id nope.' }
    });
  });

  it('lists the articles of one project', () => {
    const t = makeLibrary();
    const seeded = seedProject(t.dispatcher);
    t.dispatcher.call('articles.create', { content: 'Loose article.', format: 'text', title: 'Loose' });
    const inProject = t.dispatcher.call('articles.list', { projectId: seeded.projectId });
    expect(inProject.total).toBe(2);
    expect(inProject.items.map((article) => article.title)).not.toContain('Loose');
    expect(t.dispatcher.call('articles.list', {}).total).toBe(3);
  });
});

describe('project files', () => {
  it('round-trips losslessly: export, import into an empty library, export again gives the same content hashes', () => {
    const a = makeLibrary();
    const seeded = seedProject(a.dispatcher);
    a.dispatcher.call('projects.addItems', { projectId: seeded.projectId, items: [{ kind: 'figure', id: seeded.figureIds[2] }] });
    const first = a.dispatcher.call('projects.export', { projectId: seeded.projectId });
    expect(first.fileName).toBe('rare-earths.assay');
    expect(first.manifest).toMatchObject({
      format: 'assay-project',
      formatVersion: 1,
      appVersion: 'test',
      projectId: seeded.projectId,
      projectName: 'Rare earths',
      counts: { articles: 2, highlights: 4, claims: 2, figures: 3, links: 1, tombstones: 1 }
    });
    // Deterministic: the same content gives the same entries, byte for byte.
    expect(entryHashes(a.dispatcher.call('projects.export', { projectId: seeded.projectId }).dataBase64)).toEqual(entryHashes(first.dataBase64));

    const b = makeLibrary();
    const report = b.dispatcher.call('projects.applyImport', { dataBase64: first.dataBase64, fileName: first.fileName });
    expect(report.summary).toMatchObject({ added: 13, conflicts: 0, rejected: 0 });
    const second = b.dispatcher.call('projects.export', { projectId: seeded.projectId });
    expect(entryHashes(second.dataBase64)).toEqual(entryHashes(first.dataBase64));
    expect(Object.values(second.manifest.entries).map((entry) => entry.sha256)).toEqual(Object.values(first.manifest.entries).map((entry) => entry.sha256));

    // What was imported works like anything else: search finds the text and the notes, claims check.
    expect(b.dispatcher.call('search.query', { query: 'separation' }).map((hit) => hit.title)).toEqual(['Rare earths and magnets']);
    expect(b.dispatcher.call('search.query', { query: 'USGS' }).some((hit) => hit.matchedIn === 'note')).toBe(true);
    const claim = b.dispatcher.call('claims.get', { id: seeded.claimIds[0] });
    expect(claim).toMatchObject({ verdict: 'accurate', tags: ['usgs'], check: { status: 'consistent' } });
    expect(b.dispatcher.call('projects.list', {}).find((project) => project.id === seeded.projectId)).toMatchObject({
      name: 'Rare earths',
      isDefault: false,
      articleCount: 2,
      figureCount: 3
    });
  });

  it('round-trips an HTML article with links, lists and a table without touching its content', () => {
    const a = makeLibrary();
    const project = a.dispatcher.call('projects.create', { name: 'Web pages' });
    const html = `<html><head><title>Magnet exports</title></head><body><h1>Magnet exports</h1>
      <p>Exports fell <strong>12%</strong>, says <a href="https://example.org/customs">customs</a> (<a href="#note-1">note</a>).</p>
      <ul><li>Neodymium</li><li>Dysprosium</li></ul>
      <table><tr><th>Year</th><th>Tonnes</th></tr><tr><td>2024</td><td>58,000</td></tr></table></body></html>`;
    const article = a.dispatcher.call('articles.create', { content: html, format: 'html', projectId: project.id });
    a.dispatcher.call('highlights.create', { articleId: article.id, exact: 'Exports fell 12%', note: 'customs data' });
    const first = a.dispatcher.call('projects.export', { projectId: project.id });
    const b = makeLibrary();
    const plan = b.dispatcher.call('projects.previewImport', { dataBase64: first.dataBase64 });
    expect(plan.rejected).toEqual([]);
    expect(plan.notes.filter((note) => /sanitised/.test(note))).toEqual([]);
    b.dispatcher.call('projects.applyImport', { dataBase64: first.dataBase64 });
    expect(entryHashes(b.dispatcher.call('projects.export', { projectId: project.id }).dataBase64)).toEqual(entryHashes(first.dataBase64));
    expect(b.dispatcher.call('articles.get', { id: article.id }).text).toBe(a.dispatcher.call('articles.get', { id: article.id }).text);
  });

  it('importing the same file twice changes nothing the second time', () => {
    const a = makeLibrary();
    const seeded = seedProject(a.dispatcher);
    const file = a.dispatcher.call('projects.export', { projectId: seeded.projectId });
    const b = makeLibrary();
    b.dispatcher.call('projects.applyImport', { dataBase64: file.dataBase64 });
    const before = libraryFingerprint(b.library);
    const preview = b.dispatcher.call('projects.previewImport', { dataBase64: file.dataBase64 });
    expect(preview).toMatchObject({ nothingToDo: true, summary: { added: 0, updated: 0, deleted: 0, conflicts: 0 } });
    const again = b.dispatcher.call('projects.applyImport', { dataBase64: file.dataBase64 });
    expect(again).toMatchObject({ stored: false, backup: null, nothingToDo: true });
    expect(libraryFingerprint(b.library)).toBe(before);
    // And a library importing its own export has nothing to do either.
    const own = libraryFingerprint(a.library);
    expect(a.dispatcher.call('projects.applyImport', { dataBase64: file.dataBase64 }).summary).toMatchObject({ added: 0, updated: 0, conflicts: 0 });
    expect(normalisedDump(a.library)).toBe(normalisedDump(b.library));
    expect(own).toBeDefined();
  });

  it('two libraries that diverge from one project end with the same merged content, the verdict conflict surfaced', () => {
    const a = makeLibrary();
    const seeded = seedProject(a.dispatcher);
    const [magnets, refining] = seeded.articleIds;
    const [shareClaim] = seeded.claimIds;
    const start = a.dispatcher.call('projects.export', { projectId: seeded.projectId });
    const b = makeLibrary();
    b.dispatcher.call('projects.applyImport', { dataBase64: start.dataBase64 });

    // A: another verdict and rationale on the share claim, a new figure from a new highlight, a note edit.
    a.dispatcher.call('claims.update', { id: shareClaim, verdict: 'mostly_accurate', rationale: 'USGS rounds; 69.2% is “nearly 70%”.' });
    const separation = a.dispatcher.call('highlights.create', { articleId: magnets, exact: 'Separation capacity outside China remains small' });
    const aFigure = a.dispatcher.call('figures.create', {
      metric: 'separation capacity', entity: 'Rest of world', value: 10, unit: '%', period: '2024', highlightId: separation.id
    });
    a.dispatcher.call('highlights.update', { id: seeded.highlightIds[0], note: 'Checked against USGS MCS 2025' });
    // B: a different verdict, a typed-in figure filed in the project, a tag, and the refining article deleted.
    b.dispatcher.call('claims.update', { id: shareClaim, verdict: 'misleading', tags: ['usgs', 'share'] });
    const bFigure = b.dispatcher.call('figures.create', {
      metric: 'mine production', entity: 'Myanmar', value: 31000, unit: 't', period: '2024', citation: { title: 'USGS MCS 2025' }
    });
    b.dispatcher.call('projects.addItems', { projectId: seeded.projectId, items: [{ kind: 'figure', id: bFigure.id }] });
    b.dispatcher.call('articles.delete', { id: refining });

    const fromA = a.dispatcher.call('projects.export', { projectId: seeded.projectId });
    const fromB = b.dispatcher.call('projects.export', { projectId: seeded.projectId });

    // A previews B's file: the verdict conflict side by side, B's additions and deletion.
    const planInA = a.dispatcher.call('projects.previewImport', { dataBase64: fromB.dataBase64, fileName: 'from-b.assay' });
    expect(planInA.kinds.claim.conflicts).toEqual([
      expect.objectContaining({
        id: shareClaim,
        reason: 'verdict',
        options: ['mine', 'theirs', 'both'],
        mine: expect.objectContaining({ verdict: 'mostly_accurate' }),
        theirs: expect.objectContaining({ verdict: 'misleading' }),
        base: expect.objectContaining({ verdict: 'accurate' })
      })
    ]);
    expect(planInA.kinds.figure.added.map((item) => item.id)).toEqual([bFigure.id]);
    expect(planInA.kinds.article.deleted.map((item) => item.id)).toEqual([refining]);
    // A refused merge (a conflict without a resolution) changes nothing.
    const untouched = libraryFingerprint(a.library);
    expect(a.dispatcher.invoke('projects.applyImport', { dataBase64: fromB.dataBase64 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining(`the claim ${shareClaim}`) }
    });
    expect(libraryFingerprint(a.library)).toBe(untouched);

    // Both settle on B's verdict: A takes theirs, B keeps mine.
    const reportInA = a.dispatcher.call('projects.applyImport', {
      dataBase64: fromB.dataBase64,
      fileName: 'from-b.assay',
      resolutions: { [shareClaim]: 'theirs' }
    });
    const reportInB = b.dispatcher.call('projects.applyImport', { dataBase64: fromA.dataBase64, resolutions: { [shareClaim]: 'mine' } });
    expect(reportInA.kinds.claim.conflicts[0]).toMatchObject({ resolution: 'theirs' });
    expect(reportInB.kinds.claim.conflicts[0]).toMatchObject({ resolution: 'mine', theirs: expect.objectContaining({ verdict: 'mostly_accurate' }) });
    expect(reportInB.kinds.figure.added.map((item) => item.id)).toEqual([aFigure.id]);
    expect(reportInB.kinds.highlight.updated.map((item) => item.changes?.map((change) => change.field))).toEqual([['note']]);

    expect(normalisedDump(a.library)).toBe(normalisedDump(b.library));
    const merged = a.dispatcher.call('claims.get', { id: shareClaim });
    expect(merged).toMatchObject({ verdict: 'misleading', rationale: 'USGS rounds; 69.2% is “nearly 70%”.', tags: ['share', 'usgs'] });
    expect(a.dispatcher.call('articles.trash', {}).map((article) => article.id)).toEqual([refining]);

    // The reports are kept for review.
    const reports = a.dispatcher.call('projects.mergeReports', {});
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ fileName: 'from-b.assay', projectName: 'Rare earths', summary: { conflicts: 1, added: 1, deleted: 1 } });
    expect(a.dispatcher.call('projects.mergeReport', { id: reports[0].id })).toMatchObject({ id: reports[0].id, kinds: { claim: { conflicts: [{ resolution: 'theirs' }] } } });

    // Exchanging again once settled changes nothing on either side.
    const fromA2 = a.dispatcher.call('projects.export', { projectId: seeded.projectId });
    const fromB2 = b.dispatcher.call('projects.export', { projectId: seeded.projectId });
    expect(entryHashes(fromA2.dataBase64)).toEqual(entryHashes(fromB2.dataBase64));
    for (const [target, file] of [[a, fromB2], [b, fromA2]] as const) {
      const plan = target.dispatcher.call('projects.previewImport', { dataBase64: file.dataBase64 });
      expect(plan.summary).toMatchObject({ added: 0, updated: 0, deleted: 0, conflicts: 0 });
    }
  });

  it('keeps both versions of a disputed claim when asked: theirs becomes a tagged copy derived from ours', () => {
    const a = makeLibrary();
    const seeded = seedProject(a.dispatcher);
    const [shareClaim] = seeded.claimIds;
    const start = a.dispatcher.call('projects.export', { projectId: seeded.projectId });
    const b = makeLibrary();
    b.dispatcher.call('projects.applyImport', { dataBase64: start.dataBase64 });
    b.dispatcher.call('claims.update', { id: shareClaim, verdict: 'inaccurate', rationale: 'World output was higher.' });
    a.dispatcher.call('claims.update', { id: shareClaim, verdict: 'mostly_accurate', rationale: 'Confirmed.' });
    const report = a.dispatcher.call('projects.applyImport', {
      dataBase64: b.dispatcher.call('projects.export', { projectId: seeded.projectId }).dataBase64,
      resolutions: { [shareClaim]: 'both' }
    });
    const copyId = report.kinds.claim.conflicts[0].copyId!;
    expect(a.dispatcher.call('claims.get', { id: shareClaim })).toMatchObject({ verdict: 'mostly_accurate', rationale: 'Confirmed.' });
    const copy = a.dispatcher.call('claims.get', { id: copyId });
    expect(copy).toMatchObject({ verdict: 'inaccurate', rationale: 'World output was higher.', tags: [DISPUTED_COPY_TAG, 'usgs'] });
    expect(copy.links).toEqual([expect.objectContaining({ targetKind: 'claim', targetId: shareClaim, relation: 'derived_from' })]);
  });

  it('a deletion that meets an edit made since the last exchange is a conflict; otherwise it propagates', () => {
    const a = makeLibrary();
    const seeded = seedProject(a.dispatcher);
    const start = a.dispatcher.call('projects.export', { projectId: seeded.projectId });
    const b = makeLibrary();
    b.dispatcher.call('projects.applyImport', { dataBase64: start.dataBase64 });
    const [, worldFigure, usgs] = seeded.figureIds;
    b.dispatcher.call('figures.delete', { id: worldFigure });
    b.dispatcher.call('claims.delete', { id: seeded.claimIds[1] });
    a.dispatcher.call('figures.update', { id: worldFigure, notes: 'Rounded in the source.' });
    const plan = a.dispatcher.call('projects.previewImport', { dataBase64: b.dispatcher.call('projects.export', { projectId: seeded.projectId }).dataBase64 });
    expect(plan.kinds.figure.conflicts).toEqual([
      expect.objectContaining({ id: worldFigure, reason: 'edit_vs_delete', options: ['mine', 'theirs'], theirs: null, mine: expect.objectContaining({ notes: 'Rounded in the source.' }) })
    ]);
    expect(plan.kinds.claim.deleted.map((item) => item.id)).toEqual([seeded.claimIds[1]]);
    a.dispatcher.call('projects.applyImport', {
      dataBase64: b.dispatcher.call('projects.export', { projectId: seeded.projectId }).dataBase64,
      resolutions: { [worldFigure]: 'mine' }
    });
    expect(a.dispatcher.call('figures.get', { id: worldFigure }).notes).toBe('Rounded in the source.');
    expect(a.dispatcher.invoke('claims.get', { id: seeded.claimIds[1] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(a.dispatcher.call('figures.get', { id: usgs }).id).toBe(usgs);
  });

  it('backs the library up before a merge, keeps the last ten, and restores one in place', () => {
    const a = makeLibrary();
    const seeded = seedProject(a.dispatcher);
    const file = a.dispatcher.call('projects.export', { projectId: seeded.projectId });
    const b = makeLibrary();
    const before = libraryFingerprint(b.library);
    const report = b.dispatcher.call('projects.applyImport', { dataBase64: file.dataBase64 });
    expect(report.backup).toMatch(/^library-\d{8}T\d{9}Z-before-merge\.sqlite$/);
    const backups = b.dispatcher.call('library.backups', {});
    expect(backups).toEqual([expect.objectContaining({ name: report.backup, reason: 'before-merge' })]);
    expect(existsSync(backups[0].path)).toBe(true);

    const afterMerge = libraryFingerprint(b.library);
    const restored = b.dispatcher.call('library.restoreBackup', { name: report.backup! });
    expect(restored.backupBeforeRestore).toMatch(/before-restore/);
    expect(libraryFingerprint(b.library)).toBe(before);
    expect(b.dispatcher.call('search.query', { query: 'separation' })).toEqual([]);
    // The restore is itself undone by the backup it took.
    b.dispatcher.call('library.restoreBackup', { name: restored.backupBeforeRestore! });
    expect(libraryFingerprint(b.library)).toBe(afterMerge);
    expect(b.dispatcher.call('search.query', { query: 'separation' })).toHaveLength(1);

    for (let index = 0; index < BACKUPS_KEPT + 2; index += 1) b.dispatcher.call('library.backup', {});
    expect(b.dispatcher.call('library.backups', {})).toHaveLength(BACKUPS_KEPT);
    expect(b.dispatcher.invoke('library.restoreBackup', { name: '../library.sqlite' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
