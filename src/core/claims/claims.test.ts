import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTemporaryLibrary, libraryFingerprint, type TemporaryLibrary } from '../testing/temporary-library';

let t: TemporaryLibrary;
let articleId: string;

const ARTICLE = [
  'China accounts for ~69% of global mine production.',
  'Chinese mines produced 270,000 tons in 2024, out of a world total of 390,000 tons.',
  'Output grew by about 6% on the year before.'
].join('\n\n');

beforeEach(() => {
  t = createTemporaryLibrary();
  articleId = t.dispatcher.call('articles.create', { content: ARTICLE, format: 'text', title: 'Rare earths' }).id;
});
afterEach(() => t.dispose());

const highlight = (exact: string) => t.dispatcher.call('highlights.create', { articleId, exact });
const figure = (input: Record<string, unknown>) =>
  t.dispatcher.call('figures.create', {
    metric: 'mine production',
    entity: 'China',
    unit: 't',
    period: '2024',
    qualifier: 'exact',
    ...input
  } as never);

describe('claims', () => {
  it('are made from a highlight: the statement defaults to the quote and its number is read from it', () => {
    const share = highlight('China accounts for ~69% of global mine production');
    const claim = t.dispatcher.call('claims.create', { highlightIds: [share.id], verdict: 'accurate', tags: ['share'] });
    expect(claim).toMatchObject({
      articleId,
      statement: 'China accounts for ~69% of global mine production',
      verdict: 'accurate',
      tags: ['share'],
      highlightIds: [share.id],
      stated: { value: 69, unit: '%', qualifier: 'approximately' },
      quotes: [{ highlightId: share.id, quote: 'China accounts for ~69% of global mine production' }]
    });
    // The highlight now carries its claim's verdict, for the reader to show.
    const drawn = t.dispatcher.call('articles.get', { id: articleId }).highlights[0];
    expect(drawn.verdict).toBe('accurate');
  });

  it('refuses highlights of two articles, deleted highlights and an empty statement, writing nothing', () => {
    const other = t.dispatcher.call('articles.create', { content: 'Burma produced 31,000 tons.', format: 'text' }).id;
    const here = highlight('~69%');
    const there = t.dispatcher.call('highlights.create', { articleId: other, exact: '31,000 tons' });
    t.dispatcher.call('highlights.delete', { id: there.id });
    const before = libraryFingerprint(t.library);
    expect(t.dispatcher.invoke('claims.create', { highlightIds: [here.id, there.id] })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/highlightIds: there is no highlight .* deleted/) }
    });
    expect(t.dispatcher.invoke('claims.create', { statement: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(t.dispatcher.invoke('claims.create', { statement: 'x', verdict: 'true-ish' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/verdict/) }
    });
    expect(libraryFingerprint(t.library)).toBe(before);
  });

  it('ledger: filters by verdict, tag and article and counts by verdict', () => {
    t.dispatcher.call('claims.create', { statement: 'A', verdict: 'accurate', tags: ['mining'], articleId });
    t.dispatcher.call('claims.create', { statement: 'B', verdict: 'misleading', tags: ['mining'] });
    t.dispatcher.call('claims.create', { statement: 'C', verdict: 'misleading', tags: ['magnets'] });
    const all = t.dispatcher.call('claims.list', {});
    expect(all.total).toBe(3);
    expect(all.countsByVerdict).toMatchObject({ accurate: 1, misleading: 2, disputed: 0 });
    expect(t.dispatcher.call('claims.list', { verdict: 'misleading' }).items.map((claim) => claim.statement).sort()).toEqual(['B', 'C']);
    const mining = t.dispatcher.call('claims.list', { tag: 'mining', verdict: 'misleading' });
    expect(mining.items.map((claim) => claim.statement)).toEqual(['B']);
    expect(mining.countsByVerdict).toMatchObject({ accurate: 1, misleading: 1 });
    expect(t.dispatcher.call('claims.list', { articleId }).items.map((claim) => claim.statement)).toEqual(['A']);
    expect(t.dispatcher.call('claims.tags', {})).toEqual([
      { name: 'magnets', count: 1 },
      { name: 'mining', count: 2 }
    ]);
  });
});

