import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AssayError } from '../../shared/errors';
import { openLibrary } from './library';
import { MIGRATIONS } from './migrations';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'assay-db-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('openLibrary', () => {
  it('creates a library with every migration applied, WAL and foreign keys on', () => {
    const library = openLibrary(join(folder, 'new.sqlite'));
    expect(library.created).toBe(true);
    expect(library.schemaVersion).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
    expect(library.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(library.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const applied = library.db.prepare('SELECT version, name FROM schema_migrations').all();
    expect(applied).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
    library.close();
  });

  it('reopens an existing library without re-applying migrations', () => {
    const path = join(folder, 'again.sqlite');
    openLibrary(path).close();
    const library = openLibrary(path);
    expect(library.created).toBe(false);
    expect(library.db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length });
    library.close();
  });

  it('refuses a library written by a newer Assay and leaves the file byte for byte as it was', () => {
    const path = join(folder, 'newer.sqlite');
    openLibrary(path).close();
    const raw = new Database(path);
    raw.pragma('journal_mode = DELETE');
    raw.prepare("INSERT INTO schema_migrations VALUES (999, 'from-the-future', 'x', '2030-01-01')").run();
    raw.close();
    const before = readFileSync(path);

    let caught: unknown;
    try {
      openLibrary(path);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AssayError);
    expect((caught as AssayError).code).toBe('library_too_new');
    expect((caught as AssayError).message).toMatch(/schema version 999.*newer Assay.*not changed/s);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a library whose recorded migration differs from this build', () => {
    const path = join(folder, 'edited.sqlite');
    openLibrary(path).close();
    const raw = new Database(path);
    raw.prepare("UPDATE schema_migrations SET checksum = 'tampered' WHERE version = 1").run();
    raw.close();
    expect(() => openLibrary(path)).toThrow(/records migration 1 \(initial\) differently/);
  });

  it('refuses a file that is not a SQLite database with a clear message', () => {
    const path = join(folder, 'notes.sqlite');
    writeFileSync(path, 'these are my notes, not a database '.repeat(200));
    expect(() => openLibrary(path)).toThrow(/is not an Assay library/);
    expect(readFileSync(path, 'utf8')).toMatch(/^these are my notes/);
  });
});
