// Files named on the command line: why one cannot be read, in words, and reading one that must
// stay under a size limit (checked before reading, so a stray multi-gigabyte file is never loaded).
import { readFileSync, statSync } from 'node:fs';
import { AssayError } from '../shared/errors';

/** Why a file given on the command line cannot be read or written, in words. */
export function fileProblem(error: unknown): AssayError {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return new AssayError('unreadable_file', 'there is no such file.');
    case 'EISDIR':
      return new AssayError('unreadable_file', 'it is a folder, not a file.');
    case 'EACCES':
    case 'EPERM':
      return new AssayError('unreadable_file', 'permission denied.');
    default:
      return new AssayError('unreadable_file', error instanceof Error ? error.message : String(error));
  }
}

/** The file's bytes, or a clear refusal: missing, a folder, unreadable, or over `maxBytes` ("Assay <verb> up to N MB"). */
export function readFileUpTo(path: string, maxBytes: number, verb: string): Buffer {
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    size = stats.size;
  } catch (error) {
    throw fileProblem(error);
  }
  if (size > maxBytes) {
    throw new AssayError('unreadable_file', `it is ${Math.round(size / 1024 / 1024)} MB; Assay ${verb} up to ${maxBytes / 1024 / 1024} MB.`);
  }
  try {
    return readFileSync(path);
  } catch (error) {
    throw fileProblem(error);
  }
}
