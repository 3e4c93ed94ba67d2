// The `assay` command line: parses arguments, runs one command, and maps failures to exit codes
// (0 ok, 1 the command failed, 2 it was called wrongly). bin/assay.mjs calls runCli; tests call it
// in-process with their own streams.
import { join } from 'node:path';
import { LIBRARY_FILE_NAME, userDataFolder } from '../core/library/library-location';
import { AssayError } from '../shared/errors';
import { UsageError, type CliIo, type CommandSpec } from './cli-context';
import { GLOBAL_OPTIONS, optionLabel, parseCommandLine, type OptionName } from './cli-options';
import { importCommand, listCommand, showCommand } from './commands/article-commands';
import { chartCommand } from './commands/chart-commands';
import { claimCommand, claimsCommand } from './commands/claim-commands';
import { conflictsCommand, figureCommand, figuresCommand } from './commands/figure-commands';
import { exportCommand, projectCommand } from './commands/project-commands';
import { printCommand } from './commands/print-command';
import { highlightCommand } from './commands/highlight-command';
import { quantityCommand, undoCommand } from './commands/misc-commands';
import { searchCommand } from './commands/search-command';
import { serveCommand } from './commands/serve-command';
import { appVersion, DEFAULT_RENDERER_DIR } from './install-paths';
import { openLibrarySession } from './library-session';

export const COMMANDS: readonly CommandSpec[] = [
  importCommand,
  listCommand,
  showCommand,
  searchCommand,
  highlightCommand,
  claimCommand,
  claimsCommand,
  figureCommand,
  figuresCommand,
  conflictsCommand,
  chartCommand,
  quantityCommand,
  undoCommand,
  projectCommand,
  exportCommand,
  printCommand,
  serveCommand
];

/** Every command that runs, subcommands included, in the order `assay --help` lists them. */
function runnableCommands(): CommandSpec[] {
  return COMMANDS.flatMap((command) => [...(command.run ? [command] : []), ...(command.subcommands ?? [])]);
}

/** The word that picks a subcommand: `add` for `claim add`. */
function subcommandWord(command: CommandSpec): string {
  return command.name.slice(command.name.lastIndexOf(' ') + 1);
}

function findSubcommand(command: CommandSpec, word: string | undefined): CommandSpec | undefined {
  return word === undefined ? undefined : command.subcommands?.find((candidate) => subcommandWord(candidate) === word);
}

function listWords(words: string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** `claim add X` → the `claim add` command with the arguments after `add`. */
function resolveSubcommand(command: CommandSpec, args: string[]): { command: CommandSpec; args: string[] } {
  if (!command.subcommands) return { command, args };
  const [word, ...rest] = args;
  const subcommand = findSubcommand(command, word);
  if (subcommand) return { command: subcommand, args: rest };
  const words = listWords(command.subcommands.map(subcommandWord));
  if (!command.run && word === undefined) throw new UsageError(`${command.name} needs a subcommand: ${words}.`);
  if (!command.run || (word !== undefined && command.args.max === 0)) {
    throw new UsageError(`${command.name} has no subcommand "${word}"; use ${words}.`);
  }
  return { command, args };
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

function generalUsage(io: CliIo): string {
  const commands = runnableCommands();
  const width = Math.max(...commands.map((command) => command.name.length));
  const defaultLibrary = join(userDataFolder(io.env), LIBRARY_FILE_NAME);
  return [
    `Assay ${appVersion()}: offline research workbench.`,
    '',
    'Usage: assay COMMAND [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Options for every command:',
    '  --library PATH  the library file; default $ASSAY_LIBRARY, else',
    `                  ${defaultLibrary}`,
    '  --json          machine-readable output (every command but serve; see docs/cli.md)',
    '  -h, --help      this help; `assay COMMAND --help` for one command',
    '  -v, --version   print the version',
    ''
  ].join('\n');
}

function commandUsage(command: CommandSpec): string {
  const details = command.details?.length ? ['', ...command.details.map((line) => `  ${line}`)] : [];
  const subcommands = command.subcommands?.length
    ? [
        '',
        'Subcommands:',
        ...command.subcommands.map((subcommand) => `  ${subcommand.usage}`),
        '',
        `Run \`assay ${command.name} SUBCOMMAND --help\` for one of them.`
      ]
    : [];
  return [
    `Usage: ${command.usage}`,
    '',
    `${command.summary[0].toUpperCase()}${command.summary.slice(1)}.`,
    ...details,
    ...subcommands,
    ''
  ].join('\n');
}

function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    rendererDir: DEFAULT_RENDERER_DIR,
    waitForShutdown: () =>
      new Promise((resolve) => {
        const stop = (signal: NodeJS.Signals) => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve(signal);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      })
  };
}

