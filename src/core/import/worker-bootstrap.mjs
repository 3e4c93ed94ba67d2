// Starts the import worker when Assay runs from its TypeScript sources (the CLI, browser mode,
// tests): a worker thread does not inherit the tsx loader of the thread that starts it, so it
// registers tsx itself before loading the entry. The desktop app's build runs the bundled entry
// directly (see configureImportWorker in background-import.ts).
import { workerData } from 'node:worker_threads';

// pdf.js is loaded before tsx is registered: through tsx, Node reads its 2 MB source maps and a
// cold start takes seconds instead of half a second. Later imports of it get these same modules.
await import('pdfjs-dist/legacy/build/pdf.mjs');
await import('pdfjs-dist/legacy/build/pdf.worker.mjs');

const { register } = await import('tsx/esm/api');
register();
await import(workerData.entry);
