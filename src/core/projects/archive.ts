// The zip container of a project file. Writing is deterministic (fixed entry order, fixed
// timestamps, fixed compression level). Reading treats the bytes as hostile: the zip's directory is
// read and checked first (entry names, count, declared sizes, compression methods), and only then
// are the entries inflated, each into a buffer of its declared size, so a zip bomb cannot make
// Assay allocate more than the limits allow.
import { strToU8, unzipSync, zip, zipSync, type Zippable } from 'fflate';
import { AssayError } from '../../shared/errors';
import { PROJECT_FILE_LIMITS } from './project-file-format';

// 1980-01-01 00:00 local time: the DOS epoch, so every export of the same content has the same
// bytes (fflate writes local time fields, hence the local-time constructor).
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/** An entry's content: text (written as UTF-8), or bytes already encoded. */
export type ZipContent = string | Uint8Array;

function zippable(entries: [name: string, content: ZipContent][]): Zippable {
  const files: Zippable = {};
  for (const [name, content] of entries) files[name] = [typeof content === 'string' ? strToU8(content) : content, { level: 6, mtime: FIXED_MTIME }];
  return files;
}

export function writeZip(entries: [name: string, content: ZipContent][]): Uint8Array {
  return zipSync(zippable(entries), { level: 6, mtime: FIXED_MTIME });
}

/**
 * The same bytes as writeZip, but large entries are compressed in worker threads (fflate's zip
 * runs the very deflate that zipSync runs), so the calling thread stays free to answer other calls.
 * `job.onCancel` stops the workers; the promise then rejects with AssayError 'cancelled'.
 */
export function writeZipAsync(
  entries: [name: string, content: ZipContent][],
  job?: { onCancel(stop: () => void): void }
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const terminate = zip(zippable(entries), { level: 6, mtime: FIXED_MTIME }, (error, data) => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve(data);
    });
    job?.onCancel(() => {
      if (settled) return;
      settled = true;
      terminate();
      reject(new AssayError('cancelled', 'The export was cancelled; nothing was written.'));
    });
  });
}

export interface ZipLimits {
  maxEntries: number;
  maxTotalUncompressedBytes: number;
  maxEntryUncompressedBytes: number;
}

function refuse(message: string): never {
  throw new AssayError('unreadable_file', message);
}

/** Why an entry name is unsafe to use as a path, or null when it is fine. */
export function unsafeEntryName(name: string): string | null {
  if (name.length === 0) return 'an entry has an empty name';
  if (name.length > 200) return `the entry name “${name.slice(0, 40)}…” is too long`;
  if (/[\u0000-\u001f\u007f]/.test(name)) return `the entry name “${JSON.stringify(name)}” contains control characters`;
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) return `the entry “${name}” has an absolute path`;
  if (name.split(/[\\/]/).some((part) => part === '..')) return `the entry “${name}” points outside the archive (“..”)`;
  if (name.includes('\\')) return `the entry “${name}” uses backslashes in its path`;
  return null;
}

interface DirectoryEntry {
  name: string;
  compressedSize: number;
  originalSize: number;
  compression: number;
}

function readDirectory(bytes: Uint8Array): DirectoryEntry[] {
  const entries: DirectoryEntry[] = [];
  try {
    // The filter sees every directory entry before its data is touched; returning false inflates nothing.
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, compressedSize: file.size, originalSize: file.originalSize, compression: file.compression });
        if (entries.length > PROJECT_FILE_LIMITS.maxEntries * 4) throw new AssayError('unreadable_file', 'too many entries');
        return false;
      }
    });
  } catch (error) {
    if (error instanceof AssayError) {
      refuse(`The file is not a valid project file: it has more than ${PROJECT_FILE_LIMITS.maxEntries} entries.`);
    }
    refuse('The file is not a valid project file: it is not a readable zip archive (it may be truncated or corrupted).');
  }
  return entries;
}

/** The archive's entries by name, after every check; throws an AssayError naming the problem. */
export function readZip(bytes: Uint8Array, limits: ZipLimits = PROJECT_FILE_LIMITS): Map<string, Uint8Array> {
  if (bytes.byteLength < 22) refuse('The file is not a valid project file: it is too short to be a zip archive (truncated?).');
  const directory = readDirectory(bytes);
  if (directory.length === 0) refuse('The file is not a valid project file: the zip archive is empty.');
  if (directory.length > limits.maxEntries) {
    refuse(`The file is not a valid project file: it has ${directory.length} entries; a project file has at most ${limits.maxEntries}.`);
  }
  const seen = new Set<string>();
  let total = 0;
  for (const entry of directory) {
    const problem = unsafeEntryName(entry.name);
    if (problem) refuse(`The file was refused: ${problem}.`);
    if (seen.has(entry.name)) refuse(`The file was refused: the entry “${entry.name}” appears twice.`);
    seen.add(entry.name);
    if (entry.compression !== 0 && entry.compression !== 8) {
      refuse(`The file was refused: the entry “${entry.name}” uses an unsupported compression method (${entry.compression}).`);
    }
    if (entry.originalSize > limits.maxEntryUncompressedBytes) {
      refuse(
        `The file was refused: the entry “${entry.name}” would decompress to ${megabytes(entry.originalSize)}; ` +
          `the limit is ${megabytes(limits.maxEntryUncompressedBytes)} per entry.`
      );
    }
    total += entry.originalSize;
    if (total > limits.maxTotalUncompressedBytes) {
      refuse(
        `The file was refused: it would decompress to more than ${megabytes(limits.maxTotalUncompressedBytes)} ` +
          '(a zip bomb, or a project far larger than Assay accepts).'
      );
    }
    if (entry.compression === 0 && entry.compressedSize !== entry.originalSize) {
      refuse(`The file was refused: the stored entry “${entry.name}” declares inconsistent sizes.`);
    }
  }

  let files: Record<string, Uint8Array>;
  try {
    // Each entry inflates into a buffer of its declared (checked) size and no further.
    files = unzipSync(bytes);
  } catch {
    refuse('The file is not a valid project file: an entry cannot be decompressed (the file is truncated or corrupted).');
  }
  const result = new Map<string, Uint8Array>();
  for (const entry of directory) {
    const content = Object.prototype.hasOwnProperty.call(files, entry.name) ? files[entry.name] : undefined;
    if (!content || content.byteLength !== entry.originalSize) {
      refuse(`The file is not a valid project file: the entry “${entry.name}” is truncated or corrupted.`);
    }
    result.set(entry.name, content);
  }
  return result;
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}
