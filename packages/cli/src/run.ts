// The whole CLI as a function of its inputs (arguments, environment, output streams, an abort signal), so
// tests can drive it in-process as well as through dist/cli.js. Returns the exit code; prints its result on
// stdout only on success (explain: the codes it knows, even when another is unknown), and exactly one line
// on stderr on failure.

import { diff } from './commands/diff/diff.js';
import { tripsFailOn } from './commands/diff/fail-on.js';
import { formatDiffOutput } from './commands/diff/format-diff.js';
import { type ReadStdin, readSnapshotFile } from './commands/diff/snapshot-file.js';
import { doctor } from './commands/doctor/doctor.js';
import { formatDoctorOutput } from './commands/doctor/format-doctor.js';
import { catalogueSize, explain } from './commands/explain/explain.js';
import { formatExplainOutput } from './commands/explain/format-explain.js';
import { list } from './commands/list/list.js';
import { formatListOutput } from './commands/list/list-output.js';
import { formatSummaryOutput } from './commands/summary/format-summary.js';
import { summarize } from './commands/summary/summarize.js';
import { summarySince } from './commands/summary/summary-since.js';
import { watch } from './commands/watch/watch.js';
import { stylesFor } from './output/colour.js';
import { oneLine, redact } from './output/one-line.js';
import { createProgress } from './output/progress.js';
import { outputWidth } from './output/terminal-width.js';
import { checkFlags } from './shared/bounds.js';
import { connect } from './shared/connect.js';
import { SECRET_VARIABLES } from './shared/credentials.js';
import { classify, ExitCode, type ExitCodeValue, InterruptedError, UnknownCodesError } from './shared/exit-codes.js';
import { helpText } from './shared/help.js';
import { isLanguage, languageFromEnv, messagesFor } from './shared/messages.js';
import { languageFlag, parseCommandLine } from './shared/parse-args.js';
import { decoderFor } from './shared/records.js';
import { packageVersion } from './shared/version.js';

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
  /** The terminal's width in cells, when it is one. */
  columns?: number | undefined;
}

export interface RunOptions {
  /** The arguments after the program name. */
  argv: readonly string[];
  env: Record<string, string | undefined>;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Aborts the requests in flight (Ctrl-C); the run then ends with exit code 130. */
  signal?: AbortSignal | undefined;
  /** The fetch the client uses (default: the global one). */
  fetch?: typeof globalThis.fetch | undefined;
  /** Reads all of stdin, for a snapshot argument `-` (diff, summary --since). */
  readStdin?: ReadStdin | undefined;
}

const noStdin: ReadStdin = () => Promise.reject(new Error('no stdin'));

/** The values of the credential variables, to scrub from any message as a last guard. */
function secretsOf(env: Record<string, string | undefined>): string[] {
  return SECRET_VARIABLES.flatMap((name) => env[name] || []);
}

