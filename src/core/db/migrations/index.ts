// The ordered list of schema migrations. Append only: a migration that has shipped is never
// edited, because libraries that applied it record its checksum and are checked against it.
import initial from './0001-initial';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [{ version: 1, name: 'initial', sql: initial }];
