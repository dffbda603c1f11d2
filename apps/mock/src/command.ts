// What the `start` and `sandbox` commands share: strict flag parsing, HOST and the port from the environment, and
// running until SIGINT/SIGTERM. Every failure is one line on stderr and a non-zero exit (2: usage,
// 1: could not start or stopped unexpectedly), never a stack trace.
import { type ParseArgsConfig, parseArgs } from 'node:util';

export const USAGE_ERROR = 2;
export const RUN_ERROR = 1;

export function fail(command: string, message: string, code: number): never {
  console.error(`${command}: ${message.split('\n')[0]}`);
  process.exit(code);
}

export type Flags = Record<string, string | boolean | undefined>;

/** The parsed flags; an unknown flag or a missing value ends the process with one line. */
export function parseFlags(command: string, options: NonNullable<ParseArgsConfig['options']>, usage: string): Flags {
  try {
    const { values } = parseArgs({
      args: process.argv.slice(2),
      options: { ...options, help: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    });
    if (values['help']) {
      console.log(usage);
      process.exit(0);
    }
    return values as Flags;
  } catch (error) {
    return fail(command, `${(error as Error).message.split('\n')[0]} (try --help)`, USAGE_ERROR);
  }
}

/** An integer from `text` within [min, max], or a one-line usage error naming `what`. */
export function integerSetting(command: string, what: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    fail(command, `${what} must be an integer from ${min} to ${max}, got "${text}"`, USAGE_ERROR);
  }
  return value;
}

/**
 * HOST, and the port from `portVariable` (MOCK_PORT, SANDBOX_PORT: the names `npm start` uses), else PORT,
 * else `defaultPort`; 0 lets the OS choose a free one (the start line says which). `portVariable` in the
 * result is the setting that moves the port, for messages.
 */
export function hostAndPort(
  command: string,
  defaultPort: number,
  ownPortVariable: string,
): { host: string; port: number; portVariable: string } {
  const host = process.env['HOST'] || '127.0.0.1';
  const portVariable =
    process.env[ownPortVariable] === undefined && process.env['PORT'] !== undefined ? 'PORT' : ownPortVariable;
  const port = integerSetting(command, portVariable, process.env[portVariable] ?? String(defaultPort), 0, 65535);
  return { host, port, portVariable };
}

export interface Running {
  url: string;
  stop(): Promise<void>;
  exited: Promise<void>;
}

/**
 * Starts the server with `start`, prints `describe(running)`, and runs until SIGINT/SIGTERM, which stop it
 * (its Prism by PID) before this process exits 0. A signal during start-up stops it as soon as it is up,
 * so that no Prism is left behind.
 */
export async function serveUntilSignal<T extends Running>(
  command: string,
  start: () => Promise<T>,
  describe: (running: T) => string,
): Promise<void> {
  let running: T | undefined;
  let stopRequested = false;
  let stopping = false;
  const stop = async (): Promise<void> => {
    stopRequested = true;
    if (running === undefined || stopping) {
      return;
    }
    stopping = true;
    await running.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => void stop());
  }
  try {
    running = await start();
  } catch (error) {
    // A Ctrl-C during start-up reaches Prism too, which then exits before it answers: not an error.
    if (stopRequested) {
      process.exit(0);
    }
    fail(command, (error as Error).message, RUN_ERROR);
  }
  if (stopRequested) {
    return stop();
  }
  console.log(describe(running));
  await running.exited;
  if (!stopping) {
    fail(command, 'Prism stopped unexpectedly', RUN_ERROR);
  }
}
