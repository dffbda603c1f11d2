// The command line of `sms-errors`, read with node:util parseArgs. Only the shape is checked here (known
// flags, one command, flags that exclude each other or do not apply to the command); numbers are parsed
// but not bounded: bounds.ts checks them with the client's facts and checks, which name the spec's bound, so
// the bounds live in one place. Every message is the run's language's (messages.ts).
import { parseArgs } from 'node:util';
import { forcibleSources } from '@sms-errors/client/env';
import { type FailOn, parseFailOn } from '../commands/diff/fail-on.js';
import { parseInterval } from '../commands/watch/interval.js';
import { type CredentialFlags, credentialsHint } from './credentials.js';
import { UsageError } from './exit-codes.js';
import { isLanguage, LANGUAGES, type Language, type Messages } from './messages.js';

export const OUTPUT_FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const COMMANDS = ['list', 'summary', 'explain', 'doctor', 'diff', 'watch'] as const;

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
  /** Use this credential source only (--credentials-source). */
  credentialsSource?: CredentialFlags['credentialsSource'];
  /** The KooCLI profile (--profile; default SMS_PROFILE, else the configuration's current one). */
  profile?: string | undefined;
}

/** How the result is printed. */
export interface OutputOptions {
  format: OutputFormat;
  /** The language of the text (--lang, else the environment's). */
  lang: Language;
  /** Table output: every cell whole, whatever the terminal's width. */
  wide: boolean;
}

export interface ListCommand extends ListingOptions, OutputOptions {
  command: 'list';
}

/** `summary` always reads every page (`all`), from the first. */
export interface SummaryCommand extends ListingOptions, OutputOptions {
  command: 'summary';
  /** `--since FILE`: mark code groups and servers new or changed against this snapshot (`-`: stdin). */
  since?: string | undefined;
}

/** `diff BEFORE [AFTER]`: two snapshots (files, `-` for stdin), or one and the live listing (every page). */
export interface DiffCommand extends ListingOptions, OutputOptions {
  command: 'diff';
  before: string;
  /** Undefined: the live listing, read as `list --all` reads it. */
  after: string | undefined;
  failOn: FailOn | undefined;
  /** `--all`: ndjson and csv print the unchanged servers too. */
  includeUnchanged: boolean;
}

/** `watch --state FILE`: sweep every page each interval and print what changed since the state. */
export interface WatchCommand extends ListingOptions {
  command: 'watch';
  lang: Language;
  format: 'table' | 'ndjson';
  state: string;
  intervalMs: number;
  once: boolean;
  baseline: boolean;
  webhook: string | undefined;
  failOn: FailOn | undefined;
}

export interface ExplainCommand extends OutputOptions {
  command: 'explain';
  /** The codes as given on the command line. */
  codes: string[];
}

/** `doctor`: one line per check (runtime, endpoint, credentials, clock, one request). */
export interface DoctorCommand extends ListingOptions, OutputOptions {
  command: 'doctor';
}

export type ParsedCommand =
  | { command: 'help'; lang: Language }
  | { command: 'version' }
  | ListCommand
  | SummaryCommand
  | ExplainCommand
  | DoctorCommand
  | DiffCommand
  | WatchCommand;

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
  'fail-on': { type: 'string' },
  since: { type: 'string' },
  state: { type: 'string' },
  interval: { type: 'string' },
  once: { type: 'boolean' },
  baseline: { type: 'boolean' },
  webhook: { type: 'string' },
  'credentials-source': { type: 'string' },
  profile: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  lang: { type: 'string' },
} as const;

type Flag = keyof typeof options;

// Flags that come in groups, taken whole by the commands that read a live listing or print.
const WHERE_AND_WHO: readonly Flag[] = ['region', 'endpoint', 'project-id', 'credentials-source', 'profile'];
const OUTPUT: readonly Flag[] = ['output', 'json', 'table'];

/** The flags each command takes besides --help and --version. */
const FLAGS_OF: Record<(typeof COMMANDS)[number], readonly Flag[]> = {
  list: [...WHERE_AND_WHO, ...OUTPUT, 'wide', 'limit', 'offset', 'all', 'enterprise-project-id', 'concurrency'],
  summary: [...WHERE_AND_WHO, ...OUTPUT, 'wide', 'enterprise-project-id', 'concurrency', 'since'],
  explain: [...OUTPUT, 'wide'],
  doctor: [...WHERE_AND_WHO, ...OUTPUT, 'enterprise-project-id'],
  diff: [...WHERE_AND_WHO, ...OUTPUT, 'wide', 'limit', 'all', 'enterprise-project-id', 'concurrency', 'fail-on'],
  watch: [
    ...WHERE_AND_WHO,
    'output',
    'limit',
    'enterprise-project-id',
    'concurrency',
    'state',
    'interval',
    'once',
    'baseline',
    'webhook',
    'fail-on',
  ],
};

