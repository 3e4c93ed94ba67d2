// assay quantity (what the parser reads in a phrase) and assay undo (take back the latest change).
import type { PeriodReading, QuantityReading, UndoResult } from '../../shared/evidence';
import { withLibrary, writeJson, type CommandSpec } from '../cli-context';
import { singleLine } from '../terminal-text';
import { describeAmount } from './evidence-text';

/** `assay quantity --json` output: the contract's `quantities.parse` result. */
export interface QuantityReport {
  quantity: QuantityReading | null;
  period: PeriodReading | null;
}

export const quantityCommand: CommandSpec = {
  name: 'quantity',
  summary: 'show how Assay reads the number (and period) in a phrase',
  usage: 'assay quantity "TEXT" [--json]',
  options: ['json'],
  args: { min: 1, max: Infinity },
  details: [
    'e.g. assay quantity "~69%", assay quantity "between 35% and 40%", assay quantity "3.8 million t in 2024".',
    'Several words are one phrase, as if quoted.'
  ],
  run: (context) => {
    const text = context.args.join(' ');
    return withLibrary(context, ({ dispatcher }) => {
      const reading = dispatcher.call('quantities.parse', { text });
      if (context.options.json) {
        writeJson(context.io, reading satisfies QuantityReport);
        return 0;
      }
      const { quantity, period } = reading;
      const lines = [
        quantity
          ? `${describeAmount(quantity)} ("${singleLine(quantity.text)}")`
          : `No quantity in "${singleLine(text)}".`
      ];
      if (period) lines.push(`period ${period.canonical} (${period.kind}, ${period.start} to ${period.end})`);
      context.io.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    });
  }
};

export const undoCommand: CommandSpec = {
  name: 'undo',
  summary: 'take back the latest change to claims, figures, links or highlights',
  usage: 'assay undo [--json]',
  options: ['json'],
  args: { min: 0, max: 0 },
  details: ['Undo again to take back the change before it. The desktop app shares the same history.'],
  run: (context) =>
    withLibrary(context, ({ dispatcher }) => {
      const result = dispatcher.call('history.undo', {});
      if (context.options.json) {
        writeJson(context.io, result satisfies UndoResult);
        return 0;
      }
      const lines = [result.undone === null ? 'Nothing to undo.' : `Undone: ${result.undone}.`];
      if (result.next !== null) lines.push(`Next undo would take back: ${result.next}.`);
      context.io.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    })
};