describe('consistency of a stated number with the figures it follows from', () => {
  it('"~69%" against 270,000 t ÷ 390,000 t = 69.2% is consistent; "~75%" is not', () => {
    const china = figure({ value: '270,000' });
    const world = figure({ entity: 'World', value: 390000 });
    const claim = t.dispatcher.call('claims.create', {
      statement: 'China accounts for ~69% of global mine production',
      computation: { kind: 'share', aFigureId: china.id, bFigureId: world.id, tolerance: 1 }
    });
    expect(claim.check).toMatchObject({ status: 'consistent', formula: '270,000 t ÷ 390,000 t = 69.2%', tolerance: 1 });
    expect(claim.check!.computed).toBeCloseTo(69.23, 2);
    expect(claim.check!.explanation).toMatch(/consistent \(tolerance ±1 percentage point\)/);

    const wrong = t.dispatcher.call('claims.update', { id: claim.id, stated: { value: 75, high: null, unit: '%', qualifier: 'approximately' } });
    expect(wrong.check).toMatchObject({ status: 'inconsistent' });
    expect(wrong.check!.explanation).toMatch(/outside the tolerance/);
  });

  it('normalises units: 0.27 Mt over 390,000 t is the same share', () => {
    const china = figure({ value: 0.27, unit: 'Mt' });
    const world = figure({ entity: 'World', value: 390000 });
    const claim = t.dispatcher.call('claims.create', {
      statement: 'more than two thirds',
      stated: { value: 66.7, high: null, unit: '%', qualifier: 'at_least' },
      computation: { kind: 'share', aFigureId: china.id, bFigureId: world.id, tolerance: 0.5 }
    });
    expect(claim.check!.status).toBe('consistent');
  });

  it('computes a change as (a − b) ÷ b', () => {
    const now = figure({ value: 270000 });
    const before = figure({ value: 255000, period: '2023' });
    const claim = t.dispatcher.call('claims.create', {
      statement: 'Output grew by about 6% on the year before.',
      computation: { kind: 'change', aFigureId: now.id, bFigureId: before.id, tolerance: 0.5 }
    });
    expect(claim.check).toMatchObject({ status: 'consistent', formula: '(270,000 t − 255,000 t) ÷ 255,000 t = +5.9%' });
  });

  it('says it cannot compute across incompatible units', () => {
    const tons = figure({ value: 270000 });
    const dollars = figure({ value: 1.2e9, unit: 'USD', metric: 'export value' });
    const claim = t.dispatcher.call('claims.create', {
      statement: '~69%',
      computation: { kind: 'share', aFigureId: tons.id, bFigureId: dollars.id, tolerance: 1 }
    });
    expect(claim.check).toMatchObject({ status: 'cannot_compute' });
    expect(claim.check!.explanation).toMatch(/different kinds of quantity/);
  });
});

describe('figures', () => {
  it('keep value, unit, period, qualifier and a source: the highlight or a citation', () => {
    const quoted = highlight('270,000 tons');
    const fromQuote = figure({ value: 270000, highlightId: quoted.id, qualifier: 'approximately' });
    expect(fromQuote.source).toMatchObject({ kind: 'highlight', highlightId: quoted.id, articleId, quote: '270,000 tons', articleTitle: 'Rare earths' });
    const typed = figure({
      value: 240000,
      period: '2023',
      citation: { title: 'USGS Mineral Commodity Summaries', edition: '2024', page: '145', url: 'https://www.usgs.gov/' }
    });
    expect(typed.source).toEqual({
      kind: 'citation',
      title: 'USGS Mineral Commodity Summaries',
      publisher: null,
      edition: '2024',
      url: 'https://www.usgs.gov/',
      page: '145'
    });
    const range = figure({ value: 35, high: 40, unit: '%', qualifier: 'range', metric: 'share' });
    expect(range).toMatchObject({ value: 35, high: 40, qualifier: 'range' });
  });

  it.each([
    [{ value: 'lots' }, /value: “lots” is not a number/],
    [{ unit: 'furlongs' }, /unit: .*furlongs/],
    [{ period: '2024-13' }, /period: .*2024-13/],
    [{ metric: ' ' }, /metric: a figure needs a metric/],
    [{ qualifier: 'range', value: 35 }, /high: a range needs its upper value/],
    [{ highlightId: 'gone' }, /highlightId: there is no highlight gone/],
    [{ citation: { url: 'javascript:alert(1)' } }, /citation.url/]
  ])('refuse %j with a message naming the field, saving nothing', (input, message) => {
    const before = libraryFingerprint(t.library);
    const envelope = t.dispatcher.invoke('figures.create', { metric: 'mine production', entity: 'China', value: 1, unit: 't', period: '2024', ...input });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!envelope.ok && envelope.error.message).toMatch(message);
    expect(libraryFingerprint(t.library)).toBe(before);
  });

  it('flag competing values after normalisation, and not equal ones in other units', () => {
    const revised = figure({ value: 255000, period: '2023', citation: { title: 'USGS MCS', edition: '2025' } });
    const first = figure({ value: 240000, period: '2023', citation: { title: 'USGS MCS', edition: '2024' } });
    const same = figure({ value: 0.27, unit: 'Mt' });
    const sameInTons = figure({ value: 270000 });
    const groups = t.dispatcher.call('figures.competing', {});
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ metric: 'mine production', entity: 'China', period: '2023' });
    expect(groups[0].figures.map((f) => f.id).sort()).toEqual([revised.id, first.id].sort());
    const listed = t.dispatcher.call('figures.list', { sort: 'value', direction: 'asc' }).items;
    expect(Object.fromEntries(listed.map((f) => [f.id, f.competing]))).toEqual({
      [revised.id]: true,
      [first.id]: true,
      [same.id]: false,
      [sameInTons.id]: false
    });
  });

  it('list: sort, filter and page', () => {
    figure({ value: 270000 });
    figure({ value: 45000, entity: 'United States' });
    figure({ value: 31000, entity: 'Burma', notes: 'Kachin state' });
    const entities = (input: Record<string, unknown>) =>
      t.dispatcher.call('figures.list', input as never).items.map((f) => f.entity);
    expect(entities({ sort: 'value', direction: 'desc' })).toEqual(['China', 'United States', 'Burma']);
    expect(entities({ sort: 'entity', direction: 'asc', limit: 2, offset: 1 })).toEqual(['China', 'United States']);
    expect(entities({ query: 'kachin' })).toEqual(['Burma']);
    expect(entities({ entity: 'china' })).toEqual(['China']);
  });
});

