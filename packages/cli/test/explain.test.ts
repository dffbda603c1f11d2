// `sms-errors explain CODE...` as users run it (subprocess): each code's catalogue entry, as text and as
// JSON, NDJSON and CSV, with no network and no credentials (the environment is empty, and no endpoint is
// given); an unknown code says so and exits with a code of its own, after the known ones are printed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { ExplainedCode } from '../src/commands/explain/explain.js';
import { ExitCode } from '../src/shared/exit-codes.js';
import { csvObjects } from './csv.js';
import { expectOneLine, runCli } from './helpers.js';

const require = createRequire(import.meta.url);
const catalogue = JSON.parse(readFileSync(require.resolve('@sms-errors/spec/error-codes.json'), 'utf8')) as {
  categories: Record<string, { title: string }>;
  codes: Record<string, { status: number; category: string; message: string; action: string; see?: string[] }>;
};
const codes = Object.keys(catalogue.codes);
const withSee = codes.find((code) => catalogue.codes[code]!.see !== undefined)!;

/** The entry as explain prints it in JSON, from the spec's catalogue. */
function expected(code: string): ExplainedCode {
  const entry = catalogue.codes[code]!;
  return {
    code,
    known: true,
    category: entry.category as ExplainedCode['category'],
    category_title: catalogue.categories[entry.category]!.title,
    status: entry.status,
    message: entry.message,
    action: entry.action,
    see: entry.see ?? [],
  };
}

describe('explain', () => {
  it("prints a code's category, status, message, action and related codes, with no credentials and no network", async () => {
    const { code, stdout, stderr } = await runCli(['explain', withSee]);
    expect([code, stderr]).toEqual([ExitCode.ok, '']);
    const entry = catalogue.codes[withSee]!;
    expect(stdout).toBe(
      [
        `${withSee}  ${catalogue.categories[entry.category]!.title} (${entry.category})  HTTP ${entry.status}`,
        `  Message:  ${entry.message}`,
        `  Action:   ${entry.action}`,
        `  See also: ${entry.see!.join(', ')}`,
        '',
      ].join('\n'),
    );
  });

  it('explains every code of the catalogue (JSON), in the order given', async () => {
    const { code, stdout } = await runCli(['explain', '--output', 'json', ...codes]);
    expect(code).toBe(ExitCode.ok);
    expect(JSON.parse(stdout)).toEqual(codes.map(expected));
  });

  it('takes a code in any case, with or without SMS.', async () => {
    const { stdout } = await runCli(['explain', '--json', 'sms.2802', '2802', ' SMS.2802 ']);
    expect(JSON.parse(stdout)).toEqual([expected('SMS.2802'), expected('SMS.2802'), expected('SMS.2802')]);
  });

  it(`an unknown code: marked unknown on stdout after the known ones, one line on stderr, exit ${ExitCode.unknownCode}`, async () => {
    const { code, stdout, stderr } = await runCli(['explain', 'SMS.2802', 'SMS.1302', 'APIGW.0301']);
    expect(code).toBe(ExitCode.unknownCode);
    const blocks = stdout.trimEnd().split('\n\n');
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toMatch(/^SMS\.2802 {2}/);
    expect(blocks[1]).toBe(
      `SMS.1302  unknown code\n  Message:  not in the catalogue of ${codes.length} codes (Huawei's current table and the SMS FAQ); nothing is guessed`,
    );
    expect(expectOneLine(stderr)).toBe(
      `sms-errors: unknown codes SMS.1302, APIGW.0301: not in the catalogue of ${codes.length} codes`,
    );
  });

  it('an unknown code in JSON is { code, known: false } with nulls, and still exits non-zero', async () => {
    const { code, stdout } = await runCli(['explain', '--json', 'SMS.1302']);
    expect(code).toBe(ExitCode.unknownCode);
    expect(JSON.parse(stdout)).toEqual([
      {
        code: 'SMS.1302',
        known: false,
        category: null,
        category_title: null,
        status: null,
        message: null,
        action: null,
        see: [],
      },
    ]);
  });

  it('ndjson and csv: one entry per line, one row per code', async () => {
    const ndjson = await runCli(['explain', '--output', 'ndjson', 'SMS.2802', withSee]);
    expect(
      ndjson.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual([expected('SMS.2802'), expected(withSee)]);
    const csv = csvObjects((await runCli(['explain', '-o', 'csv', 'SMS.2802', withSee])).stdout);
    expect(csv.header).toEqual([
      'error_code',
      'known',
      'category',
      'category_title',
      'status',
      'message',
      'action',
      'see',
    ]);
    expect(csv.rows.map((row) => [row['error_code'], row['message'], row['see']])).toEqual([
      ['SMS.2802', catalogue.codes['SMS.2802']!.message, (catalogue.codes['SMS.2802']!.see ?? []).join(' ')],
      [withSee, catalogue.codes[withSee]!.message, catalogue.codes[withSee]!.see!.join(' ')],
    ]);
  });

  it('wraps its text to COLUMNS', async () => {
    const { stdout } = await runCli(['explain', 'SMS.2802'], { COLUMNS: '60' });
    const lines = stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(60);
    }
    expect(lines.slice(1).join(' ').replace(/ {2,}/g, ' ')).toContain(catalogue.codes['SMS.2802']!.action);
  });
});
