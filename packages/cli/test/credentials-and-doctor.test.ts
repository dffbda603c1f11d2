// The credential chain in the CLI (HOME pointed at temporary folders, --credentials-source, --profile, a
// KooCLI profile's region), the clock hint, and `sms-errors doctor` against the mock and the sandbox: one line
// per check, the first failure's exit code, --output json. run() in-process; every address is loopback (a
// profile's real regional endpoint is answered by a fetch stub, so no packet leaves the machine).
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type RunningMock,
  type RunningSandbox,
  sandboxTestCredentials,
  startMock,
  startSandbox,
} from '@sms-errors/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/run.js';
import { ExitCode } from '../src/shared/exit-codes.js';

class Capture {
  text = '';
  write(chunk: string) {
    this.text += chunk;
    return true;
  }
}

async function cli(argv: string[], env: Record<string, string>, fetch?: typeof globalThis.fetch) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await run({ argv, env, stdout, stderr, fetch });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function home(files: Record<string, string> = {}, mode = 0o600): string {
  const dir = mkdtempSync(join(tmpdir(), 'sms-cli-home-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
    chmodSync(join(dir, path), mode);
  }
  return dir;
}

const { ak, sk, projectId } = sandboxTestCredentials;
const profileFile = { '.huaweicloud/credentials': `[basic]\nak = ${ak}\nsk = ${sk}\nproject_id = ${projectId}\n` };
const kooCli = (profile: Record<string, unknown>) => ({
  '.hcloud/config.json': JSON.stringify({
    current: 'ops',
    profiles: [{ name: 'ops', mode: 'AKSK', accessKeyId: ak, secretAccessKey: sk, projectId, ...profile }],
  }),
});
const iamUser = { user: 'migration-operator', password: 'cli-iam-password-never-shown', domain: 'example-account' };

let mock: RunningMock;
let sandbox: RunningSandbox;
let skewed: RunningSandbox;
beforeAll(async () => {
  [mock, sandbox, skewed] = await Promise.all([
    startMock(),
    startSandbox({ size: 4, iam: iamUser }),
    // The gateway's clock 20 minutes ahead: the local clock is 20 minutes behind it.
    startSandbox({ size: 4, now: () => new Date(Date.now() + 20 * 60_000) }),
  ]);
}, 90_000);
afterAll(() => Promise.all([mock?.stop(), sandbox?.stop(), skewed?.stop()]));

describe('credential sources in the CLI', () => {
  it("signs with the SDK profile file's [basic] keys, and warns once when others can read the file", async () => {
    const { code, stdout, stderr } = await cli(['list', '--endpoint', sandbox.url, '--json'], {
      HOME: home(profileFile, 0o644),
    });
    expect(code).toBe(ExitCode.ok);
    expect(JSON.parse(stdout)).toMatchObject({ count: 4 });
    expect(stderr).toMatch(
      /^sms-errors: warning: .*credentials holds a secret key and other users can access it \(mode 644\): chmod 600 .*\n$/,
    );
    expect(stderr).not.toContain(sk);
  });

  it("uses a KooCLI profile's region when neither --region nor --endpoint is given (its endpoint answered by a stub)", async () => {
    const hosts: string[] = [];
    const stub: typeof globalThis.fetch = async (input) => {
      hosts.push(new URL(input instanceof Request ? input.url : String(input)).host);
      return new Response(JSON.stringify({ count: 0, migration_errors: [] }), {
        headers: { 'Content-Type': 'application/json' },
      });
    };
    const { code } = await cli(['list', '--json'], { HOME: home(kooCli({ region: 'ap-southeast-3' })) }, stub);
    expect(code).toBe(ExitCode.ok);
    expect(hosts).toEqual(['sms.ap-southeast-3.myhuaweicloud.com']);
  });

  it('--profile and SMS_PROFILE pick the KooCLI profile; an unknown one is exit 3 naming it', async () => {
    const dir = home(kooCli({}));
    expect((await cli(['list', '--endpoint', sandbox.url, '--profile', 'ops'], { HOME: dir })).code).toBe(ExitCode.ok);
    const { code, stderr } = await cli(['list', '--endpoint', sandbox.url], { HOME: dir, SMS_PROFILE: 'nope' });
    expect(code).toBe(ExitCode.auth);
    expect(stderr).toMatch(/^sms-errors: .*config\.json profile "nope": not found \(profiles: ops\)\n$/);
  });

  it('--credentials-source forces one source: a later one over an earlier complete one, and a forced empty one is exit 3', async () => {
    const dir = home(kooCli({}));
    const env = { HOME: dir, SMS_AUTH_TOKEN: 'a-token-the-sandbox-would-accept' };
    expect((await cli(['list', '--endpoint', sandbox.url, '--credentials-source', 'hcloud'], env)).code).toBe(
      ExitCode.ok,
    );
    const { code, stderr } = await cli(['list', '--endpoint', sandbox.url, '--credentials-source', 'profile'], env);
    expect(code).toBe(ExitCode.auth);
    expect(stderr).toMatch(/^sms-errors: no credentials: .*\(tried profile: no .*credentials\)\n$/);
    expect((await cli(['list', '--endpoint', sandbox.url, '--credentials-source', 'vault'], env)).stderr).toMatch(
      /--credentials-source must be one of env, profile, hcloud, iam, ecs/,
    );
  });

  it('a broken KooCLI profile (encrypted keys) is one line naming the file, profile and key', async () => {
    const { code, stderr } = await cli(['list', '--endpoint', sandbox.url], {
      HOME: home(kooCli({ accessKeyId: 'v1:ZW5jcnlwdGVk+/==' })),
    });
    expect(code).toBe(ExitCode.auth);
    expect(stderr).toMatch(/^sms-errors: .*config\.json profile "ops" accessKeyId: looks encrypted .*\n$/);
  });

  it('an IAM user gets a token from IAM (the sandbox), and a wrong password is exit 3 without the password', async () => {
    const env = {
      HOME: home(),
      SMS_IAM_USER: iamUser.user,
      SMS_IAM_PASSWORD: iamUser.password,
      SMS_IAM_DOMAIN: iamUser.domain,
      SMS_IAM_PROJECT: 'cn-north-4',
      HUAWEICLOUD_SDK_IAM_ENDPOINT: sandbox.url,
    };
    expect((await cli(['list', '--endpoint', sandbox.url, '--json'], env)).code).toBe(ExitCode.ok);
    const wrong = await cli(['list', '--endpoint', sandbox.url], { ...env, SMS_IAM_PASSWORD: 'not-the-password' });
    expect(wrong.code).toBe(ExitCode.auth);
    expect(wrong.stderr).toMatch(/^sms-errors: IAM refused a token \(401 .*\n$/);
    expect(wrong.stderr).not.toContain('not-the-password');
  });

  it('a clock 20 minutes off is named with the fix (NTP), exit 3', async () => {
    const { code, stderr } = await cli(['list', '--endpoint', skewed.url], { HOME: home(profileFile) });
    expect(code).toBe(ExitCode.auth);
    expect(stderr).toMatch(
      /the local clock is 20 minutes behind the API gateway's; it accepts 15; set the clock from NTP/,
    );
  });
});

describe('sms-errors doctor', () => {
  it('passes every check against the mock with a token: one line each, exit 0', async () => {
    const { code, stdout } = await cli(['doctor', '--endpoint', mock.url], {
      HOME: home(),
      SMS_AUTH_TOKEN: 'doctor-token',
    });
    const lines = stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'ok runtime',
      'ok endpoint',
      'ok credentials',
      'ok clock',
      'ok request',
    ]);
    expect(stdout).toMatch(/credentials\s+env: SMS_AUTH_TOKEN\n/);
    expect(stdout).toMatch(/request\s+GET \/v3\/errors\?limit=1: 200 in \d+ ms/);
    expect(code).toBe(ExitCode.ok);
  });

  it('against the sandbox: the profile file won, why the sources before it did not, the AK as its first and last 4 characters, a request id', async () => {
    const { code, stdout } = await cli(['doctor', '--endpoint', sandbox.url, '--output', 'json'], {
      HOME: home(profileFile),
    });
    expect(code).toBe(ExitCode.ok);
    const report = JSON.parse(stdout) as { exitCode: number; checks: { name: string; ok: boolean; detail: string }[] };
    const credentials = report.checks.find((check) => check.name === 'credentials')!;
    expect(credentials.detail).toMatch(
      new RegExp(
        `^profile: .*credentials \\[basic\\] \\(AK ${ak.slice(0, 4)}\\.\\.\\.${ak.slice(-4)}\\) \\(before it: env: no .*; iam: no SMS_IAM_USER\\)$`,
      ),
    );
    expect(stdout).not.toContain(sk);
    expect(stdout).not.toContain(ak);
    expect(report.checks.find((check) => check.name === 'request')!.detail).toMatch(
      /200 in \d+ ms, request id [0-9a-f]{32}$/,
    );
    expect(report.exitCode).toBe(0);
  });

  it('fails the clock check against a gateway 20 minutes ahead, with the fix, and exits 3', async () => {
    const { code, stdout } = await cli(['doctor', '--endpoint', skewed.url], { HOME: home(profileFile) });
    expect(stdout).toMatch(
      /^FAIL\s+clock\s+the local clock is 20 minutes behind the API gateway's; it accepts 15 -> set the clock from NTP/m,
    );
    expect(stdout).toMatch(/^FAIL\s+request\s+GET \/v3\/errors\?limit=1: 401 /m);
    expect(code).toBe(ExitCode.auth);
  });

  it('fails the credentials check when there are none, exit 3, and stops there', async () => {
    const { code, stdout } = await cli(['doctor', '--endpoint', mock.url], { HOME: home() });
    expect(stdout).toMatch(/^FAIL\s+credentials\s+no credentials: /m);
    expect(stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(code).toBe(ExitCode.auth);
  });

  it('fails the request check with the status when the sandbox refuses the key', async () => {
    const wrong = { '.huaweicloud/credentials': `[basic]\nak = ${ak}\nsk = not-the-sk\nproject_id = ${projectId}\n` };
    const { code, stdout } = await cli(['doctor', '--endpoint', sandbox.url], { HOME: home(wrong) });
    expect(stdout).toMatch(/^ok\s+clock/m);
    expect(stdout).toMatch(/^FAIL\s+request\s+GET \/v3\/errors\?limit=1: 401 in \d+ ms: .*APIGW\.0301/m);
    expect(stdout).not.toContain('not-the-sk');
    expect(code).toBe(ExitCode.auth);
  });
});
