// Reading files the analyst picked or dropped (folders too), and sending them to the library one
// by one, so that one bad file does not stop the others and a batch can be cancelled between files.
// The renderer never parses a file: it sends the bytes, and core reads them off the main thread.
import { MAX_IMPORT_BYTES, type ImportWarning } from '../../../../shared/domain';
import type { AssayClient } from '../../api/client';
import { errorMessage } from '../../api/client';

export const IMPORTABLE_EXTENSIONS = ['.html', '.htm', '.xhtml', '.pdf', '.docx', '.md', '.markdown', '.txt', '.text'];
export const ACCEPTED_FILE_TYPES = IMPORTABLE_EXTENSIONS.join(',');

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

export function isImportable(name: string): boolean {
  return IMPORTABLE_EXTENSIONS.includes(extensionOf(name));
}

export interface BatchFile {
  file: File;
  /** Where the file was: its path inside a dropped or picked folder, else its name. */
  path: string;
}

export interface BatchSelection {
  files: BatchFile[];
  /** Files inside folders that are not of an importable kind (pictures, spreadsheets…), by path. */
  skipped: string[];
}

export type FileOutcome =
  | { path: string; status: 'imported' | 'duplicate'; id: string; title: string; duplicateOf?: string; warnings: ImportWarning[] }
  | { path: string; status: 'failed'; message: string; warnings: ImportWarning[] };

/** Files picked with the file dialog (one by one, or a whole folder). */
export function selectionFromFileList(list: FileList | File[]): BatchSelection {
  const selection: BatchSelection = { files: [], skipped: [] };
  for (const file of [...list]) {
    const path = file.webkitRelativePath || file.name;
    const inFolder = file.webkitRelativePath !== '';
    if (inFolder && path.split('/').some((part) => part.startsWith('.'))) continue;
    // A file chosen by name is always tried, so that the analyst learns why it cannot be imported;
    // a folder's other files (pictures, spreadsheets) are only counted.
    if (inFolder && !isImportable(file.name)) selection.skipped.push(path);
    else selection.files.push({ file, path });
  }
  return selection;
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walkEntry(entry: FileSystemEntry, selection: BatchSelection, inFolder: boolean): Promise<void> {
  const path = entry.fullPath.replace(/^\//, '') || entry.name;
  if (entry.isDirectory) {
    if (inFolder && entry.name.startsWith('.')) return;
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries answers in batches (100 at a time in Chromium) until it returns none.
    const children: FileSystemEntry[] = [];
    for (let batch = await readEntries(reader); batch.length > 0; batch = await readEntries(reader)) children.push(...batch);
    children.sort((a, b) => a.name.localeCompare(b.name));
    for (const child of children) await walkEntry(child, selection, true);
    return;
  }
  if (inFolder && entry.name.startsWith('.')) return;
  if (inFolder && !isImportable(entry.name)) {
    selection.skipped.push(path);
    return;
  }
  selection.files.push({ file: await entryFile(entry as FileSystemFileEntry), path });
}

/**
 * The files of a drop, folders walked. Must be called from the drop handler before it awaits
 * anything: the browser empties the DataTransfer once the event is over.
 */
export function selectionFromDrop(dataTransfer: DataTransfer): Promise<BatchSelection> {
  const entries = [...dataTransfer.items]
    .filter((item) => item.kind === 'file')
    .map((item) => (typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null));
  const files = [...dataTransfer.files];
  if (entries.length === 0 || entries.some((entry) => entry === null)) return Promise.resolve(selectionFromFileList(files));
  return (async () => {
    const selection: BatchSelection = { files: [], skipped: [] };
    for (const entry of entries) await walkEntry(entry!, selection, false);
    return selection;
  })();
}

function bytesToBase64(bytes: Uint8Array): string {
  // String.fromCharCode with a spread overflows the stack on large files; go in chunks.
  let binary = '';
  const chunk = 0x8000;
  for (let index = 0; index < bytes.length; index += chunk) {
    binary += String.fromCharCode(...bytes.subarray(index, index + chunk));
  }
  return btoa(binary);
}

/** `projectId`: the project the article joins (null: the default project). */
export async function importOneFile(client: AssayClient, { file, path }: BatchFile, projectId: string | null = null): Promise<FileOutcome> {
  // Refused by its size before it is read: a 200 MB file is never loaded into the page.
  if (file.size > MAX_IMPORT_BYTES) {
    return {
      path,
      status: 'failed',
      message: `${file.name} is ${Math.round(file.size / 1024 / 1024)} MB; Assay imports files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
      warnings: []
    };
  }
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await client.call('articles.importFile', { fileName: file.name, dataBase64: bytesToBase64(bytes), projectId });
    return { path, status: result.status, id: result.id, title: result.title, duplicateOf: result.duplicateOf, warnings: result.warnings };
  } catch (error) {
    const message = errorMessage(error);
    return { path, status: 'failed', message: message.startsWith(file.name) ? message : `${file.name}: ${message}`, warnings: [] };
  }
}

export interface BatchProgress {
  done: number;
  total: number;
  current: string | null;
}

/** Imports the files in order; `shouldStop` is asked between files (Cancel stops after the current one). */
export async function runImportBatch(
  client: AssayClient,
  files: BatchFile[],
  options: { onProgress(progress: BatchProgress, outcome: FileOutcome | null): void; shouldStop(): boolean; projectId?: string | null }
): Promise<{ outcomes: FileOutcome[]; cancelled: boolean }> {
  const outcomes: FileOutcome[] = [];
  for (const [index, file] of files.entries()) {
    if (options.shouldStop()) return { outcomes, cancelled: true };
    options.onProgress({ done: index, total: files.length, current: file.path }, null);
    const outcome = await importOneFile(client, file, options.projectId ?? null);
    outcomes.push(outcome);
    options.onProgress({ done: index + 1, total: files.length, current: null }, outcome);
  }
  return { outcomes, cancelled: false };
}
