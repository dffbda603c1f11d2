// Runs Prism as a child process and stops it by PID. Prism is told to listen on port 0, so the OS gives it a
// port no other process holds, and the port is read from Prism's own "Prism is listening on <url>" line: a
// port found free a moment earlier could be taken by another test's Prism before this one binds it, and a
// request sent there would be answered by the wrong server. The mock and the sandbox both start their Prism
// through here.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { stripVTControlCharacters } from 'node:util';

/**
 * A port that was free a moment ago on `host`, chosen by the OS. Only for a port that nothing will listen
 * on (an address that must refuse connections): a port a server is to listen on must be chosen by that
 * server (listen on 0 and read the port back).
 */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') {
          resolve(address.port);
        } else {
          reject(new Error('could not read the port the OS chose'));
        }
      });
    });
  });
}

/** The one-line message for a port that cannot be listened on; `portVariable` is the setting that moves it. */
export function listenProblem(host: string, port: number, error: NodeJS.ErrnoException, portVariable = 'PORT'): string {
  return error.code === 'EADDRINUSE'
    ? `${host}:${port} is already in use (set ${portVariable} to another port)`
    : `cannot listen on ${host}:${port} (${error.code ?? error.message})`;
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
  /** Everything Prism printed so far (stdout and stderr). */
  output(): string;
  /** Stops Prism by PID (SIGTERM, then SIGKILL after `graceMs`) and resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
  /** Settles when Prism exits, whoever stopped it. */
  exited: Promise<void>;
}

export interface StartPrismOptions {
  /** How long to wait for Prism to listen, in ms (default 90 s: a loaded machine starts it slowly). */
  startTimeoutMs?: number;
  /** Also print Prism's output on this process's stdout/stderr (the commands); tests only capture it. */
  inheritOutput?: boolean;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** The URL in Prism's start line, once it has printed it (Prism prints it after its server listens). */
export function listeningUrl(output: string): string | undefined {
  return /Prism is listening on (http:\/\/\S+)/.exec(stripVTControlCharacters(output))?.[1];
}

/**
 * Starts `node <args>`: Prism's CLI and its arguments, which must make it listen on port 0 (see prismMockArgs
 * and prismProxyArgs). Resolves once Prism says where it listens.
 */
export async function startPrism(args: string[], options: StartPrismOptions = {}): Promise<PrismProcess> {
  // The spec allows a 16,384-character X-Auth-Token; Node's default 16 KiB header limit would refuse it
  // before Prism sees it, so Prism's Node gets room for the largest valid request.
  const child = spawn(process.execPath, ['--max-http-header-size=65536', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let announced: (url: string) => void = () => {};
  const listening = new Promise<string>((resolve) => (announced = resolve));
  const collect = (chunk: Buffer): void => {
    output += chunk.toString();
    const url = listeningUrl(output);
    if (url !== undefined) {
      announced(url);
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  if (options.inheritOutput) {
    child.stdout.pipe(process.stdout, { end: false });
    child.stderr.pipe(process.stderr, { end: false });
  }
  const pid = child.pid;
  if (pid === undefined) {
    throw new Error('could not start Prism');
  }
  const exited = hasExited(child)
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (graceMs = 5000): Promise<void> => {
    if (hasExited(child)) {
      return;
    }
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Already gone (a Ctrl-C reaches Prism too): nothing to stop.
    }
    const timer = setTimeout(() => {
      if (!hasExited(child)) {
        process.kill(pid, 'SIGKILL');
      }
    }, graceMs);
    await exited;
    clearTimeout(timer);
  };

  const timeoutMs = options.startTimeoutMs ?? 90_000;
  let timer: NodeJS.Timeout | undefined;
  const failed = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Prism did not start listening within ${timeoutMs} ms`)), timeoutMs);
    void exited.then(() => reject(new Error('Prism exited before it listened')));
  });
  // Prism exits later too, when it is stopped: that rejection has no one waiting for it.
  failed.catch(() => undefined);
  try {
    const url = await Promise.race([listening, failed]);
    return { url, port: Number(new URL(url).port), pid, output: () => output, stop, exited };
  } catch (error) {
    await stop(1000);
    throw new Error(`${(error as Error).message}\n${output}`);
  } finally {
    clearTimeout(timer);
  }
}
