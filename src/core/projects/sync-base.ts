// The version of each entity this library last exchanged (sync_base). It is the common ancestor
// of a three-way merge: a field that only one side changed since then takes that side's value.
//
// - Export records the exported version as the base of entities that have none yet (their first
//   publication). It does not move an existing base: the recipient may never import the file, and
//   a base the other side never saw would make our later edits look like theirs.
// - Import sets the base to the merged result, and remembers the hash of the version received
//   (seen_hash), so that receiving the same version again changes nothing.
import type { Library } from '../db/library';
import { canonicalJson, sha256Hex } from './canonical-json';

export function recordHash(record: unknown): string {
  return sha256Hex(canonicalJson(record));
}

export interface SyncBase {
  /** Null when only a deletion was ever received (the entity was never here). */
  record: Record<string, unknown> | null;
  hash: string;
  seenHash: string | null;
}

export function getBase(library: Library, kind: string, id: string): SyncBase | null {
  const row = library.statement('SELECT base_json, base_hash, seen_hash FROM sync_base WHERE entity_kind = ? AND entity_id = ?').get(kind, id) as
    | { base_json: string; base_hash: string; seen_hash: string | null }
    | undefined;
  if (!row) return null;
  return { record: JSON.parse(row.base_json) as Record<string, unknown> | null, hash: row.base_hash, seenHash: row.seen_hash };
}

/** `json` is the record's canonicalJson when the caller has it already (an export has). */
export function recordBaseIfAbsent(library: Library, kind: string, record: { id: string }, json: string = canonicalJson(record)): void {
  // Most exports after the first find the base there: skip hashing what would not be written.
  if (library.statement('SELECT 1 FROM sync_base WHERE entity_kind = ? AND entity_id = ?').get(kind, record.id)) return;
  library
    .statement(
      `INSERT INTO sync_base (entity_kind, entity_id, base_hash, base_json, seen_hash, recorded_at) VALUES (?, ?, ?, ?, NULL, ?)
       ON CONFLICT (entity_kind, entity_id) DO NOTHING`
    )
    .run(kind, record.id, sha256Hex(json), json, library.now());
}

export function setBase(library: Library, kind: string, id: string, record: unknown | null, seenHash: string): void {
  const existing = getBase(library, kind, id);
  const json = record === null ? (existing ? canonicalJson(existing.record) : 'null') : canonicalJson(record);
  const hash = sha256Hex(json);
  if (existing && existing.hash === hash && existing.seenHash === seenHash) return;
  library
    .statement(
      `INSERT INTO sync_base (entity_kind, entity_id, base_hash, base_json, seen_hash, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (entity_kind, entity_id) DO UPDATE SET base_hash = excluded.base_hash, base_json = excluded.base_json,
         seen_hash = excluded.seen_hash, recorded_at = excluded.recorded_at`
    )
    .run(kind, id, hash, json, seenHash, library.now());
}