describe('evidence links', () => {
  it('link claims to figures and claims, and refuse a deleted figure', () => {
    const claim = t.dispatcher.call('claims.create', { statement: 'China dominates mining' });
    const other = t.dispatcher.call('claims.create', { statement: 'China mined 270,000 t' });
    const china = figure({ value: 270000 });
    t.dispatcher.call('links.create', { claimId: claim.id, targetKind: 'figure', targetId: china.id, relation: 'supports' });
    t.dispatcher.call('links.create', { claimId: claim.id, targetKind: 'claim', targetId: other.id, relation: 'derived_from' });
    const detail = t.dispatcher.call('claims.get', { id: claim.id });
    expect(detail.links.map((link) => [link.relation, link.targetLabel])).toEqual([
      ['supports', 'China, mine production, 2024: 270,000 t'],
      ['derived_from', 'China mined 270,000 t']
    ]);
    expect(t.dispatcher.call('figures.get', { id: china.id }).linkedFrom).toHaveLength(1);

    const gone = figure({ value: 1, entity: 'Nowhere' });
    t.dispatcher.call('figures.delete', { id: gone.id });
    const before = libraryFingerprint(t.library);
    expect(t.dispatcher.invoke('links.create', { claimId: claim.id, targetKind: 'figure', targetId: gone.id, relation: 'contradicts' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/targetId: the figure .* was deleted/) }
    });
    expect(t.dispatcher.invoke('links.create', { claimId: claim.id, targetKind: 'claim', targetId: claim.id, relation: 'supports' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/cannot be evidence for itself/) }
    });
    expect(libraryFingerprint(t.library)).toBe(before);
  });
});

