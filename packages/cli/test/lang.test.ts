// The CLI in Chinese: the language comes from --lang, else LC_ALL, LC_MESSAGES and LANG in that order (zh...
// is Chinese); in Chinese, `summary` against the seeded sandbox prints no English sentence but the data the
// service sent, and explain, usage errors, credential errors and --help are Chinese too.

import { createSmsClient, type MigrationError } from '@sms-errors/client';
import { lookupErrorCode } from '@sms-errors/client/decode/zh';
import { type RunningSandbox, startSandbox } from '@sms-errors/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../src/shared/exit-codes.js';
import { languageFromEnv } from '../src/shared/messages.js';
import { englishSentences } from './english.js';
import { runCli } from './helpers.js';

const token = { SMS_AUTH_TOKEN: 'lang-token' };
let sandbox: RunningSandbox;
let records: MigrationError[];

beforeAll(async () => {
  sandbox = await startSandbox();
  records = await createSmsClient({ baseUrl: sandbox.url, token: token.SMS_AUTH_TOKEN }).listAllMigrationErrors();
});
afterAll(() => sandbox?.stop());

/** `text` without the values the service sent (names, host names, IPs, error parameters): those stay as sent. */
function withoutServiceData(text: string): string {
  const values = records.flatMap((record) => {
    const { error_param: param } = JSON.parse(record.error_json) as { error_param?: string };
    const params = typeof param === 'string' ? (JSON.parse(param) as string[]) : [];
    return [record.name, record.host_name, record.source_ip, record.target_ip, ...params].filter(
      (value): value is string => Boolean(value),
    );
  });
  // Longest first, so that a value containing another is removed whole.
  return [...new Set(values)]
    .sort((a, b) => b.length - a.length)
    .reduce((out, value) => out.split(value).join(' '), text);
}

describe('LANG=zh_CN.UTF-8 sms-errors summary', () => {
  it('prints Chinese headings, labels, totals and catalogue texts, and no English sentence but the service data', async () => {
    const { code, stdout, stderr } = await runCli(['summary', '--endpoint', sandbox.url], {
      ...token,
      LANG: 'zh_CN.UTF-8',
    });
    expect([code, stderr]).toEqual([ExitCode.ok, '']);
    expect(stdout).toContain('按类别：');
    expect(stdout).toMatch(/^共 [\d,]+ 台源端服务器迁移失败，涉及 \d+ 个错误码/m);
    expect(stdout).toContain(lookupErrorCode('SMS.2802', { lang: 'zh' })!.action.slice(0, 10));
    expect(englishSentences(withoutServiceData(stdout))).toEqual([]);
    // The check itself sees an English sentence: the same run in English is full of them. (A pipe gets every
    // cell whole, so a value of the service is never cut and is removed whole.)
    const english = await runCli(['summary', '--endpoint', sandbox.url], { ...token, LANG: 'en_US.UTF-8' });
    expect(englishSentences(withoutServiceData(english.stdout)).length).toBeGreaterThan(10);
  });

  it('and list, in Chinese, has Chinese column titles and footer', async () => {
    const { stdout } = await runCli(['list', '--endpoint', sandbox.url, '--limit', '5'], {
      ...token,
      LANG: 'zh_CN.UTF-8',
    });
    expect(stdout.split('\n')[0]).toMatch(/^名称 +主机名 +源端 IP +目的端 IP +错误码 +消息$/);
    expect(stdout).toMatch(/显示 5 台，共 [\d,]+ 台迁移失败的源端服务器（下一页：--offset 5，或用 --all 读取全部）/);
    expect(englishSentences(withoutServiceData(stdout))).toEqual([]);
  });
});

