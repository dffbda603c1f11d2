// Golden outputs: `list` and `summary` as the built CLI prints them (subprocess) at 80 and 120 columns, in
// English and in Chinese (--lang zh: double-width cells in the headings, labels and catalogue texts too),
// against the sandbox serving a file of records with Chinese server and host names (SANDBOX_DATA, the
// fixture test/fixtures/cjk-records.json). Besides matching the files in test/golden/ byte for byte, every
// line must fit the width in terminal cells and every column must start at the same cell on every row.
//
// The goldens quote catalogue wording (messages and actions). When spec/error-codes.yaml is reworded, the
// first test says so; review the new outputs and record them again with
//   UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeErrorJson, lookupErrorCode } from '@sms-errors/client/decode/zh';
import { type RunningMock, type RunningSandbox, startMock, startSandbox } from '@sms-errors/mock';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../src/shared/exit-codes.js';
import { runCli } from './helpers.js';

const fixture = fileURLToPath(new URL('./fixtures/cjk-records.json', import.meta.url));
const golden = (name: string) => fileURLToPath(new URL(`./golden/${name}`, import.meta.url));
const update = process.env['UPDATE_GOLDEN'] === '1';
const env = { SMS_AUTH_TOKEN: 'golden-token' };

const records = (JSON.parse(readFileSync(fixture, 'utf8')) as { migration_errors: { error_json: string }[] })
  .migration_errors;
/** The catalogue entries the goldens quote, in both languages, to tell a reworded catalogue from a broken layout. */
const quotedCodes = [
  ...new Set(records.map((record) => decodeErrorJson(record.error_json).code).filter((code) => code !== undefined)),
].sort();
const quoted = Object.fromEntries(
  (['en', 'zh'] as const).map((lang) => [
    lang,
    Object.fromEntries(quotedCodes.map((code) => [code, lookupErrorCode(code, { lang }) ?? null])),
  ]),
);

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ data: fixture });
  if (update) {
    writeFileSync(golden('catalogue-entries.json'), `${JSON.stringify(quoted, null, 2)}\n`);
  }
});
afterAll(() => sandbox?.stop());

/** Runs the CLI at `columns` and compares with (or, with UPDATE_GOLDEN=1, writes) the golden file. */
async function expectGolden(args: string[], columns: number, name: string, endpoint = sandbox.url): Promise<string> {
  const { code, stdout, stderr } = await runCli([...args, '--endpoint', endpoint], {
    ...env,
    COLUMNS: String(columns),
  });
  expect([code, stderr]).toEqual([ExitCode.ok, '']);
  if (update) {
    writeFileSync(golden(name), stdout);
  }
  expect(existsSync(golden(name)), `test/golden/${name} is missing: record it with UPDATE_GOLDEN=1`).toBe(true);
  expect(stdout).toBe(readFileSync(golden(name), 'utf8'));
  return stdout;
}

const lines = (text: string) => text.trimEnd().split('\n');

/** The start of `line` that is exactly `cells` wide, or undefined when a wide character straddles that cell. */
function prefixOfWidth(line: string, cells: number): string | undefined {
  let prefix = '';
  for (const character of line) {
    if (stringWidth(prefix) >= cells) {
      break;
    }
    prefix += character;
  }
  return stringWidth(prefix) === cells ? prefix : undefined;
}

/** The cell at which each of `titles` starts in the header line. */
function columnStarts(header: string, titles: string[]): number[] {
  return titles.map((title) => stringWidth(header.slice(0, header.indexOf(title))));
}

