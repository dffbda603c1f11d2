// No output, at any exit, carries a secret. Every credential below holds the marker `SeCrEt`; the CLI is
// run through success, each kind of failure, and a server that echoes the credentials it received into
// its error message (the last guard: run() scrubs the credential values from every line it prints).

import { type RunningMock, startMock } from '@sms-errors/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../src/shared/exit-codes.js';
import { type CliResult, closedPort, json, preferProxy, runCli, startServer, type TestServer } from './helpers.js';

const MARKER = /secret/i;
const token = { SMS_AUTH_TOKEN: 'tok-SeCrEt-0123456789abcdef' };
const aksk = {
  HUAWEICLOUD_SDK_AK: 'AK-SeCrEt-ABCDEFGHIJ',
  HUAWEICLOUD_SDK_SK: 'SK-SeCrEt-abcdefghijklmnopqrstuvwxyz',
  HUAWEICLOUD_SDK_PROJECT_ID: 'project-0001',
  HUAWEICLOUD_SDK_SECURITY_TOKEN: 'sts-SeCrEt-zyxwvutsrq',
};

let mock: RunningMock;
const servers: TestServer[] = [];
async function serve(...args: Parameters<typeof startServer>): Promise<string> {
  const server = await startServer(...args);
  servers.push(server);
  return server.url;
}
beforeAll(async () => {
  mock = await startMock();
});
afterAll(async () => {
  for (const server of servers) {
    await server.close();
  }
  await mock?.stop();
});

function expectNoSecret({ stdout, stderr }: CliResult): void {
  expect(stdout).not.toMatch(MARKER);
  expect(stderr).not.toMatch(MARKER);
}

describe('secrets never printed', () => {
  it('on success, with a token and with AK/SK, list in every output shape and summary', async () => {
    for (const env of [token, aksk, { ...token, ...aksk }]) {
      for (const args of [
        ['list', '--table'],
        ['list', '--json'],
        ['list', '--output', 'csv'],
        ['list', '--output', 'ndjson'],
        ['summary'],
        ['summary', '--json'],
      ]) {
        const result = await runCli(
          [...args, '--all', '--endpoint', mock.url].filter((arg) => !(args[0] === 'summary' && arg === '--all')),
          env,
        );
        expect(result.code).toBe(ExitCode.ok);
        expectNoSecret(result);
      }
    }
  });

  it('on 401, 403 and 500 answers', async () => {
    for (const prefer of ['code=401', 'code=403', 'code=500']) {
      const url = await serve(preferProxy(mock.url, prefer));
      for (const env of [token, aksk]) {
        const result = await runCli(['list', '--endpoint', url], env);
        expect([ExitCode.auth, ExitCode.api]).toContain(result.code);
        expectNoSecret(result);
      }
    }
  });

  it('when a server echoes the credentials it received into its error message', async () => {
    const url = await serve((request, response) =>
      json(response, 401, {
        error_code: 'APIGW.0301',
        error_msg: `rejected ${request.headers['x-auth-token'] ?? ''} ${request.headers['authorization'] ?? ''} ${request.headers['x-security-token'] ?? ''}`,
      }),
    );
    for (const env of [token, aksk]) {
      const result = await runCli(['list', '--endpoint', url], env);
      expect(result.code).toBe(ExitCode.auth);
      expect(result.stderr).toContain('***');
      expectNoSecret(result);
    }
  });

  it('on network, usage and credential errors', async () => {
    const port = await closedPort();
    const runs: [string[], Record<string, string>][] = [
      [['list', '--endpoint', `http://127.0.0.1:${port}`], token],
      [['list', '--endpoint', `http://127.0.0.1:${port}`], aksk],
      [['list', '--endpoint', mock.url, '--limit', '101'], token],
      [['list', '--endpoint', mock.url, '--token', token.SMS_AUTH_TOKEN], {}],
      [['list', '--endpoint', mock.url], { HUAWEICLOUD_SDK_AK: aksk.HUAWEICLOUD_SDK_AK }],
      [['list', '--endpoint', mock.url], { HUAWEICLOUD_SDK_SK: aksk.HUAWEICLOUD_SDK_SK }],
      [
        ['list', '--endpoint', mock.url],
        { HUAWEICLOUD_SDK_AK: aksk.HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK: aksk.HUAWEICLOUD_SDK_SK },
      ],
      [['list', '--endpoint', mock.url], { SMS_AUTH_TOKEN: 'tok-SeCrEt\r\nInjected: header' }],
      [['list', '--endpoint', mock.url], { ...aksk, HUAWEICLOUD_SDK_SECURITY_TOKEN: 'sts-SeCrEt\nx' }],
      [['list', '--endpoint', mock.url], { SMS_AUTH_TOKEN: `SeCrEt${'x'.repeat(20_000)}` }],
      [['--help'], { ...token, ...aksk }],
    ];
    for (const [args, env] of runs) {
      const result = await runCli(args, env);
      expect(result.code).not.toBe(ExitCode.internal);
      expectNoSecret(result);
    }
  });
});
