// Usage and credential mistakes: the right exit code, one line naming the flag or the variable (with the
// bound as the client states it), and nothing sent: a counting server stands where requests would go.

import {
  createSmsClient,
  knownRegions,
  type ListMigrationErrorsQuery,
  type PaginateOptions,
  SmsValidationError,
} from '@sms-errors/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../src/shared/exit-codes.js';
import { expectOneLine, json, runCli, startServer, type TestServer } from './helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_request, response) => json(response, 200, { count: 0, migration_errors: [] }));
});
afterAll(() => server?.close());

const token = { SMS_AUTH_TOKEN: 'usage-token' };

/** What the client itself says a value must be: the tests do not restate a bound either. */
async function clientExpects(query: ListMigrationErrorsQuery, options?: PaginateOptions): Promise<string> {
  const client = createSmsClient({
    baseUrl: 'http://127.0.0.1',
    fetch: () => Promise.reject(new Error('not sent')),
    retries: 0,
  });
  try {
    if (options) {
      await client.paginateMigrationErrors(query, options).next();
    } else {
      await client.listMigrationErrors(query);
    }
  } catch (error) {
    if (error instanceof SmsValidationError) {
      return error.expected;
    }
  }
  throw new Error('the client accepted the value');
}

describe('usage errors: exit 2, one line, nothing sent', () => {
  const cases: [string, string[], string | RegExp | (() => Promise<string>)][] = [
    ['no command', [], /^sms-errors: missing command/],
    ['an unknown command', ['delete'], /^sms-errors: unknown command/],
    ['a positional argument', ['list', 'extra'], /^sms-errors: list takes no arguments/],
    ['an unknown flag', ['list', '--nope'], 'sms-errors: unknown option --nope (see sms-errors --help)'],
    [
      'a flag without its value',
      ['list', '--limit'],
      "sms-errors: --limit needs a value (for a value starting with '-', write --limit=VALUE)",
    ],
    ['a value for a switch', ['list', '--json=yes'], 'sms-errors: --json takes no value'],
    [
      '--json with --table',
      ['list', '--json', '--table'],
      'sms-errors: give one of --output FORMAT, --json and --table, not several',
    ],
    [
      '--output with --json',
      ['list', '--output', 'csv', '--json'],
      'sms-errors: give one of --output FORMAT, --json and --table, not several',
    ],
    [
      'an unknown --output',
      ['list', '--output', 'xml'],
      'sms-errors: --output must be one of table, json, ndjson, csv',
    ],
    [
      '--wide with CSV',
      ['list', '--wide', '--output', 'csv'],
      'sms-errors: --wide only applies to table output, not --output csv',
    ],
    [
      'a list flag on summary',
      ['summary', '--offset', '10'],
      'sms-errors: --offset does not apply to summary: summary reads every page, from the first',
    ],
    [
      '--all on summary',
      ['summary', '--all'],
      'sms-errors: --all does not apply to summary: summary reads every page, from the first',
    ],
    ['a positional argument to summary', ['summary', 'SMS.2802'], /^sms-errors: summary takes no arguments/],
    [
      'explain with no code',
      ['explain'],
      'sms-errors: explain needs one or more error codes, such as sms-errors explain SMS.2802',
    ],
    [
      '--region with --endpoint',
      ['list', '--region', knownRegions[0]!],
      'sms-errors: give --region or --endpoint, not both',
    ],
    [
      '--concurrency without --all',
      ['list', '--concurrency', '2'],
      'sms-errors: --concurrency only applies with --all',
    ],
    ['an empty --project-id', ['list', '--project-id', ''], 'sms-errors: --project-id must not be empty'],
    ['a --limit that is not a number', ['list', '--limit', 'ten'], 'sms-errors: --limit needs a number'],
    ['a hexadecimal --offset', ['list', '--offset', '0x10'], 'sms-errors: --offset needs a number'],
    [
      '--limit above its bound',
      ['list', '--limit', '101'],
      async () => `sms-errors: --limit must be ${await clientExpects({ limit: 101 })}`,
    ],
    [
      '--limit not whole',
      ['list', '--limit', '1.5'],
      async () => `sms-errors: --limit must be ${await clientExpects({ limit: 1.5 })}`,
    ],
    [
      '--offset below its bound',
      ['list', '--offset=-1'],
      async () => `sms-errors: --offset must be ${await clientExpects({ offset: -1 })}`,
    ],
    [
      '--offset above its bound',
      ['list', '--offset', '65536'],
      async () => `sms-errors: --offset must be ${await clientExpects({ offset: 65536 })}`,
    ],
    [
      'a negative number without =',
      ['list', '--offset', '-1'],
      "sms-errors: --offset needs a value (for a value starting with '-', write --offset=VALUE)",
    ],
    [
      'a too long --enterprise-project-id',
      ['list', '--enterprise-project-id', 'e'.repeat(5000)],
      async () =>
        `sms-errors: --enterprise-project-id must be ${await clientExpects({ enterpriseProjectId: 'e'.repeat(5000) })}`,
    ],
    [
      '--all with a page size of 0',
      ['list', '--all', '--limit', '0'],
      async () => `sms-errors: --limit must be ${await clientExpects({}, { pageSize: 0 })}`,
    ],
    [
      '--all with --concurrency 0',
      ['list', '--all', '--concurrency', '0'],
      async () => `sms-errors: --concurrency must be ${await clientExpects({}, { concurrency: 0 })}`,
    ],
  ];

  it.each(cases)('%s', async (_name, args, expected) => {
    const where = args[0] === 'list' || args[0] === 'summary' ? ['--endpoint', server.url] : [];
    const { code, stdout, stderr } = await runCli([...args, ...where], token);
    expect(stdout).toBe('');
    const line = expectOneLine(stderr);
    if (typeof expected === 'function') {
      expect(line).toBe(await expected());
    } else if (typeof expected === 'string') {
      expect(line).toBe(expected);
    } else {
      expect(line).toMatch(expected);
    }
    expect(code).toBe(ExitCode.usage);
  });

  it.each([
    [
      'neither --region nor --endpoint',
      ['list'],
      `sms-errors: give --region (one of ${knownRegions.join(', ')}) or --endpoint URL`,
    ],
    [
      'an unknown region',
      ['list', '--region', 'mars-north-1'],
      `sms-errors: --region must be one of ${knownRegions.join(', ')} (or give --endpoint URL)`,
    ],
    ['an endpoint that is not a URL', ['list', '--endpoint', 'not a url'], /^sms-errors: --endpoint must be /],
    ['an endpoint that is not http(s)', ['list', '--endpoint', 'ftp://127.0.0.1/'], /^sms-errors: --endpoint must be /],
    [
      'an endpoint with user:password@',
      ['list', '--endpoint', 'http://user:pass@127.0.0.1/'],
      /^sms-errors: --endpoint must not carry credentials/,
    ],
  ])('%s', async (_name, args, expected) => {
    const { code, stdout, stderr } = await runCli(args, token);
    expect([code, stdout]).toEqual([ExitCode.usage, '']);
    if (typeof expected === 'string') {
      expect(expectOneLine(stderr)).toBe(expected);
    } else {
      expect(expectOneLine(stderr)).toMatch(expected);
    }
  });

  it.each([
    ['--endpoint', ['--endpoint', 'http://127.0.0.1:1']],
    ['--region', ['--region', knownRegions[0]!]],
    ['--limit', ['--limit', '5']],
    ['--project-id', ['--project-id', 'p']],
  ])('explain takes no network flag: %s', async (flag, args) => {
    const { code, stdout, stderr } = await runCli(['explain', 'SMS.2802', ...args], token);
    expect([code, stdout]).toEqual([ExitCode.usage, '']);
    expect(expectOneLine(stderr)).toBe(
      `sms-errors: ${flag} does not apply to explain: explain reads the catalogue only, with no network and no credentials`,
    );
  });

  it('reports a bad flag before missing credentials', async () => {
    const { code, stderr } = await runCli(['list', '--endpoint', server.url, '--limit', '101'], {});
    expect(code).toBe(ExitCode.usage);
    expect(stderr).toMatch(/--limit must be/);
  });

  it('points secret-looking flags to the environment', async () => {
    for (const flag of ['--token=abc', '--sk', '--ak', '--auth-token']) {
      const { code, stderr } = await runCli(['list', '--endpoint', server.url, flag], token);
      expect(code).toBe(ExitCode.usage);
      expect(expectOneLine(stderr)).toMatch(
        /^sms-errors: unknown option --[a-z-]+: credentials come only from the environment: set SMS_AUTH_TOKEN, or HUAWEICLOUD_SDK_AK/,
      );
    }
  });
});