describe('golden outputs with Chinese host names', () => {
  it('were recorded with the catalogue wording of today (else rerun with UPDATE_GOLDEN=1 and review)', () => {
    const recorded = JSON.parse(readFileSync(golden('catalogue-entries.json'), 'utf8')) as unknown;
    expect(
      recorded,
      'spec/error-codes.yaml changed the entries the goldens quote: review the diff and rerun with UPDATE_GOLDEN=1',
    ).toEqual(quoted);
  });

  it.each([80, 120])(
    'list at %i columns: the golden file, every line within the width, columns aligned in cells',
    async (columns) => {
      const out = lines(await expectGolden(['list'], columns, `list-${columns}.txt`));
      for (const line of out) {
        expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
      }
      const [header, ...rows] = out;
      const titles = ['HOST NAME', 'SOURCE IP', 'TARGET IP', 'ERROR CODE', 'MESSAGE'];
      const starts = columnStarts(header!, titles);
      for (const row of rows.slice(0, -1)) {
        // Every cell of a row starts where its title does, counted in cells: 财 is two cells wide.
        for (const [i, start] of starts.entries()) {
          const before = prefixOfWidth(row, start);
          expect(before, `${titles[i]} in ${row}`).toBeDefined();
          expect(before!.endsWith('  ') && row[before!.length] !== ' ', `${titles[i]} in ${row}`).toBe(true);
        }
      }
      expect(out.at(-1)).toBe(`showing ${records.length} of ${records.length} failed source servers`);
      expect(out.some((line) => line.includes('财务'))).toBe(true);
    },
  );

  it.each([80, 120])('summary at %i columns: the golden file, every line within the width', async (columns) => {
    const out = lines(await expectGolden(['summary'], columns, `summary-${columns}.txt`));
    for (const line of out) {
      expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
    }
    expect(out[0]).toMatch(/^SMS\.2802 {2}\S.* {2}12 servers$/);
    expect(out).toContain('            and 2 more');
    expect(out.at(-1)).toMatch(/^16 failed source servers with 4 error codes \(1 unknown\)$/);
  });

  it.each([80, 120])(
    'list --lang zh at %i columns: the golden file, every line within the width, columns aligned in cells',
    async (columns) => {
      const out = lines(await expectGolden(['list', '--lang', 'zh'], columns, `list-zh-${columns}.txt`));
      for (const line of out) {
        expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
      }
      const [header, ...rows] = out;
      const titles = ['主机名', '源端 IP', '目的端 IP', '错误码', '消息'];
      expect(header!.startsWith('名称')).toBe(true);
      const starts = columnStarts(header!, titles);
      for (const row of rows.slice(0, -1)) {
        for (const [i, start] of starts.entries()) {
          const before = prefixOfWidth(row, start);
          expect(before, `${titles[i]} in ${row}`).toBeDefined();
          expect(before!.endsWith('  ') && row[before!.length] !== ' ', `${titles[i]} in ${row}`).toBe(true);
        }
      }
      expect(out.at(-1)).toBe(`显示 ${records.length} 台，共 ${records.length} 台迁移失败的源端服务器`);
    },
  );

  it.each([80, 120])(
    'summary --lang zh at %i columns: the golden file, every line within the width',
    async (columns) => {
      const out = lines(await expectGolden(['summary', '--lang', 'zh'], columns, `summary-zh-${columns}.txt`));
      for (const line of out) {
        expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
      }
      expect(out[0]).toMatch(/^SMS\.2802 {2}网络与连通性 {2}12 台服务器$/);
      expect(out).toContain('              另有 2 台');
      expect(out).toContain('按类别：');
      expect(out.at(-1)).toBe('共 16 台源端服务器迁移失败，涉及 4 个错误码（其中 1 个未知）');
    },
  );

  it('--wide prints every cell whole, as a pipe does without COLUMNS', async () => {
    const wide = await runCli(['list', '--wide', '--endpoint', sandbox.url], { ...env, COLUMNS: '80' });
    const piped = await runCli(['list', '--endpoint', sandbox.url], env);
    expect(wide.stdout).toBe(piped.stdout);
    expect(wide.stdout).not.toContain('…');
    expect(wide.stdout).toContain('unknown code; params: /, /mnt/vdb1');
    expect(Math.max(...lines(wide.stdout).map((line) => stringWidth(line)))).toBeGreaterThan(120);
  });

  it('ignores a COLUMNS that is not a positive number', async () => {
    const piped = await runCli(['list', '--endpoint', sandbox.url], env);
    for (const columns of ['abc', '0', '', '-5']) {
      expect((await runCli(['list', '--endpoint', sandbox.url], { ...env, COLUMNS: columns })).stdout, columns).toBe(
        piped.stdout,
      );
    }
  });
});

// Huawei's example page, as the mock serves it: every host name is the server's name or missing, and no
// server has a target IP. A table too narrow for every cell leaves those two columns out and says so in
// its footer, so that the names and the messages get the room before anything is cut.
describe('golden outputs of a page whose host names and target IPs add nothing', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock();
  });
  afterAll(() => mock?.stop());

  it.each([80, 120])(
    'list at %i columns leaves out HOST NAME and TARGET IP, says so, and cuts no name',
    async (columns) => {
      const out = lines(await expectGolden(['list'], columns, `list-mock-${columns}.txt`, mock.url));
      for (const line of out) {
        expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
      }
      expect(out[0]).toMatch(/^NAME +SOURCE IP +ERROR CODE +MESSAGE$/);
      const rows = out.slice(
        1,
        out.findIndex((line) => line.startsWith('showing ')),
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.split('  ')[0], row).not.toContain('…');
      }
      expect(out.slice(rows.length + 2).join(' ')).toBe(
        'HOST NAME not shown: the same as NAME, or missing, on every row; TARGET IP not shown: missing on every row (--wide shows every column)',
      );
    },
  );

  it('keeps every column with --wide, and in a pipe', async () => {
    for (const [args, columns] of [
      [['--wide'], '80'],
      [[], undefined],
    ] as const) {
      const { stdout } = await runCli(
        ['list', ...args, '--endpoint', mock.url],
        columns === undefined ? env : { ...env, COLUMNS: columns },
      );
      expect(lines(stdout)[0]).toMatch(/^NAME +HOST NAME +SOURCE IP +TARGET IP +ERROR CODE +MESSAGE$/);
      expect(stdout).not.toContain('not shown');
    }
  });
});
