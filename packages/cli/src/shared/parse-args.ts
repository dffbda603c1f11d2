// The command line of `sms-errors`, read with node:util parseArgs. Only the shape is checked here (known
// flags, one command, flags that exclude each other or do not apply to the command); numbers are parsed
// but not bounded: bounds.ts checks them with the client's facts and checks, which name the spec's bound, so
// the bounds live in one place.
import { parseArgs } from 'node:util';
import { CREDENTIALS_HINT } from './credentials.js';
import { UsageError } from './usage-error.js';

export const OUTPUT_FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const COMMANDS = ['list', 'summary', 'explain'] as const;

/** Where `list` and `summary` read from, and how they page. */
export interface ListingOptions {
  region?: string | undefined;
  endpoint?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
  all: boolean;
  enterpriseProjectId?: string | undefined;
  concurrency?: number | undefined;
  projectId?: string | undefined;
}

/** How the result is printed. */
export interface OutputOptions {
  format: OutputFormat;
  /** Table output: every cell whole, whatever the terminal's width. */
  wide: boolean;
}

export interface ListCommand extends ListingOptions, OutputOptions {
  command: 'list';
}

/** `summary` always reads every page (`all`), from the first. */
export interface SummaryCommand extends ListingOptions, OutputOptions {
  command: 'summary';
}

export interface ExplainCommand extends OutputOptions {
  command: 'explain';
  /** The codes as given on the command line. */
  codes: string[];
}

export type ParsedCommand = { command: 'help' } | { command: 'version' } | ListCommand | SummaryCommand | ExplainCommand;

const options = {
  region: { type: 'string' },
  endpoint: { type: 'string' },
  limit: { type: 'string' },
  offset: { type: 'string' },
  all: { type: 'boolean' },
  'enterprise-project-id': { type: 'string' },
  output: { type: 'string', short: 'o' },
  json: { type: 'boolean' },
  table: { type: 'boolean' },
  wide: { type: 'boolean' },
  concurrency: { type: 'string' },
  'project-id': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

type Flag = keyof typeof options;

/** The flags each command takes besides --help and --version. */
const FLAGS_OF: Record<(typeof COMMANDS)[number], readonly Flag[]> = {
  list: ['region', 'endpoint', 'limit', 'offset', 'all', 'enterprise-project-id', 'output', 'json', 'table', 'wide', 'concurrency', 'project-id'],
  summary: ['region', 'endpoint', 'enterprise-project-id', 'output', 'json', 'table', 'wide', 'concurrency', 'project-id'],
  explain: ['output', 'json', 'table', 'wide'],
};

/** Why a flag does not apply to a command, for the usage error. */
const NOT_FOR: Partial<Record<(typeof COMMANDS)[number], string>> = {
  summary: 'summary reads every page, from the first',
  explain: 'explain reads the catalogue only, with no network and no credentials',
};

/** Flags someone might try for a secret: they get a pointer to the environment variables. */
const SECRET_LOOKING = /token|^--?(ak|sk)$|secret|password|access-key|secret-key/i;

/**
 * The flag as the user typed it: parseArgs names an option with a short form as `'-o, --output <value>'`,
 * so the form found in `argv` (`-o` or `--output`, or `--output=...`) is the one the message names.
 */
function flagAsTyped(message: string, argv: readonly string[]): string {
  const forms =
    /'(-[^']*)'/
      .exec(message)?.[1]
      ?.split(/[ ,]+/)
      .filter((form) => form.startsWith('-')) ?? [];
  const typed = [...argv].reverse().find((arg) => forms.some((form) => arg === form || arg.startsWith(`${form}=`)));
  return forms.find((form) => typed === form || typed?.startsWith(`${form}=`)) ?? forms.at(-1) ?? 'an option';
}

/** parseArgs's own messages are several lines long; this keeps the flag's name and drops the rest. */
function usageFromParseArgs(error: unknown, argv: readonly string[]): UsageError {
  const { code, message } = error as { code?: string; message?: string };
  const flag = flagAsTyped(message ?? '', argv);
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(
        SECRET_LOOKING.test(flag) ? `unknown option ${flag}: credentials come only from the environment: ${CREDENTIALS_HINT}` : `unknown option ${flag} (see sms-errors --help)`,
      );
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(message ?? '')) return new UsageError(`${flag} takes no value`);
      if (/ambiguous/.test(message ?? '')) return new UsageError(`${flag} needs a value (for a value starting with '-', write ${flag}=VALUE)`);
      return new UsageError(`${flag} needs a value`);
    default:
      return new UsageError(`cannot read the command line (see sms-errors --help)`);
  }
}

/**
 * A number flag as a number. Text that is not a decimal number (`ten`, `0x10`, empty) is a usage error
 * here; any number, whole or not, goes on to bounds.ts, which checks it against the spec's bounds.
 */
export function parseNumber(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) throw new UsageError(`--${flag} needs a number`);
  return Number(text);
}

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

/** `--output F`, or its aliases `--json` and `--table`; only one of them. */
function outputOptions(values: Values): OutputOptions {
  const given = [values.output !== undefined, values.json === true, values.table === true].filter(Boolean).length;
  if (given > 1) throw new UsageError('give one of --output FORMAT, --json and --table, not several');
  const format = values.json ? 'json' : values.table ? 'table' : (values.output ?? 'table');
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--output must be one of ${OUTPUT_FORMATS.join(', ')}`);
  if (values.wide && format !== 'table') throw new UsageError(`--wide only applies to table output, not --output ${format}`);
  return { format: format as OutputFormat, wide: values.wide ?? false };
}

export function parseCommandLine(argv: readonly string[]): ParsedCommand {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageFromParseArgs(error, argv);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };

  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError(`missing command: try sms-errors ${COMMANDS.join(', sms-errors ')} (see sms-errors --help)`);
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command: the commands are ${COMMANDS.join(', ')} (see sms-errors --help)`);
  const name = command as (typeof COMMANDS)[number];
  for (const flag of Object.keys(values) as Flag[]) {
    if (flag === 'help' || flag === 'version' || FLAGS_OF[name].includes(flag)) continue;
    throw new UsageError(`--${flag} does not apply to ${name}: ${NOT_FOR[name] ?? 'see sms-errors --help'}`);
  }
  const output = outputOptions(values);

  if (name === 'explain') {
    if (rest.length === 0) throw new UsageError('explain needs one or more error codes, such as sms-errors explain SMS.2802');
    return { command: 'explain', codes: rest, ...output };
  }
  if (rest.length > 0) throw new UsageError(`${name} takes no arguments, only flags (got ${rest.length} more; see sms-errors --help)`);
  if (values.region !== undefined && values.endpoint !== undefined) throw new UsageError('give --region or --endpoint, not both');
  if (name === 'list' && values.concurrency !== undefined && !values.all) throw new UsageError('--concurrency only applies with --all');
  if (values['project-id'] === '') throw new UsageError('--project-id must not be empty');

  return {
    command: name,
    region: values.region,
    endpoint: values.endpoint,
    limit: parseNumber('limit', values.limit),
    offset: parseNumber('offset', values.offset),
    all: name === 'summary' || (values.all ?? false),
    enterpriseProjectId: values['enterprise-project-id'],
    concurrency: parseNumber('concurrency', values.concurrency),
    projectId: values['project-id'],
    ...output,
  };
}
