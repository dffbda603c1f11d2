// The CLI as a subprocess against careless command lines and hostile servers on loopback: endpoints it must
// refuse before sending anything, flag messages that name the flag as typed, --project-id with a token,
// bidi and zero-width characters in a server's data (escaped on the terminal, exact in JSON/NDJSON/CSV),
// malformed 200 bodies (exit 7, one line naming the field), a redirect to another origin, and exit codes
// chosen by the client's error class.
import { afterAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../src/shared/exit-codes.js';
import type { JsonOutput } from '../src/shared/records.js';
import { expectOneLine, json, record, runCli, startServer, type TestServer } from './helpers.js';

const env = { SMS_AUTH_TOKEN: 'hostile-cli-token' };
const akSkEnv = {
  HUAWEICLOUD_SDK_AK: 'AK-CLI',
  HUAWEICLOUD_SDK_SK: 'sk-cli-secret',
  HUAWEICLOUD_SDK_PROJECT_ID: 'project-from-env',
};
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

const page = (records: unknown[]) => (_q: unknown, response: Parameters<typeof json>[0]) =>
  json(response, 200, { count: records.length, migration_errors: records });

describe('--endpoint the CLI refuses: usage error (exit 2), nothing sent', () => {
  it.each([
    [
      'a query',
      (url: string) => `${url}?x=1`,
      /^sms-errors: --endpoint must not have a query \(\?\) or a fragment \(#\)/,
    ],
    [
      'a fragment',
      (url: string) => `${url}#top`,
      /^sms-errors: --endpoint must not have a query \(\?\) or a fragment \(#\)/,
    ],
    [
      'user info',
      (url: string) => url.replace('http://', 'http://user:pass@'),
      /^sms-errors: --endpoint must not carry credentials \(user:password@\)/,
    ],
    [
      'another scheme',
      (url: string) => url.replace('http://', 'ftp://'),
      /^sms-errors: --endpoint must be an absolute http\(s\) URL/,
    ],
    ['a file URL', () => 'file:///etc/passwd', /^sms-errors: --endpoint must be an absolute http\(s\) URL/],
  ])('%s', async (_, endpointOf, message) => {
    const server = await serve(page([record(1)]));
    const { code, stdout, stderr } = await runCli(['list', '--endpoint', endpointOf(server.url)], env);
    expect([code, stdout]).toEqual([ExitCode.usage, '']);
    expect(expectOneLine(stderr)).toMatch(message);
    expect(server.requests).toHaveLength(0);
  });

  it.each(['9', '6667'])(
    'a port the Fetch standard blocks (%s) is named, before the credentials are read',
    async (port) => {
      const { code, stdout, stderr } = await runCli(['list', '--endpoint', `http://127.0.0.1:${port}`], {});
      expect([code, stdout]).toEqual([ExitCode.usage, '']);
      expect(expectOneLine(stderr)).toBe(
        `sms-errors: --endpoint names port ${port}, which the Fetch standard blocks: fetch would refuse it without sending`,
      );
    },
  );
});

describe('flag messages name the flag as typed', () => {
  it.each([
    [['list', '--output'], 'sms-errors: --output needs a value'],
    [['list', '-o'], 'sms-errors: -o needs a value'],
    [['list', '--endpoint'], 'sms-errors: --endpoint needs a value'],
    [['list', '--all=yes'], 'sms-errors: --all takes no value'],
  ])('%j', async (args, message) => {
    const { code, stdout, stderr } = await runCli(args, env);
    expect([code, stdout]).toEqual([ExitCode.usage, '']);
    expect(expectOneLine(stderr)).toBe(message);
  });
});

describe('--project-id', () => {
  it('with a token is a usage error (the token carries its project), nothing sent', async () => {
    const server = await serve(page([]));
    const { code, stdout, stderr } = await runCli(['list', '--endpoint', server.url, '--project-id', 'p-1'], env);
    expect([code, stdout]).toEqual([ExitCode.usage, '']);
    expect(expectOneLine(stderr)).toBe(
      "sms-errors: --project-id applies to AK/SK credentials only; with SMS_AUTH_TOKEN the token's own project is used (drop --project-id, or use AK/SK)",
    );
    expect(server.requests).toHaveLength(0);
  });

  it('with AK/SK is sent as X-Project-Id, over the environment', async () => {
    const server = await serve(page([]));
    const { code } = await runCli(['list', '--json', '--endpoint', server.url, '--project-id', 'p-flag'], akSkEnv);
    expect(code).toBe(ExitCode.ok);
    expect(server.requests[0]!.headers['x-project-id']).toBe('p-flag');
  });
});

describe('bidi, zero-width and control characters in the data', () => {
  const hostile = {
    ...record(1),
    name: 'admin\u202etxt.exe',
    host_name: 'web\u200b-1\u2066x\u2069',
    source_ip: '10.0.0.1\ufeff',
  };

  it('are shown escaped in the table, the summary and the list footer; never raw', async () => {
    const server = await serve(page([hostile]));
    for (const command of ['list', 'summary']) {
      const { code, stdout } = await runCli([command, '--endpoint', server.url, '--wide'], env);
      expect(code).toBe(ExitCode.ok);
      expect(stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff\u0000-\u0009\u000b-\u001f]/);
      expect(stdout).toContain('admin\\u202etxt.exe');
      if (command === 'list') {
        expect(stdout).toContain('web\\u200b-1\\u2066x\\u2069');
      }
    }
  });

  it.each([
    ['json', (stdout: string) => (JSON.parse(stdout) as JsonOutput).migration_errors[0]!],
    ['ndjson', (stdout: string) => JSON.parse(stdout.split('\n')[0]!) as JsonOutput['migration_errors'][number]],
  ])('are kept exact in %s', async (format, first) => {
    const server = await serve(page([hostile]));
    const { code, stdout } = await runCli(['list', '--output', format, '--endpoint', server.url], env);
    expect(code).toBe(ExitCode.ok);
    expect(first(stdout)).toMatchObject({
      name: hostile.name,
      host_name: hostile.host_name,
      source_ip: hostile.source_ip,
    });
  });

  it('are kept exact in CSV', async () => {
    const server = await serve(page([hostile]));
    const { code, stdout } = await runCli(['list', '--output', 'csv', '--endpoint', server.url], env);
    expect(code).toBe(ExitCode.ok);
    expect(stdout).toContain(hostile.name);
    expect(stdout).toContain(hostile.host_name);
  });

  it('an unknown code given to explain is shown escaped on stdout and stderr', async () => {
    const { code, stdout, stderr } = await runCli(['explain', 'SMS.2802', 'SMS.\u202e9999'], {});
    expect(code).toBe(ExitCode.unknownCode);
    expect(stdout + stderr).not.toMatch(/\u202e/);
    expect(stdout + stderr).toContain('SMS.\\u202e9999');
  });
});

describe('a malformed 200: exit 7, one line naming the field', () => {
  it.each([
    ['an empty object', {}, 'body.count is required'],
    ['count missing', { migration_errors: [] }, 'body.count is required'],
    ['a string count', { count: '1', migration_errors: [] }, 'body.count must be integer, not string'],
    [
      'migration_errors not an array',
      { count: 1, migration_errors: {} },
      'body.migration_errors must be array, not object',
    ],
    [
      'a numeric name',
      { count: 1, migration_errors: [{ ...record(1), name: 42 }] },
      'body.migration_errors[0].name must be string, not integer',
    ],
  ])('%s', async (_, body, violation) => {
    const server = await serve((_q, response) => json(response, 200, body));
    for (const args of [['list'], ['list', '--all'], ['summary']]) {
      const { code, stdout, stderr } = await runCli([...args, '--endpoint', server.url], env);
      expect([code, stdout]).toEqual([ExitCode.response, '']);
      expect(expectOneLine(stderr)).toBe(`sms-errors: SMS API answered 200, but ${violation}`);
    }
  });
});

describe('exit codes by error class', () => {
  it('a redirect to another origin is not followed: exit 4 naming Location, the token never leaves', async () => {
    const elsewhere = await serve(page([]));
    const home = await serve((_q, response) =>
      response.writeHead(302, { Location: `${elsewhere.url}/v3/errors` }).end(),
    );
    const port = new URL(home.url).port;
    const { code, stdout, stderr } = await runCli(['list', '--endpoint', `http://localhost:${port}`], env);
    expect([code, stdout]).toEqual([ExitCode.api, '']);
    expect(expectOneLine(stderr)).toBe(
      `sms-errors: SMS API answered 302, a redirect to ${elsewhere.url}/v3/errors; not followed: credentials are sent to the base URL only`,
    );
    expect(home.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it.each([
    [401, ExitCode.auth],
    [403, ExitCode.auth],
    [404, ExitCode.api],
  ])('%i -> exit %i', async (status, exitCode) => {
    const server = await serve((_q, response) => json(response, status, { error_code: 'X.1', error_msg: 'refused' }));
    const { code } = await runCli(['list', '--endpoint', server.url], env);
    expect(code).toBe(exitCode);
  });
});
