// SANDBOX_DATA / --data: the sandbox serves the user's own records (a saved page or an array), checked
// against the spec's schema before it starts; a bad file is one line naming the record and the field, and
// nothing starts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type FailedServer, findFreePort, RecordsFileError, readRecordsFile, startSandbox } from '../src/index.js';
import { expectOneLine, migrationErrorFields, runToEnd, sandboxCommand, startCommand } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sms-sandbox-data-'));
let files = 0;
/** Writes `content` (JSON unless it is a string) to a new file and returns its path. */
function file(content: unknown): string {
  const path = join(dir, `records-${++files}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** A record with Chinese host names, as an account in China returns them. */
const record = (i: number, overrides: Record<string, unknown> = {}): FailedServer => ({
  source_id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  source_ip: `10.1.0.${i + 2}`,
  target_ip: i % 2 === 0 ? null : `192.168.7.${i + 2}`,
  name: `财务-db-${i}`,
  host_name: `数据库服务器-${i}`,
  error_json: JSON.stringify({ error_code: 'SMS.2802', error_param: JSON.stringify([`192.168.7.${i + 2}`]) }),
  ...overrides,
});
const records = [record(0), record(1), record(2)];

describe('readRecordsFile', () => {
  it('takes a saved page and an array of records, with nothing changed', () => {
    expect(readRecordsFile(file({ count: 3, migration_errors: records }))).toEqual({ servers: records, savedCount: 3 });
    expect(readRecordsFile(file(records))).toEqual({ servers: records });
    expect(readRecordsFile(file([]))).toEqual({ servers: [] });
  });

  it('takes a file that starts with a UTF-8 byte-order mark, as Windows editors write it', () => {
    expect(readRecordsFile(file(`\uFEFF${JSON.stringify({ count: 3, migration_errors: records })}`))).toEqual({
      servers: records,
      savedCount: 3,
    });
    expect(readRecordsFile(file(`\uFEFF${JSON.stringify(records)}`))).toEqual({ servers: records });
    // Only one, and only at the start: a second mark is no JSON.
    expect(() => readRecordsFile(file(`\uFEFF\uFEFF${JSON.stringify(records)}`))).toThrow(/: not JSON \(/);
  });

  it('keeps only the fields the spec lists (sms-errors list --json adds decoded), and keeps a larger saved count', () => {
    const saved = { count: 250, migration_errors: records.map((r) => ({ ...r, decoded: { code: 'SMS.2802' } })) };
    const read = readRecordsFile(file(saved));
    expect(read).toEqual({ servers: records, savedCount: 250 });
    for (const server of read.servers) {
      expect(Object.keys(server).sort()).toEqual(migrationErrorFields);
    }
  });

  it.each([
    ['not JSON', '{"count": 3,', /: not JSON \(/],
    [
      'neither a page nor an array',
      { servers: [] },
      /: must be a saved page \{ "count": N, "migration_errors": \[\.\.\.\] \} or an array of records$/,
    ],
    ['a page without count', { migration_errors: records }, /: count is missing$/],
    ['a negative count', { count: -1, migration_errors: records }, /: count must be >= 0$/],
    [
      'a count below the records',
      { count: 2, migration_errors: records },
      /: count is 2, fewer than the 3 records in migration_errors$/,
    ],
    [
      'a record missing a field',
      { count: 3, migration_errors: [record(0), { ...record(1), source_ip: undefined }, record(2)] },
      /: migration_errors\[1\] \(name "财务-db-1"\): field source_ip is missing$/,
    ],
    [
      'a field of the wrong type',
      [record(0), record(1), record(2, { host_name: 42 })],
      /: \[2\] \(name "财务-db-2"\): field host_name must be string or null \(got 42\)$/,
    ],
    [
      'a field too long',
      [record(0, { name: 'n'.repeat(256) })],
      /: \[0\] \(name a string of 256 characters\): field name must NOT have more than 255 characters \(got a string of 256 characters\)$/,
    ],
    ['a record that is not an object', [record(0), 'web-01'], /: \[1\]: the record must be object$/],
  ])('refuses %s in one line naming the record and the field', (_name, content, message) => {
    const path = file(content);
    let error: unknown;
    try {
      readRecordsFile(path);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RecordsFileError);
    const text = (error as Error).message;
    expect(text.startsWith(`${path.split('/').at(-1)}: `)).toBe(true);
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
  });

  it('names a file that cannot be read', () => {
    expect(() => readRecordsFile(join(dir, 'missing.json'))).toThrow(/^missing\.json: cannot read it \(ENOENT\)$/);
  });
});

describe('the sandbox serving a records file', () => {
  const running: { stop(): Promise<void> }[] = [];
  afterAll(() => Promise.all(running.map((sandbox) => sandbox.stop())));

  it('startSandbox({ data }) pages through exactly those records, through Prism, count = the records', async () => {
    const sandbox = await startSandbox({ data: file({ count: 250, migration_errors: records }) });
    running.push(sandbox);
    expect(sandbox.size).toBe(3);
    const answer = await fetch(`${sandbox.url}/v3/errors?offset=1&limit=2`, { headers: { 'X-Auth-Token': 't' } });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ count: 3, migration_errors: records.slice(1) });
  });

  it('the sandbox command serves SANDBOX_DATA and says so', async () => {
    const path = file(records);
    const started = await startCommand(sandboxCommand, { PORT: '0', SANDBOX_DATA: path });
    const url = `${started.origin}/v3/errors`;
    try {
      const answer = await fetch(`${url}?offset=0`, { headers: { 'X-Auth-Token': 't' } });
      expect(((await answer.json()) as { migration_errors: unknown[] }).migration_errors).toEqual(records);
      expect(started.output()).toContain(`3 failed servers from ${path}`);
    } finally {
      started.child.kill('SIGINT');
    }
    expect(await started.exited).toBe(0);
  });

  it.each([
    ['SANDBOX_DATA', (path: string) => ({ args: [], env: { SANDBOX_DATA: path } })],
    ['--data', (path: string) => ({ args: ['--data', path], env: {} })],
  ])(
    'a bad file given by %s: one line naming the record and field, exit 2, nothing listening',
    async (setting, given) => {
      const port = await findFreePort();
      const { args, env } = given(file([record(0), record(1, { target_ip: 7 })]));
      const { code, stdout, stderr } = await runToEnd(sandboxCommand, args, { ...env, PORT: String(port) });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(expectOneLine(stderr)[0]).toMatch(
        new RegExp(
          `^sms-errors sandbox: ${setting} records-\\d+\\.json: \\[1\\] \\(name "财务-db-1"\\): field target_ip must be string or null \\(got 7\\)$`,
        ),
      );
      await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    },
  );

  it('refuses --data with --size or --seed (they would be ignored)', async () => {
    const { code, stderr } = await runToEnd(sandboxCommand, ['--data', file(records), '--size', '10']);
    expect(code).toBe(2);
    expect(expectOneLine(stderr)[0]).toContain('give one or the other');
  });
});
