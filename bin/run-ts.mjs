#!/usr/bin/env node
// Runs a TypeScript entry point through tsx (as bin/assay.mjs does), for package scripts such as
// `npm run bench`: `node bin/run-ts.mjs bench/run.ts [args…]`. The script sees its own arguments in
// process.argv from index 2, as if it had been started directly.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const [script] = process.argv.splice(2, 1);
if (!script) {
  process.stderr.write('usage: node bin/run-ts.mjs SCRIPT.ts [args…]\n');
  process.exit(2);
}
process.argv[1] = resolve(script);
register();
await import(pathToFileURL(resolve(script)).href);