describe('undo', () => {
  it('takes back creating, editing, linking and deleting, newest first', () => {
    const claim = t.dispatcher.call('claims.create', { statement: 'China mined 270,000 t', verdict: 'unverified' });
    const china = figure({ value: 270000 });
    t.dispatcher.call('claims.update', { id: claim.id, verdict: 'accurate', rationale: 'USGS' });
    const link = t.dispatcher.call('links.create', { claimId: claim.id, targetKind: 'figure', targetId: china.id, relation: 'supports' });
    t.dispatcher.call('figures.update', { id: china.id, value: 999 });
    t.dispatcher.call('claims.delete', { id: claim.id });

    expect(t.dispatcher.call('history.peek', {}).next).toBe('Delete claim');
    expect(t.dispatcher.call('history.undo', {})).toEqual({ undone: 'Delete claim', next: 'Edit figure' });
    expect(t.dispatcher.call('claims.get', { id: claim.id }).verdict).toBe('accurate');
    t.dispatcher.call('history.undo', {});
    expect(t.dispatcher.call('figures.get', { id: china.id }).value).toBe(270000);
    t.dispatcher.call('history.undo', {});
    expect(t.dispatcher.call('claims.get', { id: claim.id }).links).toEqual([]);
    expect(t.dispatcher.invoke('links.restore', { id: link.id }).ok).toBe(true);
    t.dispatcher.call('links.delete', { id: link.id });
    t.dispatcher.call('history.undo', {});
    expect(t.dispatcher.call('claims.get', { id: claim.id }).links).toHaveLength(1);
    t.dispatcher.call('history.undo', {}); // the restore of the link
    t.dispatcher.call('history.undo', {}); // the edit of the claim
    expect(t.dispatcher.call('claims.get', { id: claim.id })).toMatchObject({ verdict: 'unverified', rationale: '' });
    t.dispatcher.call('history.undo', {}); // adding the figure
    expect(t.dispatcher.invoke('figures.get', { id: china.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    t.dispatcher.call('history.undo', {}); // adding the claim
    expect(t.dispatcher.call('claims.list', {}).total).toBe(0);
    expect(t.dispatcher.call('history.undo', {})).toEqual({ undone: null, next: null });
  });

  it('moves an article with claims to the trash and restores it', () => {
    t.dispatcher.call('claims.create', { highlightIds: [highlight('~69%').id] });
    expect(t.dispatcher.call('articles.delete', { id: articleId })).toMatchObject({ claimCount: 1, title: 'Rare earths' });
    expect(t.dispatcher.call('articles.list', {}).total).toBe(0);
    expect(t.dispatcher.call('claims.list', {}).total).toBe(0);
    expect(t.dispatcher.call('search.query', { query: 'mine production' })).toEqual([]);
    expect(t.dispatcher.call('articles.trash', {})).toMatchObject([{ id: articleId, claimCount: 1, highlightCount: 1 }]);
    expect(t.dispatcher.call('history.undo', {}).undone).toMatch(/Move “Rare earths” to the trash/);
    expect(t.dispatcher.call('articles.list', {}).total).toBe(1);
    expect(t.dispatcher.call('claims.list', {}).total).toBe(1);
  });
});

describe('figures from CSV', () => {
  const usgs = readFileSync(join(__dirname, '../../../resources/sample/rare-earth-figures.csv'), 'utf8');
  const mapping = {
    metric: 'metric',
    entity: 'entity',
    period: 'period',
    value: 'value',
    unit: 'unit',
    basis: 'basis',
    citationTitle: 'source',
    citationEdition: 'edition',
    notes: 'note'
  } as const;

  it('previews without writing, then imports every row in one go, and a second import adds nothing', () => {
    const before = libraryFingerprint(t.library);
    const preview = t.dispatcher.call('figures.importCsv', { csv: usgs, mapping });
    expect(preview).toMatchObject({ rowCount: 30, validCount: 30, problems: [], imported: 0 });
    expect(preview.preview[0].values).toMatchObject({ metric: 'mine_production', entity: 'China', value: '270000' });
    expect(libraryFingerprint(t.library)).toBe(before);

    expect(t.dispatcher.call('figures.importCsv', { csv: usgs, mapping, commit: true }).imported).toBe(30);
    const groups = t.dispatcher.call('figures.competing', {});
    const china2023 = groups.find((group) => group.entity === 'China' && group.period === '2023')!;
    expect(china2023.figures.map((f) => [f.value, (f.source as { edition: string }).edition])).toEqual([
      [255000, '2025'],
      [240000, '2024']
    ]);
    expect(t.dispatcher.call('figures.importCsv', { csv: usgs, mapping, commit: true })).toMatchObject({ imported: 0, duplicateCount: 30 });
  });

  it('lists bad rows and imports nothing until the user confirms skipping them', () => {
    const csv = 'metric,entity,period,value,unit\nmine_production,China,2024,270000,t\nmine_production,Burma,2024-13,31000,t\nmine_production,India,2024,lots,t\n';
    const preview = t.dispatcher.call('figures.importCsv', { csv, mapping: { metric: 'metric', entity: 'entity', period: 'period', value: 'value', unit: 'unit' } });
    expect(preview.problems.map((row) => [row.line, row.problem])).toEqual([
      [3, expect.stringMatching(/^period: .*2024-13/)],
      [4, 'value: “lots” is not a number.']
    ]);
    const before = libraryFingerprint(t.library);
    const refused = t.dispatcher.invoke('figures.importCsv', {
      csv,
      mapping: { metric: 'metric', entity: 'entity', period: 'period', value: 'value', unit: 'unit' },
      commit: true
    });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/2 of 3 rows have problems .* nothing was imported/) } });
    expect(libraryFingerprint(t.library)).toBe(before);
    const confirmed = t.dispatcher.call('figures.importCsv', {
      csv,
      mapping: { metric: 'metric', entity: 'entity', period: 'period', value: 'value', unit: 'unit' },
      commit: true,
      skipInvalid: true
    });
    expect(confirmed.imported).toBe(1);
    // The import is one undoable step.
    expect(t.dispatcher.call('history.undo', {}).undone).toBe('Import 1 figures');
    expect(t.dispatcher.call('figures.list', {}).total).toBe(0);
  });

  it('refuses a mapping to a column the file does not have, saving nothing', () => {
    const before = libraryFingerprint(t.library);
    expect(t.dispatcher.invoke('figures.importCsv', { csv: usgs, mapping: { ...mapping, value: 'amount' }, commit: true })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/mapping.value: the CSV has no column “amount”; its columns are metric, entity, period, value/) }
    });
    expect(t.dispatcher.invoke('figures.importCsv', { csv: usgs, mapping: { metric: 'metric' } })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/nothing fills entity, value, unit, period/) }
    });
    expect(libraryFingerprint(t.library)).toBe(before);
  });
});

