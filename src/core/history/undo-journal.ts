// The undo journal: each undoable change records, in its own transaction, the contract call that
// takes it back. Undo runs that call. Keeping it in the library means undo survives a reload.
import type { MethodName } from '../../shared/contract';
import type { Library } from '../db/library';

export interface InverseCall {
  method: MethodName;
  input: unknown;
}

export interface UndoJournal {
  record(label: string, inverse: InverseCall): void;
}

// Enough to take back an afternoon's mistakes without the journal growing without bound.
const JOURNAL_LENGTH = 500;

export function createUndoJournal(library: Library): UndoJournal {
  return {
    record(label, inverse) {
      const { lastInsertRowid } = library
        .statement('INSERT INTO undo_journal (label, inverse_json, created_at) VALUES (?, ?, ?)')
        .run(label, JSON.stringify(inverse), library.now());
      // seq is AUTOINCREMENT, so the entry just written has the highest seq: no max() to look up.
      library.statement('DELETE FROM undo_journal WHERE seq <= ?').run(Number(lastInsertRowid) - JOURNAL_LENGTH);
    }
  };
}

/** Used while an undo runs: taking a change back is not itself added to the journal. */
export const silentJournal: UndoJournal = { record() {} };

export function takeLastUndo(library: Library): { label: string; inverse: InverseCall } | null {
  const row = library.statement('SELECT seq, label, inverse_json FROM undo_journal ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; label: string; inverse_json: string }
    | undefined;
  if (!row) return null;
  library.statement('DELETE FROM undo_journal WHERE seq = ?').run(row.seq);
  return { label: row.label, inverse: JSON.parse(row.inverse_json) as InverseCall };
}

export function peekUndoLabel(library: Library): string | null {
  const row = library.statement('SELECT label FROM undo_journal ORDER BY seq DESC LIMIT 1').get() as { label: string } | undefined;
  return row?.label ?? null;
}
