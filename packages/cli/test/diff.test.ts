// `sms-errors diff` and `summary --since`: two snapshots in every shape an operator saves, or one and the
// live listing (a loopback service); each class, each output form, stdin, the warnings, and the exit codes
// (9 with --fail-on, 2 for a file that is no snapshot).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeErrorJson } from '@sms-errors/client/decode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/run.js';
import { ExitCode } from '../src/shared/exit-codes.js';
import { parseCsv } from './csv.js';
import { json, record, runCli, startServer, type TestServer } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sms-diff-'));
const errorJson = (code: string, params: string[] = []) =>
  JSON.stringify({ error_code: code, error_param: JSON.stringify(params) });

// Before: servers 0-9. After: 0 resolved, 1 changed code, 2 changed parameters, 10 new; the rest unchanged.
const before = Array.from({ length: 10 }, (_, i) => record(i));
const after = [
  { ...record(1), error_json: errorJson('SMS.3805') },
  { ...record(2), error_json: errorJson('SMS.2802', ['10.9.9.99']) },
  ...before.slice(3),
  record(10),
];

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
const asPage = (records: unknown[]) => JSON.stringify({ count: records.length, migration_errors: records });
const asNdjson = (records: unknown[]) => records.map((r) => `${JSON.stringify(r)}\n`).join('');
const beforeFile = file('before.json', asPage(before));
const afterFile = file('after.ndjson', asNdjson(after));

let live: TestServer;
beforeAll(async () => {
  live = await startServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 50);
    json(response, 200, { count: after.length, migration_errors: after.slice(offset, offset + limit) });
  });
});
afterAll(() => live?.close());

class Capture {
  text = '';
  isTTY = false;
  write(chunk: string) {
    this.text += chunk;
    return true;
  }
}

