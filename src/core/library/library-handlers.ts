import type { DomainHandlers } from '../dispatch/handler-types';
import { countArticles } from '../articles/articles';

export const libraryHandlers: DomainHandlers<'library.info'> = {
  'library.info': (_input, { library, appVersion }) => ({
    path: library.path,
    schemaVersion: library.schemaVersion,
    articleCount: countArticles(library),
    highlightCount: (
      library.statement('SELECT count(*) AS n FROM highlights WHERE deleted_at IS NULL').get() as { n: number }
    ).n,
    appVersion
  })
};
