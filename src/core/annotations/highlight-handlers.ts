import type { DomainHandlers } from '../dispatch/handler-types';
import { createHighlight, deleteHighlight, restoreHighlight, updateHighlight } from './highlights';

export const highlightHandlers: DomainHandlers<
  'highlights.create' | 'highlights.update' | 'highlights.delete' | 'highlights.restore'
> = {
  'highlights.create': (input, { library }) => createHighlight(library, input),
  'highlights.update': ({ id, ...changes }, { library }) => updateHighlight(library, id, changes),
  'highlights.delete': ({ id }, { library }) => deleteHighlight(library, id),
  'highlights.restore': ({ id }, { library }) => restoreHighlight(library, id)
};