describe('credential errors: exit 3, one line naming the variable, nothing sent', () => {
  it.each([
    [
      'no credentials at all',
      {},
      /^sms-errors: no credentials: set SMS_AUTH_TOKEN, or HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_PROJECT_ID/,
    ],
    ['an empty token', { SMS_AUTH_TOKEN: '' }, /^sms-errors: no credentials: /],
    [
      'an AK without its SK',
      { HUAWEICLOUD_SDK_AK: 'AK0001', HUAWEICLOUD_SDK_PROJECT_ID: 'p' },
      /^sms-errors: HUAWEICLOUD_SDK_SK must be set/,
    ],
    [
      'an SK without its AK',
      { HUAWEICLOUD_SDK_SK: 'SK0001', HUAWEICLOUD_SDK_PROJECT_ID: 'p' },
      /^sms-errors: HUAWEICLOUD_SDK_AK must be set/,
    ],
    [
      'AK/SK without a project ID',
      { HUAWEICLOUD_SDK_AK: 'AK0001', HUAWEICLOUD_SDK_SK: 'SK0001' },
      /^sms-errors: HUAWEICLOUD_SDK_PROJECT_ID must be set/,
    ],
    [
      'a token with a newline',
      { SMS_AUTH_TOKEN: 'abc\ndef' },
      /^sms-errors: SMS_AUTH_TOKEN must be a string without control characters/,
    ],
    [
      'an AK with a newline',
      { HUAWEICLOUD_SDK_AK: 'AK\n1', HUAWEICLOUD_SDK_SK: 'SK0001', HUAWEICLOUD_SDK_PROJECT_ID: 'p' },
      /^sms-errors: HUAWEICLOUD_SDK_AK must be a string without control/,
    ],
  ])('%s', async (_name, env, expected) => {
    const { code, stdout, stderr } = await runCli(['list', '--endpoint', server.url], env);
    expect([code, stdout]).toEqual([ExitCode.auth, '']);
    expect(expectOneLine(stderr)).toMatch(expected);
  });

  it('a token longer than the bound names the bound the client states', async () => {
    let expected = '';
    try {
      createSmsClient({ baseUrl: server.url, token: 'x'.repeat(100_000) });
    } catch (error) {
      expected = (error as SmsValidationError).expected;
    }
    const { code, stderr } = await runCli(['list', '--endpoint', server.url], { SMS_AUTH_TOKEN: 'x'.repeat(100_000) });
    expect(code).toBe(ExitCode.auth);
    expect(expectOneLine(stderr)).toBe(`sms-errors: SMS_AUTH_TOKEN must be ${expected}`);
  });
});

describe('nothing was sent', () => {
  it('by any usage or credential error above', () => {
    expect(server.requests).toEqual([]);
  });
});
