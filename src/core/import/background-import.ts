// Reading files off the main thread. Parsing a long PDF or a large web page takes seconds of CPU;
// in the desktop app the main process also carries every window's IPC, so the parsing runs in a
// worker thread and the main thread only writes the result (articles.importFile's commit phase).
//
// One worker serves the jobs one at a time and stops after a while unused. It runs with a heap
// limit and each job with a time limit: a file built to exhaust memory or loop (a zip bomb, a
// pathological PDF) kills the worker, not the app, and the analyst gets a message naming the file.
import { Worker } from 'node:worker_threads';
import { AssayError, type ErrorPayload } from '../../shared/errors';
import type { PreparedArticle } from './import-content';

export interface ImportJob {
  id: number;
  fileName: string;
  bytes: ArrayBuffer;
}

export type ImportJobResult = { id: number; ok: true; prepared: PreparedArticle } | { id: number; ok: false; error: ErrorPayload };

const JOB_TIMEOUT_MS = 120_000;
const IDLE_MS = 30_000;
const MAX_HEAP_MB = 1024;

let workerScript: string | URL | null = null;

/**
 * Where the bundled worker entry is (the desktop app's build, which has no TypeScript loader).
 * Without it, the worker runs src/core/import/import-worker.ts through tsx.
 */
export function configureImportWorker(script: string | URL): void {
  workerScript = script;
}

interface Running {
  worker: Worker;
  job: { id: number; fileName: string; resolve: (prepared: PreparedArticle) => void; reject: (error: AssayError) => void } | null;
  idleTimer: NodeJS.Timeout | null;
}

let running: Running | null = null;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 1;

function startWorker(): Running {
  const options = { resourceLimits: { maxOldGenerationSizeMb: MAX_HEAP_MB } };
  const worker = workerScript
    ? new Worker(workerScript, options)
    : new Worker(new URL('./worker-bootstrap.mjs', import.meta.url), {
        ...options,
        workerData: { entry: new URL('./import-worker.ts', import.meta.url).href }
      });
  const state: Running = { worker, job: null, idleTimer: null };
  worker.unref();
  worker.on('message', (reply: ImportJobResult) => {
    const job = state.job;
    if (!job || job.id !== reply.id) return;
    state.job = null;
    worker.unref();
    if (reply.ok) job.resolve(reply.prepared);
    else job.reject(AssayError.fromPayload(reply.error));
  });
  const fail = (error: Error | null) => {
    if (running === state) running = null;
    const job = state.job;
    state.job = null;
    if (!job) return;
    const code = (error as NodeJS.ErrnoException | null)?.code;
    job.reject(
      code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new AssayError(
            'unreadable_file',
            `${job.fileName} needs more memory than Assay allows for one file (it may be damaged, or built to exhaust memory); it was not imported.`
          )
        : new AssayError('internal', `Assay's file reader stopped while reading ${job.fileName}${error ? `: ${error.message}` : ''}.`)
    );
  };
  worker.on('error', fail);
  worker.on('exit', () => fail(null));
  return state;
}

function runJob(fileName: string, bytes: Uint8Array): Promise<PreparedArticle> {
  running ??= startWorker();
  const state = running;
  if (state.idleTimer) clearTimeout(state.idleTimer);
  return new Promise<PreparedArticle>((resolve, reject) => {
    const id = nextId++;
    const timer = setTimeout(() => {
      if (state.job?.id !== id) return;
      state.job = null;
      if (running === state) running = null;
      void state.worker.terminate();
      reject(new AssayError('unreadable_file', `${fileName} took longer than ${JOB_TIMEOUT_MS / 1000} seconds to read, so it was skipped.`));
    }, JOB_TIMEOUT_MS);
    const done = () => {
      clearTimeout(timer);
      if (running === state && !state.job) {
        state.idleTimer = setTimeout(() => {
          if (running === state && !state.job) {
            running = null;
            void state.worker.terminate();
          }
        }, IDLE_MS);
        state.idleTimer.unref();
      }
    };
    state.job = {
      id,
      fileName,
      resolve: (prepared) => {
        done();
        resolve(prepared);
      },
      reject: (error) => {
        done();
        reject(error);
      }
    };
    // A copy of the bytes moves to the worker (a Buffer may share its memory with others).
    const copy = new Uint8Array(bytes).buffer;
    // Referenced while a job runs, so that a command-line process waits for the answer.
    state.worker.ref();
    state.worker.postMessage({ id, fileName, bytes: copy } satisfies ImportJob, [copy]);
  });
}

/** Files whose reading is worth a worker: web pages, PDF and Word documents. */
export function readsInBackground(fileName: string): boolean {
  return /\.(html?|xhtml|pdf|docx)$/i.test(fileName);
}

/** prepareArticleFileAsync in the import worker; files are read one after another. */
export function prepareFileInBackground(fileName: string, bytes: Uint8Array): Promise<PreparedArticle> {
  const result = queue.then(() => runJob(fileName, bytes));
  queue = result.catch(() => undefined);
  return result;
}

/** Stops the worker now (tests; an app shutting down). */
export async function stopImportWorker(): Promise<void> {
  const state = running;
  running = null;
  if (state) await state.worker.terminate();
}
