import { AssayError } from '../../shared/errors';
import type { DomainHandlers } from '../dispatch/handler-types';
import { peekUndoLabel, silentJournal, takeLastUndo } from './undo-journal';

export const historyHandlers: DomainHandlers<'history.undo' | 'history.peek'> = {
  'history.undo': (_input, context) => {
    const { library } = context;
    const entry = takeLastUndo(library);
    if (!entry) return { undone: null, next: null };
    try {
      // A savepoint of its own: if the inverse cannot run any more (what it restores is gone for
      // good), its partial writes are rolled back but the entry is still dropped, so one stale
      // entry cannot block every undo behind it.
      library.db.transaction(() => context.call(entry.inverse.method, entry.inverse.input as never, silentJournal))();
    } catch (error) {
      if (!(error instanceof AssayError)) throw error;
      return { undone: null, skipped: { label: entry.label, reason: error.message }, next: peekUndoLabel(library) };
    }
    return { undone: entry.label, next: peekUndoLabel(library) };
  },
  'history.peek': (_input, { library }) => ({ undone: null, next: peekUndoLabel(library) })
};
