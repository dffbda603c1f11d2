// Shared by the tests: run a built command as a subprocess, and read API facts from the served spec so
// that no test restates a bound or a code.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readServedSpec } from '../src/served-files.js';
import { queryParameter, responseExample } from '../src/spec-facts.js';

export const mockCommand = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
export const sandboxCommand = fileURLToPath(new URL('../dist/sandbox-cli.js', import.meta.url));

export const spec = readServedSpec();
export const limitParameter = queryParameter(spec, 'limit');
export const offsetParameter = queryParameter(spec, 'offset');
export const errorCodeOf = (status: string): unknown => responseExample(spec, status)['error_code'];
/** The spec's MigrationError schema's properties: one failed server's fields and their bounds. */
export const migrationErrorProperties =
  (spec['components'] as { schemas: Record<string, { properties: Record<string, { maxLength?: number }> }> }).schemas[
    'MigrationError'
  ]?.properties ?? {};
export const migrationErrorFields = Object.keys(migrationErrorProperties).sort();

/** An X-Sdk-Date: `YYYYMMDDTHHmmssZ` in UTC. */
export const sdkDateOf = (date: Date): string => date.toISOString().replace(/[-:]|\.\d+/g, '');

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command that is expected to end by itself (a usage error, a port in use); stops it after 60 s. */
export function runToEnd(script: string, args: string[], env: Record<string, string> = {}): Promise<Finished> {
  const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGTERM'), 60_000);
  return new Promise((resolve) =>
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

export interface Started {
  child: ChildProcessWithoutNullStreams;
  /** Where the command says it listens: `http://127.0.0.1:43123` (its own start line, read back). */
  origin: string;
  output(): string;
  exited: Promise<number | null>;
}

/**
 * Starts a long-running command and resolves once it has printed its start line (which it does once Prism
 * listens), naming `url` when given. With PORT=0 (or MOCK_PORT / SANDBOX_PORT) the OS chooses the port and
 * `origin` says which: no other test's server can be on it.
 */
export function startCommand(script: string, env: Record<string, string>, url?: string): Promise<Started> {
  return startCommandWithArgs(script, [], env, url);
}

/** startCommand() with command-line arguments. */
export async function startCommandWithArgs(
  script: string,
  args: string[],
  env: Record<string, string>,
  url?: string,
): Promise<Started> {
  const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  for (let i = 0; i < 900; i++) {
    // The command's own line, printed once Prism listens (Prism's log names its own, private URL earlier).
    const line = output
      .split('\n')
      .find((text) => /^sms-errors \w+: http:\/\//.test(text) && (url === undefined || text.includes(url)));
    if (line !== undefined) {
      return { child, origin: new URL(line.split(' ')[2] ?? '').origin, output: () => output, exited };
    }
    if (child.exitCode !== null) {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGTERM');
  await exited;
  throw new Error(`${script} did not start: ${output}`);
}

/** True while a process with this PID exists. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** One line, and nothing that looks like a stack trace. */
export function expectOneLine(text: string): string[] {
  const lines = text.trim().split('\n');
  if (lines.length !== 1 || /^\s+at /m.test(text)) {
    throw new Error(`expected one line, got:\n${text}`);
  }
  return lines;
}