/** Why a flag does not apply to a command, for the usage error. */
const NOT_FOR: Partial<
  Record<(typeof COMMANDS)[number], 'summaryReadsAll' | 'explainOffline' | 'diffWholeListings' | 'watchSweepsAll'>
> = {
  summary: 'summaryReadsAll',
  explain: 'explainOffline',
  diff: 'diffWholeListings',
  watch: 'watchSweepsAll',
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
function usageFromParseArgs(error: unknown, argv: readonly string[], text: Messages): UsageError {
  const { code, message } = error as { code?: string; message?: string };
  const flag = flagAsTyped(message ?? '', argv);
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(
        SECRET_LOOKING.test(flag) ? text.secretOption(flag, credentialsHint(text)) : text.unknownOption(flag),
      );
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(message ?? '')) {
        return new UsageError(text.takesNoValue(flag));
      }
      if (/ambiguous/.test(message ?? '')) {
        return new UsageError(text.needsValueDash(flag));
      }
      return new UsageError(text.needsValue(flag));
    default:
      return new UsageError(text.cannotRead);
  }
}

/**
 * The value of `--lang` as typed (`--lang zh` or `--lang=zh`), read before the rest of the command line so
 * that every message of the run, a usage error included, is in that language; undefined when not given.
 */
export function languageFlag(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      break;
    }
    if (arg === '--lang') {
      value = argv[++i];
    } else if (arg.startsWith('--lang=')) {
      value = arg.slice('--lang='.length);
    }
  }
  return value;
}

/**
 * A number flag as a number. Text that is not a decimal number (`ten`, `0x10`, empty) is a usage error
 * here; any number, whole or not, goes on to bounds.ts, which checks it against the spec's bounds.
 */
export function parseNumber(flag: string, value: string | undefined, text: Messages): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value)) {
    throw new UsageError(text.needsNumber(flag));
  }
  return Number(value);
}

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

/** `--output F`, or its aliases `--json` and `--table`; only one of them. */
function outputOptions(values: Values, lang: Language, text: Messages): OutputOptions {
  const given = [values.output !== undefined, values.json === true, values.table === true].filter(Boolean).length;
  if (given > 1) {
    throw new UsageError(text.oneOutput);
  }
  const format = values.json ? 'json' : values.table ? 'table' : (values.output ?? 'table');
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(text.outputOneOf(OUTPUT_FORMATS));
  }
  if (values.wide && format !== 'table') {
    throw new UsageError(text.wideOnlyTable(format));
  }
  return { format: format as OutputFormat, wide: values.wide ?? false, lang };
}

/**
 * The command line as a command. `lang` is the run's language (from --lang, else the environment, as
 * run.ts chose it) and `text` its messages; a --lang that names no language is a usage error.
 */
export function parseCommandLine(argv: readonly string[], lang: Language, text: Messages): ParsedCommand {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageFromParseArgs(error, argv, text);
  }
  const { values, positionals } = parsed;
  if (values.lang !== undefined && !isLanguage(values.lang)) {
    throw new UsageError(text.langOneOf(LANGUAGES));
  }
  if (values.help) {
    return { command: 'help', lang };
  }
  if (values.version) {
    return { command: 'version' };
  }

  const [command, ...rest] = positionals;
  if (command === undefined) {
    throw new UsageError(text.missingCommand(COMMANDS));
  }
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(text.unknownCommand(COMMANDS));
  }
  const name = command as (typeof COMMANDS)[number];
  for (const flag of Object.keys(values) as Flag[]) {
    if (flag === 'help' || flag === 'version' || flag === 'lang' || FLAGS_OF[name].includes(flag)) {
      continue;
    }
    const why = NOT_FOR[name];
    throw new UsageError(text.flagNotFor(flag, name, why ? text[why] : text.seeHelp));
  }
  const output = outputOptions(values, lang, text);

  if (name === 'explain') {
    if (rest.length === 0) {
      throw new UsageError(text.explainNeedsCodes);
    }
    return { command: 'explain', codes: rest, ...output };
  }
  if (name === 'diff') {
    return diffCommand(values, rest, output, text);
  }
  if (name === 'watch') {
    return watchCommand(values, rest, output, text);
  }
  if (rest.length > 0) {
    throw new UsageError(text.noArguments(name, rest.length));
  }
  const source = checkWhereAndWho(values, text);
  if (name === 'list' && values.concurrency !== undefined && !values.all) {
    throw new UsageError(text.concurrencyNeedsAll);
  }
  if (name === 'doctor' && output.format !== 'table' && output.format !== 'json') {
    throw new UsageError(text.doctorFormats);
  }

  return {
    command: name,
    region: values.region,
    endpoint: values.endpoint,
    limit: parseNumber('limit', values.limit, text),
    offset: parseNumber('offset', values.offset, text),
    all: name === 'summary' || (values.all ?? false),
    enterpriseProjectId: values['enterprise-project-id'],
    concurrency: parseNumber('concurrency', values.concurrency, text),
    projectId: values['project-id'],
    credentialsSource: source,
    profile: values.profile,
    ...(name === 'summary' ? { since: snapshotArgument('--since', values.since, text) } : {}),
    ...output,
  };
}

