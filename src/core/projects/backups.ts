// Backups of the library: taken with VACUUM INTO (a consistent, compact copy; it cannot run inside a
// transaction, so the dispatcher runs it before the merge's transaction opens), kept in a
// `backups` folder next to the library with rotation, and restored in place: the backup is attached
// and every table's rows are replaced by the backup's in one transaction, so the open connection
// (Electron main, browser-mode host) stays valid and a failed restore changes nothing.
import { existsSync, mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AssayError } from '../../shared/errors';
import type { BackupInfo } from '../../shared/projects';
import type { Library } from '../db/library';
import { rebuildSearchIndex } from '../search/search-index';

/** How many backups are kept; the oldest go first. */
export const BACKUPS_KEPT = 10;
export const BACKUP_FOLDER = 'backups';
const NAME_PATTERN = /^library-(\d{8}T\d{9}Z)-(before-merge|before-restore|manual)(-\d+)?\.sqlite$/;
export const RESTORE_ALIAS = 'restore_source';

/**
 * backups/<library file name>/ beside the library: one folder per library, so that libraries kept
 * in the same folder never list, rotate away or restore each other's backups.
 */
export function backupFolder(library: Library): string | null {
  if (library.path === ':memory:' || library.path === '') return null;
  return join(dirname(library.path), BACKUP_FOLDER, basename(library.path));
}

function stamp(iso: string): string {
  // 2025-01-02T03:04:05.678Z → 20250102T030405678Z: sorts by time and is safe in any file system.
  return iso.replace(/[-:.]/g, '');
}

function fromStamp(value: string): string {
  return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}T${value.slice(9, 11)}:${value.slice(11, 13)}:${value.slice(13, 15)}.${value.slice(15, 18)}Z`;
}

export function listBackups(library: Library): BackupInfo[] {
  const folder = backupFolder(library);
  if (!folder || !existsSync(folder)) return [];
  return readdirSync(folder)
    .map((name) => ({ name, match: NAME_PATTERN.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ name, match }) => {
      const path = join(folder, name);
      return { name, path, createdAt: fromStamp(match[1]), reason: match[2], sizeBytes: statSync(path).size };
    })
    .sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/**
 * Copies the library to a new file in the backups folder and drops the oldest beyond BACKUPS_KEPT.
 * Must run outside any transaction (VACUUM INTO refuses to run inside one).
 */
export function takeBackup(
  library: Library,
  reason: 'before-merge' | 'before-restore' | 'manual',
  /** A backup rotation must not remove (the one about to be restored). */
  keep?: string
): BackupInfo | null {
  const folder = backupFolder(library);
  if (!folder) return null;
  if (library.db.inTransaction) throw new Error('takeBackup must run outside a transaction.');
  mkdirSync(folder, { recursive: true });
  const base = `library-${stamp(library.now())}-${reason}`;
  let name = `${base}.sqlite`;
  for (let counter = 2; existsSync(join(folder, name)); counter += 1) name = `${base}-${counter}.sqlite`;
  const path = join(folder, name);
  library.db.prepare('VACUUM INTO ?').run(path);
  for (const old of listBackups(library).filter((backup) => backup.name !== keep).slice(BACKUPS_KEPT)) {
    try {
      unlinkSync(old.path);
    } catch {
      // A backup that cannot be removed now (open elsewhere) is removed at a later rotation.
    }
  }
  return listBackups(library).find((backup) => backup.name === name) ?? null;
}

/** The backup's path, for a name from listBackups only (never a path from outside). */
export function backupPath(library: Library, name: string): string {
  const folder = backupFolder(library);
  if (!folder || basename(name) !== name || !NAME_PATTERN.test(name) || !existsSync(join(folder, name))) {
    throw new AssayError('not_found', `There is no backup named ${name}; see the list of backups.`);
  }
  return join(folder, name);
}

function userTables(library: Library, schema: 'main' | typeof RESTORE_ALIAS): { name: string; withoutRowid: boolean }[] {
  return (
    library.db
      .prepare(`SELECT name, wr FROM pragma_table_list WHERE schema = ? AND type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .all(schema) as { name: string; wr: number }[]
  )
    .filter((table) => !/_fts(_|$)/.test(table.name))
    .map((table) => ({ name: table.name, withoutRowid: table.wr === 1 }));
}

