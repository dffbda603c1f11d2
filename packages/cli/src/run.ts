// The whole CLI as a function of its inputs (arguments, environment, output streams, an abort signal), so
// tests can drive it in-process as well as through dist/cli.js. Returns the exit code; prints records on
// stdout only on success, and exactly one line on stderr on failure.
import { AKSK_VARIABLES, SECURITY_TOKEN_VARIABLE, TOKEN_VARIABLE } from './credentials.js';
import { stylesFor } from './colour.js';
import { connect, targetOf } from './connect.js';
import { classify, ExitCode, InterruptedError, type ExitCodeValue } from './exit-codes.js';
import { formatJson } from './format-json.js';
import { formatSummary, formatTable } from './format-table.js';
import { helpText } from './help.js';
import { checkFlags } from './bounds.js';
import { list } from './list.js';
import { oneLine, redact } from './one-line.js';
import { parseCommandLine } from './parse-args.js';
import { createProgress } from './progress.js';
import { packageVersion } from './version.js';

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
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
}

/** The values of the credential variables, to scrub from any message as a last guard. */
function secretsOf(env: Record<string, string | undefined>): string[] {
  return [TOKEN_VARIABLE, AKSK_VARIABLES[0], AKSK_VARIABLES[1], SECURITY_TOKEN_VARIABLE].flatMap((name) => env[name] ?? []);
}

export async function run({ argv, env, stdout, stderr, signal, fetch }: RunOptions): Promise<ExitCodeValue> {
  const progress = createProgress(stderr);
  let host: string | undefined;
  try {
    const command = parseCommandLine(argv);
    if (command.command === 'help') {
      stdout.write(helpText());
      return ExitCode.ok;
    }
    if (command.command === 'version') {
      stdout.write(`${packageVersion()}\n`);
      return ExitCode.ok;
    }
    const target = targetOf(command, fetch);
    checkFlags(command);
    const client = connect(target, command, env);
    host = new URL(client.baseUrl).host;
    const output = await list(client, command, { signal, onPage: command.all ? progress.onPage : undefined });
    progress.done();
    if (command.format === 'json') {
      stdout.write(formatJson(output));
    } else {
      const styles = stylesFor(stdout, env);
      stdout.write(formatTable(output.migration_errors, styles) + formatSummary(output.migration_errors.length, command.offset ?? 0, output.count, styles));
    }
    return ExitCode.ok;
  } catch (error) {
    progress.done();
    const failure = classify(signal?.aborted ? new InterruptedError() : error, host);
    const secrets = secretsOf(env);
    stderr.write(`sms-errors: ${redact(oneLine(redact(failure.message, secrets)), secrets)}\n`);
    return failure.code;
  }
}
