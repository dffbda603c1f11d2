// Runs Prism as a child process: checks the port first (so a port in use is one clear error, not Prism's
// stack trace, and not another server mistaken for Prism), waits until it answers, and stops it by PID.
// The mock and the sandbox both start their Prism through here.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

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

/**
 * Rejects with a one-line message unless `host:port` can be listened on right now. `portVariable` is the
 * setting that moves the port, named in the message.
 */
export function assertPortFree(host: string, port: number, portVariable = 'PORT'): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `${host}:${port} is already in use (set ${portVariable} to another port)`
            : `cannot listen on ${host}:${port} (${error.code ?? error.message})`,
        ),
      );
    });
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

/** `http://host:port`, with brackets around an IPv6 host. */
export function httpUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export interface PrismProcess {
  /** Base URL, such as `http://127.0.0.1:43123`. */
  url: string;
  port: number;
  pid: number;
  /** Everything Prism printed so far (stdout and stderr); empty when its output goes to this process's. */
  output(): string;
  /** Stops Prism by PID (SIGTERM, then SIGKILL after `graceMs`) and resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
  /** Settles when Prism exits, whoever stopped it. */
  exited: Promise<void>;
}

export interface StartPrismOptions {
  host: string;
  port: number;
  /** How long to wait for Prism to answer, in ms. */
  startTimeoutMs?: number;
  /** Let Prism print to this process's stdout/stderr (the commands) instead of capturing it (tests). */
  inheritOutput?: boolean;
  /** The setting that moves the port, named when the port is in use (default PORT). */
  portVariable?: string;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error('Prism exited before it answered');
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

/** Starts `node <args>` (Prism's CLI and its arguments) listening on `host:port`. */
export async function startPrism(args: string[], options: StartPrismOptions): Promise<PrismProcess> {
  const { host, port } = options;
  await assertPortFree(host, port, options.portVariable);
  // The spec allows a 16,384-character X-Auth-Token; Node's default 16 KiB header limit would refuse it
  // before Prism sees it, so Prism's Node gets room for the largest valid request.
  const child = spawn(process.execPath, ['--max-http-header-size=65536', ...args], {
    stdio: ['ignore', options.inheritOutput ? 'inherit' : 'pipe', options.inheritOutput ? 'inherit' : 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start Prism');
  const exited = hasExited(child) ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (graceMs = 5000): Promise<void> => {
    if (hasExited(child)) return;
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Already gone (a Ctrl-C reaches Prism too): nothing to stop.
    }
    const timer = setTimeout(() => {
      if (!hasExited(child)) process.kill(pid, 'SIGKILL');
    }, graceMs);
    await exited;
    clearTimeout(timer);
  };

  const url = httpUrl(host, port);
  try {
    await waitUntilAnswering(url, child, options.startTimeoutMs ?? 30_000);
  } catch (error) {
    await stop(1000);
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return { url, port, pid, output: () => output, stop, exited };
}
