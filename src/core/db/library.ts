// Opening a library file: the SQLite connection, its settings, and its migrations.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AssayError } from '../../shared/errors';
import { MIGRATIONS, type Migration } from './migrations';

export interface OpenLibraryOptions {
  /** Path to a better-sqlite3 binary built for this runtime (Electron needs its own build). */
  nativeBinding?: string;
  /** Open without writing anything, e.g. to inspect a library. */
  readonly?: boolean;
  /** Clock, so tests can control timestamps. */
  now?: () => Date;
}

export interface Library {
  readonly db: Database.Database;
  readonly path: string;
  /** True when this open created the library (no migration had been applied before). */
  readonly created: boolean;
  readonly schemaVersion: number;
  /** A prepared statement, cached for the life of the connection. */
  statement(sql: string): Database.Statement;
  /** ISO timestamp from the library's clock. */
  now(): string;
  close(): void;
}

function checksum(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
}

function readAppliedMigrations(db: Database.Database): AppliedMigration[] {
  const table = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!table) return [];
  return db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as AppliedMigration[];
}

/**
 * Refuses a library that this build cannot safely write: one migrated by a newer Assay, or one
 * whose recorded migrations differ from ours. Runs before any write, so a refused file is untouched.
 */
function checkCompatibility(path: string, applied: AppliedMigration[]): void {
  const newest = MIGRATIONS[MIGRATIONS.length - 1].version;
  const tooNew = applied.find((row) => row.version > newest);
  if (tooNew) {
    throw new AssayError(
      'library_too_new',
      `The library ${path} uses schema version ${applied[applied.length - 1].version}, written by a newer Assay; ` +
        `this version understands up to ${newest}. Update Assay to open it. The file was not changed.`
    );
  }
  for (const row of applied) {
    const known = MIGRATIONS.find((migration) => migration.version === row.version);
    if (!known || checksum(known) !== row.checksum) {
      throw new AssayError(
        'library_mismatch',
        `The library ${path} records migration ${row.version} (${row.name}) differently from this build of Assay; ` +
          'it was not changed. Open it with the Assay version that created it.'
      );
    }
  }
}

function looksLikeNonSqliteFile(error: unknown): boolean {
  return error instanceof Error && /file is not a database|file is encrypted/i.test(error.message);
}

export function openLibrary(path: string, options: OpenLibraryOptions = {}): Library {
  const inMemory = path === ':memory:';
  if (!inMemory && !options.readonly) mkdirSync(dirname(path), { recursive: true });
  if (options.readonly && !inMemory && !existsSync(path)) {
    throw new AssayError('not_found', `There is no library at ${path}.`);
  }

  const db = new Database(path, {
    readonly: options.readonly ?? false,
    nativeBinding: options.nativeBinding
  });
  let applied: AppliedMigration[];
  try {
    applied = readAppliedMigrations(db);
    checkCompatibility(path, applied);
  } catch (error) {
    db.close();
    if (looksLikeNonSqliteFile(error)) {
      throw new AssayError('library_mismatch', `${path} is not an Assay library (it is not a SQLite database).`);
    }
    throw error;
  }

  if (!options.readonly) {
    // WAL keeps readers (search as you type) from waiting on writers; NORMAL is durable in WAL mode
    // except for the last transactions before a power cut, which is the usual desktop trade-off.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');

  const created = applied.length === 0;
  const clock = options.now ?? (() => new Date());
  if (!options.readonly) applyMigrations(db, applied, clock);

  const cache = new Map<string, Database.Statement>();
  const schemaVersion = (
    db.prepare('SELECT coalesce(max(version), 0) AS version FROM schema_migrations').get() as { version: number }
  ).version;

  return {
    db,
    path,
    created,
    schemaVersion,
    statement(sql) {
      let prepared = cache.get(sql);
      if (!prepared) {
        prepared = db.prepare(sql);
        cache.set(sql, prepared);
      }
      return prepared;
    },
    now: () => clock().toISOString(),
    close() {
      cache.clear();
      db.close();
    }
  };
}

function applyMigrations(db: Database.Database, applied: AppliedMigration[], clock: () => Date): void {
  const pending = MIGRATIONS.filter((migration) => !applied.some((row) => row.version === migration.version));
  if (pending.length === 0) return;
  // All pending migrations in one transaction: a library is either at the old schema or the new one.
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      checksum TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
    for (const migration of pending) {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, checksum(migration), clock().toISOString());
    }
  })();
}
