// The import worker's entry: reads files (prepareArticleFileAsync) off the main thread. See
// background-import.ts for how it is started and why.
import { parentPort } from 'node:worker_threads';
import { AssayError } from '../../shared/errors';
import { prepareArticleFileAsync } from './import-content';
import type { ImportJob, ImportJobResult } from './background-import';

if (!parentPort) throw new Error('import-worker.ts runs as a worker thread.');
const port = parentPort;

port.on('message', async (job: ImportJob) => {
  let reply: ImportJobResult;
  try {
    reply = { id: job.id, ok: true, prepared: await prepareArticleFileAsync(job.fileName, new Uint8Array(job.bytes)) };
  } catch (error) {
    reply = {
      id: job.id,
      ok: false,
      error:
        error instanceof AssayError
          ? error.toPayload()
          : { code: 'internal', message: `Assay hit an unexpected error reading ${job.fileName}: ${error instanceof Error ? error.message : String(error)}` }
    };
  }
  port.postMessage(reply);
});
