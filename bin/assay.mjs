#!/usr/bin/env node
// The `assay` command. The CLI is TypeScript run through tsx, so there is no separate build step;
// src/cli/main.ts loads core only for commands that need it, which keeps --help and --version quick.
import { register } from 'tsx/esm/api';

// `assay list | head` closes stdout early; that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