function columns(library: Library, schema: string, table: string): string[] {
  return (library.db.prepare(`SELECT name FROM pragma_table_info(?, ?)`).all(table, schema) as { name: string }[]).map((row) => row.name);
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Attaches the backup for restoreFromAttached; outside any transaction. */
export function attachBackup(library: Library, name: string): void {
  const path = backupPath(library, name);
  library.db.prepare(`ATTACH DATABASE ? AS ${RESTORE_ALIAS}`).run(path);
}

export function detachBackup(library: Library): void {
  const attached = (library.db.prepare('SELECT name FROM pragma_database_list').all() as { name: string }[]).some(
    (row) => row.name === RESTORE_ALIAS
  );
  if (attached) library.db.exec(`DETACH DATABASE ${RESTORE_ALIAS}`);
}

/**
 * Replaces every table's rows with the attached backup's, inside the caller's transaction, and
 * rebuilds the full-text index. Refuses a backup made with a different schema.
 */
export function restoreFromAttached(library: Library, name: string): { tables: number; rows: number } {
  const attached = (library.db.prepare('SELECT name FROM pragma_database_list').all() as { name: string }[]).some(
    (row) => row.name === RESTORE_ALIAS
  );
  if (!attached) throw new AssayError('invalid_input', 'library.restoreBackup must be called on its own, not from another call.');
  const versions = (schema: string) =>
    (library.db.prepare(`SELECT version FROM ${schema}.schema_migrations ORDER BY version`).all() as { version: number }[])
      .map((row) => row.version)
      .join(',');
  let backupVersions: string;
  try {
    backupVersions = versions(RESTORE_ALIAS);
  } catch {
    throw new AssayError('unreadable_file', `The backup ${name} is not an Assay library.`);
  }
  if (backupVersions !== versions('main')) {
    throw new AssayError(
      'library_mismatch',
      `The backup ${name} was made with another version of the library's schema (${backupVersions}); it cannot replace this library (${versions('main')}).`
    );
  }
  // schema_migrations is identical (checked above); project_articles goes last, because putting
  // articles back fires the trigger that files new articles into the default project.
  const tables = userTables(library, 'main').filter((table) => table.name !== 'schema_migrations');
  const ordered = [...tables.filter((table) => table.name !== 'project_articles'), ...tables.filter((table) => table.name === 'project_articles')];
  const inBackup = new Set(userTables(library, RESTORE_ALIAS).map((table) => table.name));
  // Checked at commit, so rows can be put back in any order.
  library.db.pragma('defer_foreign_keys = ON');
  for (const table of ordered) library.db.prepare(`DELETE FROM main.${quote(table.name)}`).run();
  let rows = 0;
  for (const table of ordered) {
    if (table.name === 'project_articles') library.db.prepare('DELETE FROM main.project_articles').run();
    if (!inBackup.has(table.name)) continue;
    const backupColumns = columns(library, RESTORE_ALIAS, table.name);
    const shared = columns(library, 'main', table.name).filter((column) => backupColumns.includes(column));
    const list = [...(table.withoutRowid ? [] : ['rowid']), ...shared.map(quote)].join(', ');
    rows += library.db.prepare(`INSERT INTO main.${quote(table.name)} (${list}) SELECT ${list} FROM ${RESTORE_ALIAS}.${quote(table.name)}`).run().changes;
  }
  // The search index follows the restored rows (see search-index.ts for what is indexed).
  rebuildSearchIndex(library);
  return { tables: tables.length, rows };
}