export async function run({
  argv,
  env,
  stdout,
  stderr,
  signal,
  fetch,
  readStdin = noStdin,
}: RunOptions): Promise<ExitCodeValue> {
  // The language of every line, errors included: --lang when it names one, else the environment's.
  const flag = languageFlag(argv);
  const lang = flag !== undefined && isLanguage(flag) ? flag : languageFromEnv(env);
  const text = messagesFor(lang);
  const progress = createProgress(stderr, text.progress);
  let host: string | undefined;
  let projectIdFlag = false;
  try {
    const command = parseCommandLine(argv, lang, text);
    if (command.command === 'help') {
      stdout.write(helpText(text));
      return ExitCode.ok;
    }
    if (command.command === 'version') {
      stdout.write(`${packageVersion()}\n`);
      return ExitCode.ok;
    }
    const styles = stylesFor(stdout, env);
    const width = outputWidth(stdout, env, command.command !== 'watch' && command.wide);
    if (command.command === 'explain') {
      const entries = explain(command.codes, lang);
      stdout.write(formatExplainOutput(entries, command, styles, width));
      const unknown = entries.filter((entry) => !entry.known).map((entry) => entry.code);
      if (unknown.length > 0) {
        throw new UnknownCodesError(unknown, catalogueSize);
      }
      return ExitCode.ok;
    }
    projectIdFlag = command.projectId !== undefined;
    // A warning (a file holding a secret that others can read) is one line on stderr, as ssh gives it.
    const warn = (line: string) => stderr.write(`sms-errors: ${oneLine(text.credentialSourceText(line))}\n`);
    if (command.command === 'doctor') {
      const report = await doctor(command, { env, fetch, warn, signal }, text);
      stdout.write(
        redact(formatDoctorOutput(report, command.format === 'json' ? 'json' : 'table', text), secretsOf(env)),
      );
      return report.exitCode;
    }
    // The live listing (list, summary, diff without AFTER, watch): every flag checked, then the client.
    const connectLive = async () => {
      checkFlags(command);
      // Every page of every command is checked against the spec's schema (connect.ts): a malformed page is
      // exit 7, never a state of watch's nor a crash of the output code.
      const { client } = await connect(command, { env, fetch, warn }, text);
      host = new URL(client.baseUrl).host;
      return client;
    };
    // A snapshot's warning (a partial page, duplicate identities), redacted like every line.
    const warnSnapshot = (warning: string) =>
      stderr.write(`sms-errors: ${text.warning}: ${redact(oneLine(warning), secretsOf(env))}\n`);
    if (command.command === 'diff') {
      const client = command.after === undefined ? await connectLive() : undefined;
      const listLive = async () => (await list(client!, command, { signal, onPage: progress.onPage })).migration_errors;
      const { comparison, warnings } = await diff({
        before: command.before,
        after: command.after,
        readStdin,
        listLive,
        decode: decoderFor(command.lang),
        text,
      });
      progress.done();
      warnings.forEach(warnSnapshot);
      stdout.write(formatDiffOutput(comparison, command.format, command.includeUnchanged, styles, width, command.lang));
      const counts = {
        new: comparison.new.length,
        changed: comparison.changed.length,
        resolved: comparison.resolved.length,
      };
      return tripsFailOn(command.failOn, counts) ? ExitCode.changes : ExitCode.ok;
    }
    if (command.command === 'watch') {
      const client = await connectLive();
      const listAll = async () => {
        try {
          return (await list(client, command, { signal, onPage: progress.onPage })).migration_errors;
        } finally {
          progress.done();
        }
      };
      return await watch(command, {
        stdout,
        stderr,
        signal,
        listAll,
        endpoint: new URL(client.baseUrl).origin,
        failureContext: () => ({ host, projectIdFlag }),
        text,
        redact: (line) => redact(line, secretsOf(env)),
      });
    }
    const client = await connectLive();
    const sinceSnapshot =
      command.command === 'summary' && command.since !== undefined
        ? await readSnapshotFile(command.since, readStdin, text)
        : undefined;
    const output = await list(client, command, { signal, onPage: command.all ? progress.onPage : undefined });
    progress.done();
    if (command.command === 'summary') {
      const summary = summarize(output.migration_errors, lang);
      const marks =
        command.since === undefined
          ? undefined
          : summarySince(summary, output.migration_errors, command.since, sinceSnapshot!, warnSnapshot, text);
      stdout.write(formatSummaryOutput(summary, command, styles, width, marks));
      return ExitCode.ok;
    }
    stdout.write(formatListOutput(output, command, styles, width));
    return ExitCode.ok;
  } catch (error) {
    progress.done();
    const failure = classify(signal?.aborted ? new InterruptedError() : error, { host, projectIdFlag }, text);
    const secrets = secretsOf(env);
    stderr.write(`sms-errors: ${redact(oneLine(redact(failure.message, secrets)), secrets)}\n`);
    return failure.code;
  }
}
