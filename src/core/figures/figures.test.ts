// The figures list keeps its last count while the library is unchanged (the table pages through
// 200,000 figures with the same filter); any write, here or by another connection, counts again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../db/library';
import { createTemporaryLibrary, type TemporaryLibrary } from '../testing/temporary-library';

describe('figures.list total', () => {
  let t: TemporaryLibrary;
  const add = (entity: string, dispatcher = t.dispatcher) =>
    dispatcher.call('figures.create', { metric: 'mine production', entity, value: 1, unit: 't', period: '2024', qualifier: 'exact' });

  beforeEach(() => {
    t = createTemporaryLibrary();
  });
  afterEach(() => t.dispose());

  it('follows writes on this connection: adds, deletes, restores', () => {
    add('China');
    add('Burma');
    expect(t.dispatcher.call('figures.list', { limit: 1 }).total).toBe(2);
    expect(t.dispatcher.call('figures.list', { limit: 1, offset: 1 }).total).toBe(2);
    const third = add('Australia');
    expect(t.dispatcher.call('figures.list', { limit: 1 }).total).toBe(3);
    t.dispatcher.call('figures.delete', { id: third.id });
    expect(t.dispatcher.call('figures.list', { limit: 1 }).total).toBe(2);
    expect(t.dispatcher.call('figures.list', { limit: 1, entity: 'China' }).total).toBe(1);
    t.dispatcher.call('figures.restore', { id: third.id });
    expect(t.dispatcher.call('figures.list', { limit: 1 }).total).toBe(3);
  });

  it('follows commits by another connection to the same file', () => {
    add('China');
    expect(t.dispatcher.call('figures.list', { limit: 1 }).total).toBe(1);
    const other = openLibrary(t.path);
    try {
      other.db
        .prepare(
          `INSERT INTO figures (id, metric, entity, value, unit, qualifier, normalized_value, base_unit, dimension, period, period_kind,
             period_start, period_end, created_at, updated_at)
           VALUES ('f2', 'mine production', 'Burma', 1, 't', 'exact', 1000, 'kg', 'mass', '2024', 'year', '2024-01-01', '2024-12-31', 'now', 'now')`
        )
        .run();
    } finally {
      other.close();
    }
    expect(t.dispatcher.call('figures.list', { limit: 1 }).total).toBe(2);
  });
});
