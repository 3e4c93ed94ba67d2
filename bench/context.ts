// What every benchmark group gets: the library copy it may change, iteration counts for the run's
// size, and one Assay session (library + dispatcher) shared by the groups that call the contract.
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { openLibrary, type Library } from '../src/core/db/library';
import { createDispatcher, type Dispatcher } from '../src/core/dispatch/dispatcher';
import type { LibraryManifest, LibrarySize } from './generate-library';
import { verdictFor, type RowResult } from './measure';

export interface BenchContext {
  small: boolean;
  seed: number;
  size: LibrarySize;
  manifest: LibraryManifest;
  /** A private copy of the cached library; groups may write to it. */
  workPath: string;
  workDir: string;
  projectRoot: string;
  log(line: string): void;
  /** Assay's own session on the work copy (opened on first use). */
  session(): { library: Library; dispatcher: Dispatcher };
  closeSession(): void;
}

export interface BenchGroup {
  id: string;
  title: string;
  run(context: BenchContext): Promise<RowResult[]> | RowResult[];
}

/** An operation of issue 8 whose feature does not exist yet: listed, never measured. */
export interface NotYetBuilt {
  id: string;
  operation: string;
  target: string;
  waitsFor: string;
}

export function finishRow(row: Omit<RowResult, 'verdict' | 'status'> & { status?: RowResult['status'] }): RowResult {
  const complete: RowResult = { status: 'measured', verdict: '', ...row };
  complete.verdict = verdictFor(complete);
  return complete;
}

export function createSession(workPath: string): Pick<BenchContext, 'session' | 'closeSession'> {
  let current: { library: Library; dispatcher: Dispatcher } | null = null;
  return {
    session() {
      if (!current) {
        const library = openLibrary(workPath);
        current = { library, dispatcher: createDispatcher({ library, appVersion: 'bench' }) };
      }
      return current;
    },
    closeSession() {
      current?.library.close();
      current = null;
    }
  };
}

/** A raw better-sqlite3 connection with the settings Assay's connection uses, for baselines. */
export function openRaw(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * Drops one file's pages from the OS page cache (GNU dd with iflag=nocache calls
 * posix_fadvise(DONTNEED) on it), so that the next open reads it from disk: a cold open without
 * dropping the whole machine's cache. Returns false where that is not available.
 */
export function evictFromPageCache(path: string): boolean {
  try {
    execFileSync('sync', [path]);
    execFileSync('dd', [`if=${path}`, 'iflag=nocache', 'count=0', 'status=none']);
    return true;
  } catch {
    return false;
  }
}