/** run() in-process, for stdin. */
async function runWithStdin(argv: string[], stdin: string) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await run({
    argv,
    env: { SMS_AUTH_TOKEN: 'diff-token' },
    stdout,
    stderr,
    readStdin: () => Promise.resolve(stdin),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('diff: classes and outputs', () => {
  it('prints JSON with new, resolved, changed {before, after} and the unchanged count, records decoded as list prints them', async () => {
    const { code, stdout, stderr } = await runCli(['diff', beforeFile, afterFile, '--output', 'json']);
    expect([code, stderr]).toEqual([ExitCode.ok, '']);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['new', 'resolved', 'changed', 'unchanged', 'duplicates']);
    expect(out.new.map((r: { name: string }) => r.name)).toEqual(['server-0010']);
    expect(out.resolved.map((r: { name: string }) => r.name)).toEqual(['server-0000']);
    expect(
      out.changed.map(
        (c: { before: { decoded: { code: string } }; after: { decoded: { code: string; params: string[] } } }) => [
          c.before.decoded.code,
          c.after.decoded.code,
          c.after.decoded.params,
        ],
      ),
    ).toEqual([
      ['SMS.2802', 'SMS.3805', []],
      ['SMS.2802', 'SMS.2802', ['10.9.9.99']],
    ]);
    expect(out.unchanged).toBe(7);
    expect(out.duplicates).toEqual([]);
    // A record is printed as list --output json prints it: the API's fields, then decoded.
    const decoded = decodeErrorJson(record(10).error_json);
    expect(out.new[0]).toEqual({
      ...record(10),
      decoded: {
        code: decoded.code,
        params: decoded.params,
        message: decoded.message,
        category: decoded.category,
        action: decoded.action,
        status: decoded.status,
      },
    });
  });

  it('prints a table: new, changed with old code -> new code, resolved, each with category and action; then the unchanged count', async () => {
    const { code, stdout } = await runCli(['diff', beforeFile, afterFile]);
    expect(code).toBe(ExitCode.ok);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.filter((line) => /^[A-Z]+ \(\d+\)$/.test(line))).toEqual(['NEW (1)', 'CHANGED (2)', 'RESOLVED (1)']);
    expect(lines.filter((line) => line.startsWith('NAME'))).toHaveLength(3);
    expect(lines.find((line) => line.startsWith('server-0001'))).toMatch(/SMS\.2802 -> SMS\.3805/);
    expect(lines.find((line) => line.startsWith('server-0002'))).toMatch(/SMS\.2802 -> SMS\.2802/);
    const action = decodeErrorJson(record(10).error_json).action!;
    expect(lines.find((line) => line.startsWith('server-0010'))).toContain(action);
    expect(lines.at(-1)).toBe('7 unchanged');
  });

  it('prints the table in Chinese with --lang zh (catalogue texts too); JSON keys and change words stay English', async () => {
    const { code, stdout } = await runCli(['diff', beforeFile, afterFile, '--lang', 'zh']);
    expect(code).toBe(ExitCode.ok);
    expect(stdout.split('\n').filter((line) => /^\S+（\d+ 台）$/.test(line))).toEqual([
      '新增（1 台）',
      '有变化（2 台）',
      '已解决（1 台）',
    ]);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('7 台未变化');
    const ndjson = await runCli(['diff', beforeFile, afterFile, '--lang', 'zh', '--output', 'ndjson']);
    expect(JSON.parse(ndjson.stdout.split('\n')[0]!).change).toBe('new');
  });

  it('says so when nothing changed', async () => {
    const { code, stdout } = await runCli(['diff', beforeFile, beforeFile]);
    expect([code, stdout]).toEqual([ExitCode.ok, 'no changes: 10 unchanged\n']);
  });

  it('prints NDJSON, one object per changed server with "change" first; --all adds the unchanged ones', async () => {
    const { stdout } = await runCli(['diff', beforeFile, afterFile, '--output', 'ndjson']);
    const objects = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(objects.map((o) => [o.change, o.name])).toEqual([
      ['new', 'server-0010'],
      ['changed', 'server-0001'],
      ['changed', 'server-0002'],
      ['resolved', 'server-0000'],
    ]);
    expect(Object.keys(objects[0])[0]).toBe('change');
    expect(objects[1].before).toEqual({
      error_json: before[1]!.error_json,
      decoded: expect.objectContaining({ code: 'SMS.2802' }),
    });
    expect(objects[1].decoded.code).toBe('SMS.3805');
    const all = await runCli(['diff', beforeFile, afterFile, '--output', 'ndjson', '--all']);
    const changes = all.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line).change);
    expect(changes.filter((change) => change === 'unchanged')).toHaveLength(7);
  });

  it('prints CSV: change first, then list columns, then the previous code', async () => {
    const { stdout } = await runCli(['diff', beforeFile, afterFile, '--output', 'csv']);
    const [header, ...rows] = parseCsv(stdout);
    expect(header![0]).toBe('change');
    expect(header!.at(-1)).toBe('previous_error_code');
    expect(header).toContain('error_code');
    expect(rows.map((row) => [row[0], row[1], row[header!.indexOf('error_code')], row.at(-1)])).toEqual([
      ['new', 'server-0010', 'SMS.2802', ''],
      ['changed', 'server-0001', 'SMS.3805', 'SMS.2802'],
      ['changed', 'server-0002', 'SMS.2802', 'SMS.2802'],
      ['resolved', 'server-0000', 'SMS.2802', ''],
    ]);
  });

  it('compares a snapshot with the live listing (every page, with list flags and credentials)', async () => {
    const { code, stdout, stderr } = await runCli(
      ['diff', beforeFile, '--endpoint', live.url, '--limit', '3', '--output', 'json'],
      { SMS_AUTH_TOKEN: 'live-token' },
    );
    expect([code, stderr]).toEqual([ExitCode.ok, '']);
    const out = JSON.parse(stdout);
    expect([out.new.length, out.changed.length, out.resolved.length, out.unchanged]).toEqual([1, 2, 1, 7]);
    // Every page of the live listing, three records at a time.
    expect(
      live.requests.filter((request) => request.headers['x-auth-token'] === 'live-token').length,
    ).toBeGreaterThanOrEqual(4);
  });

  it('reads either snapshot from stdin (-), and list --all --output json output as a snapshot', async () => {
    const listed = JSON.stringify({
      count: after.length,
      migration_errors: after.map((r) => ({ ...r, decoded: { code: 'ignored' } })),
    });
    const { code, stdout } = await runWithStdin(['diff', beforeFile, '-', '--output', 'json'], listed);
    expect(code).toBe(ExitCode.ok);
    expect(JSON.parse(stdout).unchanged).toBe(7);
    const reversed = await runWithStdin(['diff', '-', afterFile, '--output', 'json'], asNdjson(before));
    expect(JSON.parse(reversed.stdout).new).toHaveLength(1);
  });

  it('identifies a server without source_id by name and source IP', async () => {
    const anonymous = (i: number, ip: string, code: string) => ({
      ...record(i),
      source_id: '',
      source_ip: ip,
      error_json: errorJson(code),
    });
    const a = file('anon-a.json', asPage([anonymous(1, '10.1.1.1', 'SMS.2802'), anonymous(1, '10.1.1.2', 'SMS.2802')]));
    const b = file('anon-b.json', asPage([anonymous(1, '10.1.1.1', 'SMS.3805'), anonymous(1, '10.1.1.3', 'SMS.2802')]));
    const out = JSON.parse((await runCli(['diff', a, b, '--json'])).stdout);
    expect(out.changed.map((c: { after: { source_ip: string } }) => c.after.source_ip)).toEqual(['10.1.1.1']);
    expect(out.new.map((r: { source_ip: string }) => r.source_ip)).toEqual(['10.1.1.3']);
    expect(out.resolved.map((r: { source_ip: string }) => r.source_ip)).toEqual(['10.1.1.2']);
  });

  it('reports duplicate identities on stderr and in JSON, and leaves them out of the classes', async () => {
    const twice = file('twice.json', asPage([...before, { ...record(3), name: 'again' }]));
    const { code, stdout, stderr } = await runCli(['diff', beforeFile, twice, '--json']);
    expect(code).toBe(ExitCode.ok);
    expect(stderr).toMatch(
      /^sms-errors: warning: id:00000000-0000-4000-8000-000000000003 is held by 1 record\(s\) in .*before\.json and 2 in .*twice\.json: left out of the comparison, not merged\n$/,
    );
    const out = JSON.parse(stdout);
    expect(out.duplicates).toHaveLength(1);
    expect(out.unchanged).toBe(9);
  });

  it('warns when a snapshot is one page of a longer listing', async () => {
    const page = file('page.json', JSON.stringify({ count: 250, migration_errors: before }));
    const { code, stderr } = await runCli(['diff', page, beforeFile]);
    expect(code).toBe(ExitCode.ok);
    expect(stderr).toMatch(/warning: .*page\.json holds 10 of the 250 servers its listing announced/);
  });
});

