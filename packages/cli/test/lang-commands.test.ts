// doctor, diff and watch in Chinese (LANG=zh_CN.UTF-8): their headings, check names, details, actions,
// warnings, stderr lines and usage errors are Chinese, and nothing English is left but what the service or
// the operator's files hold (names, addresses, error parameters). English output is held by the other tests.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningSandbox, startSandbox } from '@sms-errors/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStatusLine } from '../src/commands/watch/status-line.js';
import { ExitCode } from '../src/shared/exit-codes.js';
import { messagesFor } from '../src/shared/messages.js';
import { englishSentences } from './english.js';
import { json, record, runCli, startServer, type TestServer } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sms-lang-'));
const zh = { LANG: 'zh_CN.UTF-8' };
const token = { SMS_AUTH_TOKEN: 'lang-commands-token' };
const errorJson = (code: string, params: string[] = []) =>
  JSON.stringify({ error_code: code, error_param: JSON.stringify(params) });

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

let sandbox: RunningSandbox;
/** Refuses every request as the gateway refuses a bad token: a sweep that fails at once, without retries. */
let refusing: TestServer;
beforeAll(async () => {
  [sandbox, refusing] = await Promise.all([
    startSandbox(),
    startServer((_request, response) => json(response, 401, { error_code: 'APIGW.0301', error_msg: 'staged failure' })),
  ]);
});
afterAll(async () => {
  await Promise.all([sandbox?.stop(), refusing?.close()]);
});

describe('LANG=zh_CN.UTF-8 sms-errors doctor', () => {
  it('names each check and its result in Chinese, with no English sentence', async () => {
    const { code, stdout, stderr } = await runCli(['doctor', '--endpoint', sandbox.url], {
      ...zh,
      ...token,
      HOME: dir,
    });
    expect([code, stderr]).toEqual([ExitCode.ok, '']);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      '正常 运行环境',
      '正常 终端节点',
      '正常 凭证',
      '正常 时钟',
      '正常 请求',
    ]);
    expect(stdout).toMatch(/^正常 {2}请求 {6}GET \/v3\/errors\?limit=1：200，用时 \d+ ms/m);
    expect(englishSentences(stdout)).toEqual([]);
  });

  it('says a failed check and what to do in Chinese', async () => {
    const noCredentials = await runCli(['doctor', '--endpoint', sandbox.url], { ...zh, HOME: dir });
    expect(noCredentials.code).toBe(ExitCode.auth);
    expect(noCredentials.stdout).toMatch(/^失败 {2}凭证 +没有凭证：请设置 SMS_AUTH_TOKEN，.* -> 参见凭证指南$/m);
    // The sources it looked at, as the client names them, in Chinese too.
    expect(noCredentials.stdout).toMatch(
      /（已查找：env: 没有 \S+\/\S+，也没有 SMS_AUTH_TOKEN；iam: 没有 SMS_IAM_USER；profile: 没有 \S+；hcloud: 没有 \S+）/,
    );
    const refused = await runCli(['doctor', '--endpoint', refusing.url], { ...zh, ...token, HOME: dir });
    expect(refused.code).toBe(ExitCode.auth);
    expect(refused.stdout).toMatch(
      /^失败 {2}请求 +GET \/v3\/errors\?limit=1：401 用时 \d+ ms：服务拒绝了请求（.*staged failure.*）；请检查凭证及其权限 -> 请检查凭证及其权限$/m,
    );
    for (const stdout of [noCredentials.stdout, refused.stdout.replace('staged failure', '')]) {
      expect(englishSentences(stdout)).toEqual([]);
    }
  });
});

describe('LANG=zh_CN.UTF-8 sms-errors diff', () => {
  // Before: servers 0-5. After: 0 resolved, 1 another code, 6 new; server 3 twice (a duplicate identity); the
  // after file is one page of a longer listing.
  const before = Array.from({ length: 6 }, (_, i) => record(i));
  const after = [{ ...record(1), error_json: errorJson('SMS.3805') }, ...before.slice(2), record(3), record(6)];
  const beforeFile = file('before.json', JSON.stringify({ count: before.length, migration_errors: before }));
  const afterFile = file('after.json', JSON.stringify({ count: 50, migration_errors: after }));

  it('prints the sections, headings, counts and warnings in Chinese, with no English sentence', async () => {
    const { code, stdout, stderr } = await runCli(['diff', beforeFile, afterFile, '--fail-on', 'new'], zh);
    expect(code).toBe(ExitCode.changes);
    expect(stdout).toMatch(/^新增（1 台）$/m);
    expect(stdout).toMatch(/^有变化（1 台）$/m);
    expect(stdout).toMatch(/^已解决（1 台）$/m);
    expect(stdout).toMatch(/^名称 +源端 IP +错误码 +类别 +处理建议$/m);
    expect(stdout).toMatch(/SMS\.2802 -> SMS\.3805/);
    expect(stdout).toMatch(/^\d+ 台未变化$/m);
    const warnings = stderr.trimEnd().split('\n');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^sms-errors: 警告: .*after\.json 只有其列表所报 50 台服务器中的 \d+ 台/);
    expect(warnings[1]).toMatch(
      /^sms-errors: 警告: id:00000000-0000-4000-8000-000000000003 在 .*before\.json 中有 1 条记录，在 .*after\.json 中有 2 条：不参与比较，也不合并$/,
    );
    expect(englishSentences(stdout + stderr)).toEqual([]);
  });

  it('says its usage errors and an unreadable snapshot in Chinese (exit 2)', async () => {
    const runs = await Promise.all([
      runCli(['diff'], zh),
      runCli(['diff', '-', '-'], zh),
      runCli(['diff', beforeFile, afterFile, '--region', 'cn-north-4'], zh),
      runCli(['diff', join(dir, 'missing.json'), afterFile], zh),
      runCli(['diff', beforeFile, afterFile, '--fail-on', 'some'], zh),
    ]);
    expect(runs.map(({ code }) => code)).toEqual(Array(runs.length).fill(ExitCode.usage));
    expect(runs.map(({ stderr }) => stderr.replace(dir, 'DIR'))).toEqual([
      'sms-errors: diff 的参数是 之前 [之后]：两个快照文件，或一个快照文件加当前列表（- 表示标准输入）\n',
      'sms-errors: 之前 和 之后 中只能有一个是 -（标准输入）\n',
      'sms-errors: --region 只用于读取当前列表，而 diff 已给出两个快照\n',
      'sms-errors: 无法读取 DIR/missing.json：文件不存在\n',
      'sms-errors: --fail-on 必须是以下之一：new、changed、any\n',
    ]);
    for (const { stderr } of runs) {
      expect(englishSentences(stderr)).toEqual([]);
    }
  });
});

