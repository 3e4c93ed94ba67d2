// What every command receives: where to write, the environment, and the parsed arguments. Tests
// pass their own streams and environment, so the whole CLI runs in-process without spawning.
import { resolve } from 'node:path';
import type { Dispatcher } from '../core/dispatch/dispatcher';
import type { Library } from '../core/db/library';
import type { OptionName, ParsedOptions } from './cli-options';

export interface CliOutput {
  write(chunk: string): unknown;
  /** True when a person is reading (a terminal), so styling is welcome. */
  isTTY?: boolean;
}

export interface CliIo {
  stdout: CliOutput;
  stderr: CliOutput;
  env: NodeJS.ProcessEnv;
  /** Relative paths on the command line (files, --library) are resolved against this. */
  cwd: string;
  /** `serve` runs until this resolves; by default until SIGINT or SIGTERM. */
  waitForShutdown: () => Promise<unknown>;
  /** The built renderer `serve` offers (default <repo>/out/renderer; tests use a tiny one). */
  rendererDir: string;
}

/** A mistake in how the command was called: exit code 2 and a pointer to the usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface LibrarySession {
  path: string;
  library: Library;
  dispatcher: Dispatcher;
  close(): void;
}

export interface CommandContext {
  io: CliIo;
  options: ParsedOptions;
  /** Positional arguments after the command name. */
  args: string[];
  openLibrary(): Promise<LibrarySession>;
}

export function resolveFromCwd(io: CliIo, path: string): string {
  return resolve(io.cwd, path);
}

export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Opens the library for one command and always closes it, whatever the command does. */
export async function withLibrary<T>(context: CommandContext, work: (session: LibrarySession) => Promise<T> | T): Promise<T> {
  const session = await context.openLibrary();
  try {
    return await work(session);
  } finally {
    session.close();
  }
}

export interface CommandSpec {
  /** The words that call it: `show`, or `claim add` for a subcommand. */
  name: string;
  /** One line for the command list in `assay --help`. */
  summary: string;
  /** The synopsis, e.g. `assay show ID [--json]`. */
  usage: string;
  /** Options beyond the global ones (--library, --help). */
  options: readonly OptionName[];
  /** How many positional arguments the command takes. */
  args: { min: number; max: number };
  /** Lines describing the command's own options, for `assay COMMAND --help`. */
  details?: string[];
  /**
   * Commands called as `assay NAME WORD …` (e.g. `claim add`). The first argument picks one; a
   * command with subcommands and a run of its own (`figures`) runs itself when it names none.
   */
  subcommands?: readonly CommandSpec[];
  /** Resolves to the exit code. Absent for a command that is only a group of subcommands. */
  run?(context: CommandContext): Promise<number>;
}
