import type { DomainHandlers } from '../dispatch/handler-types';
import { searchLibrary } from './search';

export const searchHandlers: DomainHandlers<'search.query'> = {
  'search.query': ({ query, limit }, { library }) => searchLibrary(library, query, limit)
};