describe('competing figures filter', () => {
  it('counts only competing figures when asked for them, and a file repeating a row adds it once', () => {
    const csv = 'metric,entity,period,value,unit\nm,China,2023,255000,t\nm,China,2023,240000,t\nm,Burma,2023,1,t\nm,Burma,2023,1,t\n';
    const mapping = { metric: 'metric', entity: 'entity', period: 'period', value: 'value', unit: 'unit' } as const;
    expect(t.dispatcher.call('figures.importCsv', { csv, mapping, commit: true })).toMatchObject({ imported: 3, duplicateCount: 1 });
    const competing = t.dispatcher.call('figures.list', { competingOnly: true });
    expect(competing.total).toBe(2);
    expect(competing.items.map((f) => f.value).sort()).toEqual([240000, 255000]);
  });
});

describe('claims after their evidence changes', () => {
  it('an undo whose figure is gone is skipped with a reason instead of blocking every undo', () => {
    const a = figure({ value: 270000 });
    const b = figure({ value: 390000, entity: 'World' });
    const claim = t.dispatcher.call('claims.create', {
      statement: '~69%',
      computation: { kind: 'share', aFigureId: a.id, bFigureId: b.id, tolerance: 1 }
    });
    t.dispatcher.call('claims.update', { id: claim.id, computation: null });
    t.dispatcher.call('figures.delete', { id: a.id });
    t.library.db.prepare("DELETE FROM undo_journal WHERE label = 'Delete figure'").run();
    // The edit's undo would put back a computation over a deleted figure.
    const result = t.dispatcher.call('history.undo', {});
    expect(result).toMatchObject({ undone: null, skipped: { label: 'Edit claim', reason: expect.stringMatching(/there is no figure/) } });
    expect(t.dispatcher.call('history.peek', {}).next).toBe('Add claim');
    // An undo of an edit that leaves the computation as it is does not re-check it.
    const kept = t.dispatcher.call('claims.create', {
      statement: '~69%',
      computation: { kind: 'share', aFigureId: b.id, bFigureId: b.id, tolerance: 1 }
    });
    t.dispatcher.call('claims.update', { id: kept.id, verdict: 'accurate' });
    t.dispatcher.call('figures.delete', { id: b.id });
    t.library.db.prepare("DELETE FROM undo_journal WHERE label = 'Delete figure'").run();
    expect(t.dispatcher.call('history.undo', {})).toMatchObject({ undone: 'Edit claim' });
    expect(t.dispatcher.call('claims.get', { id: kept.id }).verdict).toBe('unverified');
  });

  it('a new statement brings its own number, and link counts ignore deleted targets', () => {
    const claim = t.dispatcher.call('claims.create', { statement: 'about 50% of output' });
    expect(t.dispatcher.call('claims.update', { id: claim.id, statement: 'about 80% of output' }).stated).toMatchObject({ value: 80 });
    const f = figure({ value: 1 });
    t.dispatcher.call('links.create', { claimId: claim.id, targetKind: 'figure', targetId: f.id, relation: 'supports' });
    expect(t.dispatcher.call('claims.list', {}).items[0].linkCount).toBe(1);
    t.dispatcher.call('figures.delete', { id: f.id });
    expect(t.dispatcher.call('claims.list', {}).items[0].linkCount).toBe(0);
    expect(t.dispatcher.call('figures.list', { query: '2024' }).total).toBe(0);
  });
});
