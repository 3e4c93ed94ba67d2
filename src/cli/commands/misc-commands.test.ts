// assay quantity and assay undo, in-process against a fresh library.
import { describe, expect, it } from 'vitest';
import type { ClaimDetail, Figure, UndoResult } from '../../shared/evidence';
import { useCliHarness } from '../cli-test-harness';
import type { ClaimLedger } from './claim-commands';
import type { QuantityReport } from './misc-commands';

const { assay, json } = useCliHarness();

describe('assay quantity', () => {
  it('reads "~69%" as approximately 69 %', async () => {
    const reading = await json<QuantityReport>('quantity', '~69%');
    expect(reading).toEqual({
      quantity: { value: 69, high: null, unit: '%', qualifier: 'approximately', text: '~69%', start: 0, end: 4 },
      period: null
    });
    const human = await assay('quantity', '~69%');
    expect(human).toEqual({ code: 0, stdout: 'approximately 69 % ("~69%")\n', stderr: '' });
  });

  it('reads a range and a period, and says when there is no quantity', async () => {
    const reading = await json<QuantityReport>('quantity', 'between 35% and 40% in 2024');
    expect(reading.quantity).toMatchObject({ value: 35, high: 40, unit: '%', qualifier: 'range' });
    expect(reading.period).toMatchObject({ canonical: '2024', kind: 'year', start: '2024-01-01', end: '2024-12-31' });
    const human = await assay('quantity', 'between', '35%', 'and', '40%', 'in', '2024');
    expect(human.stdout).toBe('35 % – 40 % ("between 35% and 40%")\nperiod 2024 (year, 2024-01-01 to 2024-12-31)\n');

    expect(await json<QuantityReport>('quantity', 'no number here')).toEqual({ quantity: null, period: null });
    expect((await assay('quantity', 'no number here')).stdout).toBe('No quantity in "no number here".\n');
    expect((await assay('quantity')).code).toBe(2);
  });
});

describe('assay undo', () => {
  it('takes back the latest changes one at a time and says what', async () => {
    expect(await json<UndoResult>('undo')).toEqual({ undone: null, next: null });
    expect((await assay('undo')).stdout).toBe('Nothing to undo.\n');

    const claim = await json<ClaimDetail>('claim', 'add', '--statement', 'China mines about 69% of rare earths');
    const figure = await json<Figure>(
      'figure', 'add', '--metric', 'mine_production', '--entity', 'China', '--value', '270000', '--unit', 't', '--period', '2024'
    );
    await json('claim', 'link', claim.id, '--figure', figure.id, '--relation', 'supports');

    expect(await json<UndoResult>('undo')).toEqual({ undone: 'Link evidence', next: 'Add figure' });
    expect((await json<ClaimDetail>('claim', 'show', claim.id)).links).toEqual([]);

    const human = await assay('undo');
    expect(human).toEqual({ code: 0, stdout: 'Undone: Add figure.\nNext undo would take back: Add claim.\n', stderr: '' });
    expect((await json<{ total: number }>('figures')).total).toBe(0);

    expect(await json<UndoResult>('undo')).toMatchObject({ undone: 'Add claim' });
    expect((await json<ClaimLedger>('claims')).total).toBe(0);
  });

  it('takes back a whole CSV import at once', async () => {
    const { RESOURCES_DIR } = await import('../install-paths');
    await json('figures', 'import', `${RESOURCES_DIR}/sample/rare-earth-figures.csv`, '--map', 'auto', '--commit');
    expect((await json<{ total: number }>('figures')).total).toBe(30);
    expect(await json<UndoResult>('undo')).toMatchObject({ undone: 'Import 30 figures' });
    expect((await json<{ total: number }>('figures')).total).toBe(0);
  });
});
