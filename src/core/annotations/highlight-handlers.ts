import type { DomainHandlers } from '../dispatch/handler-types';
import { createHighlight, deleteHighlight, restoreHighlight, updateHighlight } from './highlights';

export const highlightHandlers: DomainHandlers<
  'highlights.create' | 'highlights.update' | 'highlights.delete' | 'highlights.restore'
> = {
  'highlights.create': (input, { library, journal }) => {
    const highlight = createHighlight(library, input);
    journal.record('Add highlight', { method: 'highlights.delete', input: { id: highlight.id } });
    return highlight;
  },
  'highlights.update': ({ id, ...changes }, { library }) => updateHighlight(library, id, changes),
  'highlights.delete': ({ id }, { library, journal }) => {
    const highlight = deleteHighlight(library, id);
    journal.record('Delete highlight', { method: 'highlights.restore', input: { id } });
    return highlight;
  },
  'highlights.restore': ({ id }, { library }) => restoreHighlight(library, id)
};
