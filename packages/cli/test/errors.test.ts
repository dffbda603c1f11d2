// Failures the mock cannot stage, against small loopback servers: pagination that disagrees with count,
// a 2xx that is not JSON, 429 and 5xx after the client's retries, no answer at all, Ctrl-C, a closed
// stdout, and hostile text from the server (control characters) that must not reach the terminal raw.
import { afterAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../src/shared/exit-codes.js';
import type { JsonOutput } from '../src/shared/records.js';
import {
  closedPort,
  expectOneLine,
  json,
  pagingService,
  record,
  runCli,
  startServer,
  type TestServer,
} from './helpers.js';

const env = { SMS_AUTH_TOKEN: 'errors-token' };
const servers: TestServer[] = [];
async function serve(...args: Parameters<typeof startServer>): Promise<TestServer> {
  const server = await startServer(...args);
  servers.push(server);
  return server;
}
afterAll(async () => {
  for (const server of servers) {
    await server.close();
  }
});

describe('pagination errors (exit 6)', () => {
  it('a short page before count is reached', async () => {
    const server = await serve(
      pagingService(300, (records, offset) => (offset === 100 ? records.slice(0, 60) : records)),
    );
    const { code, stdout, stderr } = await runCli(
      ['list', '--all', '--json', '--concurrency', '3', '--endpoint', server.url],
      env,
    );
    expect([code, stdout]).toEqual([ExitCode.pagination, '']);
    expect(expectOneLine(stderr)).toMatch(
      /^sms-errors: pagination stopped: page at offset 100 returned 60 records after 100 of 300 records/,
    );
  });

  it('a page repeating the previous one (offset read as a page number)', async () => {
    const server = await serve(
      pagingService(300, (records, offset) =>
        offset === 10 ? Array.from({ length: 10 }, (_, i) => record(i)) : records,
      ),
    );
    const { code, stderr } = await runCli(['list', '--all', '--limit', '10', '--endpoint', server.url], env);
    expect(code).toBe(ExitCode.pagination);
    expect(expectOneLine(stderr)).toMatch(/repeats records of the previous page/);
  });

  it('the same server without tampering pages fine, with a few hundred records', async () => {
    const server = await serve(pagingService(330));
    const { code, stdout } = await runCli(
      ['list', '--all', '--json', '--limit', '40', '--concurrency', '5', '--endpoint', server.url],
      env,
    );
    expect(code).toBe(ExitCode.ok);
    const output = JSON.parse(stdout) as JsonOutput;
    expect(output.migration_errors.map((r) => r.name)).toEqual(Array.from({ length: 330 }, (_, i) => record(i).name));
  });
});

describe('API and response errors', () => {
  it('429 after the retries -> exit 4', async () => {
    const server = await serve((_q, response) =>
      json(response, 429, { error_code: 'APIGW.0308', error_msg: 'throttled' }, { 'Retry-After': '0' }),
    );
    const { code, stderr } = await runCli(['list', '--endpoint', server.url], env);
    expect(code).toBe(ExitCode.api);
    expect(expectOneLine(stderr)).toBe('sms-errors: SMS API answered 429 APIGW.0308: throttled');
    expect(server.requests.length).toBeGreaterThan(1);
  });

  it('503 with a body that is not JSON -> exit 4', async () => {
    const server = await serve((_q, response) =>
      response.writeHead(503, { 'Content-Type': 'text/html', 'Retry-After': '0' }).end('<h1>down</h1>'),
    );
    const { code, stderr } = await runCli(['list', '--endpoint', server.url], env);
    expect(code).toBe(ExitCode.api);
    expect(expectOneLine(stderr)).toMatch(/^sms-errors: SMS API answered 503/);
  });

  it('a 200 that is not JSON -> exit 7', async () => {
    const server = await serve((_q, response) => response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok'));
    const { code, stdout, stderr } = await runCli(['list', '--endpoint', server.url], env);
    expect([code, stdout]).toEqual([ExitCode.response, '']);
    expect(expectOneLine(stderr)).toMatch(/^sms-errors: SMS API answered 200, but not JSON/);
  });

  it('an error message with newlines and escape sequences stays one clean line', async () => {
    const server = await serve((_q, response) =>
      json(response, 401, { error_code: 'APIGW.0301', error_msg: 'bad\ntoken\u001b[31m red\r\n\u0007' }),
    );
    const { code, stderr } = await runCli(['list', '--endpoint', server.url], env);
    expect(code).toBe(ExitCode.auth);
    expect(expectOneLine(stderr)).toMatch(
      /^sms-errors: SMS API answered 401 APIGW\.0301: bad token\\u001b\[31m red \\u0007; check the credentials/,
    );
  });

  it('records with control characters: escaped in the table, intact in JSON', async () => {
    const hostile = { ...record(1), name: 'evil\u001b[2J\rname', host_name: 'two\nlines' };
    const server = await serve((_q, response) => json(response, 200, { count: 1, migration_errors: [hostile] }));
    const table = await runCli(['list', '--endpoint', server.url], env);
    expect(table.code).toBe(ExitCode.ok);
    expect(table.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(table.stdout.split('\n')).toHaveLength(1 + 1 + 1 + 1); // header, row, summary, final ''
    const { stdout } = await runCli(['list', '--json', '--endpoint', server.url], env);
    expect((JSON.parse(stdout) as JsonOutput).migration_errors[0]!.name).toBe(hostile.name);
  });

  it('an error_json that cannot be read: code null and the reason', async () => {
    const server = await serve((_q, response) =>
      json(response, 200, { count: 1, migration_errors: [{ ...record(1), error_json: 'not json' }] }),
    );
    const { stdout } = await runCli(['list', '--json', '--endpoint', server.url], env);
    expect((JSON.parse(stdout) as JsonOutput).migration_errors[0]!.decoded).toEqual({
      code: null,
      params: [],
      message: null,
      category: null,
      action: null,
      status: null,
      reason: 'error_json is not JSON',
    });
    const table = await runCli(['list', '--endpoint', server.url], env);
    expect(table.stdout.split('\n')[1]!.split(/ {2,}/).slice(4)).toEqual(['-', '(error_json is not JSON)']);
  });
});

describe('network errors (exit 5)', () => {
  it('connection refused, after the retries', async () => {
    const port = await closedPort();
    const { code, stdout, stderr } = await runCli(['list', '--endpoint', `http://127.0.0.1:${port}`], env);
    expect([code, stdout]).toEqual([ExitCode.network, '']);
    expect(expectOneLine(stderr)).toMatch(
      new RegExp(`^sms-errors: no answer from 127\\.0\\.0\\.1:${port}: request failed: .*\\(attempts: 3\\)$`),
    );
  });
});

describe('signals and pipes', () => {
  it('Ctrl-C (SIGINT) during a request -> exit 130, one line', async () => {
    let arrived!: () => void;
    const requested = new Promise<void>((resolve) => (arrived = resolve));
    const server = await serve(() => arrived()); // never answers
    const { code, stdout, stderr } = await runCli(['list', '--endpoint', server.url], env, {
      started: (child) => void requested.then(() => child.kill('SIGINT')),
    });
    expect([code, stdout]).toEqual([ExitCode.interrupted, '']);
    expect(expectOneLine(stderr)).toBe('sms-errors: interrupted');
  });

  it('a stdout closed early (| head) ends the run quietly', async () => {
    const server = await serve(pagingService(400));
    const result = await runCli(['list', '--all', '--json', '--endpoint', server.url], env, {
      started: (child) => child.stdout!.once('data', () => child.stdout!.destroy()),
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(ExitCode.ok);
  });
});
