// `sms-errors watch` against a loopback service whose listing the test changes between sweeps: the first
// run (everything new, or --baseline), change lines and NDJSON, --fail-on, a failed sweep that leaves the
// state as it was, a state file that is never half-written (a writer killed mid-write leaves the old one
// readable), Ctrl-C (130, state whole), the status line on a terminal only, and the webhook (retries, no
// credentials) against a loopback receiver.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSnapshot } from '@sms-errors/client/diff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postWebhook } from '../src/commands/watch/webhook.js';
import { run } from '../src/run.js';
import { ExitCode } from '../src/shared/exit-codes.js';
import { json, record, runCli, startServer, type TestServer } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sms-watch-'));
let n = 0;
const statePath = () => join(dir, `state-${++n}.json`);
const TOKEN = 'watch-secret-token-4b9e';
const env = { SMS_AUTH_TOKEN: TOKEN };
const errorJson = (code: string) => JSON.stringify({ error_code: code, error_param: '[]' });

/** The listing the service serves now; tests replace it between sweeps. */
let listing = Array.from({ length: 5 }, (_, i) => record(i));
/** When set, the service answers every request with this status and a gateway error body. */
let failWith: number | undefined;
let service: TestServer;

beforeAll(async () => {
  service = await startServer((request, response) => {
    if (failWith !== undefined) {
      json(response, failWith, {
        error_code: failWith === 401 ? 'APIGW.0301' : 'SMS.6301',
        error_msg: 'staged failure',
      });
      return;
    }
    const url = new URL(request.url ?? '/', 'http://x');
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 50);
    json(response, 200, { count: listing.length, migration_errors: listing.slice(offset, offset + limit) });
  });
});
afterAll(() => service?.close());

const watch = (state: string, ...args: string[]) =>
  runCli(['watch', '--state', state, '--endpoint', service.url, '--once', ...args], env);

