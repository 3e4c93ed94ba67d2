// Command-line parsing with node's util.parseArgs. Every option is declared once here; each command
// says which of them it accepts, so `assay list --quote x` is a usage error instead of ignored.
import { parseArgs } from 'node:util';
import { UsageError } from './cli-context';

const OPTION_DEFINITIONS = {
  library: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  sort: { type: 'string' },
  direction: { type: 'string' },
  tag: { type: 'string' },
  limit: { type: 'string' },
  quote: { type: 'string' },
  note: { type: 'string' },
  color: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' }
} as const;

export type OptionName = keyof typeof OPTION_DEFINITIONS;

/** Options every command accepts. */
export const GLOBAL_OPTIONS: readonly OptionName[] = ['library', 'help'];

export type ParsedOptions = {
  [K in OptionName]?: (typeof OPTION_DEFINITIONS)[K]['type'] extends 'boolean' ? boolean : string;
};

export interface CommandLine {
  /** The first positional argument, if any. */
  command: string | undefined;
  args: string[];
  options: ParsedOptions;
  /** Options that appeared on the command line, to check them against the command. */
  given: Set<OptionName>;
}

export function parseCommandLine(argv: string[]): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTION_DEFINITIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    // parseArgs explains itself well ("Unknown option '--x'", "Option '--quote <value>' argument missing").
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const given = new Set<OptionName>();
  for (const token of parsed.tokens) if (token.kind === 'option') given.add(token.name as OptionName);
  const [command, ...args] = parsed.positionals;
  return { command, args, options: parsed.values as ParsedOptions, given };
}

export function optionLabel(name: OptionName): string {
  return `--${name}`;
}

/** A whole number option within bounds, or undefined when not given. */
export function integerOption(value: string | undefined, name: OptionName, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`${optionLabel(name)} must be a whole number from ${min} to ${max}, not "${value}".`);
  }
  return Number(value);
}

/** One of a fixed set of words, or undefined when not given. */
export function choiceOption<T extends string>(value: string | undefined, name: OptionName, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`${optionLabel(name)} must be one of ${choices.join(', ')}, not "${value}".`);
  }
  return value as T;
}