/** A snapshot argument: a file name, or `-` for stdin; never empty. */
function snapshotArgument(what: string, value: string | undefined, text: Messages): string | undefined {
  if (value === '') {
    throw new UsageError(text.snapshotNeedsFile(what));
  }
  return value;
}

/** Where the live listing of diff and watch is read from: every page, from the first. */
/**
 * The flags that say where to send and with which credentials, as every command with a live listing takes
 * them: one of --region and --endpoint, no empty --project-id or --profile, a --credentials-source the chain
 * can force. Returns that source.
 */
function checkWhereAndWho(values: Values, text: Messages): CredentialFlags['credentialsSource'] {
  if (values.region !== undefined && values.endpoint !== undefined) {
    throw new UsageError(text.regionOrEndpoint);
  }
  if (values['project-id'] === '') {
    throw new UsageError(text.emptyProjectId);
  }
  const source = values['credentials-source'];
  if (source !== undefined && !(forcibleSources as readonly string[]).includes(source)) {
    throw new UsageError(text.mustBeOneOf('--credentials-source', forcibleSources));
  }
  if (values.profile === '') {
    throw new UsageError(text.emptyFlag('--profile'));
  }
  return source as CredentialFlags['credentialsSource'];
}

function liveListing(values: Values, text: Messages): ListingOptions {
  const source = checkWhereAndWho(values, text);
  return {
    credentialsSource: source,
    profile: values.profile,
    region: values.region,
    endpoint: values.endpoint,
    limit: parseNumber('limit', values.limit, text),
    offset: undefined,
    all: true,
    enterpriseProjectId: values['enterprise-project-id'],
    concurrency: parseNumber('concurrency', values.concurrency, text),
    projectId: values['project-id'],
  };
}

function diffCommand(values: Values, rest: string[], output: OutputOptions, text: Messages): DiffCommand {
  if (rest.length === 0 || rest.length > 2) {
    throw new UsageError(text.diffArguments);
  }
  const [before, after] = rest as [string, string | undefined];
  if (before === '-' && after === '-') {
    throw new UsageError(text.oneStdin);
  }
  if (before === '' || after === '') {
    throw new UsageError(text.snapshotNamesFile);
  }
  const live = liveListing(values, text);
  if (after !== undefined) {
    const listingFlag = (
      [
        'region',
        'endpoint',
        'limit',
        'enterprise-project-id',
        'concurrency',
        'project-id',
        'credentials-source',
        'profile',
      ] as const
    ).find((flag) => values[flag] !== undefined);
    if (listingFlag) {
      throw new UsageError(text.diffTwoSnapshots(listingFlag));
    }
  }
  return {
    command: 'diff',
    before,
    after,
    failOn: parseFailOn(values['fail-on'], text),
    includeUnchanged: values.all ?? false,
    ...live,
    ...output,
  };
}

function watchCommand(values: Values, rest: string[], output: OutputOptions, text: Messages): WatchCommand {
  if (rest.length > 0) {
    throw new UsageError(text.noArguments('watch', rest.length));
  }
  if (values.state === undefined || values.state === '') {
    throw new UsageError(text.watchNeedsState);
  }
  if (output.format !== 'table' && output.format !== 'ndjson') {
    throw new UsageError(text.watchFormats(output.format));
  }
  if (values.webhook !== undefined) {
    checkWebhook(values.webhook, text);
  }
  return {
    command: 'watch',
    format: output.format,
    state: values.state,
    intervalMs: parseInterval(values.interval, text),
    once: values.once ?? false,
    baseline: values.baseline ?? false,
    webhook: values.webhook,
    failOn: parseFailOn(values['fail-on'], text),
    lang: output.lang,
    ...liveListing(values, text),
  };
}

/** The webhook: an absolute http(s) URL without user:password@ (nothing of ours is sent with it). */
function checkWebhook(webhook: string, text: Messages): void {
  let url: URL | undefined;
  try {
    url = new URL(webhook);
  } catch {
    // reported below
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UsageError(text.webhookNotUrl);
  }
  if (url.username || url.password) {
    throw new UsageError(text.webhookCredentials);
  }
}