describe('watch --once', () => {
  it('first run without state prints every failing server as new, then writes the state (mode 0600) as a snapshot', async () => {
    listing = Array.from({ length: 5 }, (_, i) => record(i));
    const state = statePath();
    const { code, stdout, stderr } = await watch(state);
    expect([code, stderr]).toEqual([ExitCode.ok, '']);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z {2}new {2}server-0000 {2}10\.0\.0\.2 {2}SMS\.2802 {2}\S/,
    );
    expect(statSync(state).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(readFileSync(state, 'utf8'));
    expect(saved).toMatchObject({ endpoint: service.url, count: 5 });
    expect(readSnapshot(readFileSync(state, 'utf8')).records).toEqual(listing);
  });

  it('--baseline records the first sweep without printing it; the next run prints only the changes', async () => {
    listing = Array.from({ length: 5 }, (_, i) => record(i));
    const state = statePath();
    const first = await watch(state, '--baseline');
    expect([first.code, first.stdout]).toEqual([ExitCode.ok, '']);
    expect(first.stderr).toMatch(/baseline: 5 failing servers recorded in /);
    expect(existsSync(state)).toBe(true);

    listing = [{ ...record(1), error_json: errorJson('SMS.3805') }, ...listing.slice(2), record(7)];
    const second = await watch(state);
    expect(second.code).toBe(ExitCode.ok);
    expect(
      second.stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split('  ').slice(1, 5)),
    ).toEqual([
      ['new', 'server-0007', '10.0.0.9', 'SMS.2802'],
      ['changed', 'server-0001', '10.0.0.3', 'SMS.2802->SMS.3805'],
      ['resolved', 'server-0000', '10.0.0.2', 'SMS.2802'],
    ]);
    // Nothing changed since: nothing printed (cron mails nothing).
    const third = await watch(state);
    expect([third.code, third.stdout, third.stderr]).toEqual([ExitCode.ok, '', '']);
  });

  it('--output ndjson prints one object per change with at and change; --fail-on exits 9 after saving', async () => {
    listing = Array.from({ length: 3 }, (_, i) => record(i));
    const state = statePath();
    await watch(state, '--baseline');
    listing = [...listing, record(9)];
    const { code, stdout } = await watch(state, '--output', 'ndjson', '--fail-on', 'new');
    expect(code).toBe(ExitCode.changes);
    const [change] = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(change).toMatchObject({ change: 'new', name: 'server-0009', decoded: { code: 'SMS.2802' } });
    expect(Object.keys(change).slice(0, 2)).toEqual(['at', 'change']);
    expect(readSnapshot(readFileSync(state, 'utf8')).records).toHaveLength(4);
    // The same sweep again holds nothing new.
    expect((await watch(state, '--fail-on', 'new')).code).toBe(ExitCode.ok);
  });

  it.each([
    [500, ExitCode.api],
    [401, ExitCode.auth],
  ])('a sweep answered %i prints one line and leaves the state byte for byte', async (status, exitCode) => {
    listing = Array.from({ length: 3 }, (_, i) => record(i));
    const state = statePath();
    await watch(state);
    const saved = readFileSync(state);
    failWith = status;
    try {
      const { code, stdout, stderr } = await watch(state);
      expect([code, stdout]).toEqual([exitCode, '']);
      expect(stderr).toMatch(/^\S+Z sweep failed: .*; the state is unchanged\n$/);
      expect(stderr).not.toContain(TOKEN);
    } finally {
      failWith = undefined;
    }
    expect(readFileSync(state).equals(saved)).toBe(true);
  });

  it('a malformed page is a failed sweep too', async () => {
    const broken = await startServer((_request, response) => json(response, 200, { count: 1, migration_errors: 'no' }));
    try {
      const state = statePath();
      writeFileSync(state, JSON.stringify({ count: 0, migration_errors: [] }));
      const { code, stderr } = await runCli(['watch', '--state', state, '--endpoint', broken.url, '--once'], env);
      expect(code).toBe(ExitCode.response);
      expect(stderr).toMatch(/sweep failed/);
      expect(readFileSync(state, 'utf8')).toBe(JSON.stringify({ count: 0, migration_errors: [] }));
    } finally {
      await broken.close();
    }
  });

  it('refuses a state file that is no snapshot, and leaves it alone', async () => {
    const state = statePath();
    writeFileSync(state, 'not json at all');
    const { code, stderr } = await watch(state);
    expect(code).toBe(ExitCode.usage);
    expect(stderr).toMatch(/state .* is not a snapshot: line 1 is not JSON.*; it is left as it is/);
    expect(readFileSync(state, 'utf8')).toBe('not json at all');
  });

  it.each([
    [['watch', '--endpoint', 'http://127.0.0.1:1'], /watch needs --state FILE/],
    [['watch', '--state', 's', '--interval', '5'], /--interval must be from 10s to 24h/],
    [['watch', '--state', 's', '--interval', '2d'], /--interval must be from 10s to 24h/],
    [['watch', '--state', 's', '--output', 'csv'], /watch prints lines \(the default\) or --output ndjson, not csv/],
    [['watch', '--state', 's', '--webhook', 'ftp://x'], /--webhook must be an absolute http\(s\) URL/],
    [['watch', '--state', 's', '--webhook', 'http://u:p@127.0.0.1/'], /--webhook must not carry user:password@/],
    [['watch', '--state', 's', '--fail-on', 'nothing'], /--fail-on must be one of/],
  ])('refuses %j with exit 2', async (args, message) => {
    const { code, stderr } = await runCli(args, env);
    expect(code).toBe(ExitCode.usage);
    expect(stderr).toMatch(message);
  });
});

