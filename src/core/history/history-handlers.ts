import type { DomainHandlers } from '../dispatch/handler-types';
import { peekUndoLabel, silentJournal, takeLastUndo } from './undo-journal';

export const historyHandlers: DomainHandlers<'history.undo' | 'history.peek'> = {
  'history.undo': (_input, context) => {
    const entry = takeLastUndo(context.library);
    if (!entry) return { undone: null, next: null };
    // The inverse runs in this same transaction; if it fails (say, the thing it would restore is
    // gone for good), the journal entry is kept and the error is reported.
    context.call(entry.inverse.method, entry.inverse.input as never, silentJournal);
    return { undone: entry.label, next: peekUndoLabel(context.library) };
  },
  'history.peek': (_input, { library }) => ({ undone: null, next: peekUndoLabel(library) })
};
