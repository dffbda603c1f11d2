// Runs the built CLI as a subprocess, and the small loopback servers the tests put behind it.
import { spawn } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export const cliPath = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunCliOptions {
  /** Called once the process has started (to signal it, for instance). */
  started?: (child: ReturnType<typeof spawn>) => void;
  timeoutMs?: number;
}

/**
 * `node dist/cli.js ...args` with ONLY `env` (plus PATH) in its environment, so that credentials of the
 * machine running the tests never leak in.
 */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
  options: RunCliOptions = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    options.started?.(child);
  });
}

export interface TestServer {
  url: string;
  /** Every request received: path with query, and headers. */
  requests: { url: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** A node:http server on a free loopback port; `handle` answers every request. */
export async function startServer(
  handle: (request: IncomingMessage, response: ServerResponse) => unknown,
): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const server = createServer((request, response) => {
    requests.push({ url: request.url ?? '', headers: request.headers });
    void Promise.resolve(handle(request, response)).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** A failed server record like the service's, numbered `i`. */
export function record(i: number) {
  return {
    source_id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    source_ip: `10.0.${Math.floor(i / 250)}.${(i % 250) + 2}`,
    target_ip: i % 3 === 0 ? null : `192.168.1.${(i % 250) + 2}`,
    name: `server-${String(i).padStart(4, '0')}`,
    host_name: i % 4 === 0 ? null : `host-${i}`,
    error_json: JSON.stringify({ error_code: 'SMS.2802', error_param: JSON.stringify([`10.9.9.${i % 250}`]) }),
  };
}

/**
 * A service that pages `total` records by record offset, as the spec describes, after checking that some
 * credential was sent. `pageFilter` may tamper with a page (to provoke pagination errors).
 */
export function pagingService(
  total: number,
  pageFilter: (records: ReturnType<typeof record>[], offset: number) => ReturnType<typeof record>[] = (r) => r,
) {
  const records = Array.from({ length: total }, (_, i) => record(i));
  return (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://x');
    if (!request.headers['x-auth-token'] && !request.headers['authorization']) {
      json(response, 401, { error_code: 'APIGW.0301', error_msg: 'no credentials' });
      return;
    }
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 50);
    json(
      response,
      200,
      { count: total, migration_errors: pageFilter(records.slice(offset, offset + limit), offset) },
      { 'X-Request-Id': 'req-1' },
    );
  };
}

/** A proxy to `upstream` that adds `Prefer: <prefer>` to every request: Prism's mock then answers that scenario. */
export function preferProxy(upstream: string, prefer: string) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && name !== 'host') {
        headers.set(name, value);
      }
    }
    headers.set('Prefer', prefer);
    const answer = await fetch(upstream + (request.url ?? '/'), { headers });
    const forwarded: Record<string, string> = {};
    for (const name of ['content-type', 'x-request-id', 'sl-violations']) {
      const value = answer.headers.get(name);
      if (value !== null) {
        forwarded[name] = value;
      }
    }
    response.writeHead(answer.status, forwarded).end(Buffer.from(await answer.arrayBuffer()));
  };
}

/** A port nothing listens on (found free, then released). */
export async function closedPort(): Promise<number> {
  const server = await startServer(() => {});
  const port = Number(new URL(server.url).port);
  await server.close();
  return port;
}

/** stderr holds exactly one line, with no control character but its newline. */
export function expectOneLine(stderr: string): string {
  const lines = stderr.split('\n');
  if (lines.length !== 2 || lines[1] !== '' || /[\u0000-\u001f\u007f]/.test(lines[0]!)) {
    throw new Error(`expected one clean line on stderr, got ${JSON.stringify(stderr)}`);
  }
  return lines[0]!;
}
