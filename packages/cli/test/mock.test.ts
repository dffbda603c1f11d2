// The CLI against the real Prism mock: its table and JSON output, and the error answers of the mock's
// scenarios (`Prefer: code=...`, added by a small proxy in front of Prism) mapped to exit codes.
import { readFileSync } from 'node:fs';
import { knownRegions } from '@sms-errors/client';
import { decodeErrorJson } from '@sms-errors/client/decode';
import { type RunningMock, startMock } from '@sms-errors/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../src/shared/exit-codes.js';
import type { JsonOutput } from '../src/shared/records.js';
import { expectOneLine, preferProxy, runCli, startServer, type TestServer } from './helpers.js';

const env = { SMS_AUTH_TOKEN: 'mock-token' };
let mock: RunningMock;
const proxies = new Map<string, TestServer>();

/** The base URL of a proxy that makes Prism answer the scenario `prefer`. */
async function scenario(prefer: string): Promise<string> {
  if (!proxies.has(prefer)) {
    proxies.set(prefer, await startServer(preferProxy(mock.url, prefer)));
  }
  return proxies.get(prefer)!.url;
}

beforeAll(async () => {
  mock = await startMock();
});
afterAll(async () => {
  for (const proxy of proxies.values()) {
    await proxy.close();
  }
  await mock?.stop();
});

describe('table output (the default)', () => {
  it('prints one aligned row per server, - for null, the decoded message, and a summary', async () => {
    const { code, stdout, stderr } = await runCli(['list', '--endpoint', mock.url], env);
    expect(stderr).toBe('');
    expect(code).toBe(ExitCode.ok);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME +HOST NAME +SOURCE IP +TARGET IP +ERROR CODE +MESSAGE$/);
    expect(lines).toHaveLength(1 + 4 + 1);
    const win08 = lines.find((line) => line.startsWith('sms-win08'))!;
    const decoded = decodeErrorJson('{"error_param":"[\\"192.168.0.1\\"]","error_code":"SMS.2802"}');
    expect(win08.split(/ {2,}/)).toEqual([
      'sms-win08',
      'sms-win08',
      '192.168.0.163',
      '-',
      'SMS.2802',
      'message' in decoded ? decoded.message : '?',
    ]);
    expect(win08).toContain('192.168.0.1');
    // Columns line up: every row's source IP starts where the header's SOURCE IP does.
    const column = lines[0]!.indexOf('SOURCE IP');
    for (const line of lines.slice(1, 5)) {
      expect(line.slice(column)).toMatch(/^192\.168\./);
    }
    expect(lines.at(-1)).toBe('showing 4 of 4 failed source servers');
    expect(stdout).not.toContain('\u001b');
    expect(stdout).not.toMatch(/ \n/);
  });

  it('--table gives the same output', async () => {
    const [plain, table] = await Promise.all([
      runCli(['list', '--endpoint', mock.url], env),
      runCli(['list', '--table', '--endpoint', mock.url], env),
    ]);
    expect(table).toEqual(plain);
  });

  it('says so when there is nothing (Prefer: example=empty)', async () => {
    const { code, stdout } = await runCli(['list', '--endpoint', await scenario('example=empty')], env);
    expect(code).toBe(ExitCode.ok);
    expect(stdout).toBe('no failed source servers\n');
  });
});

describe('--json', () => {
  it('prints the page shape with every record plus its decoded error_json', async () => {
    const { code, stdout, stderr } = await runCli(
      ['list', '--json', '--endpoint', mock.url, '--limit', '10', '--offset', '0'],
      env,
    );
    expect([code, stderr]).toEqual([ExitCode.ok, '']);
    const output = JSON.parse(stdout) as JsonOutput;
    expect(output.count).toBe(4);
    expect(output.migration_errors).toHaveLength(4);
    for (const server of output.migration_errors) {
      const { decoded, ...record } = server;
      expect(Object.keys(record).sort()).toEqual([
        'error_json',
        'host_name',
        'name',
        'source_id',
        'source_ip',
        'target_ip',
      ]);
      const expected = decodeErrorJson(record.error_json);
      expect(decoded.code).toBe(expected.code);
      expect(decoded.params).toEqual(expected.params);
      expect(decoded.message).toBe(('message' in expected ? expected.message : undefined) ?? null);
    }
  });

  it('--all --json pages through the mock', async () => {
    const { code, stdout } = await runCli(['list', '--all', '--json', '--endpoint', mock.url], env);
    expect(code).toBe(ExitCode.ok);
    expect((JSON.parse(stdout) as JsonOutput).migration_errors.map((r) => r.name)).toEqual([
      'sms-ubuntu',
      'sms-win08',
      'sms-win16',
      'sms-centos',
    ]);
  });

  it('sends --enterprise-project-id', async () => {
    const { code } = await runCli(
      ['list', '--json', '--endpoint', mock.url, '--enterprise-project-id', '0aa5a2bd-4d0a-4c5a-9d1c-2f1bb0b0d001'],
      env,
    );
    expect(code).toBe(ExitCode.ok);
  });
});

describe('error answers of the mock', () => {
  it.each([
    ['code=401', ExitCode.auth, /^sms-errors: SMS API answered 401 APIGW\.0301: .*check the credentials/],
    ['code=403', ExitCode.auth, /^sms-errors: SMS API answered 403 SMS\.9004: /],
    ['code=400', ExitCode.api, /^sms-errors: SMS API answered 400 /],
    ['code=500', ExitCode.api, /^sms-errors: SMS API answered 500 /],
  ])('Prefer: %s -> exit %i, one line', async (prefer, exitCode, message) => {
    const { code, stdout, stderr } = await runCli(['list', '--endpoint', await scenario(prefer)], env);
    expect(code).toBe(exitCode);
    expect(stdout).toBe('');
    expect(expectOneLine(stderr)).toMatch(message);
  });
});

describe('--help and --version', () => {
  it("--help lists the client's regions and bounds, and exits 0", async () => {
    const { code, stdout, stderr } = await runCli(['--help']);
    expect([code, stderr]).toEqual([ExitCode.ok, '']);
    expect(stdout).toMatch(/^Usage: sms-errors list/);
    for (const region of knownRegions) {
      expect(stdout).toContain(region);
    }
    for (const value of Object.values(ExitCode)) {
      expect(stdout).toMatch(new RegExp(`^  ${value} +\\S`, 'm'));
    }
    // Every command and every flag.
    for (const command of ['sms-errors summary', 'sms-errors explain CODE', 'list ', 'summary ', 'explain CODE']) {
      expect(stdout).toContain(command);
    }
    for (const flag of [
      '--region',
      '--endpoint',
      '--limit',
      '--offset',
      '--all',
      '--concurrency',
      '--enterprise-project-id',
      '--project-id',
      '--output table',
      '--output json',
      '--output ndjson',
      '--output csv',
      '--json',
      '--table',
      '-o F',
      '--wide',
      '--help',
      '--version',
    ]) {
      expect(stdout, flag).toContain(flag);
    }
    expect(stdout).toContain('COLUMNS');
    expect((await runCli(['list', '-h'])).stdout).toBe(stdout);
  });

  it('--version prints the package version', async () => {
    const { code, stdout } = await runCli(['--version']);
    expect(code).toBe(ExitCode.ok);
    const { name, version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      name: string;
      version: string;
    };
    expect(stdout).toBe(`${name} ${version}\n`);
  });
});
