// --all over the sandbox (Prism validating every page of a seeded 250-server data set with real paging):
// every record once, in order, whatever the page size and concurrency, and no progress line when stderr
// is not a terminal. AK/SK credentials from the environment, with --project-id, go through too.

import { createSmsClient, type MigrationError } from '@sms-errors/client';
import { type RunningSandbox, startSandbox } from '@sms-errors/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../src/shared/exit-codes.js';
import type { JsonOutput } from '../src/shared/records.js';
import { csvObjects } from './csv.js';
import { runCli } from './helpers.js';

const env = { SMS_AUTH_TOKEN: 'sandbox-token' };
let sandbox: RunningSandbox;
let everything: MigrationError[];

beforeAll(async () => {
  // The sandbox's gateway verifies AK/SK signatures: it gets the AK/SK and project id the AK/SK test signs with.
  sandbox = await startSandbox({
    credentials: { ak: 'AKEXAMPLE000001', sk: 'SKEXAMPLE000001', projectId: 'flag-project' },
  });
  everything = await createSmsClient({ baseUrl: sandbox.url, token: env.SMS_AUTH_TOKEN }).listAllMigrationErrors();
});
afterAll(() => sandbox?.stop());

const strip = (records: JsonOutput['migration_errors']) => records.map(({ decoded: _decoded, ...record }) => record);

describe('--all against the sandbox', () => {
  it('has a few hundred records to page through', () => {
    expect(everything.length).toBe(sandbox.size);
    expect(sandbox.size).toBeGreaterThanOrEqual(200);
  });

  it.each([
    ['the largest page, one at a time', []],
    ['pages of 7, 4 at once', ['--limit', '7', '--concurrency', '4']],
    ['pages of 25, 16 at once', ['--limit', '25', '--concurrency', '16']],
  ])('%s: every record once, in order (--json)', async (_name, args) => {
    const { code, stdout, stderr } = await runCli(['list', '--all', '--json', '--endpoint', sandbox.url, ...args], env);
    expect([code, stderr]).toEqual([ExitCode.ok, '']);
    const output = JSON.parse(stdout) as JsonOutput;
    expect(output.count).toBe(sandbox.size);
    expect(strip(output.migration_errors)).toEqual(everything);
    for (const record of output.migration_errors) {
      expect(record.decoded.code).toMatch(/^SMS\.\d{4}$/);
    }
  });

  it('from --offset on', async () => {
    const { code, stdout } = await runCli(
      ['list', '--all', '--json', '--offset', '240', '--limit', '3', '--concurrency', '2', '--endpoint', sandbox.url],
      env,
    );
    expect(code).toBe(ExitCode.ok);
    expect(strip((JSON.parse(stdout) as JsonOutput).migration_errors)).toEqual(everything.slice(240));
  });

  it('as a table: a row per record and the summary; no progress line on a non-terminal stderr', async () => {
    const { code, stdout, stderr } = await runCli(
      ['list', '--all', '--concurrency', '3', '--limit', '50', '--endpoint', sandbox.url],
      env,
    );
    expect([code, stderr]).toEqual([ExitCode.ok, '']);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + sandbox.size + 1);
    expect(lines.slice(1, -1).map((line) => line.split(/ {2,}/)[0])).toEqual(everything.map((r) => r.name));
    expect(lines.at(-1)).toBe(`showing ${sandbox.size} of ${sandbox.size} failed source servers`);
    // The sandbox has null host and target names: shown as '-'.
    expect(lines.slice(1, -1).some((line) => / {2}- {2}/.test(line))).toBe(true);
  });
});

describe('--all in the other output shapes', () => {
  it('--output csv: a header and one row per server, in order, with the decoded columns', async () => {
    const { code, stdout } = await runCli(
      ['list', '--all', '--output', 'csv', '--concurrency', '4', '--endpoint', sandbox.url],
      env,
    );
    expect(code).toBe(ExitCode.ok);
    const { rows } = csvObjects(stdout);
    expect(rows.map((row) => row['source_id'])).toEqual(everything.map((record) => record.source_id));
    for (const row of rows) {
      expect(row['error_code']).toMatch(/^SMS\.\d{4}$/);
      expect(row['action']).not.toBe('');
    }
  });

  it('--output ndjson: one record per line', async () => {
    const { stdout } = await runCli(['list', '--all', '--output', 'ndjson', '--endpoint', sandbox.url], env);
    expect(
      strip(
        stdout
          .trimEnd()
          .split('\n')
          .map((line) => JSON.parse(line) as JsonOutput['migration_errors'][number]),
      ),
    ).toEqual(everything);
  });
});

describe('one page against the sandbox', () => {
  it('--limit and --offset select the page, and the summary says where the next one starts', async () => {
    const { code, stdout } = await runCli(['list', '--limit', '5', '--offset', '10', '--endpoint', sandbox.url], env);
    expect(code).toBe(ExitCode.ok);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.slice(1, -1).map((line) => line.split(/ {2,}/)[0])).toEqual(
      everything.slice(10, 15).map((r) => r.name),
    );
    expect(lines.at(-1)).toBe(`showing 5 of ${sandbox.size} failed source servers (next page: --offset 15, or --all)`);
  });

  it('AK/SK credentials from the environment, --project-id overriding HUAWEICLOUD_SDK_PROJECT_ID', async () => {
    const aksk = {
      HUAWEICLOUD_SDK_AK: 'AKEXAMPLE000001',
      HUAWEICLOUD_SDK_SK: 'SKEXAMPLE000001',
      HUAWEICLOUD_SDK_PROJECT_ID: 'env-project',
    };
    const { code, stdout, stderr } = await runCli(
      ['list', '--json', '--limit', '3', '--project-id', 'flag-project', '--endpoint', sandbox.url],
      aksk,
    );
    expect([code, stderr]).toEqual([ExitCode.ok, '']);
    expect(strip((JSON.parse(stdout) as JsonOutput).migration_errors)).toEqual(everything.slice(0, 3));
  });
});
