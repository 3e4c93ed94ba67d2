// Canonical JSON: keys sorted at every level, no insignificant white space. Project files are
// written with it so that the same content always gives the same bytes and the same hashes, and
// records are compared and hashed through it during a merge.
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value as Record<string, unknown>).sort()) {
      const entry = (value as Record<string, unknown>)[key];
      if (entry !== undefined) sorted[key] = sortKeys(entry);
    }
    return sorted;
  }
  return value;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Equal as JSON values (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** A JSON array with one canonical record per line: deterministic and readable in a diff. */
export function canonicalLines(rows: unknown[]): string {
  return linesOfCanonicalJson(rows.map((row) => canonicalJson(row)));
}

/** canonicalLines for rows already serialised with canonicalJson. */
export function linesOfCanonicalJson(rows: string[]): string {
  return rows.length === 0 ? '[]\n' : `[\n${rows.join(',\n')}\n]\n`;
}