describe('the state file is never half-written', () => {
  it('a process killed while writing a new state leaves the old state readable, whole', async () => {
    const state = statePath();
    const old = { taken_at: 'old', endpoint: 'x', count: 1, migration_errors: [record(1)] };
    writeFileSync(state, JSON.stringify(old));
    // A child that writes a large state (tens of MB) in a loop with the CLI's own writer; killed with
    // SIGKILL as soon as it says it has started, so the kill lands during a write.
    const writer = fileURLToPath(new URL('../dist/commands/watch/state-file.js', import.meta.url));
    const script = `
      const { writeState } = await import(${JSON.stringify(writer)});
      const records = Array.from({ length: 120000 }, (_, i) => ({ name: 'server-' + i, source_id: String(i), source_ip: '10.0.0.1', target_ip: null, host_name: null, error_json: '{"error_code":"SMS.2802","error_param":"[]"}' }));
      process.stdout.write('writing\\n');
      for (;;) await writeState(${JSON.stringify(state)}, { taken_at: 'new', endpoint: 'x', count: records.length, migration_errors: records });
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('close', resolve));
    // Whatever moment the kill hit, the state is one whole document: the old one or a complete new one.
    const text = readFileSync(state, 'utf8');
    const saved = JSON.parse(text);
    expect(['old', 'new']).toContain(saved.taken_at);
    expect(readSnapshot(text).records).toHaveLength(saved.taken_at === 'old' ? 1 : 120000);
  });
});

class Capture {
  text = '';
  constructor(readonly isTTY: boolean) {}
  write(chunk: string) {
    this.text += chunk;
    return true;
  }
}

/** run('watch ...') in-process without --once, until `until` holds; then Ctrl-C (abort). */
async function watchUntil(args: string[], tty: boolean, until: (stdout: string) => boolean) {
  const controller = new AbortController();
  const stdout = new Capture(tty);
  const stderr = new Capture(false);
  const running = run({
    argv: ['watch', '--endpoint', service.url, '--interval', '10m', ...args],
    env,
    stdout,
    stderr,
    signal: controller.signal,
  });
  await expect.poll(() => until(stdout.text), { timeout: 20_000, interval: 50 }).toBe(true);
  controller.abort();
  return { code: await running, stdout: stdout.text, stderr: stderr.text };
}

describe('watch between sweeps', () => {
  it('shows one status line on a terminal, and Ctrl-C exits 130 with the state whole', async () => {
    listing = Array.from({ length: 4 }, (_, i) => record(i));
    const state = statePath();
    const { code, stdout, stderr } = await watchUntil(['--state', state], true, (out) => out.includes('next sweep in'));
    expect(code).toBe(ExitCode.interrupted);
    expect(stderr).toBe('sms-errors: interrupted\n');
    expect(stdout).toMatch(/\r\u001b\[2Knext sweep in \d+m\d*s?, last sweep took [\d.]+s, 4 failing \(Ctrl-C stops\)/);
    // The line was erased before the run ended.
    expect(stdout.endsWith('\r\u001b[2K')).toBe(true);
    expect(readSnapshot(readFileSync(state, 'utf8')).records).toEqual(listing);
  });

  it('prints no status line when stdout is not a terminal', async () => {
    listing = Array.from({ length: 2 }, (_, i) => record(i));
    const state = statePath();
    const { code, stdout } = await watchUntil(['--state', state], false, () => existsSync(state));
    expect(code).toBe(ExitCode.interrupted);
    expect(stdout).not.toContain('next sweep');
    expect(stdout).not.toContain('\u001b');
  });

  it('the built CLI exits 130 on SIGINT between sweeps, the state whole', async () => {
    listing = Array.from({ length: 3 }, (_, i) => record(i));
    const state = statePath();
    const result = await runCli(['watch', '--state', state, '--endpoint', service.url, '--interval', '1h'], env, {
      started: (child) => {
        const poll = setInterval(() => {
          if (existsSync(state)) {
            clearInterval(poll);
            child.kill('SIGINT');
          }
        }, 50);
      },
    });
    expect(result.code).toBe(ExitCode.interrupted);
    expect(readSnapshot(readFileSync(state, 'utf8')).records).toHaveLength(3);
  });
});

describe('webhook', () => {
  interface Received {
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }

  /** A receiver on a free loopback port answering each POST with the next status of `statuses` (then 200). */
  async function receiver(statuses: number[]) {
    const received: Received[] = [];
    const server = await startServer(async (request, response) => {
      let body = '';
      for await (const chunk of request) {
        body += chunk;
      }
      received.push({ headers: request.headers, body });
      response.writeHead(statuses.shift() ?? 200).end();
    });
    return { server, received };
  }

  it('POSTs each non-empty change set as {at, endpoint, new, resolved, changed}, retrying a 503, with no credentials', async () => {
    const { server, received } = await receiver([503]);
    try {
      listing = Array.from({ length: 3 }, (_, i) => record(i));
      const state = statePath();
      await watch(state, '--baseline', '--webhook', `${server.url}/hook?key=hook-own-secret`);
      expect(received).toEqual([]);
      listing = [{ ...record(0), error_json: errorJson('SMS.3805') }, record(1), record(5)];
      const { code, stderr } = await watch(state, '--webhook', `${server.url}/hook?key=hook-own-secret`);
      expect([code, stderr]).toEqual([ExitCode.ok, '']);
      expect(received).toHaveLength(2);
      expect(received[1]!.body).toBe(received[0]!.body);
      const payload = JSON.parse(received[1]!.body);
      expect(Object.keys(payload)).toEqual(['at', 'endpoint', 'new', 'resolved', 'changed']);
      expect(payload.endpoint).toBe(service.url);
      expect(payload.new.map((r: { name: string }) => r.name)).toEqual(['server-0005']);
      expect(payload.resolved.map((r: { name: string }) => r.name)).toEqual(['server-0002']);
      expect(
        payload.changed.map((c: { before: { decoded: { code: string } }; after: { decoded: { code: string } } }) => [
          c.before.decoded.code,
          c.after.decoded.code,
        ]),
      ).toEqual([['SMS.2802', 'SMS.3805']]);
      // No credential of ours in the headers or the body.
      for (const { headers, body } of received) {
        expect(Object.keys(headers).filter((name) => /authorization|token|cookie|x-sdk|x-project/i.test(name))).toEqual(
          [],
        );
        expect(JSON.stringify(headers)).not.toContain(TOKEN);
        expect(body).not.toContain(TOKEN);
        expect(headers['content-type']).toBe('application/json');
      }
    } finally {
      await server.close();
    }
  });

  it('a webhook that keeps failing is reported (by its origin only) and does not stop the watch', async () => {
    const { server, received } = await receiver([500, 500, 500]);
    try {
      listing = [record(0)];
      const state = statePath();
      const { code, stdout, stderr } = await watch(state, '--webhook', `${server.url}/hook?key=hook-own-secret`);
      expect(code).toBe(ExitCode.ok);
      expect(stdout).toContain('new  server-0000');
      expect(stderr).toBe(`${stderr.slice(0, 24)} webhook ${server.url} failed after 3 attempt(s): HTTP 500\n`);
      expect(stderr).not.toContain('hook-own-secret');
      expect(received).toHaveLength(3);
      expect(existsSync(state)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('postWebhook: no retry on a 4xx, a timeout per attempt, and no redirect followed', async () => {
    const { server, received } = await receiver([400]);
    const silent = await startServer(() => {});
    const redirect = await startServer((_request, response) =>
      response.writeHead(307, { Location: `${server.url}/elsewhere` }).end(),
    );
    try {
      expect(await postWebhook(`${server.url}/hook`, { x: 1 }, { retryDelaysMs: [0, 0] })).toEqual({
        ok: false,
        attempts: 1,
        reason: 'HTTP 400',
      });
      expect(await postWebhook(`${silent.url}/hook`, { x: 1 }, { retryDelaysMs: [0], timeoutMs: 300 })).toEqual({
        ok: false,
        attempts: 2,
        reason: 'no answer within 0.3 s',
        timeoutSeconds: 0.3,
      });
      const redirected = await postWebhook(`${redirect.url}/hook`, { x: 1 }, { retryDelaysMs: [] });
      expect(redirected.ok).toBe(false);
      expect(received.map((r) => r.body)).toEqual(['{"x":1}']);
    } finally {
      await Promise.all([server.close(), silent.close(), redirect.close()]);
    }
  });
});
