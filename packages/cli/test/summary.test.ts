// `sms-errors summary` against the seeded sandbox (250 servers, codes drawn from the whole catalogue):
// every code present is shown with its action, groups are ordered by how many servers they affect, and the
// JSON, NDJSON and CSV outputs hold the same grouping, checked against one computed here from the records
// and the catalogue as the spec package builds it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createSmsClient, type MigrationError } from '@sms-errors/client';
import { type RunningSandbox, startSandbox } from '@sms-errors/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SummaryJson } from '../src/commands/summary/summary-json.js';
import { ExitCode } from '../src/shared/exit-codes.js';
import { csvObjects } from './csv.js';
import { runCli } from './helpers.js';

const require = createRequire(import.meta.url);
const catalogue = JSON.parse(readFileSync(require.resolve('@sms-errors/spec/error-codes.json'), 'utf8')) as {
  categories: Record<string, { title: string }>;
  codes: Record<string, { status: number; category: string; message: string; action: string; see?: string[] }>;
};

const env = { SMS_AUTH_TOKEN: 'summary-token' };
let sandbox: RunningSandbox;
let everything: MigrationError[];
/** Servers per code, counted here from the raw records. */
const perCode = new Map<string, MigrationError[]>();

beforeAll(async () => {
  sandbox = await startSandbox();
  everything = await createSmsClient({ baseUrl: sandbox.url, token: env.SMS_AUTH_TOKEN }).listAllMigrationErrors();
  for (const record of everything) {
    const code = (JSON.parse(record.error_json) as { error_code: string }).error_code;
    perCode.set(code, [...(perCode.get(code) ?? []), record]);
  }
});
afterAll(() => sandbox?.stop());

async function summary(...args: string[]) {
  const result = await runCli(['summary', '--endpoint', sandbox.url, ...args], env);
  expect([result.code, result.stderr]).toEqual([ExitCode.ok, '']);
  return result.stdout;
}

describe('summary as text', () => {
  it('shows every code present, with its category, its count, its message and its action', async () => {
    const text = await summary();
    const blocks = text.trimEnd().split('\n\n');
    expect(blocks).toHaveLength(perCode.size + 1);
    for (const [code, servers] of perCode) {
      const block = blocks.find((candidate) => candidate.startsWith(`${code}  `));
      expect(block, code).toBeDefined();
      const entry = catalogue.codes[code]!;
      const oneLine = block!.replace(/\n {12}/g, ' ');
      expect(block!.split('\n')[0]).toBe(
        `${code}  ${catalogue.categories[entry.category]!.title}  ${servers.length} ${servers.length === 1 ? 'server' : 'servers'}`,
      );
      expect(oneLine).toContain(`  Message:  ${entry.message}`);
      expect(oneLine).toContain(`  Action:   ${entry.action}`);
      // The first servers by name and source IP, the rest counted.
      for (const server of servers.slice(0, 10)) {
        expect(block).toContain(`${server.name}  `);
      }
      if (servers.length > 10) {
        expect(block).toContain(`and ${servers.length - 10} more`);
      }
    }
  });

  it('orders the codes by servers affected, most first, and ends with the totals per category', async () => {
    const blocks = (await summary()).trimEnd().split('\n\n');
    const counts = blocks.slice(0, -1).map((block) => Number(/ (\d+) servers?$/.exec(block.split('\n')[0]!)![1]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const totals = blocks.at(-1)!.split('\n');
    expect(totals[0]).toBe('By category:');
    expect(totals.at(-1)).toBe(`${sandbox.size} failed source servers with ${perCode.size} error codes`);
    const byCategory = new Map<string, number>();
    for (const [code, servers] of perCode) {
      const title = catalogue.categories[catalogue.codes[code]!.category]!.title;
      byCategory.set(title, (byCategory.get(title) ?? 0) + servers.length);
    }
    for (const [title, servers] of byCategory) {
      expect(
        totals.find((line) => line.startsWith(`  ${title}  `)),
        title,
      ).toMatch(new RegExp(`  ${servers} servers?  `));
    }
  });

  it("marks a code the catalogue lacks as unknown, with the parameters of each server (the mock's SMS.1302)", async () => {
    const { startMock } = await import('@sms-errors/mock');
    const mock = await startMock();
    try {
      const { code, stdout } = await runCli(['summary', '--endpoint', mock.url], env);
      expect(code).toBe(ExitCode.ok);
      const block = stdout.split('\n\n').find((candidate) => candidate.startsWith('SMS.1302'))!;
      expect(block.split('\n')[0]).toBe('SMS.1302  unknown code  1 server');
      expect(block).toMatch(/Servers: {2}sms-ubuntu {2}192\.168\.0\.235 {2}\/, \/mnt\/vdb1/);
      expect(stdout).toMatch(/\n {2}Unknown codes +1 server +1 code\n/);
      expect(stdout.trimEnd().split('\n').at(-1)).toBe('4 failed source servers with 4 error codes (1 unknown)');
    } finally {
      await mock.stop();
    }
  });

  it('reads the pages concurrently with --concurrency, with the same result', async () => {
    expect(await summary('--concurrency', '4')).toBe(await summary());
  });
});

describe('summary --output json, ndjson, csv', () => {
  it('json: the grouping, each group with its catalogue entry and every affected server', async () => {
    const output = JSON.parse(await summary('--output', 'json')) as SummaryJson;
    expect(output.count).toBe(sandbox.size);
    expect(output.codes.map((group) => group.code).sort()).toEqual([...perCode.keys()].sort());
    for (const group of output.codes) {
      const entry = catalogue.codes[group.code!]!;
      expect(group).toMatchObject({
        known: true,
        category: entry.category,
        category_title: catalogue.categories[entry.category]!.title,
        status: entry.status,
        message: entry.message,
        action: entry.action,
        see: entry.see ?? [],
        servers: perCode.get(group.code!)!.length,
      });
      expect(group.affected.map((server) => server.source_id)).toEqual(
        perCode.get(group.code!)!.map((server) => server.source_id),
      );
    }
    expect(output.categories.reduce((sum, total) => sum + total.servers, 0)).toBe(sandbox.size);
    expect([output.unknown, output.unreadable]).toEqual([{ servers: 0, codes: 0 }, { servers: 0 }]);
    expect(await summary('--json')).toBe(await summary('--output', 'json'));
  });

  it('ndjson: one code group per line, the groups of the JSON output', async () => {
    const lines = (await summary('--output', 'ndjson')).trimEnd().split('\n');
    const json = JSON.parse(await summary('--output', 'json')) as SummaryJson;
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(json.codes);
  });

  it('csv: a header, then one row per code with its count, message and action', async () => {
    const { header, rows } = csvObjects(await summary('--output', 'csv'));
    expect(header).toEqual([
      'error_code',
      'known',
      'category',
      'category_title',
      'status',
      'servers',
      'message',
      'action',
      'see',
    ]);
    expect(rows).toHaveLength(perCode.size);
    for (const row of rows) {
      const entry = catalogue.codes[row['error_code']!]!;
      expect(row).toEqual({
        error_code: row['error_code'],
        known: 'true',
        category: entry.category,
        category_title: catalogue.categories[entry.category]!.title,
        status: String(entry.status),
        servers: String(perCode.get(row['error_code']!)!.length),
        message: entry.message,
        action: entry.action,
        see: (entry.see ?? []).join(' '),
      });
    }
  });
});
