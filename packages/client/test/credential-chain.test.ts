// The credential chain with HOME pointed at temporary folders holding each kind of file Huawei's tools write,
// and broken ones: which source wins, why the ones before it did not, and one-line errors that name the file,
// the section or profile and the key, never a secret.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { credentialVariables, resolveCredentials, SmsCredentialsError } from '../src/credentials-from-env.js';

const SECRET = 'sk-must-never-be-shown-0123456789';
const AK = 'AKIDEXAMPLE0000000001';
const PROJECT = '0000000000000000000000000000proj';

function home(files: Record<string, string> = {}, mode = 0o600): string {
  const dir = mkdtempSync(join(tmpdir(), 'sms-home-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
    chmodSync(join(dir, path), mode);
  }
  return dir;
}

const profileFile = (body: string) => ({ '.huaweicloud/credentials': body });
const kooCli = (config: unknown) => ({ '.hcloud/config.json': JSON.stringify(config) });
const akskProfile = {
  name: 'ops',
  mode: 'AKSK',
  accessKeyId: AK,
  secretAccessKey: SECRET,
  projectId: PROJECT,
  region: 'ap-southeast-3',
};

async function failure(options: Parameters<typeof resolveCredentials>[0]): Promise<SmsCredentialsError> {
  const error = await resolveCredentials({ warn: () => {}, ...options }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SmsCredentialsError);
  const { message } = error as SmsCredentialsError;
  expect(message).not.toContain(SECRET);
  expect(message).not.toContain('\n');
  return error as SmsCredentialsError;
}

describe('the credential chain', () => {
  it('names the variables it reads, Huawei names from the spec', () => {
    expect(credentialVariables).toMatchObject({
      ak: 'HUAWEICLOUD_SDK_AK',
      credentialsFile: 'HUAWEICLOUD_SDK_CREDENTIALS_FILE',
      iamUser: 'SMS_IAM_USER',
    });
  });

  it('takes the environment first, over the files', async () => {
    const resolved = await resolveCredentials({
      env: { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SECRET, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT },
      home: home(profileFile(`[basic]\nak = OTHERAK000000000000\nsk = x\nproject_id = p\n`)),
    });
    expect(resolved).toMatchObject({ source: 'env', maskedAk: 'AKID...0001', skipped: [] });
    expect(JSON.stringify(resolved)).not.toContain(SECRET);
  });

  it('takes SMS_AUTH_TOKEN when no AK/SK is set, then an IAM user', async () => {
    await expect(resolveCredentials({ env: { SMS_AUTH_TOKEN: 't' }, home: home() })).resolves.toMatchObject({
      source: 'env',
      detail: 'SMS_AUTH_TOKEN',
    });
    const iam = await resolveCredentials({
      env: { SMS_IAM_USER: 'ops', SMS_IAM_PASSWORD: SECRET, SMS_IAM_DOMAIN: 'acme' },
      region: 'cn-north-4',
      home: home(),
    });
    expect(iam).toMatchObject({
      source: 'iam',
      detail: expect.stringContaining('https://iam.cn-north-4.myhuaweicloud.com'),
    });
    expect(JSON.stringify(iam)).not.toContain(SECRET);
    expect(iam.detail).not.toContain(SECRET);
  });

  it("takes IAM's endpoint from HUAWEICLOUD_SDK_IAM_ENDPOINT, else the profile file's iam_endpoint", async () => {
    const iamEnv = { SMS_IAM_USER: 'ops', SMS_IAM_PASSWORD: SECRET, SMS_IAM_DOMAIN: 'acme', SMS_IAM_PROJECT: 'p1' };
    const dir = home(profileFile(`[basic]\niam_endpoint = http://127.0.0.1:9/iam\n`));
    await expect(resolveCredentials({ env: iamEnv, home: dir })).resolves.toMatchObject({
      detail: expect.stringContaining('at http://127.0.0.1:9/iam'),
    });
    await expect(
      resolveCredentials({ env: { ...iamEnv, HUAWEICLOUD_SDK_IAM_ENDPOINT: 'http://127.0.0.1:8' }, home: dir }),
    ).resolves.toMatchObject({
      detail: expect.stringContaining('at http://127.0.0.1:8'),
    });
  });

  it("reads the SDK profile file's [basic] section, warning when others can read it", async () => {
    const warnings: string[] = [];
    const dir = home(profileFile(`[basic]\nak = ${AK}\nsk = ${SECRET}\nproject_id = ${PROJECT}\n`), 0o644);
    const resolved = await resolveCredentials({ env: {}, home: dir, warn: (line) => warnings.push(line) });
    expect(resolved).toMatchObject({ source: 'profile', maskedAk: 'AKID...0001' });
    expect(resolved.skipped.map((s) => s.source)).toEqual(['env', 'iam']);
    expect(warnings).toEqual([
      expect.stringMatching(/credentials holds a secret key and other users can access it \(mode 644\): chmod 600/),
    ]);
    expect(warnings.join()).not.toContain(SECRET);
  });

  it('reads the file HUAWEICLOUD_SDK_CREDENTIALS_FILE names, and refuses a missing one by name', async () => {
    const dir = home({ 'elsewhere.ini': `[basic]\nak = ${AK}\nsk = ${SECRET}\nproject_id = ${PROJECT}\n` });
    await expect(
      resolveCredentials({ env: { HUAWEICLOUD_SDK_CREDENTIALS_FILE: join(dir, 'elsewhere.ini') }, home: home() }),
    ).resolves.toMatchObject({ source: 'profile' });
    const error = await failure({ env: { HUAWEICLOUD_SDK_CREDENTIALS_FILE: join(dir, 'missing.ini') }, home: home() });
    expect(error.message).toMatch(/missing\.ini: does not exist \(named by HUAWEICLOUD_SDK_CREDENTIALS_FILE\)/);
  });

  it.each([
    ['a missing key', `[basic]\nak = ${AK}\nsk = ${SECRET}\n`, /credentials \[basic\] project_id: is missing or empty/],
    ['no [basic] section', `[global]\nak = ${AK}\nsk = ${SECRET}\n`, /has no \[basic\] section/],
    [
      'an empty secret key',
      `[basic]\nak = ${AK}\nsk =\nproject_id = ${PROJECT}\n`,
      /\[basic\] sk: is missing or empty/,
    ],
  ])('refuses a profile file with %s in one line', async (_name, body, expected) => {
    const error = await failure({ env: {}, home: home(profileFile(body)) });
    expect(error.message).toMatch(expected);
    expect(error.source).toBe('profile');
  });

  it('refuses an unreadable profile file by name', async () => {
    if (process.getuid?.() === 0) {
      return; // root reads any file
    }
    const dir = home(profileFile(`[basic]\nak = ${AK}\nsk = ${SECRET}\nproject_id = ${PROJECT}\n`), 0o000);
    const error = await failure({ env: {}, home: dir });
    expect(error.message).toMatch(/credentials: cannot be read \(EACCES\)/);
  });

  it("reads KooCLI's current AKSK profile and its region, or the one --profile / SMS_PROFILE names", async () => {
    const config = {
      current: 'ops',
      profiles: [
        akskProfile,
        { ...akskProfile, name: 'other', accessKeyId: 'OTHERAK0000000000002', region: 'cn-north-4' },
      ],
    };
    await expect(resolveCredentials({ env: {}, home: home(kooCli(config)) })).resolves.toMatchObject({
      source: 'hcloud',
      region: 'ap-southeast-3',
      maskedAk: 'AKID...0001',
    });
    await expect(
      resolveCredentials({ env: { SMS_PROFILE: 'other' }, home: home(kooCli(config)) }),
    ).resolves.toMatchObject({ region: 'cn-north-4', maskedAk: 'OTHE...0002' });
    await expect(resolveCredentials({ env: {}, profile: 'other', home: home(kooCli(config)) })).resolves.toMatchObject({
      region: 'cn-north-4',
    });
  });

  it.each([
    ['an unknown profile', { current: 'nope', profiles: [akskProfile] }, /profile "nope": not found \(profiles: ops\)/],
    [
      'an ECS agency profile',
      { current: 'ops', profiles: [{ ...akskProfile, mode: 'ecsAgency' }] },
      /profile "ops" mode: is ecsAgency, not AKSK: .*--credentials-source ecs/,
    ],
    ['an SSO profile', { current: 'ops', profiles: [{ ...akskProfile, mode: 'SSO' }] }, /mode: is SSO, not AKSK/],
    [
      'encrypted keys',
      { current: 'ops', profiles: [{ ...akskProfile, accessKeyId: 'v1:Zm9vYmFyYmF6cXV4+/==' }] },
      /accessKeyId: looks encrypted .*--cli-auth-encrypt=false/,
    ],
    [
      'a missing secret key',
      { current: 'ops', profiles: [{ ...akskProfile, secretAccessKey: '' }] },
      /profile "ops" secretAccessKey: is missing or empty/,
    ],
    ['no current profile', { profiles: [akskProfile] }, /names no current profile: pass --profile/],
  ])('refuses KooCLI configuration with %s in one line', async (_name, config, expected) => {
    const error = await failure({ env: {}, home: home(kooCli(config)) });
    expect(error.message).toMatch(expected);
    expect(error.source).toBe('hcloud');
  });

  it('refuses KooCLI configuration that is not JSON', async () => {
    const error = await failure({
      env: {},
      home: home({ '.hcloud/config.json': `{"current": "ops", "profiles": [${SECRET}` }),
    });
    expect(error.message).toMatch(/config\.json: is not valid JSON$/);
  });

  it('refuses a half-set environment by the variable missing', async () => {
    expect(
      (await failure({ env: { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SECRET }, home: home() })).message,
    ).toMatch(/^HUAWEICLOUD_SDK_PROJECT_ID: is not set/);
    expect((await failure({ env: { SMS_IAM_USER: 'ops', SMS_IAM_PASSWORD: SECRET }, home: home() })).message).toMatch(
      /^SMS_IAM_DOMAIN: is not set/,
    );
  });

  it('says what it tried when nothing is there, and never tries the metadata service unasked', async () => {
    const error = await failure({
      env: {},
      home: home(),
      fetch: () => Promise.reject(new Error('no request may be sent')),
    });
    expect(error.message).toMatch(
      /^credentials: none found \(env: no HUAWEICLOUD_SDK_AK\/HUAWEICLOUD_SDK_SK or SMS_AUTH_TOKEN; iam: no SMS_IAM_USER; profile: no .*credentials; hcloud: no .*config\.json\)$/,
    );
  });

  it('takes explicit options over everything else', async () => {
    const resolved = await resolveCredentials({
      credentials: { ak: AK, sk: SECRET, projectId: PROJECT },
      env: { SMS_AUTH_TOKEN: 't' },
      home: home(),
    });
    expect(resolved).toMatchObject({ source: 'options', skipped: [] });
  });

  it('forces one source: a later one wins over an earlier complete one, and a forced empty source is an error', async () => {
    const dir = home(kooCli({ current: 'ops', profiles: [akskProfile] }));
    const env = { SMS_AUTH_TOKEN: 'token' };
    await expect(resolveCredentials({ env, home: dir, source: 'hcloud' })).resolves.toMatchObject({
      source: 'hcloud',
      skipped: [],
    });
    expect((await failure({ env, home: dir, source: 'profile' })).message).toMatch(/none found \(profile: no /);
  });
});
