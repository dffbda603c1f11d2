// The command line of `sms-errors`, read with node:util parseArgs. Only the shape is checked here (known
// flags, one command, flags that exclude each other); numbers are parsed but not bounded: bounds.ts checks
// them with the client's facts and checks, which name the spec's bound, so the bounds live in one place.
import { parseArgs } from 'node:util';
import { CREDENTIALS_HINT } from './credentials.js';
import { UsageError } from './usage-error.js';

export type OutputFormat = 'table' | 'json';

export interface ListCommand {
  command: 'list';
  region?: string | undefined;
  endpoint?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
  all: boolean;
  enterpriseProjectId?: string | undefined;
  format: OutputFormat;
  concurrency?: number | undefined;
  projectId?: string | undefined;
}

export type ParsedCommand = { command: 'help' } | { command: 'version' } | ListCommand;

const options = {
  region: { type: 'string' },
  endpoint: { type: 'string' },
  limit: { type: 'string' },
  offset: { type: 'string' },
  all: { type: 'boolean' },
  'enterprise-project-id': { type: 'string' },
  json: { type: 'boolean' },
  table: { type: 'boolean' },
  concurrency: { type: 'string' },
  'project-id': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** Flags someone might try for a secret: they get a pointer to the environment variables. */
const SECRET_LOOKING = /token|^--?(ak|sk)$|secret|password|access-key|secret-key/i;

/** parseArgs's own messages are several lines long; this keeps the flag's name and drops the rest. */
function usageFromParseArgs(error: unknown): UsageError {
  const { code, message } = error as { code?: string; message?: string };
  const flag = /'(-[^' ]*)/.exec(message ?? '')?.[1] ?? 'an option';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(
        SECRET_LOOKING.test(flag)
          ? `unknown option ${flag}: credentials come only from the environment: ${CREDENTIALS_HINT}`
          : `unknown option ${flag} (see sms-errors --help)`,
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

export function parseCommandLine(argv: readonly string[]): ParsedCommand {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageFromParseArgs(error);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };

  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError('missing command: try sms-errors list (see sms-errors --help)');
  if (command !== 'list') throw new UsageError('unknown command: the only command is list (see sms-errors --help)');
  if (rest.length > 0) throw new UsageError(`list takes no arguments, only flags (got ${rest.length} more; see sms-errors --help)`);
  if (values.region !== undefined && values.endpoint !== undefined) throw new UsageError('give --region or --endpoint, not both');
  if (values.json && values.table) throw new UsageError('give --json or --table, not both');
  if (values.concurrency !== undefined && !values.all) throw new UsageError('--concurrency only applies with --all');
  if (values['project-id'] === '') throw new UsageError('--project-id must not be empty');

  return {
    command: 'list',
    region: values.region,
    endpoint: values.endpoint,
    limit: parseNumber('limit', values.limit),
    offset: parseNumber('offset', values.offset),
    all: values.all ?? false,
    enterpriseProjectId: values['enterprise-project-id'],
    format: values.json ? 'json' : 'table',
    concurrency: parseNumber('concurrency', values.concurrency),
    projectId: values['project-id'],
  };
}
