// `list --output json | ndjson | csv` (and the --json alias) as users run them: the same records in each
// shape, with the decoded code, category, message and action. CSV is checked with a strict RFC 4180 reader,
// against values a spreadsheet would run as formulas, and values with commas, quotes and line breaks.

import { decodeErrorJson } from '@sms-errors/client/decode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIST_CSV_HEADER } from '../src/commands/list/list-output.js';
import { ExitCode } from '../src/shared/exit-codes.js';
import type { JsonOutput } from '../src/shared/records.js';
import { csvObjects, parseCsv } from './csv.js';
import { json, record, runCli, startServer, type TestServer } from './helpers.js';

const env = { SMS_AUTH_TOKEN: 'formats-token' };

/** Values from the servers being migrated that a spreadsheet would run, or that break naive CSV. */
const hostile = [
  { ...record(1), name: '=HYPERLINK("http://evil.example","click")', host_name: '+1+2' },
  { ...record(2), name: '-2+3', host_name: '@SUM(A1:A9)' },
  { ...record(3), name: '\tcmd', host_name: '\r=1' },
  { ...record(4), name: 'a, "quoted" name', host_name: 'two\nlines', target_ip: null },
  {
    ...record(5),
    name: 'db-01',
    error_json: JSON.stringify({ error_code: 'SMS.1302', error_param: JSON.stringify(['/', '/mnt/vdb1']) }),
  },
  { ...record(6), name: 'db-02', error_json: 'not json' },
];

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_request, response) =>
    json(response, 200, { count: hostile.length, migration_errors: hostile }),
  );
});
afterAll(() => server?.close());

const list = (...args: string[]) => runCli(['list', '--endpoint', server.url, ...args], env);

describe('list --output', () => {
  it('json: every record with decoded code, params, message, category, action and status (--json the same)', async () => {
    const { code, stdout } = await list('--output', 'json');
    expect(code).toBe(ExitCode.ok);
    const output = JSON.parse(stdout) as JsonOutput;
    expect(output.migration_errors.map(({ decoded: _decoded, ...rest }) => rest)).toEqual(hostile);
    for (const { decoded, error_json } of output.migration_errors) {
      const expected = decodeErrorJson(error_json);
      expect(decoded).toEqual({
        code: expected.code ?? null,
        params: expected.params,
        message: expected.message ?? null,
        category: expected.category ?? null,
        action: expected.action ?? null,
        status: expected.status ?? null,
        ...(expected.reason !== undefined ? { reason: expected.reason } : {}),
      });
    }
    expect(output.migration_errors[0]!.decoded.category).toBe('network');
    expect((await list('--json')).stdout).toBe(stdout);
  });

  it('ndjson: one record per line, the records of the JSON output', async () => {
    const { stdout } = await list('--output', 'ndjson');
    const lines = stdout.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((line) => JSON.parse(line) as unknown)).toEqual(
      (JSON.parse((await list('--json')).stdout) as JsonOutput).migration_errors,
    );
  });

  it('csv: RFC 4180, a header, one row per server with the decoded columns', async () => {
    const { code, stdout, stderr } = await list('--output', 'csv');
    expect([code, stderr]).toEqual([ExitCode.ok, '']);
    const { header, rows } = csvObjects(stdout);
    expect(header).toEqual([...LIST_CSV_HEADER]);
    expect(rows).toHaveLength(hostile.length);
    const known = decodeErrorJson(hostile[0]!.error_json);
    expect(rows[0]).toMatchObject({
      source_ip: hostile[0]!.source_ip,
      error_code: 'SMS.2802',
      category: 'network',
      status: '400',
      message: known.message,
      action: known.action,
      params: JSON.stringify(known.params),
    });
    expect(rows[3]).toMatchObject({ name: 'a, "quoted" name', host_name: 'two\nlines', target_ip: '' });
    expect(rows[4]).toMatchObject({
      error_code: 'SMS.1302',
      category: '',
      message: '',
      action: '',
      params: '["/","/mnt/vdb1"]',
    });
    expect(rows[5]).toMatchObject({ error_code: '', message: '(error_json is not JSON)', params: '[]' });
    expect(stdout).toContain('"a, ""quoted"" name"');
  });

  it("csv: a cell starting with = + - @ tab or CR is prefixed with ', and so shown as text", async () => {
    const { rows } = csvObjects((await list('--output', 'csv')).stdout);
    expect([rows[0]!['name'], rows[0]!['host_name']]).toEqual(['\'=HYPERLINK("http://evil.example","click")', "'+1+2"]);
    expect([rows[1]!['name'], rows[1]!['host_name']]).toEqual(["'-2+3", "'@SUM(A1:A9)"]);
    expect([rows[2]!['name'], rows[2]!['host_name']]).toEqual(["'\tcmd", "'\r=1"]);
    // No cell of the document starts a formula.
    for (const row of parseCsv((await list('--output', 'csv')).stdout)) {
      for (const cell of row) {
        expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
  });

  it('table: an unknown code shows its parameters in the message column', async () => {
    const { stdout } = await list();
    expect(stdout.split('\n').find((line) => line.startsWith('db-01'))).toMatch(
      /SMS\.1302 {4}unknown code; params: \/, \/mnt\/vdb1$/,
    );
  });
});
