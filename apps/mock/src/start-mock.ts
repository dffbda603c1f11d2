// Starts the Prism mock as a child process on a free loopback port, waits until it answers, and stops it
// by PID. Tests and scripts use this; nobody should have to guess a port or leave a Prism running.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { prismMockArgs, type PrismMockArgs } from './prism.js';

export interface StartMockOptions extends Partial<PrismMockArgs> {
  /** How long to wait for Prism to answer, in ms. */
  startTimeoutMs?: number;
}

export interface RunningMock {
  /** Base URL, such as `http://127.0.0.1:43123`. */
  url: string;
  port: number;
  pid: number;
  /** Everything Prism printed so far (stdout and stderr). */
  output(): string;
  /** Stops Prism by PID (SIGTERM, then SIGKILL after `graceMs`) and resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/** A port that was free a moment ago on `host`, chosen by the OS. */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not read the port the OS chose'));
      });
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('Prism exited before it answered');
    try {
      // Any HTTP answer (a 404 for `/` included) means Prism is listening.
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`Prism did not answer at ${url} within ${timeoutMs} ms`);
}

/** Starts the mock on `host` (default 127.0.0.1) and `port` (default: a free one). */
export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await findFreePort(host));
  const child = spawn(process.execPath, prismMockArgs({ ...options, host, port }), {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start Prism');

  const stop = async (graceMs = 5000): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(pid, 'SIGTERM');
    const timer = setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGKILL');
    }, graceMs);
    await exited(child);
    clearTimeout(timer);
  };

  const url = `http://${host}:${port}`;
  try {
    await waitUntilAnswering(url, child, options.startTimeoutMs ?? 30_000);
  } catch (error) {
    await stop(1000);
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return { url, port, pid, output: () => output, stop };
}
