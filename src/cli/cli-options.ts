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
  // Repeatable for `claim add` (several tags); commands that filter by one tag take it once.
  tag: { type: 'string', multiple: true },
  limit: { type: 'string' },
  quote: { type: 'string' },
  note: { type: 'string' },
  color: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  // Claims and evidence links.
  article: { type: 'string' },
  highlight: { type: 'string', multiple: true },
  statement: { type: 'string' },
  verdict: { type: 'string' },
  rationale: { type: 'string' },
  figure: { type: 'string' },
  claim: { type: 'string' },
  relation: { type: 'string' },
  // Figures.
  metric: { type: 'string' },
  // Repeatable for `chart create` (several entities or periods); other commands take one.
  entity: { type: 'string', multiple: true },
  value: { type: 'string' },
  high: { type: 'string' },
  unit: { type: 'string' },
  period: { type: 'string', multiple: true },
  qualifier: { type: 'string' },
  basis: { type: 'string' },
  notes: { type: 'string' },
  source: { type: 'string' },
  publisher: { type: 'string' },
  edition: { type: 'string' },
  url: { type: 'string' },
  page: { type: 'string' },
  // CSV import.
  map: { type: 'string', multiple: true },
  default: { type: 'string', multiple: true },
  commit: { type: 'boolean' },
  'skip-invalid': { type: 'boolean' },
  // Charts.
  type: { type: 'string' },
  title: { type: 'string' },
  subtitle: { type: 'string' },
  svg: { type: 'string' },
  png: { type: 'string' },
  width: { type: 'string' },
  height: { type: 'string' },
  // Projects and exports.
  project: { type: 'string' },
  output: { type: 'string', short: 'o' },
  format: { type: 'string' },
  'dry-run': { type: 'boolean' },
  resolve: { type: 'string', multiple: true },
  // Printing.
  paper: { type: 'string' },
  'no-notes': { type: 'boolean' },
  verdicts: { type: 'string' },
  greyscale: { type: 'boolean' }
} as const;

type OptionDefinitions = typeof OPTION_DEFINITIONS;
export type OptionName = keyof OptionDefinitions;

/** Options every command accepts. */
export const GLOBAL_OPTIONS: readonly OptionName[] = ['library', 'help'];

export type ParsedOptions = {
  [K in OptionName]?: OptionDefinitions[K]['type'] extends 'boolean'
    ? boolean
    : OptionDefinitions[K] extends { multiple: true }
      ? string[]
      : string;
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

/** A repeatable option given at most once (e.g. `--tag` where it filters by one tag). */
export function singleOption(values: string[] | undefined, name: OptionName): string | undefined {
  if (values === undefined || values.length === 0) return undefined;
  if (values.length > 1) throw new UsageError(`${optionLabel(name)} can be given only once here.`);
  return values[0];
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