describe('diff: exit codes', () => {
  it.each([
    ['new', ExitCode.changes],
    ['changed', ExitCode.changes],
    ['any', ExitCode.changes],
  ])('--fail-on %s exits 9 when the diff holds it, and prints the diff in full', async (failOn, expected) => {
    const { code, stdout } = await runCli(['diff', beforeFile, afterFile, '--fail-on', failOn]);
    expect(code).toBe(expected);
    expect(stdout).toContain('NEW (1)');
  });

  it('--fail-on exits 0 when the diff does not hold the class', async () => {
    const onlyResolved = file('only-resolved.json', asPage(before.slice(1)));
    expect((await runCli(['diff', beforeFile, onlyResolved, '--fail-on', 'new'])).code).toBe(ExitCode.ok);
    expect((await runCli(['diff', beforeFile, onlyResolved, '--fail-on', 'changed'])).code).toBe(ExitCode.ok);
    expect((await runCli(['diff', beforeFile, onlyResolved, '--fail-on', 'any'])).code).toBe(ExitCode.changes);
    expect((await runCli(['diff', beforeFile, beforeFile, '--fail-on', 'any'])).code).toBe(ExitCode.ok);
  });

  it.each([
    [['diff', 'missing.json', 'x.json'], /cannot read .*missing\.json: no such file/],
    [['diff', join(dir, 'bad'), 'x'], /is not a snapshot: line 1 is not JSON/],
    [['diff', '-', '-'], /only one of BEFORE and AFTER can be -/],
    [['diff'], /diff takes BEFORE \[AFTER\]/],
    [['diff', 'a', 'b', 'c'], /diff takes BEFORE \[AFTER\]/],
    [['diff', 'a', 'b', '--fail-on', 'all'], /--fail-on must be one of new, changed, any/],
    [
      ['diff', 'a', 'b', '--endpoint', 'http://127.0.0.1:1'],
      /--endpoint applies to the live listing, and diff was given two snapshots/,
    ],
    [['diff', 'a', '--offset', '3'], /--offset does not apply to diff/],
  ])('refuses %j with one line and exit 2, sending nothing', async (args, message) => {
    file('bad', 'not a snapshot');
    const { code, stderr, stdout } = await runCli(
      args.map((arg) => (arg === 'missing.json' ? join(dir, 'missing.json') : arg)),
      { SMS_AUTH_TOKEN: 't' },
    );
    expect([code, stdout]).toEqual([ExitCode.usage, '']);
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('summary --since', () => {
  it('marks code groups and servers new or changed against the snapshot (table and JSON)', async () => {
    const { code, stdout, stderr } = await runCli(['summary', '--endpoint', live.url, '--since', beforeFile], {
      SMS_AUTH_TOKEN: 't',
    });
    expect([code, stderr]).toEqual([ExitCode.ok, '']);
    // SMS.3805 was nobody's code in the snapshot: a new group; SMS.2802 gained server 10 and changed 2.
    expect(stdout).toMatch(/^SMS\.3805 .* 1 server {2}NEW$/m);
    expect(stdout).toMatch(/^SMS\.2802 .* 9 servers {2}CHANGED$/m);
    expect(stdout).toMatch(/server-0010 \(new\)/);
    expect(stdout).toMatch(/server-0002 \(changed\)/);
    expect(stdout).toContain(`Since ${beforeFile}: 1 new, 2 changed, 1 resolved`);
    // Marked servers come first in their group.
    const servers = stdout
      .slice(stdout.indexOf('SMS.2802'))
      .split('\n')
      .filter((line) => /server-\d{4}/.test(line));
    expect(servers[0]).toMatch(/server-0002 \(changed\)|server-0010 \(new\)/);

    const out = JSON.parse(
      (await runCli(['summary', '--endpoint', live.url, '--since', beforeFile, '--json'], { SMS_AUTH_TOKEN: 't' }))
        .stdout,
    );
    expect(out.since).toEqual({ snapshot: beforeFile, new: 1, changed: 2, resolved: 1 });
    const group = (c: string) => out.codes.find((g: { code: string }) => g.code === c);
    expect(group('SMS.3805').since).toBe('new');
    expect(group('SMS.2802').since).toBe('changed');
    const marks = Object.fromEntries(
      group('SMS.2802').affected.map((s: { name: string; since: string | null }) => [s.name, s.since]),
    );
    expect([marks['server-0010'], marks['server-0002'], marks['server-0005']]).toEqual(['new', 'changed', null]);
  });

  it('refuses a --since file that is no snapshot before sending anything', async () => {
    const requests = live.requests.length;
    const { code, stderr } = await runCli(['summary', '--endpoint', live.url, '--since', join(dir, 'bad')], {
      SMS_AUTH_TOKEN: 't',
    });
    expect(code).toBe(ExitCode.usage);
    expect(stderr).toMatch(/is not a snapshot/);
    expect(live.requests.length).toBe(requests);
  });
});
