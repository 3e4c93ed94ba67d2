// Create a highlight through the contract (validate, write, index), as the reader does on a click.
import { randomUUID } from 'node:crypto';
import { describeRange } from '../../src/core/annotations/anchoring';
import { contract } from '../../src/shared/contract';
import { INSERT_HIGHLIGHT, INSERT_NOTE_FTS } from '../baseline-sql';
import { finishRow, type BenchGroup } from '../context';
import { pickHighlightRange } from '../generate-library';
import { summarize } from '../measure';
import { createRandom } from '../vocabulary';

interface Target {
  articleId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  note: string;
}

export const highlightCreateGroup: BenchGroup = {
  id: 'highlight-create',
  title: 'create a highlight',
  run(context) {
    const { library, dispatcher } = context.session();
    const db = library.db;
    const random = createRandom(context.seed + 202);
    const warmup = 20;
    const iterations = context.small ? 200 : 500;

    // Targets in random articles of the generated library (not the long one), picked outside the timing.
    const maxRowid = context.manifest.articles - 1;
    const textOf = db.prepare('SELECT id, body_text FROM articles WHERE rowid = ?');
    const targets: Target[] = [];
    while (targets.length < warmup + iterations) {
      const row = textOf.get(random.int(1, maxRowid)) as { id: string; body_text: string } | undefined;
      if (!row) continue;
      const range = pickHighlightRange(random, row.body_text);
      if (!range) continue;
      const { quote } = describeRange(row.body_text, range.start, range.end);
      targets.push({
        articleId: row.id,
        ...range,
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
        note: random.chance(0.5) ? `USGS ${random.int(2020, 2025)}: check the ${random.pick(['refining', 'mine production', 'magnet'])} share` : ''
      });
    }

    const insertHighlight = db.prepare(INSERT_HIGHLIGHT);
    const insertNote = db.prepare(INSERT_NOTE_FTS);
    // The baseline is one transaction per highlight, as Assay commits one per call.
    const rawInsert = db.transaction((target: Target, id: string, now: string) => {
      const { lastInsertRowid } = insertHighlight.run(
        id, target.articleId, 'yellow', target.note, target.exact, target.prefix, target.suffix, target.start, target.end, now, now
      );
      if (target.note) insertNote.run(lastInsertRowid, target.note);
    });

    const assayTimes: number[] = [];
    const rawTimes: number[] = [];
    let wrong = 0;
    targets.forEach((target, index) => {
      const id = randomUUID();
      const now = new Date().toISOString();
      const order = index % 2 === 0 ? ['assay', 'raw'] : ['raw', 'assay'];
      for (const side of order) {
        const start = performance.now();
        if (side === 'assay') {
          // What the reader sends: the range and its text, so a stale selection is refused.
          const created = dispatcher.call('highlights.create', {
            articleId: target.articleId,
            start: target.start,
            end: target.end,
            exact: target.exact,
            color: 'yellow',
            note: target.note
          });
          if (created.quote.prefix !== target.prefix || created.position.start !== target.start) wrong += 1;
        } else {
          rawInsert(target, id, now);
        }
        const ms = performance.now() - start;
        if (index >= warmup) (side === 'assay' ? assayTimes : rawTimes).push(ms);
      }
    });
    const a = summarize(assayTimes);
    const b = summarize(rawTimes);

    // Where Assay's extra time goes, on the same targets (p50 of each step alone).
    const selectText = db.prepare('SELECT body_text FROM articles WHERE id = ?');
    const selectBack = db.prepare(`SELECT h.rowid, h.*,
  (SELECT c.verdict FROM claim_highlights ch JOIN claims c ON c.id = ch.claim_id
     WHERE ch.highlight_id = h.id AND c.deleted_at IS NULL ORDER BY c.updated_at DESC LIMIT 1) AS verdict,
  (SELECT count(*) FROM figures f WHERE f.highlight_id = h.id AND f.deleted_at IS NULL) AS figure_count
  FROM highlights h WHERE h.id = ?`);
    const lastId = (db.prepare('SELECT id FROM highlights ORDER BY rowid DESC LIMIT 1').get() as { id: string }).id;
    const steps = { validate: [] as number[], readText: [] as number[], readBack: [] as number[] };
    for (const target of targets.slice(warmup, warmup + 200)) {
      let start = performance.now();
      contract['highlights.create'].input.parse({ articleId: target.articleId, start: target.start, end: target.end, exact: target.exact, color: 'yellow', note: target.note });
      steps.validate.push(performance.now() - start);
      start = performance.now();
      selectText.get(target.articleId);
      steps.readText.push(performance.now() - start);
      start = performance.now();
      selectBack.get(lastId);
      steps.readBack.push(performance.now() - start);
    }
    const step = (samples: number[]) => `${(summarize(samples).p50 * 1000).toFixed(0)} µs`;
    const notes = [
      `${iterations} highlights (after ${warmup} warm-up) on random articles of the library, half with a note. Assay: highlights.create through the dispatcher with start, end and exact, as the reader sends it (zod; read the article text; check and trim the range; selectors; INSERT + note index + undo-journal record in the call's transaction; the highlight returned is built from what was written, not read back).`,
      'Baseline: the same highlight row INSERTed with a prepared statement plus its note_fts row, in one transaction per highlight, on the same connection (WAL, synchronous=NORMAL).',
      `Assay's extra steps alone (p50): zod validation ${step(steps.validate)}; reading the article's body_text to check the range ${step(steps.readText)}; reading a row back with its claim verdict and figure count (which Assay no longer does after an insert) ${step(steps.readBack)}.`
    ];
    if (wrong) notes.push(`WARNING: ${wrong} highlights came back with other selectors than the generator computed.`);
    return [
      finishRow({
        id: 'highlight-create',
        operation: 'create a highlight through the contract',
        unit: 'ms',
        n: a.n,
        p50: a.p50,
        p95: a.p95,
        baselineP50: b.p50,
        baselineP95: b.p95,
        ratio: a.p50 / b.p50,
        ratioKind: 'time',
        targets: [
          { metric: 'p95', max: 5, unit: 'ms', label: 'p95 ≤ 5 ms' },
          { metric: 'ratio', max: 2, unit: '×', label: '≤ 2× raw insert' }
        ],
        notes,
        details: { assay: a, baseline: b, p95Ratio: a.p95 / b.p95 }
      })
    ];
  }
};
