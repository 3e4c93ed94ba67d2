// The ordered list of schema migrations. Append only: a migration that has shipped is never
// edited, because libraries that applied it record its checksum and are checked against it.
import initial from './0001-initial';
import claimsFigures from './0002-claims-figures';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'claims-figures', sql: claimsFigures }
];
