// The ordered list of schema migrations. Append only: a migration that has shipped is never
// edited, because libraries that applied it record its checksum and are checked against it.
import initial from './0001-initial';
import claimsFigures from './0002-claims-figures';
import charts from './0003-charts';
import importFormats from './0004-import-formats';
import projects from './0005-projects';
import figureIndexes from './0006-figure-indexes';
import articleFtsParts from './0007-article-fts-parts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'claims-figures', sql: claimsFigures },
  { version: 3, name: 'charts', sql: charts },
  { version: 4, name: 'import-formats', sql: importFormats },
  { version: 5, name: 'projects', sql: projects },
  { version: 6, name: 'figure-indexes', sql: figureIndexes },
  { version: 7, name: 'article-fts-parts', sql: articleFtsParts }
];