describe('LANG=zh_CN.UTF-8 sms-errors watch --once', () => {
  it('says the baseline, a failed sweep and its usage errors in Chinese; change lines keep their English change words', async () => {
    const state = join(dir, 'state.json');
    const watch = (endpoint: string, ...args: string[]) =>
      runCli(['watch', '--state', state, '--endpoint', endpoint, '--once', ...args], { ...zh, ...token });
    const baseline = await watch(sandbox.url, '--baseline');
    expect(baseline.code).toBe(ExitCode.ok);
    expect(baseline.stderr).toMatch(/^\S+Z 基线：已把 \d+ 台迁移失败的服务器记录到 .*state\.json\n$/);

    const failed = await watch(refusing.url);
    expect(failed.code).toBe(ExitCode.auth);
    expect(failed.stderr).toMatch(/^\S+Z 读取失败：服务拒绝了请求（.*）；请检查凭证及其权限；状态文件未改动\n$/);

    // A state whose records are all gone: every server of the sandbox is new, as the first run prints them.
    writeFileSync(state, JSON.stringify({ count: 0, migration_errors: [] }));
    const lines = await watch(sandbox.url);
    expect([lines.code, lines.stderr]).toEqual([ExitCode.ok, '']);
    expect(lines.stdout).toMatch(/^\S+Z {2}new {2}/);

    const usage = await Promise.all([
      runCli(['watch'], zh),
      runCli(['watch', '--state', state, '--interval', '1s'], zh),
      runCli(['watch', '--state', state, '--output', 'csv'], zh),
      runCli(['watch', '--state', state, '--webhook', 'ftp://127.0.0.1/x'], zh),
    ]);
    expect(usage.map(({ code, stderr }) => [code, stderr])).toEqual([
      [ExitCode.usage, 'sms-errors: watch 需要 --state 文件：用来在两次运行之间保存上一次读取的结果\n'],
      [ExitCode.usage, 'sms-errors: --interval 必须在 10s 到 24h 之间，例如 30s、5m 或 1h（只写数字表示秒）\n'],
      [ExitCode.usage, 'sms-errors: watch 只输出逐行文本（默认）或 --output ndjson，不支持 csv\n'],
      [ExitCode.usage, 'sms-errors: --webhook 必须是完整的 http(s) URL\n'],
    ]);
    for (const stderr of [
      baseline.stderr,
      failed.stderr.replace('staged failure', ''),
      ...usage.map((run) => run.stderr),
    ]) {
      expect(englishSentences(stderr)).toEqual([]);
    }
  });

  it('says a state file that is no snapshot in Chinese and leaves it as it is (exit 2)', async () => {
    const state = file('broken-state.json', 'not json at all');
    const { code, stderr } = await runCli(['watch', '--state', state, '--endpoint', sandbox.url, '--once'], {
      ...zh,
      ...token,
    });
    expect(code).toBe(ExitCode.usage);
    expect(stderr).toMatch(
      /^sms-errors: 状态文件有误：.*broken-state\.json 不是快照：.*；文件保持原样（请把它移走，或删除后用 --baseline 重新开始）\n$/,
    );
  });
});

describe("watch's status line (a terminal only)", () => {
  it('is Chinese in Chinese and unchanged in English', () => {
    const written = (lang: 'en' | 'zh') => {
      let out = '';
      createStatusLine({ isTTY: true, write: (text: string) => (out += text) }, messagesFor(lang)).show(
        300_000,
        4_200,
        12,
      );
      return out.replace('\r\u001b[2K', '');
    };
    expect(written('en')).toBe('next sweep in 5m, last sweep took 4.2s, 12 failing (Ctrl-C stops)');
    expect(written('zh')).toBe('5m 后再次读取，上次读取用时 4.2s，12 台失败（按 Ctrl-C 停止）');
  });
});