function checkArguments(command: CommandSpec, given: Set<OptionName>, args: string[]): void {
  const allowed = new Set<OptionName>([...GLOBAL_OPTIONS, ...command.options]);
  const stray = [...given].find((name) => !allowed.has(name));
  if (stray) throw new UsageError(`${command.name} does not take ${optionLabel(stray)}.`);
  if (args.length < command.args.min) throw new UsageError(`${command.name} needs more arguments.`);
  if (args.length > command.args.max) {
    throw new UsageError(`${command.name} takes ${command.args.max === 0 ? 'no' : `at most ${command.args.max}`} argument${command.args.max === 1 ? '' : 's'}; got "${args.join(' ')}".`);
  }
}

export async function runCli(argv: string[], ioOverrides: Partial<CliIo> = {}): Promise<number> {
  const io: CliIo = { ...processIo(), ...ioOverrides };
  let command: CommandSpec | undefined;
  try {
    const line = parseCommandLine(argv);
    if (line.options.version) {
      io.stdout.write(`${appVersion()}\n`);
      return EXIT_OK;
    }
    if (line.command === undefined || line.command === 'help') {
      const topic = line.command === 'help' ? line.args[0] : undefined;
      if (topic !== undefined) {
        command = COMMANDS.find((candidate) => candidate.name === topic);
        if (!command) throw new UsageError(`there is no command "${topic}".`);
        io.stdout.write(commandUsage(findSubcommand(command, line.args[1]) ?? command));
        return EXIT_OK;
      }
      if (line.command === undefined && !line.options.help) {
        io.stderr.write(generalUsage(io));
        return EXIT_USAGE;
      }
      io.stdout.write(generalUsage(io));
      return EXIT_OK;
    }
    command = COMMANDS.find((candidate) => candidate.name === line.command);
    if (!command) throw new UsageError(`unknown command "${line.command}".`);
    if (line.options.help) {
      io.stdout.write(commandUsage(findSubcommand(command, line.args[0]) ?? command));
      return EXIT_OK;
    }
    const resolved = resolveSubcommand(command, line.args);
    command = resolved.command;
    checkArguments(command, line.given, resolved.args);
    if (!command.run) throw new UsageError(`${command.name} needs a subcommand.`);
    return await command.run({
      io,
      options: line.options,
      args: resolved.args,
      openLibrary: () => openLibrarySession(line.options.library, io)
    });
  } catch (error) {
    return reportError(io, error, command);
  }
}

function reportError(io: CliIo, error: unknown, command: CommandSpec | undefined): number {
  if (error instanceof UsageError) {
    if (command) {
      io.stderr.write(`assay: ${error.message}\nUsage: ${command.usage}\nRun \`assay ${command.name} --help\` for more.\n`);
    } else {
      io.stderr.write(`assay: ${error.message}\n\n${generalUsage(io)}`);
    }
    return EXIT_USAGE;
  }
  if (error instanceof AssayError) {
    io.stderr.write(`assay: ${error.message}\n`);
    return EXIT_FAILURE;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`assay: unexpected error: ${message}\n`);
  // The stack helps a bug report but would only confuse everyone else.
  if (io.env.ASSAY_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return EXIT_FAILURE;
}