describe('the language of a run', () => {
  it('comes from LC_ALL, then LC_MESSAGES, then LANG; zh... is Chinese, anything else English', () => {
    expect(languageFromEnv({})).toBe('en');
    expect(languageFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(languageFromEnv({ LANG: 'zh_TW.UTF-8' })).toBe('zh');
    expect(languageFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(languageFromEnv({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(languageFromEnv({ LC_ALL: 'C', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(languageFromEnv({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh');
    // An empty variable is not set.
    expect(languageFromEnv({ LC_ALL: '', LANG: 'zh_CN.UTF-8' })).toBe('zh');
  });

  it('is --lang when given, whatever the environment says', async () => {
    const zh = await runCli(['explain', 'SMS.0203', '--lang', 'zh'], { LANG: 'en_US.UTF-8' });
    expect(zh.stdout).toContain('处理建议：');
    const en = await runCli(['explain', 'SMS.0203', '--lang=en'], { LANG: 'zh_CN.UTF-8' });
    expect(en.stdout).toContain('Action:');
  });

  it('refuses a --lang that names no language, in the language of the environment (exit 2)', async () => {
    expect(await runCli(['explain', 'SMS.0203', '--lang', 'fr'], { LANG: 'zh_CN.UTF-8' })).toMatchObject({
      code: ExitCode.usage,
      stdout: '',
      stderr: 'sms-errors: --lang 必须是 en、zh 之一\n',
    });
    expect((await runCli(['explain', 'SMS.0203', '--lang', 'fr'])).stderr).toBe(
      'sms-errors: --lang must be one of en, zh\n',
    );
  });
});

describe('in Chinese', () => {
  it('explain prints the catalogue entry in Chinese (the JSON too, with English keys)', async () => {
    const entry = lookupErrorCode('SMS.5401', { lang: 'zh' })!;
    const json = await runCli(['explain', '5401', '--json', '--lang', 'zh']);
    expect(JSON.parse(json.stdout)).toMatchObject([
      { code: 'SMS.5401', known: true, message: entry.message, action: entry.action, category_title: '目的端服务器' },
    ]);
  });

  it('says an unknown code, a usage error and missing credentials in Chinese', async () => {
    const unknown = await runCli(['explain', 'SMS.9999'], { LANG: 'zh_CN.UTF-8' });
    expect(unknown.code).toBe(ExitCode.unknownCode);
    expect(unknown.stdout).toContain('未知错误码');
    expect(unknown.stderr).toBe('sms-errors: 未知错误码 SMS.9999：不在本目录的 396 个错误码中\n');
    const usage = await runCli(['list', '--regoin', 'x'], { LANG: 'zh_CN.UTF-8' });
    expect(usage).toMatchObject({
      code: ExitCode.usage,
      stderr: 'sms-errors: 未知选项 --regoin（参见 sms-errors --help）\n',
    });
    const bound = await runCli(['list', '--endpoint', sandbox.url, '--limit', '1000'], {
      ...token,
      LANG: 'zh_CN.UTF-8',
    });
    expect(bound).toMatchObject({
      code: ExitCode.usage,
      stderr: 'sms-errors: --limit 取值不合法，要求：0 到 100 之间的整数\n',
    });
    const credentials = await runCli(['summary', '--endpoint', sandbox.url], { LANG: 'zh_CN.UTF-8' });
    expect(credentials.code).toBe(ExitCode.auth);
    expect(credentials.stderr).toMatch(/^sms-errors: 没有凭证：请设置 SMS_AUTH_TOKEN，或 /);
    for (const stderr of [unknown.stderr, usage.stderr, bound.stderr, credentials.stderr]) {
      expect(englishSentences(stderr)).toEqual([]);
    }
  });

  it('--help is Chinese, with no English sentence', async () => {
    const { code, stdout } = await runCli(['--help'], { LANG: 'zh_CN.UTF-8' });
    expect(code).toBe(ExitCode.ok);
    expect(stdout.startsWith('用法：sms-errors list [选项]')).toBe(true);
    expect(stdout).toContain('--lang en|zh');
    expect(englishSentences(stdout)).toEqual([]);
  });
});
